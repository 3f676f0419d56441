// The structural walk every protobuf decode runs before building lazy objects: it checks every
// tag, wire type, length, nesting depth and id length of the whole request, so that lazy field
// access later can never fail. Unknown fields are skipped but must be well-formed.
import { PdataDecodeError } from '../errors.js';
import { addKey } from './keyBloom.js';

/** How a known field must look on the wire. */
const FieldKind = {
  VARINT: 1,
  FIXED64: 2,
  FIXED32: 3,
  BYTES: 4,
  MESSAGE: 5,
  PACKED_VARINT: 6,
  PACKED_FIXED64: 7,
  TRACE_ID: 8,
  SPAN_ID: 9,
  PROFILE_ID: 10,
} as const;
const { VARINT, FIXED64, FIXED32, BYTES, MESSAGE, PACKED_VARINT, PACKED_FIXED64, TRACE_ID, SPAN_ID, PROFILE_ID } = FieldKind;
type Kind = (typeof FieldKind)[keyof typeof FieldKind];

export interface Schema {
  readonly name: string;
  kinds: Uint8Array;
  subs: (Schema | undefined)[];
  /** The one-byte tag of this message's KeyValue field (its attributes), 0 when it has none. */
  kvTag: number;
}

function schema(name: string): Schema {
  return { name, kinds: new Uint8Array(0), subs: [], kvTag: 0 };
}

function define(s: Schema, fields: Record<number, Kind | Schema>): void {
  const max = Math.max(...Object.keys(fields).map(Number));
  s.kinds = new Uint8Array(max + 1);
  s.subs = new Array<Schema | undefined>(max + 1);
  for (const [k, v] of Object.entries(fields)) {
    const f = Number(k);
    if (typeof v === 'number') s.kinds[f] = v;
    else {
      s.kinds[f] = MESSAGE;
      s.subs[f] = v;
      if (v === KeyValue && f < 16) s.kvTag = (f << 3) | 2;
    }
  }
}

const S = BYTES;

// common/v1, resource/v1
const AnyValue = schema('AnyValue');
const ArrayValue = schema('ArrayValue');
const KeyValueList = schema('KeyValueList');
const KeyValue = schema('KeyValue');
const Scope = schema('InstrumentationScope');
const EntityRef = schema('EntityRef');
const Resource = schema('Resource');
define(AnyValue, { 1: S, 2: VARINT, 3: VARINT, 4: FIXED64, 5: ArrayValue, 6: KeyValueList, 7: S, 8: VARINT });
define(ArrayValue, { 1: AnyValue });
define(KeyValueList, { 1: KeyValue });
define(KeyValue, { 1: S, 2: AnyValue, 3: VARINT });
define(Scope, { 1: S, 2: S, 3: KeyValue, 4: VARINT });
define(EntityRef, { 1: S, 2: S, 3: S, 4: S });
define(Resource, { 1: KeyValue, 2: VARINT, 3: EntityRef });

function group(name: string, scopeItem: Schema): Schema {
  const scopeGroup = schema(`Scope${name}`);
  define(scopeGroup, { 1: Scope, 2: scopeItem, 3: S });
  const resourceGroup = schema(`Resource${name}`);
  define(resourceGroup, { 1: Resource, 2: scopeGroup, 3: S });
  return resourceGroup;
}

// logs/v1
const LogRecord = schema('LogRecord');
define(LogRecord, { 1: FIXED64, 2: VARINT, 3: S, 5: AnyValue, 6: KeyValue, 7: VARINT, 8: FIXED32, 9: TRACE_ID, 10: SPAN_ID, 11: FIXED64, 12: S });
export const LOGS = schema('ExportLogsServiceRequest');
define(LOGS, { 1: group('Logs', LogRecord) });

// trace/v1
const Event = schema('Span.Event');
const Link = schema('Span.Link');
const Status = schema('Status');
const Span = schema('Span');
define(Event, { 1: FIXED64, 2: S, 3: KeyValue, 4: VARINT });
define(Link, { 1: TRACE_ID, 2: SPAN_ID, 3: S, 4: KeyValue, 5: VARINT, 6: FIXED32 });
define(Status, { 2: S, 3: VARINT });
define(Span, {
  1: TRACE_ID, 2: SPAN_ID, 3: S, 4: SPAN_ID, 5: S, 6: VARINT, 7: FIXED64, 8: FIXED64, 9: KeyValue, 10: VARINT,
  11: Event, 12: VARINT, 13: Link, 14: VARINT, 15: Status, 16: FIXED32,
});
export const TRACES = schema('ExportTraceServiceRequest');
define(TRACES, { 1: group('Spans', Span) });

// metrics/v1
const Exemplar = schema('Exemplar');
const NumberDataPoint = schema('NumberDataPoint');
const HistogramDataPoint = schema('HistogramDataPoint');
const Buckets = schema('ExponentialHistogramDataPoint.Buckets');
const ExpHistogramDataPoint = schema('ExponentialHistogramDataPoint');
const ValueAtQuantile = schema('SummaryDataPoint.ValueAtQuantile');
const SummaryDataPoint = schema('SummaryDataPoint');
const Gauge = schema('Gauge');
const Sum = schema('Sum');
const Histogram = schema('Histogram');
const ExpHistogram = schema('ExponentialHistogram');
const Summary = schema('Summary');
const Metric = schema('Metric');
define(Exemplar, { 2: FIXED64, 3: FIXED64, 4: SPAN_ID, 5: TRACE_ID, 6: FIXED64, 7: KeyValue });
define(NumberDataPoint, { 2: FIXED64, 3: FIXED64, 4: FIXED64, 5: Exemplar, 6: FIXED64, 7: KeyValue, 8: VARINT });
define(HistogramDataPoint, {
  2: FIXED64, 3: FIXED64, 4: FIXED64, 5: FIXED64, 6: PACKED_FIXED64, 7: PACKED_FIXED64, 8: Exemplar, 9: KeyValue,
  10: VARINT, 11: FIXED64, 12: FIXED64,
});
define(Buckets, { 1: VARINT, 2: PACKED_VARINT });
define(ExpHistogramDataPoint, {
  1: KeyValue, 2: FIXED64, 3: FIXED64, 4: FIXED64, 5: FIXED64, 6: VARINT, 7: FIXED64, 8: Buckets, 9: Buckets,
  10: VARINT, 11: Exemplar, 12: FIXED64, 13: FIXED64, 14: FIXED64,
});
define(ValueAtQuantile, { 1: FIXED64, 2: FIXED64 });
define(SummaryDataPoint, { 2: FIXED64, 3: FIXED64, 4: FIXED64, 5: FIXED64, 6: ValueAtQuantile, 7: KeyValue, 8: VARINT });
define(Gauge, { 1: NumberDataPoint });
define(Sum, { 1: NumberDataPoint, 2: VARINT, 3: VARINT });
define(Histogram, { 1: HistogramDataPoint, 2: VARINT });
define(ExpHistogram, { 1: ExpHistogramDataPoint, 2: VARINT });
define(Summary, { 1: SummaryDataPoint });
define(Metric, { 1: S, 2: S, 3: S, 5: Gauge, 7: Sum, 9: Histogram, 10: ExpHistogram, 11: Summary, 12: KeyValue });
export const METRICS = schema('ExportMetricsServiceRequest');
define(METRICS, { 1: group('Metrics', Metric) });

// profiles/v1development (opentelemetry-proto v1.10+)
const ValueType = schema('ValueType');
const Sample = schema('Sample');
const Profile = schema('Profile');
const Mapping = schema('Mapping');
const Location = schema('Location');
const Line = schema('Line');
const Function = schema('Function');
const ProfileLink = schema('Link');
const Stack = schema('Stack');
const KeyValueAndUnit = schema('KeyValueAndUnit');
const Dictionary = schema('ProfilesDictionary');
define(ValueType, { 1: VARINT, 2: VARINT });
define(Sample, { 1: VARINT, 2: PACKED_VARINT, 3: VARINT, 4: PACKED_VARINT, 5: PACKED_FIXED64 });
define(Profile, {
  1: ValueType, 2: Sample, 3: FIXED64, 4: VARINT, 5: ValueType, 6: VARINT, 7: PROFILE_ID, 8: VARINT, 9: S, 10: S,
  11: PACKED_VARINT,
});
define(Mapping, { 1: VARINT, 2: VARINT, 3: VARINT, 4: VARINT, 5: PACKED_VARINT });
define(Location, { 1: VARINT, 2: VARINT, 3: Line, 4: PACKED_VARINT });
define(Line, { 1: VARINT, 2: VARINT, 3: VARINT });
define(Function, { 1: VARINT, 2: VARINT, 3: VARINT, 4: VARINT });
define(ProfileLink, { 1: TRACE_ID, 2: SPAN_ID });
define(Stack, { 1: PACKED_VARINT });
define(KeyValueAndUnit, { 1: VARINT, 2: AnyValue, 3: VARINT });
define(Dictionary, { 1: Mapping, 2: Location, 3: Function, 4: ProfileLink, 5: S, 6: KeyValueAndUnit, 7: Stack });
export const PROFILES = schema('ExportProfilesServiceRequest');
define(PROFILES, { 1: group('Profiles', Profile), 2: Dictionary });

const WIRE_NAMES = ['varint', 'fixed64', 'length-delimited', 'start-group', 'end-group', 'fixed32', 'wire type 6', 'wire type 7'];
const KIND_NAMES = ['', 'varint', 'fixed64', 'fixed32', 'bytes', 'message', 'varint', 'fixed64', 'trace id', 'span id', 'profile id'];

function where(s: Schema | undefined, f: number): string {
  return s === undefined ? `field ${f}` : `${s.name} field ${f}`;
}

/**
 * True when `b[s, e)` is a KeyValue of the usual shape, which is then well-formed: a key, then a
 * value holding one scalar (string, bool, int, double or bytes), each with one-byte tags and lengths.
 * Anything else (and every malformed input) is left to the general walk, which reports it.
 */
function plainKeyValue(b: Uint8Array, s: number, e: number): boolean {
  if (b[s] !== 0x0a) return false;
  const kl = b[s + 1]!;
  let p = s + 2 + kl;
  if (kl >= 0x80 || p + 2 > e || b[p] !== 0x12) return false;
  const vl = b[p + 1]!;
  p += 2;
  if (vl >= 0x80 || p + vl !== e) return false;
  if (vl === 0) return true;
  const t = b[p]!;
  if (t === 0x0a || t === 0x3a) return b[p + 1]! < 0x80 && p + 2 + b[p + 1]! === e;
  if (t === 0x21) return p + 9 === e;
  if (t !== 0x10 && t !== 0x18) return false;
  // A varint of at most 10 bytes whose last byte ends the value; the tenth may only be 0 or 1.
  const last = e - 1;
  if (last === p || last - p > 10 || b[last]! >= 0x80 || (last - p === 10 && b[last]! > 1)) return false;
  for (let q = p + 1; q < last; q++) if (b[q]! < 0x80) return false;
  return true;
}

class Walker {
  private p = 0;
  /** Every KeyValue key met (see keyBloom.ts); `keysComplete` is false once one was not added. */
  readonly keys = new Int32Array(32);
  keysComplete = true;
  constructor(
    private readonly b: Uint8Array,
    private readonly maxDepth: number,
  ) {}

  private fail(code: 'truncated' | 'wire-type' | 'too-deep' | 'invalid-id' | 'invalid-value', msg: string, at: number): never {
    throw new PdataDecodeError(code, msg, { offset: at });
  }

  /** A varint of at most 10 bytes ending before `end`; returns its low 32 bits (unsigned). */
  private varint(end: number): number {
    const p = this.p;
    if (p < end) {
      const c = this.b[p]!;
      if (c < 0x80) {
        this.p = p + 1;
        return c;
      }
    }
    return this.varintSlow(end);
  }

  private varintSlow(end: number): number {
    const b = this.b;
    const start = this.p;
    let p = start;
    let v = 0;
    for (let i = 0; ; i++) {
      if (p >= end) this.fail('truncated', 'varint runs past the end of its message', start);
      const c = b[p++]!;
      if (i < 5) v |= (c & 0x7f) << (7 * i);
      if (c < 0x80) {
        if (i === 9 && c > 1) this.fail('invalid-value', 'varint overflows 64 bits', start);
        break;
      }
      if (i === 9) this.fail('invalid-value', 'varint longer than 10 bytes', start);
    }
    this.p = p;
    return v >>> 0;
  }

  private length(end: number, at: number): number {
    const lenStart = this.p;
    const n = this.varint(end);
    if (this.p - lenStart > 5 || n > 0x7fffffff) this.fail('invalid-value', 'length prefix out of range', lenStart);
    if (n > end - this.p) this.fail('truncated', `length ${n} runs past the end of its message`, at);
    return n;
  }

  private wrong(s: Schema | undefined, f: number, kind: number, wt: number, at: number): never {
    return this.fail('wire-type', `${where(s, f)} must be ${KIND_NAMES[kind]}, got ${WIRE_NAMES[wt]}`, at);
  }

  run(s: Schema): void {
    this.message(s, 0, this.b.length, 0);
  }

  private message(s: Schema | undefined, start: number, end: number, depth: number): void {
    if (depth > this.maxDepth) this.fail('too-deep', `nesting deeper than ${this.maxDepth}`, start);
    this.p = start;
    const kvTag = s !== undefined && s.kvTag !== 0 && depth + 2 <= this.maxDepth ? s.kvTag : -1;
    const b = this.b;
    while (this.p < end) {
      const p = this.p;
      if (b[p] === kvTag && p + 1 < end) {
        const n = b[p + 1]!;
        const e = p + 2 + n;
        if (n < 0x80 && e <= end && plainKeyValue(b, p + 2, e)) {
          addKey(this.keys, b, p + 4, b[p + 3]!);
          this.p = e;
          continue;
        }
      }
      this.field(s, end, depth, -1);
    }
  }

  // KeyValue and AnyValue make up most of a request: their usual shapes (one-byte tags and
  // lengths, scalar values) are checked inline; anything else goes through `field`.

  private keyValue(start: number, end: number, depth: number): void {
    if (depth > this.maxDepth) this.fail('too-deep', `nesting deeper than ${this.maxDepth}`, start);
    const b = this.b;
    this.p = start;
    let keyed = false;
    while (this.p < end) {
      const p = this.p;
      const t = b[p]!;
      if ((t === 0x0a || t === 0x12) && p + 1 < end) {
        const n = b[p + 1]!;
        const e = p + 2 + n;
        if (n < 0x80 && e <= end) {
          if (t === 0x12) this.anyValue(p + 2, e, depth + 1);
          else {
            addKey(this.keys, b, p + 2, n);
            keyed = true;
          }
          this.p = e;
          continue;
        }
      }
      if (t !== 0x12) this.keysComplete = false;
      this.field(KeyValue, end, depth, -1);
    }
    // No key field: the key is "" (proto3 leaves empty strings out).
    if (!keyed) addKey(this.keys, b, 0, 0);
  }

  private anyValue(start: number, end: number, depth: number): void {
    if (depth > this.maxDepth) this.fail('too-deep', `nesting deeper than ${this.maxDepth}`, start);
    const b = this.b;
    this.p = start;
    while (this.p < end) {
      const p = this.p;
      const t = b[p]!;
      if (p + 1 < end) {
        const n = b[p + 1]!;
        if ((t === 0x0a || t === 0x3a) && n < 0x80 && p + 2 + n <= end) {
          this.p = p + 2 + n;
          continue;
        }
        if ((t === 0x10 || t === 0x18) && n < 0x80) {
          this.p = p + 2;
          continue;
        }
        if (t === 0x21 && p + 9 <= end) {
          this.p = p + 9;
          continue;
        }
      }
      this.field(AnyValue, end, depth, -1);
    }
  }

  /** One field; returns true if it was the end-group tag of `group`. */
  private field(s: Schema | undefined, end: number, depth: number, group: number): boolean {
    const at = this.p;
    const tagStart = this.p;
    const tag = this.varint(end);
    if (this.p - tagStart > 5) this.fail('invalid-value', 'tag longer than 5 bytes', at);
    const f = tag >>> 3;
    const wt = tag & 7;
    if (f === 0) this.fail('invalid-value', 'field number 0', at);
    const kind = s !== undefined && f < s.kinds.length ? s.kinds[f]! : 0;
    switch (wt) {
      case 0:
        if (kind !== 0 && kind !== VARINT && kind !== PACKED_VARINT) this.wrong(s, f, kind, wt, at);
        this.varint(end);
        return false;
      case 1:
        if (kind !== 0 && kind !== FIXED64 && kind !== PACKED_FIXED64) this.wrong(s, f, kind, wt, at);
        if (end - this.p < 8) this.fail('truncated', `${where(s, f)}: fixed64 runs past the end of its message`, at);
        this.p += 8;
        return false;
      case 5:
        if (kind !== 0 && kind !== FIXED32) this.wrong(s, f, kind, wt, at);
        if (end - this.p < 4) this.fail('truncated', `${where(s, f)}: fixed32 runs past the end of its message`, at);
        this.p += 4;
        return false;
      case 2: {
        const n = this.length(end, at);
        const ps = this.p;
        const pe = ps + n;
        switch (kind) {
          case 0:
          case BYTES:
            break;
          case MESSAGE: {
            const sub = s!.subs[f];
            if (sub === KeyValue) this.keyValue(ps, pe, depth + 1);
            else if (sub === AnyValue) this.anyValue(ps, pe, depth + 1);
            else this.message(sub, ps, pe, depth + 1);
            break;
          }
          case PACKED_VARINT:
            while (this.p < pe) this.varint(pe);
            break;
          case PACKED_FIXED64:
            if (n % 8 !== 0) this.fail('invalid-value', `${where(s, f)}: packed fixed64 length ${n} is not a multiple of 8`, at);
            break;
          case TRACE_ID:
          case PROFILE_ID:
            if (n !== 0 && n !== 16) this.fail('invalid-id', `${where(s, f)}: id must be 16 bytes, got ${n}`, at);
            break;
          case SPAN_ID:
            if (n !== 0 && n !== 8) this.fail('invalid-id', `${where(s, f)}: span id must be 8 bytes, got ${n}`, at);
            break;
          default:
            this.wrong(s, f, kind, wt, at);
        }
        this.p = pe;
        return false;
      }
      case 3: {
        if (kind !== 0) this.wrong(s, f, kind, wt, at);
        if (depth + 1 > this.maxDepth) this.fail('too-deep', `nesting deeper than ${this.maxDepth}`, at);
        for (;;) {
          if (this.p >= end) this.fail('truncated', `group ${f} has no end-group tag`, at);
          if (this.field(undefined, end, depth + 1, f)) return false;
        }
      }
      case 4:
        if (f !== group) this.fail('wire-type', `unexpected end-group tag for field ${f}`, at);
        return true;
      default:
        return this.fail('wire-type', `invalid wire type ${wt} (field ${f})`, at);
    }
  }
}

/**
 * Throws {@link PdataDecodeError} unless `b` is a well-formed message of schema `s`. Returns the
 * Bloom filter of every KeyValue key in it (keyBloom.ts), or null when some key could not be added.
 */
export function validate(b: Uint8Array, s: Schema, maxDepth: number): Int32Array | null {
  try {
    const w = new Walker(b, maxDepth);
    w.run(s);
    return w.keysComplete ? w.keys : null;
  } catch (e) {
    if (e instanceof RangeError) throw new PdataDecodeError('too-deep', 'nesting too deep for the call stack', { offset: 0 });
    throw e;
  }
}
