/**
 * `include` / `exclude` blocks of the attributes processor (the Collector's `filterconfig`
 * MatchProperties): every field that is set must match (fields AND, values within a field OR;
 * `attributes` and `resources` entries must all match). `match_type` is `strict` or `regexp`
 * (unanchored RE2 search).
 */
import { valueAsString, valueEquals, valueFromRaw, type AttrValue, type PMap } from '@ottl/pdata';
import type { Signal } from '../component/componentId.js';
import type { DecodeContext, Decoder } from '../config/schema.js';
import { bool, list, oneOf, optional, raw, string, struct, type Infer } from '../config/schema.js';
import type { CfgNode } from '../config/tree.js';
import { compileGoRegex, type GoRegex } from './regex.js';

const kv = struct({ key: string(), value: raw() });

const propsConfig = struct({
  match_type: oneOf(['strict', 'regexp'] as const, 'strict'),
  regexp: raw(),
  services: list(string()),
  span_names: list(string()),
  span_kinds: list(string()),
  log_bodies: list(string()),
  log_severity_texts: list(string()),
  log_severity_number: optional(struct({ min: raw(), match_undefined: bool(false) })),
  metric_names: list(string()),
  attributes: list(kv),
  resources: list(kv),
  libraries: list(struct({ name: string(), version: optional(string()) })),
});

type PropsConfig = Infer<typeof propsConfig>;

/** What a matcher looks at for one item. */
export interface MatchItem {
  readonly resource: PMap;
  readonly scopeName: string;
  readonly scopeVersion: string;
  readonly attributes: PMap;
  readonly spanName?: string;
  /** OTLP span kind number. */
  readonly spanKind?: number;
  readonly logBody?: AttrValue;
  readonly severityText?: string;
  readonly severityNumber?: number;
  readonly metricName?: string;
}

export type Matcher = (item: MatchItem) => boolean;

const SPAN_KINDS = ['Unspecified', 'Internal', 'Server', 'Client', 'Producer', 'Consumer'];

const SEVERITY: Record<string, number> = { TRACE: 1, TRACE2: 2, TRACE3: 3, TRACE4: 4, DEBUG: 5, DEBUG2: 6, DEBUG3: 7, DEBUG4: 8, INFO: 9, INFO2: 10, INFO3: 11, INFO4: 12, WARN: 13, WARN2: 14, WARN3: 15, WARN4: 16, ERROR: 17, ERROR2: 18, ERROR3: 19, ERROR4: 20, FATAL: 21, FATAL2: 22, FATAL3: 23, FATAL4: 24 };

/** Fields that make sense per signal; others are config errors, like the Collector's checks. */
const ALLOWED: Record<Signal, readonly (keyof PropsConfig)[]> = {
  traces: ['services', 'span_names', 'span_kinds', 'attributes', 'resources', 'libraries'],
  logs: ['log_bodies', 'log_severity_texts', 'log_severity_number', 'attributes', 'resources', 'libraries'],
  metrics: ['metric_names', 'attributes', 'resources', 'libraries'],
  profiles: ['attributes', 'resources', 'libraries'],
};

/** A compiled include/exclude block. */
export interface CompiledMatch {
  readonly matcher: Matcher;
  /** The match fields that are set. */
  readonly fields: readonly string[];
  /** YAML path of the block, for messages. */
  readonly path: string;
}

/** Decodes and compiles an include/exclude block (patterns are checked here); absent → undefined. */
export const matchPropertiesDecoder: Decoder<CompiledMatch | undefined> = {
  describe: 'match properties {match_type, services, span_names, span_kinds, log_bodies, log_severity_texts, log_severity_number, metric_names, attributes, resources, libraries}',
  decode(node, ctx) {
    if (!node || (node.kind === 'scalar' && node.value === null)) return undefined;
    return compileMatch({ props: propsConfig.decode(node, ctx), node, path: ctx.path }, ctx);
  },
};

/** Why `m` cannot match items of `signal` (a field of another signal), or undefined when it can. */
export function matchSignalError(m: CompiledMatch, signal: Signal): string | undefined {
  const wrong = m.fields.filter((f) => !(ALLOWED[signal] as readonly string[]).includes(f));
  return wrong.length === 0 ? undefined : `${m.path}: ${wrong.join(', ')} cannot be used to match ${signal}`;
}

function compileOrReport(pattern: string, ctx: DecodeContext, path: string, loc: CfgNode['loc']): GoRegex | undefined {
  const r = compileGoRegex(pattern);
  if ('error' in r) {
    ctx.issues.add('config-error', path, loc ?? ctx.loc, `invalid regular expression ${JSON.stringify(pattern)}: ${r.error}`);
    return undefined;
  }
  return r;
}

/** Compiles a block; reports empty blocks and bad patterns. Returns undefined when the block had errors. */
function compileMatch(block: { props: PropsConfig; node: CfgNode | undefined; path: string }, ctx: DecodeContext): CompiledMatch | undefined {
  const p = block.props;
  const loc = block.node?.loc;
  let ok = true;
  const setFields = (Object.keys(ALLOWED) as Signal[]).flatMap((s) => ALLOWED[s]).filter((f, i, all) => all.indexOf(f) === i && isSet(p[f]));
  if (setFields.length === 0) {
    ctx.issues.add('config-error', block.path, loc ?? ctx.loc, 'at least one of the match fields must be set', {
      hint: 'services, span_names, span_kinds, log_bodies, log_severity_texts, log_severity_number, metric_names, attributes, resources or libraries',
    });
    ok = false;
  }
  const regexp = p.match_type === 'regexp';
  const strings = (field: string, values: readonly string[]): ((s: string) => boolean) | undefined => {
    if (values.length === 0) return undefined;
    if (!regexp) {
      const set = new Set(values);
      return (s) => set.has(s);
    }
    const res = values.map((v, i) => compileOrReport(v, ctx, `${block.path}.${field}[${i}]`, loc));
    if (res.some((r) => r === undefined)) ok = false;
    return (s) => res.some((r) => r!.test(s));
  };
  const kvs = (field: string, entries: PropsConfig['attributes']): ((m: PMap) => boolean) | undefined => {
    if (entries.length === 0) return undefined;
    const checks = entries.map((e, i) => {
      if (e.key === '') {
        ctx.issues.add('config-error', `${block.path}.${field}[${i}].key`, loc ?? ctx.loc, 'can\'t have empty key in the list of attributes');
        ok = false;
      }
      if (e.value === undefined || e.value === null) return (m: PMap) => m.has(e.key);
      if (regexp) {
        if (typeof e.value !== 'string') {
          ctx.issues.add('config-error', `${block.path}.${field}[${i}].value`, loc ?? ctx.loc, 'match_type regexp needs string values');
          ok = false;
          return () => false;
        }
        const re = compileOrReport(e.value, ctx, `${block.path}.${field}[${i}].value`, loc);
        if (!re) ok = false;
        return (m: PMap) => {
          const v = m.get(e.key);
          return v !== undefined && re !== undefined && re.test(valueAsString(v));
        };
      }
      const want = valueFromRaw(e.value);
      return (m: PMap) => {
        const v = m.get(e.key);
        return v !== undefined && valueEquals(v, want);
      };
    });
    return (m) => checks.every((c) => c(m));
  };
  const services = strings('services', p.services);
  const spanNames = strings('span_names', p.span_names);
  const spanKinds = p.span_kinds.length === 0 ? undefined : new Set(p.span_kinds.map((k) => k.replace(/^SPAN_KIND_/, '').toLowerCase()));
  const bodies = strings('log_bodies', p.log_bodies);
  const sevTexts = strings('log_severity_texts', p.log_severity_texts);
  const metricNames = strings('metric_names', p.metric_names);
  const attrs = kvs('attributes', p.attributes);
  const resources = kvs('resources', p.resources);
  let minSeverity: number | undefined;
  if (p.log_severity_number) {
    const m = p.log_severity_number.min;
    const n = typeof m === 'number' ? m : typeof m === 'string' ? SEVERITY[m.toUpperCase().replace(/^SEVERITY_NUMBER_/, '')] : undefined;
    if (n === undefined) {
      ctx.issues.add('config-error', `${block.path}.log_severity_number.min`, loc ?? ctx.loc, `invalid severity ${JSON.stringify(m)}`, { hint: 'use a severity name such as INFO or WARN, or a number 1-24' });
      ok = false;
    } else minSeverity = n;
  }
  const libraries = p.libraries.map((l, i) => ({
    name: strings(`libraries[${i}].name`, [l.name])!,
    version: l.version === undefined ? undefined : strings(`libraries[${i}].version`, [l.version])!,
  }));
  if (!ok) return undefined;
  const matchUndefined = p.log_severity_number?.match_undefined ?? false;
  const matcher: Matcher = (it) => {
    if (services && !services(valueAsString(it.resource.get('service.name') ?? ''))) return false;
    if (spanNames && !spanNames(it.spanName ?? '')) return false;
    if (spanKinds && !spanKinds.has((SPAN_KINDS[it.spanKind ?? 0] ?? '').toLowerCase())) return false;
    if (bodies && (typeof it.logBody !== 'string' || !bodies(it.logBody))) return false;
    if (sevTexts && !sevTexts(it.severityText ?? '')) return false;
    if (minSeverity !== undefined) {
      const sev = it.severityNumber ?? 0;
      if (sev === 0 ? !matchUndefined : sev < minSeverity) return false;
    }
    if (metricNames && !metricNames(it.metricName ?? '')) return false;
    if (resources && !resources(it.resource)) return false;
    if (libraries.length > 0 && !libraries.some((l) => l.name(it.scopeName) && (!l.version || l.version(it.scopeVersion)))) return false;
    if (attrs && !attrs(it.attributes)) return false;
    return true;
  };
  return { matcher, fields: setFields, path: block.path };
}

function isSet(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null;
}

/** The combined include/exclude test: included (or no include) and not excluded (or no exclude). */
export function includeExclude(include: Matcher | undefined, exclude: Matcher | undefined): Matcher | undefined {
  if (!include && !exclude) return undefined;
  return (it) => (!include || include(it)) && !(exclude && exclude(it));
}

