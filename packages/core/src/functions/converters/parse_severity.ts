import type { PMap } from '@ottl/pdata';

import { goFmtType, isList, isMap, isPlainObject, listItems } from '../../types/convert.js';
import { goFormatValue } from '../../types/math.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError, type Value } from '../../types/values.js';

/** One criterion of a level: exact strings, or an inclusive int range. */
interface Criterion {
  readonly equals: readonly string[];
  readonly range?: { readonly min: bigint; readonly max: bigint };
}

/** A level name and its criteria, in mapping order. */
type Mapping = readonly (readonly [string, readonly Criterion[]])[];

const HTTP_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  '2xx': [200n, 299n],
  '3xx': [300n, 399n],
  '4xx': [400n, 499n],
  '5xx': [500n, 599n],
};

function entriesOf(m: Value): [string, Value][] {
  if (isPlainObject(m)) return Object.entries(m);
  return [...(m as PMap).entries()];
}

function field(m: Value, key: string): Value | undefined {
  for (const [k, v] of entriesOf(m)) if (k === key) return v;
  return undefined;
}

function criterion(m: Value): Criterion {
  const equals: string[] = [];
  const eq = field(m, 'equals');
  if (eq !== undefined) {
    if (!isList(eq)) throw new Error('equals must be a list');
    for (const item of listItems(eq)) {
      if (typeof item !== 'string') throw new Error('equals values must be strings');
      equals.push(item);
    }
  }
  const range = field(m, 'range');
  if (range === undefined) return { equals };
  if (typeof range === 'string') {
    const r = HTTP_RANGES[range];
    if (r === undefined) throw new Error(`unknown range placeholder: ${range}`);
    return { equals, range: { min: r[0], max: r[1] } };
  }
  if (!isMap(range)) throw new Error('range must be a map or a known placeholder string');
  const min = field(range, 'min');
  if (min === undefined) throw new Error('range must have a min value');
  const max = field(range, 'max');
  if (max === undefined) throw new Error('range must have a max value');
  if (typeof min !== 'bigint') throw new Error('min must be an int64');
  if (typeof max !== 'bigint') throw new Error('max must be an int64');
  return { equals, range: { min, max } };
}

/** Validates a severity mapping; throws upstream's message for a malformed one. */
function parseMapping(m: Value): Mapping {
  return entriesOf(m).map(([level, list]) => {
    if (!isList(list)) throw new OttlError('severity mapping criteria must be []any');
    const criteria = listItems(list).map((c) => {
      if (!isMap(c)) throw new OttlError('severity mapping criteria items must be map[string]any');
      try {
        return criterion(c);
      } catch (e) {
        throw new OttlError(`invalid severity mapping criteria: ${(e as Error).message}`);
      }
    });
    return [level, criteria] as const;
  });
}

function matches(c: Criterion, v: Value): boolean {
  if (typeof v === 'string') return c.equals.includes(v);
  const r = c.range;
  return typeof v === 'bigint' && r !== undefined && v >= r.min && v <= r.max;
}

function evaluate(mapping: Mapping, v: Value): string {
  for (const [level, criteria] of mapping) {
    for (const c of criteria) {
      if (typeof v !== 'string' && typeof v !== 'bigint') {
        throw new OttlError(
          `could not map log level: could not evaluate log level of value '${goFormatValue(v)}': unsupported value type: ${goFmtType(v)}`,
        );
      }
      if (matches(c, v)) return level;
    }
  }
  throw new OttlError(`could not map log level: no matching log level found for value '${goFormatValue(v)}'`);
}

export const definition: FunctionDef = {
  name: 'ParseSeverity',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'any' }, description: 'a status code (int) or a level name (string)' },
    {
      name: 'mapping',
      kind: { kind: 'getter', type: 'map' },
      description: 'level → list of criteria: `{"equals": [strings]}`, `{"range": {"min": a, "max": b}}` or `{"range": "2xx"}`',
    },
  ],
  returns: 'string',
  doc: {
    category: 'parsing',
    summary: 'Maps a status code or level name to a severity level, using a mapping of criteria.',
    description:
      'Levels are tried in mapping order and the first whose criteria match wins. Strings match ' +
      '`equals` lists, ints match ranges; `"2xx"`…`"5xx"` are the HTTP status ranges.',
    returns: 'the name of the matching level',
    failures: [
      'a malformed mapping (criteria not a list of maps, a range without int `min` and `max`…)',
      'a target that is neither a string nor an int, or that no level matches',
    ],
    examples: [
      {
        code: 'ParseSeverity(404, {"error": [{"range": "4xx"}], "info": [{"range": {"min": 200, "max": 299}}]})',
        result: 'error',
      },
      { code: 'ParseSeverity("inf", {"info": [{"equals": ["info", "inf"]}]})', result: 'info' },
    ],
  },
  create(args) {
    const target = args[0] as Getter;
    const mapping = args[1] as Getter<PMap>;
    const fixed = mapping.literal === undefined ? undefined : parseMappingLater(mapping.literal.value);
    return (ctx) => {
      const m = fixed ?? parseMappingLater(mapping.get(ctx));
      if (m instanceof OttlError) throw m;
      return evaluate(m, target.get(ctx));
    };
  },
};

/** A literal mapping is validated once; like upstream, a malformed one fails each evaluation. */
function parseMappingLater(m: Value): Mapping | OttlError {
  try {
    return parseMapping(m);
  } catch (e) {
    if (e instanceof OttlError) return e;
    throw e;
  }
}
