// OTLP/JSON codec: the proto3 JSON mapping with OTLP's deviations (hex trace/span/profile ids,
// integer enums, lowerCamelCase keys). Output omits default values; int64 values are decimal
// strings. Input also accepts int64 as numbers, enum names, original snake_case field names,
// numeric strings, NaN/Infinity strings and URL-safe or unpadded base64, and ignores unknown keys.
import { InstrumentationScope, EntityRef, Resource } from './common.js';
import { PdataDecodeError, resolveLimits, type DecodeLimits, type PdataDecodeErrorCode } from './errors.js';
import { ProfileId, SpanId, TraceId, hexToBytes } from './ids.js';
import { LogRecord, Logs, ResourceLogs, ScopeLogs } from './logs.js';
import {
  Buckets,
  Exemplar,
  ExponentialHistogram,
  ExponentialHistogramDataPoint,
  Gauge,
  Histogram,
  HistogramDataPoint,
  Metric,
  MetricType,
  Metrics,
  NumberDataPoint,
  ResourceMetrics,
  ScopeMetrics,
  Sum,
  Summary,
  SummaryDataPoint,
  ValueAtQuantile,
} from './metrics.js';
import { PMap, PSlice, type AttrValue } from './pcommon.js';
import {
  KeyValueAndUnit,
  Line,
  Location,
  Mapping,
  Profile,
  ProfileFunction,
  ProfileLink,
  Profiles,
  ProfilesDictionary,
  ResourceProfiles,
  Sample,
  ScopeProfiles,
  Stack,
  ValueType,
} from './profiles.js';
import { ResourceSpans, ScopeSpans, Span, SpanEvent, SpanLink, Status, Traces } from './traces.js';
import { base64Decode, base64Encode } from './internal/base64.js';
import { parseJson } from './internal/jsonparse.js';
import type { Msg } from './internal/msg.js';
import { utf8Read } from './internal/wire.js';

/** A JSON object as produced by the `…ToJsonObject` functions. */
export type JsonObject = { [key: string]: unknown };

type Kind =
  | 'str'
  | 'u32'
  | 'i32'
  | 'bool'
  | 'dbl'
  | 'optdbl'
  | 'u64'
  | 'i64'
  | 'bytes'
  | 'tid'
  | 'sid'
  | 'pid'
  | 'attrs'
  | 'any'
  | 'msg'
  | 'msgs'
  | 'strs'
  | 'i32s'
  | 'u64s'
  | 'i64s'
  | 'dbls';

interface Field {
  readonly name: string;
  readonly kind: Kind;
  readonly desc?: () => Desc;
  readonly enumNames?: Readonly<Record<string, number>>;
}

interface Desc {
  readonly create: () => Msg;
  readonly fields: readonly Field[];
  /** Oneof fields handled by hand: writes them into `out`. */
  readonly toJsonExtra?: (o: Msg, out: JsonObject) => void;
  /** Reads a oneof key; returns false when `key` is not one of them. */
  readonly fromJsonExtra?: (o: Msg, key: string, v: unknown, ctx: Ctx) => boolean;
  byKey?: Map<string, Field>;
}

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

function f(name: string, kind: Kind, desc?: () => Desc, enumNames?: Record<string, number>): Field {
  return desc === undefined ? (enumNames === undefined ? { name, kind } : { name, kind, enumNames }) : { name, kind, desc };
}

function enumNames(prefix: string, names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((n, i) => (out[`${prefix}_${n}`] = i));
  return out;
}

const SEVERITY = enumNames(
  'SEVERITY_NUMBER',
  ['UNSPECIFIED', ...['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'].flatMap((l) => [l, `${l}2`, `${l}3`, `${l}4`])],
);
const SPAN_KIND = enumNames('SPAN_KIND', ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER']);
const STATUS_CODE = enumNames('STATUS_CODE', ['UNSET', 'OK', 'ERROR']);
const TEMPORALITY = enumNames('AGGREGATION_TEMPORALITY', ['UNSPECIFIED', 'DELTA', 'CUMULATIVE']);

// --- descriptors (field order = proto declaration order) ---

const RESOURCE: Desc = {
  create: () => new Resource(),
  fields: [f('attributes', 'attrs'), f('droppedAttributesCount', 'u32'), f('entityRefs', 'msgs', () => ENTITY_REF)],
};
const ENTITY_REF: Desc = {
  create: () => new EntityRef(),
  fields: [f('schemaUrl', 'str'), f('type', 'str'), f('idKeys', 'strs'), f('descriptionKeys', 'strs')],
};
const SCOPE: Desc = {
  create: () => new InstrumentationScope(),
  fields: [f('name', 'str'), f('version', 'str'), f('attributes', 'attrs'), f('droppedAttributesCount', 'u32')],
};

/** The ResourceX / ScopeX descriptors of a signal. */
function groups(scopeKey: string, recordKey: string, record: () => Desc, newResource: () => Msg, newScope: () => Msg): Desc {
  const scope: Desc = {
    create: newScope,
    fields: [f('scope', 'msg', () => SCOPE), f(recordKey, 'msgs', record), f('schemaUrl', 'str')],
  };
  const resource: Desc = {
    create: newResource,
    fields: [f('resource', 'msg', () => RESOURCE), f(scopeKey, 'msgs', () => scope), f('schemaUrl', 'str')],
  };
  return resource;
}

const LOG_RECORD: Desc = {
  create: () => new LogRecord(),
  fields: [
    f('timeUnixNano', 'u64'),
    f('observedTimeUnixNano', 'u64'),
    f('severityNumber', 'i32', undefined, SEVERITY),
    f('severityText', 'str'),
    f('body', 'any'),
    f('attributes', 'attrs'),
    f('droppedAttributesCount', 'u32'),
    f('flags', 'u32'),
    f('traceId', 'tid'),
    f('spanId', 'sid'),
    f('eventName', 'str'),
  ],
};
const LOGS_GROUPS = groups('scopeLogs', 'logRecords', () => LOG_RECORD, () => new ResourceLogs(), () => new ScopeLogs());
const LOGS: Desc = { create: () => new Logs(), fields: [f('resourceLogs', 'msgs', () => LOGS_GROUPS)] };

const STATUS: Desc = { create: () => new Status(), fields: [f('message', 'str'), f('code', 'i32', undefined, STATUS_CODE)] };
const SPAN_EVENT: Desc = {
  create: () => new SpanEvent(),
  fields: [f('timeUnixNano', 'u64'), f('name', 'str'), f('attributes', 'attrs'), f('droppedAttributesCount', 'u32')],
};
const SPAN_LINK: Desc = {
  create: () => new SpanLink(),
  fields: [
    f('traceId', 'tid'),
    f('spanId', 'sid'),
    f('traceState', 'str'),
    f('attributes', 'attrs'),
    f('droppedAttributesCount', 'u32'),
    f('flags', 'u32'),
  ],
};
const SPAN: Desc = {
  create: () => new Span(),
  fields: [
    f('traceId', 'tid'),
    f('spanId', 'sid'),
    f('traceState', 'str'),
    f('parentSpanId', 'sid'),
    f('flags', 'u32'),
    f('name', 'str'),
    f('kind', 'i32', undefined, SPAN_KIND),
    f('startTimeUnixNano', 'u64'),
    f('endTimeUnixNano', 'u64'),
    f('attributes', 'attrs'),
    f('droppedAttributesCount', 'u32'),
    f('events', 'msgs', () => SPAN_EVENT),
    f('droppedEventsCount', 'u32'),
    f('links', 'msgs', () => SPAN_LINK),
    f('droppedLinksCount', 'u32'),
    f('status', 'msg', () => STATUS),
  ],
};
const TRACES_GROUPS = groups('scopeSpans', 'spans', () => SPAN, () => new ResourceSpans(), () => new ScopeSpans());
const TRACES: Desc = { create: () => new Traces(), fields: [f('resourceSpans', 'msgs', () => TRACES_GROUPS)] };

/** `asDouble` / `asInt` of number data points and exemplars. */
function numberValueToJson(o: Msg, out: JsonObject): void {
  const p = o as NumberDataPoint | Exemplar;
  if (p.valueType === 'double') out['asDouble'] = dblToJson(p.doubleValue);
  else if (p.valueType === 'int') out['asInt'] = BigInt.asIntN(64, p.intValue).toString();
}

function numberValueFromJson(o: Msg, key: string, v: unknown, ctx: Ctx): boolean {
  const p = o as NumberDataPoint | Exemplar;
  if (key === 'asDouble' || key === 'as_double') p.doubleValue = ctx.dbl(v);
  else if (key === 'asInt' || key === 'as_int') p.intValue = ctx.int64(v, true);
  else return false;
  return true;
}

const EXEMPLAR: Desc = {
  create: () => new Exemplar(),
  fields: [f('filteredAttributes', 'attrs'), f('timeUnixNano', 'u64'), f('spanId', 'sid'), f('traceId', 'tid')],
  toJsonExtra: numberValueToJson,
  fromJsonExtra: numberValueFromJson,
};
const NUMBER_POINT: Desc = {
  create: () => new NumberDataPoint(),
  fields: [
    f('attributes', 'attrs'),
    f('startTimeUnixNano', 'u64'),
    f('timeUnixNano', 'u64'),
    f('exemplars', 'msgs', () => EXEMPLAR),
    f('flags', 'u32'),
  ],
  toJsonExtra: numberValueToJson,
  fromJsonExtra: numberValueFromJson,
};
const HISTOGRAM_POINT: Desc = {
  create: () => new HistogramDataPoint(),
  fields: [
    f('attributes', 'attrs'),
    f('startTimeUnixNano', 'u64'),
    f('timeUnixNano', 'u64'),
    f('count', 'u64'),
    f('sum', 'optdbl'),
    f('bucketCounts', 'u64s'),
    f('explicitBounds', 'dbls'),
    f('exemplars', 'msgs', () => EXEMPLAR),
    f('flags', 'u32'),
    f('min', 'optdbl'),
    f('max', 'optdbl'),
  ],
};
const BUCKETS: Desc = { create: () => new Buckets(), fields: [f('offset', 'i32'), f('bucketCounts', 'u64s')] };
const EXP_POINT: Desc = {
  create: () => new ExponentialHistogramDataPoint(),
  fields: [
    f('attributes', 'attrs'),
    f('startTimeUnixNano', 'u64'),
    f('timeUnixNano', 'u64'),
    f('count', 'u64'),
    f('sum', 'optdbl'),
    f('scale', 'i32'),
    f('zeroCount', 'u64'),
    f('positive', 'msg', () => BUCKETS),
    f('negative', 'msg', () => BUCKETS),
    f('flags', 'u32'),
    f('exemplars', 'msgs', () => EXEMPLAR),
    f('min', 'optdbl'),
    f('max', 'optdbl'),
    f('zeroThreshold', 'dbl'),
  ],
};
const QUANTILE: Desc = { create: () => new ValueAtQuantile(), fields: [f('quantile', 'dbl'), f('value', 'dbl')] };
const SUMMARY_POINT: Desc = {
  create: () => new SummaryDataPoint(),
  fields: [
    f('attributes', 'attrs'),
    f('startTimeUnixNano', 'u64'),
    f('timeUnixNano', 'u64'),
    f('count', 'u64'),
    f('sum', 'dbl'),
    f('quantileValues', 'msgs', () => QUANTILE),
    f('flags', 'u32'),
  ],
};
const GAUGE: Desc = { create: () => new Gauge(), fields: [f('dataPoints', 'msgs', () => NUMBER_POINT)] };
const SUM: Desc = {
  create: () => new Sum(),
  fields: [f('dataPoints', 'msgs', () => NUMBER_POINT), f('aggregationTemporality', 'i32', undefined, TEMPORALITY), f('isMonotonic', 'bool')],
};
const HISTOGRAM: Desc = {
  create: () => new Histogram(),
  fields: [f('dataPoints', 'msgs', () => HISTOGRAM_POINT), f('aggregationTemporality', 'i32', undefined, TEMPORALITY)],
};
const EXP_HISTOGRAM: Desc = {
  create: () => new ExponentialHistogram(),
  fields: [f('dataPoints', 'msgs', () => EXP_POINT), f('aggregationTemporality', 'i32', undefined, TEMPORALITY)],
};
const SUMMARY: Desc = { create: () => new Summary(), fields: [f('dataPoints', 'msgs', () => SUMMARY_POINT)] };

const METRIC_DATA: readonly [string, MetricType, Desc, (m: Metric) => Msg][] = [
  ['gauge', MetricType.GAUGE, GAUGE, (m) => m.setEmptyGauge()],
  ['sum', MetricType.SUM, SUM, (m) => m.setEmptySum()],
  ['histogram', MetricType.HISTOGRAM, HISTOGRAM, (m) => m.setEmptyHistogram()],
  ['exponentialHistogram', MetricType.EXPONENTIAL_HISTOGRAM, EXP_HISTOGRAM, (m) => m.setEmptyExponentialHistogram()],
  ['summary', MetricType.SUMMARY, SUMMARY, (m) => m.setEmptySummary()],
];

const METRIC: Desc = {
  create: () => new Metric(),
  fields: [f('name', 'str'), f('description', 'str'), f('unit', 'str'), f('metadata', 'attrs')],
  toJsonExtra(o, out) {
    const m = o as Metric;
    for (const [key, type, desc] of METRIC_DATA) {
      if (m.type === type) out[key] = toJson(m[key as 'gauge']!, desc);
    }
  },
  fromJsonExtra(o, key, v, ctx) {
    for (const [name, , desc, set] of METRIC_DATA) {
      if (key === name || key === snake(name)) {
        fromJson(v, desc, set(o as Metric), ctx);
        return true;
      }
    }
    return false;
  },
};
const METRICS_GROUPS = groups('scopeMetrics', 'metrics', () => METRIC, () => new ResourceMetrics(), () => new ScopeMetrics());
const METRICS: Desc = { create: () => new Metrics(), fields: [f('resourceMetrics', 'msgs', () => METRICS_GROUPS)] };

const VALUE_TYPE: Desc = { create: () => new ValueType(), fields: [f('typeStrindex', 'i32'), f('unitStrindex', 'i32')] };
const SAMPLE: Desc = {
  create: () => new Sample(),
  fields: [f('stackIndex', 'i32'), f('attributeIndices', 'i32s'), f('linkIndex', 'i32'), f('values', 'i64s'), f('timestampsUnixNano', 'u64s')],
};
const PROFILE: Desc = {
  create: () => new Profile(),
  fields: [
    f('sampleType', 'msg', () => VALUE_TYPE),
    f('samples', 'msgs', () => SAMPLE),
    f('timeUnixNano', 'u64'),
    f('durationNano', 'u64'),
    f('periodType', 'msg', () => VALUE_TYPE),
    f('period', 'i64'),
    f('profileId', 'pid'),
    f('droppedAttributesCount', 'u32'),
    f('originalPayloadFormat', 'str'),
    f('originalPayload', 'bytes'),
    f('attributeIndices', 'i32s'),
  ],
};
const MAPPING: Desc = {
  create: () => new Mapping(),
  fields: [f('memoryStart', 'u64'), f('memoryLimit', 'u64'), f('fileOffset', 'u64'), f('filenameStrindex', 'i32'), f('attributeIndices', 'i32s')],
};
const LINE: Desc = { create: () => new Line(), fields: [f('functionIndex', 'i32'), f('line', 'i64'), f('column', 'i64')] };
const LOCATION: Desc = {
  create: () => new Location(),
  fields: [f('mappingIndex', 'i32'), f('address', 'u64'), f('lines', 'msgs', () => LINE), f('attributeIndices', 'i32s')],
};
const FUNCTION: Desc = {
  create: () => new ProfileFunction(),
  fields: [f('nameStrindex', 'i32'), f('systemNameStrindex', 'i32'), f('filenameStrindex', 'i32'), f('startLine', 'i64')],
};
const PROFILE_LINK: Desc = { create: () => new ProfileLink(), fields: [f('traceId', 'tid'), f('spanId', 'sid')] };
const STACK: Desc = { create: () => new Stack(), fields: [f('locationIndices', 'i32s')] };
const KV_UNIT: Desc = { create: () => new KeyValueAndUnit(), fields: [f('keyStrindex', 'i32'), f('value', 'any'), f('unitStrindex', 'i32')] };
const DICTIONARY: Desc = {
  create: () => new ProfilesDictionary(),
  fields: [
    f('mappingTable', 'msgs', () => MAPPING),
    f('locationTable', 'msgs', () => LOCATION),
    f('functionTable', 'msgs', () => FUNCTION),
    f('linkTable', 'msgs', () => PROFILE_LINK),
    f('stringTable', 'strs'),
    f('attributeTable', 'msgs', () => KV_UNIT),
    f('stackTable', 'msgs', () => STACK),
  ],
};
const PROFILES_GROUPS = groups('scopeProfiles', 'profiles', () => PROFILE, () => new ResourceProfiles(), () => new ScopeProfiles());
const PROFILES: Desc = {
  create: () => new Profiles(),
  fields: [f('resourceProfiles', 'msgs', () => PROFILES_GROUPS), f('dictionary', 'msg', () => DICTIONARY)],
};

// --- encoding ---

function dblToJson(v: number): number | string {
  if (Number.isFinite(v)) return Object.is(v, -0) ? '-0' : v;
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

function anyToJson(v: AttrValue): JsonObject {
  switch (typeof v) {
    case 'string':
      return { stringValue: v };
    case 'boolean':
      return { boolValue: v };
    case 'bigint':
      return { intValue: BigInt.asIntN(64, v).toString() };
    case 'number':
      return { doubleValue: dblToJson(v) };
  }
  if (v === null) return {};
  if (v instanceof Uint8Array) return { bytesValue: base64Encode(v) };
  if (v instanceof PMap) return { kvlistValue: v.size === 0 ? {} : { values: attrsToJson(v) } };
  return { arrayValue: v.length === 0 ? {} : { values: v.toArray().map(anyToJson) } };
}

function attrsToJson(m: PMap): JsonObject[] {
  const out: JsonObject[] = [];
  m.forEach((value, key) => out.push({ key, value: anyToJson(value) }));
  return out;
}

function toJson(o: Msg, d: Desc): JsonObject {
  const out: JsonObject = {};
  const src = o as unknown as Record<string, unknown>;
  for (const fd of d.fields) {
    const k = fd.name;
    switch (fd.kind) {
      case 'str': {
        const v = src[k] as string;
        if (v !== '') out[k] = v;
        break;
      }
      case 'u32':
      case 'i32': {
        const v = src[k] as number;
        if (v !== 0) out[k] = fd.kind === 'u32' ? v >>> 0 : v | 0;
        break;
      }
      case 'bool':
        if (src[k] as boolean) out[k] = true;
        break;
      case 'dbl': {
        const v = src[k] as number;
        if (v !== 0 || Object.is(v, -0)) out[k] = dblToJson(v);
        break;
      }
      case 'optdbl': {
        const v = src[k] as number | undefined;
        if (v !== undefined) out[k] = dblToJson(v);
        break;
      }
      case 'u64':
      case 'i64': {
        const v = src[k] as bigint;
        if (v !== 0n) out[k] = (fd.kind === 'u64' ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v)).toString();
        break;
      }
      case 'bytes': {
        const v = src[k] as Uint8Array;
        if (v.length > 0) out[k] = base64Encode(v);
        break;
      }
      case 'tid':
      case 'sid':
      case 'pid': {
        const v = src[k] as TraceId;
        if (!v.isEmpty()) out[k] = v.toHex();
        break;
      }
      case 'attrs': {
        const v = src[k] as PMap;
        if (v.size > 0) out[k] = attrsToJson(v);
        break;
      }
      case 'any': {
        const v = src[k] as AttrValue;
        if (v !== null) out[k] = anyToJson(v);
        break;
      }
      case 'msg': {
        const c = o._present(k);
        if (c !== null) out[k] = toJson(c, fd.desc!());
        break;
      }
      case 'msgs': {
        const v = src[k] as Msg[];
        if (v.length > 0) {
          const cd = fd.desc!();
          out[k] = v.map((c) => toJson(c, cd));
        }
        break;
      }
      case 'strs':
      case 'i32s':
      case 'dbls': {
        const v = src[k] as unknown[];
        if (v.length > 0) out[k] = fd.kind === 'dbls' ? (v as number[]).map(dblToJson) : v.slice();
        break;
      }
      case 'u64s':
      case 'i64s': {
        const v = src[k] as bigint[];
        if (v.length > 0) out[k] = v.map((x) => (fd.kind === 'u64s' ? BigInt.asUintN(64, x) : BigInt.asIntN(64, x)).toString());
        break;
      }
    }
  }
  d.toJsonExtra?.(o, out);
  return out;
}

// --- decoding ---

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

class Ctx {
  private readonly path: (string | number)[] = [];
  depth = 0;
  constructor(readonly maxDepth: number) {}

  push(seg: string | number): void {
    this.path.push(seg);
  }
  pop(): void {
    this.path.pop();
  }

  fail(code: PdataDecodeErrorCode, msg: string): never {
    let p = '$';
    for (const s of this.path) p += typeof s === 'number' ? `[${s}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
    throw new PdataDecodeError(code, msg, { path: p });
  }

  enter(): void {
    if (++this.depth > this.maxDepth) this.fail('too-deep', `nesting deeper than ${this.maxDepth}`);
  }

  str(v: unknown): string {
    if (typeof v !== 'string') this.fail('invalid-value', `expected a string, got ${describe(v)}`);
    return v;
  }

  bool(v: unknown): boolean {
    if (typeof v !== 'boolean') this.fail('invalid-value', `expected a boolean, got ${describe(v)}`);
    return v;
  }

  /** An integer within [min, max], as a number or a decimal string; or an enum name. */
  int32(v: unknown, min: number, max: number, names?: Readonly<Record<string, number>>): number {
    let n: number;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'bigint') n = Number(v);
    else if (typeof v === 'string') {
      if (names !== undefined && Object.hasOwn(names, v)) return names[v]!;
      n = /^-?\d+(\.0*)?([eE][+-]?\d+)?$/.test(v.trim()) ? Number(v) : Number.NaN;
    } else return this.fail('invalid-value', `expected an integer, got ${describe(v)}`);
    if (!Number.isInteger(n) || n < min || n > max) this.fail('invalid-value', `expected an integer in [${min}, ${max}], got ${describe(v)}`);
    return n;
  }

  int64(v: unknown, signed: boolean): bigint {
    let n: bigint;
    if (typeof v === 'bigint') n = v;
    else if (typeof v === 'number') {
      if (!Number.isInteger(v)) this.fail('invalid-value', `expected an integer, got ${v}`);
      n = BigInt(v);
    } else if (typeof v === 'string') {
      const t = v.trim();
      if (/^-?\d+$/.test(t)) n = BigInt(t);
      else {
        const x = /^-?\d+(\.\d*)?([eE][+-]?\d+)?$/.test(t) ? Number(t) : Number.NaN;
        if (!Number.isInteger(x)) this.fail('invalid-value', `expected an integer, got ${JSON.stringify(v)}`);
        n = BigInt(x);
      }
    } else return this.fail('invalid-value', `expected an integer, got ${describe(v)}`);
    if (signed ? n < INT64_MIN || n > INT64_MAX : n < 0n || n > UINT64_MAX)
      this.fail('invalid-value', `${n} is out of ${signed ? 'int64' : 'uint64'} range`);
    return n;
  }

  dbl(v: unknown): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'string') {
      if (v === 'NaN') return Number.NaN;
      if (v === 'Infinity') return Number.POSITIVE_INFINITY;
      if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
      if (/^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
    }
    return this.fail('invalid-value', `expected a number, got ${describe(v)}`);
  }

  bytes(v: unknown): Uint8Array {
    const b = base64Decode(this.str(v));
    if (b === null) this.fail('invalid-value', 'invalid base64');
    return b;
  }

  id(v: unknown, size: number): Uint8Array | null {
    const s = this.str(v);
    if (s === '') return null;
    const b = hexToBytes(s, size);
    if (b === null) this.fail('invalid-id', `expected ${size * 2} hex digits, got ${JSON.stringify(s)}`);
    return b;
  }

  array(v: unknown): unknown[] {
    if (!Array.isArray(v)) this.fail('invalid-value', `expected an array, got ${describe(v)}`);
    return v;
  }

  object(v: unknown): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail('invalid-value', `expected an object, got ${describe(v)}`);
    return v as Record<string, unknown>;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  return String(v);
}

function anyFromJson(j: unknown, ctx: Ctx): AttrValue {
  const o = ctx.object(j);
  ctx.enter();
  let v: AttrValue = null;
  for (const key of Object.keys(o)) {
    const x = o[key];
    if (x === null || x === undefined) continue;
    ctx.push(key);
    switch (key) {
      case 'stringValue':
      case 'string_value':
        v = ctx.str(x);
        break;
      case 'boolValue':
      case 'bool_value':
        v = ctx.bool(x);
        break;
      case 'intValue':
      case 'int_value':
        v = ctx.int64(x, true);
        break;
      case 'doubleValue':
      case 'double_value':
        v = ctx.dbl(x);
        break;
      case 'bytesValue':
      case 'bytes_value':
        v = ctx.bytes(x);
        break;
      case 'arrayValue':
      case 'array_value': {
        const sl = new PSlice();
        const av = ctx.object(x);
        ctx.enter();
        const values = av['values'];
        if (values !== undefined && values !== null) {
          ctx.push('values');
          ctx.array(values).forEach((e, i) => {
            ctx.push(i);
            sl.append(anyFromJson(e, ctx));
            ctx.pop();
          });
          ctx.pop();
        }
        ctx.depth--;
        v = sl;
        break;
      }
      case 'kvlistValue':
      case 'kvlist_value': {
        const m = new PMap();
        const kv = ctx.object(x);
        ctx.enter();
        const values = kv['values'];
        if (values !== undefined && values !== null) {
          ctx.push('values');
          attrsFromJson(values, m, ctx);
          ctx.pop();
        }
        ctx.depth--;
        v = m;
        break;
      }
    }
    ctx.pop();
  }
  ctx.depth--;
  return v;
}

/** Appends KeyValue objects to `m`; a repeated key replaces the earlier value in place. */
function attrsFromJson(j: unknown, m: PMap, ctx: Ctx): void {
  ctx.array(j).forEach((e, i) => {
    ctx.push(i);
    const kv = ctx.object(e);
    ctx.enter();
    let key = '';
    if (kv['key'] !== undefined && kv['key'] !== null) {
      ctx.push('key');
      key = ctx.str(kv['key']);
      ctx.pop();
    }
    const raw = kv['value'];
    let value: AttrValue = null;
    if (raw !== undefined && raw !== null) {
      ctx.push('value');
      value = anyFromJson(raw, ctx);
      ctx.pop();
    }
    m.set(key, value);
    ctx.depth--;
    ctx.pop();
  });
}

function keysOf(d: Desc): Map<string, Field> {
  if (d.byKey === undefined) {
    const m = new Map<string, Field>();
    for (const fd of d.fields) {
      m.set(fd.name, fd);
      m.set(snake(fd.name), fd);
    }
    d.byKey = m;
  }
  return d.byKey;
}

function fromJson(j: unknown, d: Desc, o: Msg, ctx: Ctx): void {
  const obj = ctx.object(j);
  ctx.enter();
  const byKey = keysOf(d);
  const dst = o as unknown as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (v === null || v === undefined) continue;
    const fd = byKey.get(key);
    ctx.push(key);
    if (fd === undefined) {
      d.fromJsonExtra?.(o, key, v, ctx);
      ctx.pop();
      continue;
    }
    const k = fd.name;
    switch (fd.kind) {
      case 'str':
        dst[k] = ctx.str(v);
        break;
      case 'u32':
        dst[k] = ctx.int32(v, 0, 0xffffffff);
        break;
      case 'i32':
        dst[k] = ctx.int32(v, -0x80000000, 0x7fffffff, fd.enumNames);
        break;
      case 'bool':
        dst[k] = ctx.bool(v);
        break;
      case 'dbl':
      case 'optdbl':
        dst[k] = ctx.dbl(v);
        break;
      case 'u64':
      case 'i64':
        dst[k] = ctx.int64(v, fd.kind === 'i64');
        break;
      case 'bytes':
        dst[k] = ctx.bytes(v);
        break;
      case 'tid': {
        const b = ctx.id(v, 16);
        dst[k] = b === null ? TraceId.EMPTY : TraceId._at(b, 0);
        break;
      }
      case 'sid': {
        const b = ctx.id(v, 8);
        dst[k] = b === null ? SpanId.EMPTY : SpanId._at(b, 0);
        break;
      }
      case 'pid': {
        const b = ctx.id(v, 16);
        dst[k] = b === null ? ProfileId.EMPTY : ProfileId._at(b, 0);
        break;
      }
      case 'attrs':
        attrsFromJson(v, dst[k] as PMap, ctx);
        break;
      case 'any':
        dst[k] = anyFromJson(v, ctx);
        break;
      case 'msg':
        fromJson(v, fd.desc!(), dst[k] as Msg, ctx);
        break;
      case 'msgs': {
        const cd = fd.desc!();
        const out = dst[k] as Msg[];
        ctx.array(v).forEach((e, i) => {
          ctx.push(i);
          const c = cd.create();
          fromJson(e, cd, c, ctx);
          out.push(c);
          ctx.pop();
        });
        break;
      }
      case 'strs':
      case 'i32s':
      case 'dbls':
      case 'u64s':
      case 'i64s': {
        const out = dst[k] as unknown[];
        ctx.array(v).forEach((e, i) => {
          ctx.push(i);
          out.push(
            fd.kind === 'strs'
              ? ctx.str(e)
              : fd.kind === 'i32s'
                ? ctx.int32(e, -0x80000000, 0x7fffffff)
                : fd.kind === 'dbls'
                  ? ctx.dbl(e)
                  : ctx.int64(e, fd.kind === 'i64s'),
          );
          ctx.pop();
        });
        break;
      }
    }
    ctx.pop();
  }
  ctx.depth--;
}

function decodeText(input: string | Uint8Array, maxBytes: number): string {
  if (typeof input === 'string') {
    if (input.length > maxBytes) throw new PdataDecodeError('too-large', `${input.length} characters exceed the limit of ${maxBytes}`, { offset: maxBytes });
    return input;
  }
  if (input.length > maxBytes) throw new PdataDecodeError('too-large', `${input.length} bytes exceed the limit of ${maxBytes}`, { offset: maxBytes });
  return utf8Read(input, 0, input.length);
}

function decodeJson<T extends Msg>(input: string | Uint8Array | object, d: Desc, limits: DecodeLimits | undefined): T {
  const l = resolveLimits(limits);
  const obj = typeof input === 'string' || input instanceof Uint8Array ? parseJson(decodeText(input, l.maxBytes), 2 * l.maxDepth + 8) : input;
  return fromJsonObject(obj, d, l.maxDepth);
}

function fromJsonObject<T extends Msg>(obj: unknown, d: Desc, maxDepth: number): T {
  const o = d.create() as T;
  const ctx = new Ctx(maxDepth);
  ctx.depth = -1;
  try {
    fromJson(obj, d, o, ctx);
  } catch (e) {
    if (e instanceof RangeError) ctx.fail('too-deep', 'nesting too deep for the call stack');
    throw e;
  }
  return o;
}

/** OTLP/JSON ExportLogsServiceRequest as a plain JSON-safe object (int64 as strings). */
export function logsToJsonObject(logs: Logs): JsonObject {
  return toJson(logs, LOGS);
}
/** Builds Logs from an already-parsed OTLP/JSON object (int64 may be strings, numbers or bigints). */
export function logsFromJsonObject(obj: unknown, limits?: DecodeLimits): Logs {
  return fromJsonObject(obj, LOGS, resolveLimits(limits).maxDepth);
}
/** OTLP/JSON text. */
export function encodeLogsJson(logs: Logs): string {
  return JSON.stringify(logsToJsonObject(logs));
}
/** Decodes OTLP/JSON text (or UTF-8 bytes, or a parsed object); big integer literals stay exact. */
export function decodeLogsJson(input: string | Uint8Array | object, limits?: DecodeLimits): Logs {
  return decodeJson(input, LOGS, limits);
}

export function tracesToJsonObject(traces: Traces): JsonObject {
  return toJson(traces, TRACES);
}
export function tracesFromJsonObject(obj: unknown, limits?: DecodeLimits): Traces {
  return fromJsonObject(obj, TRACES, resolveLimits(limits).maxDepth);
}
export function encodeTracesJson(traces: Traces): string {
  return JSON.stringify(tracesToJsonObject(traces));
}
export function decodeTracesJson(input: string | Uint8Array | object, limits?: DecodeLimits): Traces {
  return decodeJson(input, TRACES, limits);
}

export function metricsToJsonObject(metrics: Metrics): JsonObject {
  return toJson(metrics, METRICS);
}
export function metricsFromJsonObject(obj: unknown, limits?: DecodeLimits): Metrics {
  return fromJsonObject(obj, METRICS, resolveLimits(limits).maxDepth);
}
export function encodeMetricsJson(metrics: Metrics): string {
  return JSON.stringify(metricsToJsonObject(metrics));
}
export function decodeMetricsJson(input: string | Uint8Array | object, limits?: DecodeLimits): Metrics {
  return decodeJson(input, METRICS, limits);
}

export function profilesToJsonObject(profiles: Profiles): JsonObject {
  return toJson(profiles, PROFILES);
}
export function profilesFromJsonObject(obj: unknown, limits?: DecodeLimits): Profiles {
  return fromJsonObject(obj, PROFILES, resolveLimits(limits).maxDepth);
}
export function encodeProfilesJson(profiles: Profiles): string {
  return JSON.stringify(profilesToJsonObject(profiles));
}
export function decodeProfilesJson(input: string | Uint8Array | object, limits?: DecodeLimits): Profiles {
  return decodeJson(input, PROFILES, limits);
}
