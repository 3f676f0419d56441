/**
 * OTTL values as the CLI shows them (trace, repl): strings quoted, ints plain, floats with a dot,
 * bytes and ids as 0x… hex, nil as `nil`, maps and lists as JSON, times and durations in Go's text.
 */
import { PMap, PSlice } from '@ottl/pdata';
import { bytesToHex, formatGoFloat, isId, toJsonText, valueAsString, type Value } from '@ottl/core';

export function displayValue(v: Value | undefined): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') {
    const s = formatGoFloat(v);
    return /^-?\d+$/.test(s) ? `${s}.0` : s;
  }
  if (v instanceof Uint8Array) return `0x${bytesToHex(v)}`;
  if (isId(v)) return `0x${valueAsString(v)}`;
  if (v instanceof PMap || v instanceof PSlice || Array.isArray(v) || (typeof v === 'object' && v.constructor === Object)) return toJsonText(v);
  return valueAsString(v);
}
