import { ReadOnlyError } from './errors.js';
import type { Src } from './internal/wire.js';

/**
 * An attribute value (pcommon.Value): `null` is Empty, `bigint` is Int, `number` is Double (even
 * `1.0`), `Uint8Array` is Bytes.
 */
export type AttrValue = null | string | boolean | bigint | number | Uint8Array | PMap | PSlice;

export type ValueType = 'empty' | 'str' | 'bool' | 'int' | 'double' | 'bytes' | 'map' | 'slice';

/** Plain-JS form of a value: objects for maps, arrays for slices. */
export type RawValue = null | string | boolean | bigint | number | Uint8Array | RawValue[] | { [key: string]: RawValue };

/** @internal Marks a value slot whose bytes are not decoded yet. */
export const PENDING: unique symbol = Symbol('pending');
/** @internal */
export type Slot = AttrValue | typeof PENDING;

/**
 * @internal Where a lazily decoded map or slice gets its content: `fill` appends the entries with
 * `PENDING` values and the byte range of their whole field (tag, length and payload); `value`
 * decodes the value of one such field.
 */
export interface ValueSource {
  readonly src: Src;
  /** The tag the entries' fields carry in `src`. */
  readonly tag: number;
  fill(target: PMap | PSlice): void;
  value(s: number, e: number): AttrValue;
}

/** @internal A map's source also reads keys: `fill` leaves them `null` (not decoded yet). */
export interface MapSource extends ValueSource {
  key(s: number, e: number): string;
  /** Whether the key of the KeyValue field [s, e) is `key` (`ascii`: `key` has only ASCII characters). */
  keyIs(s: number, e: number, key: string, ascii: boolean): boolean;
  /** Whether some entry of the source has key `key`, read from the bytes without filling a map. */
  has(key: string, ascii: boolean): boolean;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

export function valueType(v: AttrValue): ValueType {
  switch (typeof v) {
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'double';
    default:
      if (v === null) return 'empty';
      if (v instanceof Uint8Array) return 'bytes';
      return v instanceof PMap ? 'map' : 'slice';
  }
}

/** A deep copy: containers and bytes are copied, scalars returned as they are. */
export function cloneValue(v: AttrValue): AttrValue {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Uint8Array) return v.slice();
  return v.clone();
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Structural equality (pcommon `Equal`): maps compare as key sets, doubles with `===` (NaN ≠ NaN). */
export function valueEquals(a: AttrValue, b: AttrValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Uint8Array) return b instanceof Uint8Array && bytesEqual(a, b);
  if (a instanceof PMap) return b instanceof PMap && a.equals(b);
  return b instanceof PSlice && a.equals(b);
}

/** Plain JS from a value: maps become objects, slices arrays, bytes are copied. */
export function valueToRaw(v: AttrValue): RawValue {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Uint8Array) return v.slice();
  return v.toRaw();
}

/**
 * A value from plain JS: objects become maps, arrays slices, `undefined` Empty, integers stay
 * Double unless given as bigint. Containers and bytes are copied. Anything else (functions,
 * symbols) becomes the string `<Invalid value type …>`, like pcommon `FromRaw`.
 */
export function valueFromRaw(x: unknown): AttrValue {
  switch (typeof x) {
    case 'string':
    case 'boolean':
    case 'bigint':
    case 'number':
      return x;
    case 'undefined':
      return null;
    case 'object':
      if (x === null) return null;
      if (x instanceof Uint8Array) return x.slice();
      if (x instanceof PMap || x instanceof PSlice) return x.clone();
      if (Array.isArray(x)) return PSlice.fromRaw(x);
      return PMap.fromRaw(x as Record<string, unknown>);
    default:
      return `<Invalid value type ${typeof x}>`;
  }
}

function setRawKey(obj: Record<string, RawValue>, key: string, value: RawValue): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** @internal */
export function isContainerClean(v: Slot): boolean {
  return !(v instanceof PMap || v instanceof PSlice) || v._isClean();
}

const LINEAR_MAX = 16;

const NO_KEYS: (string | null)[] = Object.freeze([]) as unknown as (string | null)[];
const NO_SLOTS: Slot[] = Object.freeze([]) as unknown as Slot[];
const NO_RANGES: number[] = Object.freeze([]) as unknown as number[];

/**
 * Insertion-ordered string → {@link AttrValue} map (pcommon.Map). Lookups scan linearly up to 16
 * entries and use an index above that. `remove` moves the last entry into the removed slot
 * (pcommon semantics); `removeIf` keeps the order of survivors. Values are stored as given.
 */
export class PMap {
  /**
   * @internal Keys; `null` while still only in the source bytes (see `_key`). While `_unfilled`,
   * `_k` / `_v` hold only the entries added after the source's entries (keys the source does not
   * have) and `_r` is empty, so setting a new key on a decoded map neither fills nor copies it.
   */
  _k: (string | null)[] = [];
  /** @internal */ _v: Slot[] = [];
  /** @internal Per entry, the [start, end) of its KeyValue field in `_vs.src`; start -1 once the entry changed. */
  _r: number[] | null = null;
  /** @internal */ _vs: MapSource | null = null;
  /** @internal The source's entries are still to be put in front of `_k` / `_v` by `_vs.fill`. */
  _unfilled = false;
  /** @internal Changed since filled from `_vs`. */
  _dirty = false;
  /** @internal */ _ro = false;
  private _idx: Map<string, number> | null = null;

  /** @internal Replaces the content with the entries of `vs` (decoded on first use). */
  _setSource(vs: MapSource): void {
    // Shared frozen empties until something is added or the map is filled (one map per record).
    this._k = NO_KEYS;
    this._v = NO_SLOTS;
    this._r = NO_RANGES;
    this._idx = null;
    this._vs = vs;
    this._unfilled = true;
    this._dirty = false;
  }

  /** @internal */
  _fill(): void {
    if (!this._unfilled) return;
    this._unfilled = false;
    const added = this._k;
    const values = this._v;
    this._k = [];
    this._v = [];
    this._r = [];
    this._vs!.fill(this);
    for (let i = 0; i < added.length; i++) {
      this._k.push(added[i]!);
      this._v.push(values[i]!);
      this._r.push(-1, -1);
    }
  }

  /** @internal Not changed since filled from its source, nor any container inside it. */
  _isClean(): boolean {
    if (this._unfilled) return this._k.length === 0;
    if (this._dirty || this._vs === null) return false;
    const v = this._v;
    for (let i = 0; i < v.length; i++) if (!isContainerClean(v[i]!)) return false;
    return true;
  }

  /** @internal The key of entry `i`, decoding it on first use. */
  _key(i: number): string {
    const k = this._k[i];
    if (k !== null && k !== undefined) return k;
    const r = this._r!;
    return (this._k[i] = this._vs!.key(r[2 * i]!, r[2 * i + 1]!));
  }

  /** @internal The value at entry `i`, decoding it on first use. */
  _at(i: number): AttrValue {
    const v = this._v[i]!;
    if (v !== PENDING) return v;
    const r = this._r!;
    const d = this._vs!.value(r[2 * i]!, r[2 * i + 1]!);
    if (this._ro && (d instanceof PMap || d instanceof PSlice)) d.markReadOnly();
    this._v[i] = d;
    return d;
  }

  private _w(): void {
    if (this._ro) throw new ReadOnlyError('map');
    if (this._unfilled) this._fill();
    this._dirty = true;
  }

  private _find(key: string): number {
    if (this._unfilled) this._fill();
    const k = this._k;
    const n = k.length;
    if (n <= LINEAR_MAX) {
      let ascii: boolean | undefined;
      for (let i = 0; i < n; i++) {
        const ki = k[i];
        if (ki === key) return i;
        if (ki === null) {
          const r = this._r!;
          if (this._vs!.keyIs(r[2 * i]!, r[2 * i + 1]!, key, (ascii ??= isAscii(key)))) return i;
        }
      }
      return -1;
    }
    let idx = this._idx;
    if (idx === null) {
      idx = new Map();
      for (let i = n - 1; i >= 0; i--) idx.set(this._key(i), i);
      this._idx = idx;
    }
    const i = idx.get(key);
    return i === undefined ? -1 : i;
  }

  get readOnly(): boolean {
    return this._ro;
  }

  /** Makes this map and every container in it read-only (mutations throw {@link ReadOnlyError}). */
  markReadOnly(): void {
    if (this._ro) return;
    this._ro = true;
    const v = this._v;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x instanceof PMap || x instanceof PSlice) x.markReadOnly();
    }
  }

  get size(): number {
    if (this._unfilled) this._fill();
    return this._k.length;
  }

  /** `undefined` when absent; `null` when present and Empty. */
  get(key: string): AttrValue | undefined {
    const i = this._find(key);
    return i < 0 ? undefined : this._at(i);
  }

  has(key: string): boolean {
    return this._find(key) >= 0;
  }

  /** Inserts, or replaces in place (keeping the entry's position). */
  set(key: string, value: AttrValue): void {
    if (this._unfilled && !this._ro && this._setAdded(key, value)) return;
    const i = this._find(key);
    this._w();
    if (i >= 0) {
      this._k[i] = key;
      this._v[i] = value;
      if (this._r !== null) this._r[2 * i] = -1;
      return;
    }
    const n = this._k.length;
    this._k.push(key);
    this._v.push(value);
    if (this._r !== null) this._r.push(-1, -1);
    if (this._idx !== null) this._idx.set(key, n);
  }

  /**
   * Sets `key` among the entries added to a map not filled yet, when its source does not have
   * `key`; false (nothing done) when it does.
   */
  private _setAdded(key: string, value: AttrValue): boolean {
    const k = this._k;
    for (let i = 0; i < k.length; i++) {
      if (k[i] === key) {
        this._v[i] = value;
        return true;
      }
    }
    if (this._vs!.has(key, isAscii(key))) return false;
    // Exact-size arrays for the usual single added entry (a push would reserve 17 slots).
    if (k.length === 0) {
      this._k = [key];
      this._v = [value];
    } else {
      k.push(key);
      this._v.push(value);
    }
    this._dirty = true;
    return true;
  }

  /** Removes `key`; the last entry moves into its slot. Returns whether it was present. */
  remove(key: string): boolean {
    const i = this._find(key);
    if (i < 0) {
      if (this._ro) throw new ReadOnlyError('map');
      return false;
    }
    this._w();
    const k = this._k;
    const v = this._v;
    const last = k.length - 1;
    k[i] = k[last]!;
    v[i] = v[last]!;
    k.pop();
    v.pop();
    const r = this._r;
    if (r !== null) {
      r[2 * i] = r[2 * last]!;
      r[2 * i + 1] = r[2 * last + 1]!;
      r.length = 2 * last;
    }
    this._idx = null;
    return true;
  }

  /** Removes every entry for which `pred` is true; survivors keep their relative order. */
  removeIf(pred: (key: string, value: AttrValue) => boolean): void {
    this._w();
    const k = this._k;
    const v = this._v;
    const r = this._r;
    let o = 0;
    for (let i = 0; i < k.length; i++) {
      if (pred(k[i]!, this._at(i))) continue;
      if (o !== i) {
        k[o] = k[i]!;
        v[o] = v[i]!;
        if (r !== null) {
          r[2 * o] = r[2 * i]!;
          r[2 * o + 1] = r[2 * i + 1]!;
        }
      }
      o++;
    }
    k.length = o;
    v.length = o;
    if (r !== null) r.length = 2 * o;
    this._idx = null;
  }

  clear(): void {
    if (this._ro) throw new ReadOnlyError('map');
    this._k = [];
    this._v = [];
    this._r = null;
    this._vs = null;
    this._unfilled = false;
    this._idx = null;
    this._dirty = true;
  }

  /** Accepted for pcommon parity; JS arrays grow on their own, so this does nothing. */
  ensureCapacity(_n: number): void {}

  *keys(): IterableIterator<string> {
    if (this._unfilled) this._fill();
    for (let i = 0; i < this._k.length; i++) yield this._key(i);
  }

  *values(): IterableIterator<AttrValue> {
    if (this._unfilled) this._fill();
    for (let i = 0; i < this._k.length; i++) yield this._at(i);
  }

  *entries(): IterableIterator<[string, AttrValue]> {
    if (this._unfilled) this._fill();
    for (let i = 0; i < this._k.length; i++) yield [this._key(i), this._at(i)];
  }

  [Symbol.iterator](): IterableIterator<[string, AttrValue]> {
    return this.entries();
  }

  forEach(fn: (value: AttrValue, key: string) => void): void {
    if (this._unfilled) this._fill();
    for (let i = 0; i < this._k.length; i++) fn(this._at(i), this._key(i));
  }

  /** Inserts (or replaces with) an empty map and returns it. */
  putEmptyMap(key: string): PMap {
    const m = new PMap();
    this.set(key, m);
    return m;
  }

  /** Inserts (or replaces with) an empty slice and returns it. */
  putEmptySlice(key: string): PSlice {
    const s = new PSlice();
    this.set(key, s);
    return s;
  }

  /** Replaces `dest`'s content with a deep copy of this map. */
  copyTo(dest: PMap): void {
    if (dest === this) return;
    if (dest._ro) throw new ReadOnlyError('map');
    this._fill();
    const n = this._k.length;
    const v = new Array<Slot>(n);
    for (let i = 0; i < n; i++) {
      const x = this._v[i]!;
      v[i] = x === PENDING ? x : cloneValue(x);
    }
    dest._k = this._k.slice();
    dest._v = v;
    dest._r = this._r === null ? null : this._r.slice();
    dest._vs = this._vs;
    dest._unfilled = false;
    dest._idx = null;
    dest._dirty = true;
  }

  /** Moves the content into `dest` (replacing its content) and leaves this map empty. */
  moveTo(dest: PMap): void {
    if (dest === this) return;
    if (dest._ro) throw new ReadOnlyError('map');
    if (this._ro) throw new ReadOnlyError('map');
    dest._k = this._k;
    dest._v = this._v;
    dest._r = this._r;
    dest._vs = this._vs;
    dest._unfilled = this._unfilled;
    dest._idx = null;
    dest._dirty = true;
    this.clear();
  }

  clone(): PMap {
    const m = new PMap();
    this.copyTo(m);
    return m;
  }

  static fromRaw(obj: Record<string, unknown>): PMap {
    const m = new PMap();
    for (const key of Object.keys(obj)) {
      m._k.push(key);
      m._v.push(valueFromRaw(obj[key]));
    }
    return m;
  }

  toRaw(): { [key: string]: RawValue } {
    this._fill();
    const out: { [key: string]: RawValue } = {};
    for (let i = 0; i < this._k.length; i++) setRawKey(out, this._key(i), valueToRaw(this._at(i)));
    return out;
  }

  /** Same key set with equal values, in any order. */
  equals(other: PMap): boolean {
    if (other === this) return true;
    if (this.size !== other.size) return false;
    for (let i = 0; i < this._k.length; i++) {
      const o = other.get(this._key(i));
      if (o === undefined || !valueEquals(this._at(i), o)) return false;
    }
    return true;
  }
}

/** An ordered list of {@link AttrValue} (pcommon.Slice). */
export class PSlice {
  /** @internal */ _v: Slot[] = [];
  /** @internal Per element, the [start, end) of its AnyValue field in `_vs.src`; start -1 once changed. */
  _r: number[] | null = null;
  /** @internal */ _vs: ValueSource | null = null;
  /** @internal */ _unfilled = false;
  /** @internal */ _dirty = false;
  /** @internal */ _ro = false;

  /** @internal */
  _setSource(vs: ValueSource): void {
    this._v = [];
    this._r = [];
    this._vs = vs;
    this._unfilled = true;
    this._dirty = false;
  }

  /** @internal */
  _fill(): void {
    if (this._unfilled) {
      this._unfilled = false;
      this._vs!.fill(this);
    }
  }

  /** @internal */
  _isClean(): boolean {
    if (this._unfilled) return true;
    if (this._dirty || this._vs === null) return false;
    const v = this._v;
    for (let i = 0; i < v.length; i++) if (!isContainerClean(v[i]!)) return false;
    return true;
  }

  /** @internal */
  _at(i: number): AttrValue {
    const v = this._v[i]!;
    if (v !== PENDING) return v;
    const r = this._r!;
    const d = this._vs!.value(r[2 * i]!, r[2 * i + 1]!);
    if (this._ro && (d instanceof PMap || d instanceof PSlice)) d.markReadOnly();
    this._v[i] = d;
    return d;
  }

  private _w(): void {
    if (this._ro) throw new ReadOnlyError('slice');
    if (this._unfilled) this._fill();
    this._dirty = true;
  }

  get readOnly(): boolean {
    return this._ro;
  }

  markReadOnly(): void {
    if (this._ro) return;
    this._ro = true;
    for (const x of this._v) if (x instanceof PMap || x instanceof PSlice) x.markReadOnly();
  }

  get length(): number {
    if (this._unfilled) this._fill();
    return this._v.length;
  }

  /** The element at `i`; throws RangeError when `i` is out of range (pcommon `At` panics). */
  get(i: number): AttrValue {
    if (this._unfilled) this._fill();
    if (!(i >= 0 && i < this._v.length)) throw new RangeError(`index ${i} out of range [0, ${this._v.length})`);
    return this._at(i);
  }

  set(i: number, value: AttrValue): void {
    this._w();
    if (!(i >= 0 && i < this._v.length)) throw new RangeError(`index ${i} out of range [0, ${this._v.length})`);
    this._v[i] = value;
    if (this._r !== null) this._r[2 * i] = -1;
  }

  append(...values: AttrValue[]): void {
    this._w();
    for (const v of values) {
      this._v.push(v);
      if (this._r !== null) this._r.push(-1, -1);
    }
  }

  appendEmptyMap(): PMap {
    const m = new PMap();
    this.append(m);
    return m;
  }

  appendEmptySlice(): PSlice {
    const s = new PSlice();
    this.append(s);
    return s;
  }

  /** Removes elements [start, end). */
  removeRange(start: number, end: number): void {
    this._w();
    const n = this._v.length;
    if (!(start >= 0 && start <= end && end <= n)) throw new RangeError(`range [${start}, ${end}) out of [0, ${n}]`);
    this._v.splice(start, end - start);
    if (this._r !== null) this._r.splice(2 * start, 2 * (end - start));
  }

  clear(): void {
    if (this._ro) throw new ReadOnlyError('slice');
    this._v = [];
    this._r = null;
    this._vs = null;
    this._unfilled = false;
    this._dirty = true;
  }

  /** Accepted for pcommon parity; JS arrays grow on their own, so this does nothing. */
  ensureCapacity(_n: number): void {}

  *values(): IterableIterator<AttrValue> {
    if (this._unfilled) this._fill();
    for (let i = 0; i < this._v.length; i++) yield this._at(i);
  }

  [Symbol.iterator](): IterableIterator<AttrValue> {
    return this.values();
  }

  /** The elements as a new array (containers are the live ones, not copies). */
  toArray(): AttrValue[] {
    if (this._unfilled) this._fill();
    const out = new Array<AttrValue>(this._v.length);
    for (let i = 0; i < out.length; i++) out[i] = this._at(i);
    return out;
  }

  copyTo(dest: PSlice): void {
    if (dest === this) return;
    if (dest._ro) throw new ReadOnlyError('slice');
    this._fill();
    dest._v = this._v.map((x) => (x === PENDING ? x : cloneValue(x)));
    dest._r = this._r === null ? null : this._r.slice();
    dest._vs = this._vs;
    dest._unfilled = false;
    dest._dirty = true;
  }

  moveTo(dest: PSlice): void {
    if (dest === this) return;
    if (dest._ro || this._ro) throw new ReadOnlyError('slice');
    dest._v = this._v;
    dest._r = this._r;
    dest._vs = this._vs;
    dest._unfilled = this._unfilled;
    dest._dirty = true;
    this.clear();
  }

  clone(): PSlice {
    const s = new PSlice();
    this.copyTo(s);
    return s;
  }

  static fromRaw(arr: readonly unknown[]): PSlice {
    const s = new PSlice();
    for (const x of arr) s._v.push(valueFromRaw(x));
    return s;
  }

  toRaw(): RawValue[] {
    if (this._unfilled) this._fill();
    const out = new Array<RawValue>(this._v.length);
    for (let i = 0; i < out.length; i++) out[i] = valueToRaw(this._at(i));
    return out;
  }

  equals(other: PSlice): boolean {
    if (other === this) return true;
    if (this.length !== other.length) return false;
    for (let i = 0; i < this._v.length; i++) if (!valueEquals(this._at(i), other._at(i))) return false;
    return true;
  }
}
