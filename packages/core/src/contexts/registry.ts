/**
 * The registry of OTTL contexts: their schemas (path tables, ancestors, enums), the names, and
 * upstream's default inference priority.
 */
import type { ContextName, TransformContext } from '../types/signature.js';
import type { PathTable } from './fields.js';
import { dataPointEnums, dataPointTable } from './datapoint.js';
import { exemplarTable } from './exemplar.js';
import { logEnums, logTable } from './log.js';
import { metricEnums, metricTable } from './metric.js';
import { profileEnums, profileTable } from './profile.js';
import { resourceTable } from './resource.js';
import { createContextSchema, type ReachableTable } from './schema.js';
import { scopeTable } from './scope.js';
import { spanEnums, spanTable } from './span.js';
import { spanEventTable } from './spanevent.js';
import { spanLinkTable } from './spanlink.js';
import type { ContextSchema } from './types.js';

/** Every context this package implements, outermost first. */
export const CONTEXT_NAMES: readonly ContextName[] = [
  'resource',
  'scope',
  'span',
  'spanevent',
  'spanlink',
  'metric',
  'datapoint',
  'exemplar',
  'log',
  'profile',
];

/**
 * Upstream's default context inference priority (reference §6.15), best first. Contexts not listed
 * (exemplar, spanlink) rank below all of these.
 */
export const DEFAULT_CONTEXT_PRIORITY: readonly string[] = [
  'log',
  'datapoint',
  'metric',
  'spanevent',
  'span',
  'profile',
  'scope',
  'instrumentation_scope',
  'resource',
];

function reach<C extends TransformContext>(table: PathTable<C>, ...aliases: string[]): ReachableTable {
  return { names: [table.name, ...aliases], table: table as unknown as PathTable<TransformContext> };
}

const RESOURCE = reach(resourceTable);
const SCOPE = reach(scopeTable, 'instrumentation_scope');
const SPAN = reach(spanTable);
const SPANEVENT = reach(spanEventTable);
const SPANLINK = reach(spanLinkTable);
const METRIC = reach(metricTable);
const DATAPOINT = reach(dataPointTable);
const EXEMPLAR = reach(exemplarTable);
const LOG = reach(logTable);
const PROFILE = reach(profileTable);

const NO_ENUMS: ReadonlyMap<string, bigint> = new Map();

interface Entry {
  readonly own: ReachableTable;
  readonly ancestors: readonly ReachableTable[];
  readonly enums: ReadonlyMap<string, bigint>;
}

const ENTRIES: { readonly [K in ContextName]?: Entry } = {
  resource: { own: RESOURCE, ancestors: [], enums: NO_ENUMS },
  scope: { own: SCOPE, ancestors: [RESOURCE], enums: NO_ENUMS },
  span: { own: SPAN, ancestors: [RESOURCE, SCOPE], enums: spanEnums },
  spanevent: { own: SPANEVENT, ancestors: [RESOURCE, SCOPE, SPAN], enums: spanEnums },
  spanlink: { own: SPANLINK, ancestors: [RESOURCE, SCOPE, SPAN], enums: spanEnums },
  metric: { own: METRIC, ancestors: [RESOURCE, SCOPE], enums: metricEnums },
  datapoint: { own: DATAPOINT, ancestors: [RESOURCE, SCOPE, METRIC], enums: dataPointEnums },
  exemplar: { own: EXEMPLAR, ancestors: [RESOURCE, SCOPE, METRIC, DATAPOINT], enums: dataPointEnums },
  log: { own: LOG, ancestors: [RESOURCE, SCOPE], enums: logEnums },
  profile: { own: PROFILE, ancestors: [RESOURCE, SCOPE], enums: profileEnums },
};

const OWN_TABLES: readonly ReachableTable[] = Object.values(ENTRIES).map((e) => e.own);
const schemas = new Map<ContextName, ContextSchema>();

export function isContextName(name: string): name is ContextName {
  return Object.prototype.hasOwnProperty.call(ENTRIES, name);
}

/** The schema of a context; throws for a name this package does not implement. */
export function getContextSchema(name: ContextName): ContextSchema {
  let schema = schemas.get(name);
  if (schema === undefined) {
    const entry = ENTRIES[name];
    if (entry === undefined) throw new Error(`unknown OTTL context: ${name}`);
    schema = createContextSchema({ name, ...entry, allTables: () => OWN_TABLES });
    schemas.set(name, schema);
  }
  return schema;
}
