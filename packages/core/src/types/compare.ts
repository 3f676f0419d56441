/**
 * OTTL comparison (reference §4.4): `compareValues(a, b, op)` never throws. Values of different
 * types are never equal and never ordered (`!=` is true for them); `nil == nil`; ints and floats
 * compare numerically with each other; strings compare by their UTF-8 bytes; bytes with
 * `bytes.Compare`; `false < true`; times by instant, durations by length; maps and lists support
 * only `==`/`!=` (deep equality across PMap/plain objects and PSlice/JS arrays, map key order
 * ignored, ints never equal to floats inside containers, NaN never equal); ids by value; any other
 * object by identity.
 */
import { PMap, PSlice } from '@ottl/pdata';
import type { ComparisonOp } from '../language/ast.js';
import { compareStrings, isId, isPlainObject } from './convert.js';
import { OttlDuration, OttlTime, type Value } from './values.js';

/** String order for comparisons: code points (= Go's UTF-8 byte order). */
export { compareStrings };


/** The result of ordering two values of one kind: negative, zero or positive; NaN when unordered. */
function ordered(c: number, op: ComparisonOp): boolean {
  switch (op) {
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

function numbers(a: number, b: number, op: ComparisonOp): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

function bigints(a: bigint, b: bigint, op: ComparisonOp): boolean {
  return ordered(a < b ? -1 : a > b ? 1 : 0, op);
}

/** `bytes.Compare`. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Map entries of a PMap or plain object. */
function mapSize(m: PMap | Readonly<Record<string, Value>>): number {
  return m instanceof PMap ? m.size : Object.keys(m).length;
}

function mapGet(m: PMap | Readonly<Record<string, Value>>, k: string): Value | undefined {
  if (m instanceof PMap) return m.get(k) as Value | undefined;
  return Object.prototype.hasOwnProperty.call(m, k) ? m[k] : undefined;
}

function mapKeys(m: PMap | Readonly<Record<string, Value>>): Iterable<string> {
  return m instanceof PMap ? m.keys() : Object.keys(m);
}

function listLength(l: PSlice | readonly Value[]): number {
  return l instanceof PSlice ? l.length : l.length;
}

function listAt(l: PSlice | readonly Value[], i: number): Value {
  return (l instanceof PSlice ? l.get(i) : l[i]) as Value;
}

/**
 * Deep equality as upstream's `reflect.DeepEqual` over raw values / pcommon `Equal`: same type
 * required at every level (an int is never equal to a float inside a container), NaN unequal to
 * itself, map key order ignored, list order significant.
 */
export function deepEqual(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  switch (typeof a) {
    case 'string':
    case 'bigint':
    case 'boolean':
      return a === b;
    case 'number':
      return typeof b === 'number' && a === b;
  }
  if (typeof b !== 'object') return false;
  if (a instanceof Uint8Array) return b instanceof Uint8Array && bytesEqual(a, b);
  const aMap = a instanceof PMap || isPlainObject(a);
  if (aMap) {
    const bm = b as PMap | Readonly<Record<string, Value>>;
    if (!(b instanceof PMap || isPlainObject(b))) return false;
    const am = a as PMap | Readonly<Record<string, Value>>;
    if (mapSize(am) !== mapSize(bm)) return false;
    for (const k of mapKeys(am)) {
      const bv = mapGet(bm, k);
      if (bv === undefined || !deepEqual(mapGet(am, k) as Value, bv)) return false;
    }
    return true;
  }
  if (a instanceof PSlice || Array.isArray(a)) {
    if (!(b instanceof PSlice || Array.isArray(b))) return false;
    const al = a as PSlice | readonly Value[];
    const bl = b as PSlice | readonly Value[];
    const n = listLength(al);
    if (n !== listLength(bl)) return false;
    for (let i = 0; i < n; i++) if (!deepEqual(listAt(al, i), listAt(bl, i))) return false;
    return true;
  }
  if (a instanceof OttlTime) return b instanceof OttlTime && a.epochNanos === b.epochNanos;
  if (a instanceof OttlDuration) return b instanceof OttlDuration && a.nanos === b.nanos;
  if (isId(a)) return a.equals(b);
  return a === b;
}

function equalityOnly(equal: boolean, op: ComparisonOp): boolean {
  if (op === '==') return equal;
  if (op === '!=') return !equal;
  return false;
}

/** `a op b` under OTTL's comparison rules; never throws. */
export function compareValues(a: Value, b: Value, op: ComparisonOp): boolean {
  if (a === null) {
    if (b === null) return op === '==' || op === '<=' || op === '>=';
    return op === '!=';
  }
  if (b === null) return op === '!=';
  switch (typeof a) {
    case 'string':
      return typeof b === 'string' ? ordered(compareStrings(a, b), op) : op === '!=';
    case 'bigint':
      if (typeof b === 'bigint') return bigints(a, b, op);
      if (typeof b === 'number') return numbers(Number(a), b, op);
      return op === '!=';
    case 'number':
      if (typeof b === 'number') return numbers(a, b, op);
      if (typeof b === 'bigint') return numbers(a, Number(b), op);
      return op === '!=';
    case 'boolean':
      return typeof b === 'boolean' ? ordered(Number(a) - Number(b), op) : op === '!=';
  }
  if (a instanceof Uint8Array) return b instanceof Uint8Array ? ordered(compareBytes(a, b), op) : op === '!=';
  if (a instanceof OttlDuration) return b instanceof OttlDuration ? bigints(a.nanos, b.nanos, op) : op === '!=';
  if (a instanceof OttlTime) return b instanceof OttlTime ? bigints(a.epochNanos, b.epochNanos, op) : op === '!=';
  if (a instanceof PMap || isPlainObject(a) || a instanceof PSlice || Array.isArray(a) || isId(a)) {
    return equalityOnly(deepEqual(a, b), op);
  }
  return equalityOnly(a === b, op);
}
