/**
 * Typed-getter coercions (reference §4.8) and value rendering, as pure functions over the runtime
 * {@link Value} model. Every function here is total over `Value`: it returns a result or throws an
 * {@link OttlError} (an {@link OttlTypeError} when the value has the wrong type) whose message is
 * upstream's wording, so callers can surface it unchanged.
 */
import { PMap, PSlice, TraceId, SpanId, ProfileId, valueAsString as pdataValueAsString, type AttrValue } from '@ottl/pdata';
import type { OttlType } from './signature.js';
import { OttlDuration, OttlError, OttlTime, OttlTypeError, type Value } from './values.js';

// ---------------------------------------------------------------------------------------------
// Type names

/** A plain JS object used as a native map (upstream `map[string]any`). */
export function isPlainObject(v: unknown): v is Readonly<Record<string, Value>> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A trace, span or profile id. */
export function isId(v: unknown): v is TraceId | SpanId | ProfileId {
  return v instanceof TraceId || v instanceof SpanId || v instanceof ProfileId;
}

/**
 * The Go type name upstream prints for a value (`%T`), for messages such as
 * `expected string but got int64`. Opaque pdata structs are named after their class.
 */
export function goTypeName(v: Value | undefined): string {
  if (v === null || v === undefined) return 'nil';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'bigint':
      return 'int64';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
  }
  if (v instanceof Uint8Array) return '[]uint8';
  if (v instanceof PMap) return 'pcommon.Map';
  if (v instanceof PSlice) return 'pcommon.Slice';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof OttlTime) return 'time.Time';
  if (v instanceof OttlDuration) return 'time.Duration';
  if (v instanceof TraceId) return 'pcommon.TraceID';
  if (v instanceof SpanId) return 'pcommon.SpanID';
  if (v instanceof ProfileId) return 'pprofile.ProfileID';
  if (isPlainObject(v)) return 'map[string]interface {}';
  const name = (v as object).constructor?.name;
  return name ? name : 'object';
}

/** The static OTTL type of a runtime value (`opaque` for pdata structs and other objects). */
export function ottlTypeOf(v: Value | undefined): OttlType {
  if (v === null || v === undefined) return 'nil';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'boolean':
      return 'bool';
  }
  if (v instanceof Uint8Array) return 'bytes';
  if (v instanceof PMap || isPlainObject(v)) return 'map';
  if (v instanceof PSlice || Array.isArray(v)) return 'list';
  if (v instanceof OttlTime) return 'time';
  if (v instanceof OttlDuration) return 'duration';
  if (v instanceof TraceId) return 'traceid';
  if (v instanceof SpanId) return 'spanid';
  if (v instanceof ProfileId) return 'profileid';
  return 'opaque';
}

/** A map value: a PMap or a plain JS object (native map). */
export function isMap(v: Value | undefined): v is PMap | Readonly<Record<string, Value>> {
  return v instanceof PMap || isPlainObject(v);
}

/** A list value: a PSlice or a plain JS array. */
export function isList(v: Value | undefined): v is PSlice | readonly Value[] {
  return v instanceof PSlice || Array.isArray(v);
}

/** The items of a list (a PSlice's items are read live, not copied); `[]` for non-lists. */
export function listItems(v: Value | undefined): readonly Value[] {
  if (Array.isArray(v)) return v as readonly Value[];
  if (v instanceof PSlice) return v.toArray() as readonly Value[];
  return [];
}

// ---------------------------------------------------------------------------------------------
// Strict getters: the exact type or an OttlTypeError.

function typeError(expected: string, v: Value | undefined): OttlTypeError {
  return new OttlTypeError(`expected ${expected} but got ${goTypeName(v)}`);
}

export function expectString(v: Value | undefined): string {
  if (typeof v === 'string') return v;
  throw typeError('string', v);
}

export function expectInt(v: Value | undefined): bigint {
  if (typeof v === 'bigint') return v;
  throw typeError('int64', v);
}

export function expectFloat(v: Value | undefined): number {
  if (typeof v === 'number') return v;
  throw typeError('float64', v);
}

export function expectBool(v: Value | undefined): boolean {
  if (typeof v === 'boolean') return v;
  throw typeError('bool', v);
}

/** A PMap (live when the value is one), or a new PMap converted from a plain JS object. */
export function expectMap(v: Value | undefined): PMap {
  if (v instanceof PMap) return v;
  if (isPlainObject(v)) return toAttrValue(v) as PMap;
  throw typeError('pcommon.Map', v);
}

/** A PSlice (live when the value is one), or a new PSlice converted from a plain JS array. */
export function expectSlice(v: Value | undefined): PSlice {
  if (v instanceof PSlice) return v;
  if (Array.isArray(v)) return toAttrValue(v) as PSlice;
  throw typeError('pcommon.Slice', v);
}

export function expectTime(v: Value | undefined): OttlTime {
  if (v instanceof OttlTime) return v;
  throw typeError('time', v);
}

export function expectDuration(v: Value | undefined): OttlDuration {
  if (v instanceof OttlDuration) return v;
  throw typeError('duration', v);
}

// ---------------------------------------------------------------------------------------------
// Coercing getters: null for nil input.

function unsupported(v: Value): OttlTypeError {
  return new OttlTypeError(`unsupported type: ${goTypeName(v)}`);
}

/**
 * StringLikeGetter: strings as is, bytes as lowercase hex, everything else as its JSON text
 * (`1`, `1.5`, `true`, maps and lists as JSON). Null for nil; OttlTypeError when the value has no
 * JSON form (NaN, opaque structs).
 */
export function toStringLike(v: Value): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return bytesToHex(v);
  try {
    return toJsonText(v);
  } catch {
    throw unsupported(v);
  }
}

const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;

/** Go's `int64(f)` conversion: truncation; NaN and out-of-range values give the minimum int64 (amd64). */
export function floatToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= 9223372036854775808 || f < -9223372036854775808) return MIN_INT64;
  return BigInt(Math.trunc(f));
}

/** Go `strconv.ParseInt(s, 10, 64)`; null when it fails (syntax or range). */
export function parseGoInt(s: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const n = BigInt(s);
  return n < MIN_INT64 || n > MAX_INT64 ? null : n;
}

/**
 * IntLikeGetter: ints as is, floats truncated, strings parsed base 10 (null when unparsable),
 * bools as 1/0; null for nil; OttlTypeError otherwise.
 */
export function toIntLike(v: Value): bigint | null {
  if (v === null) return null;
  switch (typeof v) {
    case 'bigint':
      return v;
    case 'number':
      return floatToInt64(v);
    case 'string':
      return parseGoInt(v);
    case 'boolean':
      return v ? 1n : 0n;
  }
  throw unsupported(v);
}

const DEC_FLOAT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))[pP]([+-]?[0-9]+)$/;
const INF_FLOAT = /^([+-]?)(?:inf|infinity)$/i;

/** Go `strconv.ParseFloat(s, 64)`; throws an OttlError with Go's message when it fails. */
export function parseGoFloat(s: string): number {
  let f: number | undefined;
  if (DEC_FLOAT.test(s)) f = Number(s);
  else if (/^nan$/i.test(s)) return NaN;
  else {
    const inf = INF_FLOAT.exec(s);
    if (inf) return inf[1] === '-' ? -Infinity : Infinity;
    const hex = HEX_FLOAT.exec(s);
    if (hex) {
      const [, sign, mant, exp] = hex as unknown as [string, string, string, string];
      const [ip, fp = ''] = mant.split('.') as [string, string?];
      const digits = (ip + fp) || '0';
      f = parseInt(digits, 16) * Math.pow(2, Number(exp) - 4 * fp.length);
      if (sign === '-') f = -f;
    }
  }
  if (f === undefined) throw new OttlError(`strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax`);
  if (!Number.isFinite(f)) throw new OttlError(`strconv.ParseFloat: parsing ${goQuote(s)}: value out of range`);
  return f;
}

/**
 * FloatLikeGetter: floats as is, ints converted, strings parsed (OttlError when unparsable), bools
 * as 1/0; null for nil; OttlTypeError otherwise.
 */
export function toFloatLike(v: Value): number | null {
  if (v === null) return null;
  switch (typeof v) {
    case 'number':
      return v;
    case 'bigint':
      return Number(v);
    case 'string':
      return parseGoFloat(v);
    case 'boolean':
      return v ? 1 : 0;
  }
  throw unsupported(v);
}

const TRUE_STRINGS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_STRINGS = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Go `strconv.ParseBool`; throws an OttlError with Go's message when it fails. */
export function parseGoBool(s: string): boolean {
  if (TRUE_STRINGS.has(s)) return true;
  if (FALSE_STRINGS.has(s)) return false;
  throw new OttlError(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

/**
 * BoolLikeGetter: bools as is, numbers true when non-zero, strings via Go ParseBool (OttlError
 * when unparsable); null for nil; OttlTypeError otherwise.
 */
export function toBoolLike(v: Value): boolean | null {
  if (v === null) return null;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'bigint':
      return v !== 0n;
    case 'number':
      return v !== 0;
    case 'string':
      return parseGoBool(v);
  }
  throw unsupported(v);
}

// TextEncoder is a global in browsers and Node; the ES lib this package compiles against omits it.
const textEncoder = new (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }).TextEncoder();

/**
 * ByteSliceLikeGetter: bytes as is (not copied), strings as UTF-8, ints and floats as 8 big-endian
 * bytes, bools as one byte; null for nil; OttlTypeError otherwise.
 */
export function toBytesLike(v: Value): Uint8Array | null {
  if (v === null) return null;
  if (v instanceof Uint8Array) return v;
  switch (typeof v) {
    case 'string':
      return textEncoder.encode(v);
    case 'bigint': {
      const out = new Uint8Array(8);
      new DataView(out.buffer).setBigInt64(0, v);
      return out;
    }
    case 'number': {
      const out = new Uint8Array(8);
      new DataView(out.buffer).setFloat64(0, v);
      return out;
    }
    case 'boolean':
      return Uint8Array.of(v ? 1 : 0);
  }
  throw unsupported(v);
}

// ---------------------------------------------------------------------------------------------
// Conversion into pdata

/**
 * The pdata form of a value about to be stored in an attribute map, slice or body (upstream
 * `SetValue`): scalars and bytes (copied) as is; PMap, PSlice, JS arrays and plain objects deep
 * copied into new PMap/PSlice; `undefined` for values pdata cannot hold (time, duration, ids,
 * opaque structs), which upstream leaves Empty.
 */
export function toAttrValue(v: Value): AttrValue | undefined {
  if (v === null) return null;
  switch (typeof v) {
    case 'string':
    case 'bigint':
    case 'number':
    case 'boolean':
      return v;
  }
  if (v instanceof Uint8Array) return v.slice();
  if (v instanceof PMap) return v.clone();
  if (v instanceof PSlice) return v.clone();
  if (Array.isArray(v)) {
    const out = PSlice.fromRaw([]);
    for (const item of v as readonly Value[]) {
      const a = toAttrValue(item);
      out.append(a === undefined ? null : a);
    }
    return out;
  }
  if (isPlainObject(v)) {
    const out = PMap.fromRaw({});
    for (const [k, item] of Object.entries(v)) {
      const a = toAttrValue(item);
      out.set(k, a === undefined ? null : a);
    }
    return out;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Rendering

const HEX_DIGITS = '0123456789abcdef';

/** Lowercase hex without separators (Go `hex.EncodeToString`). */
export function bytesToHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX_DIGITS[b[i]! >> 4]! + HEX_DIGITS[b[i]! & 15]!;
  return s;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (Go `base64.StdEncoding`). */
export function bytesToBase64(b: Uint8Array): string {
  let s = '';
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const n = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    s += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  if (i < b.length) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8);
    s += B64[n >> 18]! + B64[(n >> 12) & 63]!;
    s += i + 1 < b.length ? B64[(n >> 6) & 63]! + '=' : '==';
  }
  return s;
}

/**
 * A float64 as Go's encoding/json and pcommon `AsString` print it (ES6 number-to-string rules:
 * shortest round-trip digits, exponent form below 1e-6 and from 1e21). `-0` prints as `-0`.
 * NaN and ±Inf print as Go's `FormatFloat(f, 'g')` (`NaN`, `+Inf`, `-Inf`).
 */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  return String(f);
}

const JSON_SAFE = /^[^"\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]*$/;

/**
 * A string as Go's encoding/json quotes it: HTML characters and U+2028/2029 escaped as `\uXXXX`,
 * lone surrogates replaced by U+FFFD.
 */
export function goJsonQuote(s: string): string {
  if (JSON_SAFE.test(s)) return '"' + s + '"';
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x22:
        out += '\\"';
        continue;
      case 0x5c:
        out += '\\\\';
        continue;
      case 0x0a:
        out += '\\n';
        continue;
      case 0x0d:
        out += '\\r';
        continue;
      case 0x09:
        out += '\\t';
        continue;
      case 0x08:
        out += '\\b';
        continue;
      case 0x0c:
        out += '\\f';
        continue;
    }
    if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      out += s[i]! + s[i + 1]!;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += '\ufffd';
    } else {
      out += s[i]!;
    }
  }
  return out + '"';
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A string as Go's `%q` prints it (for messages such as `parsing "abc": invalid syntax`). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Code-point (= UTF-8 byte) order of two strings; JS `<` compares UTF-16 units instead. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** Keys in Go's map-key order (UTF-8 bytes). */
function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].sort(compareStrings);
}

/**
 * The JSON text Go's encoding/json produces for a value: map keys sorted, floats as
 * {@link formatGoFloat}, bytes as base64 strings, times as quoted RFC 3339 with nanoseconds,
 * durations as their nanoseconds, ids as arrays of byte values. Throws an OttlTypeError for values
 * without a JSON form (`json: unsupported value: NaN`, opaque structs).
 */
export function toJsonText(v: Value): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return goJsonQuote(v);
    case 'bigint':
      return v.toString();
    case 'number':
      if (!Number.isFinite(v)) throw new OttlTypeError(`json: unsupported value: ${formatGoFloat(v)}`);
      return formatGoFloat(v);
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (v instanceof Uint8Array) return '"' + bytesToBase64(v) + '"';
  if (v instanceof PMap) {
    const parts: string[] = [];
    for (const k of sortedKeys(v.keys())) parts.push(goJsonQuote(k) + ':' + toJsonText(v.get(k) as Value));
    return '{' + parts.join(',') + '}';
  }
  if (v instanceof PSlice || Array.isArray(v)) {
    return '[' + listItems(v).map(toJsonText).join(',') + ']';
  }
  if (isPlainObject(v)) {
    const parts: string[] = [];
    for (const k of sortedKeys(Object.keys(v))) parts.push(goJsonQuote(k) + ':' + toJsonText(v[k] as Value));
    return '{' + parts.join(',') + '}';
  }
  if (v instanceof OttlTime) return '"' + formatRfc3339Nano(v) + '"';
  if (v instanceof OttlDuration) return v.nanos.toString();
  if (isId(v)) return '[' + Array.from(v.toBytes()).join(',') + ']';
  throw new OttlTypeError(`json: unsupported type: ${goTypeName(v)}`);
}

/**
 * The canonical string form of a value (pcommon `Value.AsString`): nil → `""`, strings as is,
 * numbers and bools as Go prints them, bytes as base64, maps and lists as JSON. Values pdata cannot
 * hold render as Go prints them: times as RFC 3339 with nanoseconds, durations like
 * `1h2m3.5s`, ids as lowercase hex.
 */
export function valueAsString(v: Value): string {
  if (v === null || typeof v !== 'object' || v instanceof Uint8Array || v instanceof PMap || v instanceof PSlice) {
    return pdataValueAsString(v as AttrValue);
  }
  if (v instanceof OttlTime) return formatRfc3339Nano(v);
  if (v instanceof OttlDuration) return formatGoDuration(v.nanos);
  if (isId(v)) return v.toHex();
  try {
    return toJsonText(v);
  } catch (e) {
    return (e as Error).message;
  }
}

// ---------------------------------------------------------------------------------------------
// Time and duration rendering

/**
 * Offset from UTC in seconds of `zone` at the instant `epochMillis`, for any year the Date range
 * holds (years below 100 and before year 1 included; IANA zones give local mean time there).
 */
export function zoneOffsetSeconds(zone: OttlTime['zone'], epochMillis: number): number {
  if (typeof zone !== 'string') return zone.offsetSeconds;
  if (zone === 'UTC' || zone === '') return 0;
  const fmt = zoneFormatter(zone);
  const parts: Record<string, number> = {};
  let bc = false;
  for (const p of fmt.formatToParts(new Date(epochMillis))) {
    if (p.type === 'era') bc = p.value === 'BC';
    else if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  // The local wall clock read as UTC. Not Date.UTC: it takes years 0-99 as 1900-1999. Intl
  // numbers years by era (1 BC, 2 BC…); the astronomical year of `n BC` is 1 - n.
  const local = new Date(0);
  local.setUTCFullYear(bc ? 1 - parts.year! : parts.year!, parts.month! - 1, parts.day!);
  local.setUTCHours(parts.hour! % 24, parts.minute!, parts.second!);
  const floored = Math.floor(epochMillis / 1000) * 1000;
  return Math.round((local.getTime() - floored) / 1000);
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = zoneFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormatters.set(zone, f);
  }
  return f;
}

const NANOS_PER_SECOND = 1_000_000_000n;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Go's `time.RFC3339Nano` layout in the time's zone (trailing zeros of the fraction dropped). */
export function formatRfc3339Nano(t: OttlTime): string {
  let secs = t.epochNanos / NANOS_PER_SECOND;
  let frac = t.epochNanos % NANOS_PER_SECOND;
  if (frac < 0n) {
    frac += NANOS_PER_SECOND;
    secs -= 1n;
  }
  const offset = zoneOffsetSeconds(t.zone, Number(secs) * 1000);
  const d = new Date((Number(secs) + offset) * 1000);
  const year = d.getUTCFullYear();
  let s =
    (year < 0 ? '-' + pad(-year, 4) : pad(year, 4)) +
    '-' + pad(d.getUTCMonth() + 1, 2) + '-' + pad(d.getUTCDate(), 2) +
    'T' + pad(d.getUTCHours(), 2) + ':' + pad(d.getUTCMinutes(), 2) + ':' + pad(d.getUTCSeconds(), 2);
  if (frac !== 0n) s += '.' + frac.toString().padStart(9, '0').replace(/0+$/, '');
  if (offset === 0) return s + 'Z';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return s + sign + pad(Math.floor(abs / 3600), 2) + ':' + pad(Math.floor((abs % 3600) / 60), 2);
}

/** Go's `time.Duration.String()`: `1h2m3.5s`, `1.5ms`, `0s`, `-1m0s`. */
export function formatGoDuration(nanos: bigint): string {
  if (nanos === 0n) return '0s';
  const neg = nanos < 0n;
  let u = neg ? -nanos : nanos;
  let out: string;
  if (u < NANOS_PER_SECOND) {
    // Sub-second: the largest unit among ns, µs, ms with a fraction.
    if (u < 1000n) out = u.toString() + 'ns';
    else if (u < 1_000_000n) out = fraction(u, 1000n) + 'µs';
    else out = fraction(u, 1_000_000n) + 'ms';
  } else {
    const h = u / 3_600_000_000_000n;
    u -= h * 3_600_000_000_000n;
    const m = u / 60_000_000_000n;
    u -= m * 60_000_000_000n;
    out = fraction(u, NANOS_PER_SECOND) + 's';
    if (h > 0n || m > 0n) out = m.toString() + 'm' + out;
    if (h > 0n) out = h.toString() + 'h' + out;
  }
  return neg ? '-' + out : out;
}

function fraction(v: bigint, unit: bigint): string {
  const whole = v / unit;
  const rest = v % unit;
  if (rest === 0n) return whole.toString();
  const digits = unit.toString().length - 1;
  return whole.toString() + '.' + rest.toString().padStart(digits, '0').replace(/0+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Requested by the function library (teammate B, issue #5)

/** Go's `%T` of a value, as upstream messages print it: {@link goTypeName}, but nil is `<nil>`. */
export function goFmtType(v: Value | undefined): string {
  return v === null || v === undefined ? '<nil>' : goTypeName(v);
}
