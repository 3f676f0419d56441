/**
 * Key semantics for paths into maps and slices (reference §4.7) and for indexing converter results
 * (§4.6). Every failure throws an {@link OttlError} whose message is upstream's.
 *
 * Path keys come in three kinds, decided when the path is resolved: a string literal, an int
 * literal, or an expression (path, converter, math, float literal) evaluated per item. The kind
 * matters for the messages and for what an Empty value turns into when a key creates it.
 */
import { PMap, PSlice, type AttrValue } from '@ottl/pdata';
import type { KeyNode } from '../language/ast.js';
import { goFmtType, goTypeName, isPlainObject, toAttrValue } from '../types/convert.js';
import { OttlError, type Value } from '../types/values.js';

export type KeyKind = 'string' | 'int' | 'expr';

/** The kind of a path key: a string or int literal, or an expression evaluated per item. */
export function keyKindOf(key: KeyNode): KeyKind {
  const v = key.value;
  if (v.kind === 'Literal') {
    if (v.type === 'string') return 'string';
    if (v.type === 'int') return 'int';
  }
  return 'expr';
}

/**
 * The pdata form of a value stored into an attribute map, a slice or a body: scalars as is, bytes,
 * maps and lists (PMap, PSlice, JS arrays, plain objects) deep copied; values pdata cannot hold
 * (time, duration, ids, nil, opaque structs) become Empty (`null`).
 */
export function toPdataValue(v: Value): AttrValue {
  if (typeof v === 'string') return v;
  const a = toAttrValue(v);
  return a === undefined ? null : a;
}

/**
 * A value read out of pdata as OTTL sees it: Empty and absent read as nil, bytes are copied,
 * maps and slices are the live containers.
 */
export function fromPdataValue(v: AttrValue | undefined): Value {
  if (v === undefined) return null;
  if (v instanceof Uint8Array) return v.slice();
  return v;
}

/** The pcommon value type name upstream prints (`Str`, `Int`, `Map`…). */
export function pdataTypeName(v: AttrValue | undefined): string {
  if (v === null || v === undefined) return 'Empty';
  switch (typeof v) {
    case 'string':
      return 'Str';
    case 'bigint':
      return 'Int';
    case 'number':
      return 'Double';
    case 'boolean':
      return 'Bool';
  }
  if (v instanceof Uint8Array) return 'Bytes';
  if (v instanceof PMap) return 'Map';
  return 'Slice';
}

const MAP_KEY_ERROR = 'unable to resolve a string index in map: ';
const SLICE_KEY_ERROR = 'unable to resolve an integer index in slice: ';

/** The string a key must be when it indexes a map; `prefix` is upstream's wrapping context. */
function mapKeyOf(key: Value, kind: KeyKind, prefix: string): string {
  if (kind === 'string') return key as string;
  if (kind === 'expr' && typeof key === 'string') return key;
  throw new OttlError(
    prefix +
      MAP_KEY_ERROR +
      (kind === 'int'
        ? 'invalid key type'
        : `could not resolve key for map/slice, expecting 'string' but got '${goFmtType(key)}'`),
  );
}

/** The index a key must be when it indexes a slice of `length` elements. */
function sliceIndexOf(key: Value, kind: KeyKind, length: number): number {
  let i: bigint;
  if (kind === 'int' || (kind === 'expr' && typeof key === 'bigint')) i = key as bigint;
  else
    throw new OttlError(
      SLICE_KEY_ERROR +
        (kind === 'string'
          ? 'invalid key type'
          : `could not resolve key for map/slice, expecting 'int64' but got '${goFmtType(key)}'`),
    );
  if (i < 0n || i >= BigInt(length)) throw new OttlError(`index ${i} out of bounds`);
  return Number(i);
}

function notIndexable(v: AttrValue | undefined): OttlError {
  return new OttlError(`type ${pdataTypeName(v)} does not support string indexing`);
}

/** Reads `value[keys[from]]…`: a missing map key at any depth is nil; stepping into a scalar throws. */
export function getIndexableValue(
  value: AttrValue | undefined,
  keys: readonly Value[],
  kinds: readonly KeyKind[],
  from: number,
): Value {
  let cur = value;
  for (let i = from; i < keys.length; i++) {
    if (cur instanceof PMap) {
      cur = cur.get(mapKeyOf(keys[i]!, kinds[i]!, ''));
      if (cur === undefined) return null;
    } else if (cur instanceof PSlice) {
      cur = cur.get(sliceIndexOf(keys[i]!, kinds[i]!, cur.length));
    } else {
      throw notIndexable(cur);
    }
  }
  return fromPdataValue(cur);
}

/** `m[keys[0]][keys[1]]…` for a path that consumes keys on a map (attributes, cache). */
export function getMapValue(m: PMap, keys: readonly Value[], kinds: readonly KeyKind[]): Value {
  const v = m.get(mapKeyOf(keys[0]!, kinds[0]!, 'cannot get map value: '));
  if (v === undefined) return null;
  return keys.length === 1 ? fromPdataValue(v) : getIndexableValue(v, keys, kinds, 1);
}

/** `s[keys[0]][keys[1]]…` for a path whose value is a slice (a slice log body). */
export function getSliceValue(s: PSlice, keys: readonly Value[], kinds: readonly KeyKind[]): Value {
  return getIndexableValue(s.get(sliceIndexOf(keys[0]!, kinds[0]!, s.length)), keys, kinds, 1);
}

function at(c: PMap | PSlice, k: string | number): AttrValue | undefined {
  return c instanceof PMap ? c.get(k as string) : c.get(k as number);
}

function put(c: PMap | PSlice, k: string | number, v: AttrValue): void {
  if (c instanceof PMap) c.set(k as string, v);
  else c.set(k as number, v);
}

/**
 * Writes `value` at `container[slot][keys[from]]…`, creating what is missing: absent map keys are
 * added; an Empty value becomes a map (string key) or a slice padded with Empty values up to the
 * index (int key). Stepping into a scalar or past the end of an existing slice throws. `slot` must
 * exist in `container`.
 */
function setIndexableValue(
  container: PMap | PSlice,
  slot: string | number,
  keys: readonly Value[],
  kinds: readonly KeyKind[],
  from: number,
  value: AttrValue,
): void {
  let c = container;
  let k = slot;
  for (let i = from; i < keys.length; i++) {
    const cur = at(c, k);
    const key = keys[i]!;
    const kind = kinds[i]!;
    if (cur instanceof PMap) {
      const mk = mapKeyOf(key, kind, '');
      if (!cur.has(mk)) cur.set(mk, null);
      c = cur;
      k = mk;
    } else if (cur instanceof PSlice) {
      c = cur;
      k = sliceIndexOf(key, kind, cur.length);
    } else if (cur === null || cur === undefined) {
      let created: PMap | PSlice;
      let next: string | number;
      if (kind === 'string' || (kind === 'expr' && typeof key === 'string')) {
        next = key as string;
        created = PMap.fromRaw({});
        created.set(next, null);
      } else if (kind === 'int' || (kind === 'expr' && typeof key === 'bigint')) {
        next = (key as bigint) > 0n ? Number(key) : 0;
        created = PSlice.fromRaw([]);
        for (let j = 0; j <= next; j++) created.append(null);
      } else {
        throw new OttlError('neither a string nor an int index was given, this is an error in the OTTL');
      }
      put(c, k, created);
      c = created;
      k = next;
    } else {
      throw notIndexable(cur);
    }
  }
  put(c, k, value);
}

/**
 * `set(m[keys[0]]…, value)` for a path that consumes keys on a map: the value is converted first
 * ({@link toPdataValue}), then missing entries are created on the way.
 */
export function setMapValue(m: PMap, keys: readonly Value[], kinds: readonly KeyKind[], value: Value): void {
  const key = mapKeyOf(keys[0]!, kinds[0]!, 'cannot set map value: ');
  if (keys.length === 1) {
    m.set(key, toPdataValue(value));
    return;
  }
  if (!m.has(key)) m.set(key, null);
  setIndexableValue(m, key, keys, kinds, 1, toPdataValue(value));
}

/** `set(s[keys[0]]…, value)` for a path whose value is a slice; the index must exist. */
export function setSliceValue(s: PSlice, keys: readonly Value[], kinds: readonly KeyKind[], value: Value): void {
  const idx = sliceIndexOf(keys[0]!, kinds[0]!, s.length);
  setIndexableValue(s, idx, keys, kinds, 1, toPdataValue(value));
}

/**
 * Replaces the whole content of a map path (`set(attributes, x)`): a PMap or plain object is deep
 * copied in, nil clears (reaches here only with `ottl.set.allowNil`); anything else throws.
 */
export function setMap(target: PMap, value: Value): void {
  if (value instanceof PMap) {
    if (value !== target) value.copyTo(target);
  } else if (isPlainObject(value)) {
    (toAttrValue(value) as PMap).copyTo(target);
  } else if (value === null) {
    target.clear();
  } else {
    throw new OttlError(`unsupported type provided for setting a pcommon.Map: ${goTypeName(value)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Converter results (§4.6)

/**
 * Applies evaluated keys to a converter's result: a string indexes a PMap or plain object (a
 * missing key is an error, unlike paths), a bigint indexes a PSlice or JS array. Elements read out
 * of pdata are converted as {@link fromPdataValue} does.
 */
export function applyKeysToValue(value: Value, keys: readonly Value[]): Value {
  let cur: Value = value;
  for (const key of keys) {
    if (typeof key === 'string') {
      if (cur instanceof PMap) {
        const v = cur.get(key);
        if (v === undefined) throw new OttlError('key not found in map');
        cur = fromPdataValue(v);
      } else if (isPlainObject(cur)) {
        if (!Object.prototype.hasOwnProperty.call(cur, key)) throw new OttlError('key not found in map');
        cur = cur[key] as Value;
      } else {
        throw new OttlError(`type, ${goFmtType(cur)}, does not support string indexing`);
      }
    } else if (typeof key === 'bigint') {
      if (cur instanceof PSlice || Array.isArray(cur)) {
        const list = cur as PSlice | readonly Value[];
        if (key < 0n || key >= BigInt(list.length)) throw new OttlError(`index ${key} out of bounds`);
        cur = list instanceof PSlice ? fromPdataValue(list.get(Number(key))) : list[Number(key)]!;
      } else {
        throw new OttlError(`type, ${goFmtType(cur)}, does not support int indexing`);
      }
    } else if (cur instanceof PSlice || Array.isArray(cur)) {
      throw new OttlError(
        SLICE_KEY_ERROR + `could not resolve key for map/slice, expecting 'int64' but got '${goFmtType(key)}'`,
      );
    } else {
      throw new OttlError(
        MAP_KEY_ERROR + `could not resolve key for map/slice, expecting 'string' but got '${goFmtType(key)}'`,
      );
    }
  }
  return cur;
}
