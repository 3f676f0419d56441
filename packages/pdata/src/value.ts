import { PMap, PSlice, type AttrValue } from './pcommon.js';
import { base64Encode } from './internal/base64.js';

/** Go's float formatting as pcommon uses it (ES6 number-to-string, but keeping `-0`). */
function formatFloat(f: number): string {
  return Object.is(f, -0) ? '-0' : String(f);
}

/** Go `strconv.FormatFloat(f, 'g', -1, 64)` for the non-finite values. */
function formatNonFinite(f: number): string {
  return Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
}

const HEX = '0123456789abcdef';

/** A JSON string literal escaped like Go's encoding/json (HTML-safe, U+2028/2029 escaped). */
function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        out += s[i]! + s[i + 1]!;
        i++;
      } else out += '\\ufffd';
      continue;
    }
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x0c:
        out += '\\f';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x3c:
      case 0x3e:
      case 0x26:
      case 0x2028:
      case 0x2029:
        out += '\\u' + c.toString(16).padStart(4, '0');
        break;
      default:
        out += c < 0x20 ? '\\u00' + HEX[c >> 4]! + HEX[c & 15]! : s[i]!;
    }
  }
  return out + '"';
}

/** Orders strings by their UTF-8 bytes (= code points), as Go sorts map keys. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Go `json.Marshal` of a value's raw form; null when a double is NaN or infinite (Go fails then). */
function goJson(v: AttrValue): string | null {
  switch (typeof v) {
    case 'string':
      return goJsonString(v);
    case 'boolean':
    case 'bigint':
      return String(v);
    case 'number':
      return Number.isFinite(v) ? formatFloat(v) : null;
  }
  if (v === null) return 'null';
  if (v instanceof Uint8Array) return '"' + base64Encode(v) + '"';
  const parts: string[] = [];
  if (v instanceof PMap) {
    const keys = [...v.keys()].sort(compareCodePoints);
    for (const k of keys) {
      const x = goJson(v.get(k)!);
      if (x === null) return null;
      parts.push(goJsonString(k) + ':' + x);
    }
    return '{' + parts.join(',') + '}';
  }
  for (const e of (v as PSlice).values()) {
    const x = goJson(e);
    if (x === null) return null;
    parts.push(x);
  }
  return '[' + parts.join(',') + ']';
}

/**
 * The canonical string form (pcommon `Value.AsString`): Empty → "", strings as they are, ints in
 * decimal, doubles like Go (`1e+21`, `1e-7`, "json: unsupported value: NaN"), bytes as standard
 * base64, maps and slices as Go's JSON (keys sorted, HTML-safe escaping; "" if a NaN/Inf is inside).
 */
export function valueAsString(v: AttrValue): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
    case 'bigint':
      return String(v);
    case 'number':
      return Number.isFinite(v) ? formatFloat(v) : `json: unsupported value: ${formatNonFinite(v)}`;
  }
  if (v === null) return '';
  if (v instanceof Uint8Array) return base64Encode(v);
  return goJson(v) ?? '';
}
