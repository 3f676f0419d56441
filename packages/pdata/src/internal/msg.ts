import { ReadOnlyError } from '../errors.js';
import { PMap } from '../pcommon.js';
import { KvSource, encodeKeyValues, encodeWithMap } from './anyvalue.js';
import { Rd, Src, Wr } from './wire.js';

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;
type Public<K> = K extends `_${string}` ? never : K;
type WritableKeys<T> = {
  [P in keyof T]-?: T[P] extends (...args: never[]) => unknown ? never : IfEquals<{ [Q in P]: T[P] }, { -readonly [Q in P]: T[P] }, Public<P>, never>;
}[keyof T];
type ReadonlyKeys<T> = {
  [P in keyof T]-?: T[P] extends (...args: never[]) => unknown ? never : IfEquals<{ [Q in P]: T[P] }, { -readonly [Q in P]: T[P] }, never, Public<P>>;
}[keyof T];

/**
 * What `static create(init)` accepts: any settable field; maps as a `PMap` (copied) or a plain
 * object (`valueFromRaw`); arrays of child messages (appended); child messages as a nested init.
 */
export type Init<T> = { [K in WritableKeys<T>]?: T[K] } & {
  [K in ReadonlyKeys<T>]?: T[K] extends PMap
    ? PMap | Record<string, unknown>
    : T[K] extends readonly (infer E)[]
      ? readonly E[]
      : T[K] extends Msg
        ? Init<T[K]>
        : never;
};

/**
 * Base of every OTLP message class. A message decoded from protobuf starts *lazy*: it keeps the
 * request bytes and its range, and decodes its fields on the first accessor call. A message that
 * was not changed since it was decoded (`_isClean`) is re-encoded by copying its original bytes.
 */
export abstract class Msg {
  /** @internal */ _src: Src | null = null;
  /** @internal */ _s = 0;
  /** @internal */ _e = 0;
  /** @internal Fields not decoded from `_src` yet. */
  _lazy = false;
  /** @internal Changed since decoded (or created without bytes). */
  _dirty = false;
  /** @internal */ _ro = false;

  /** @internal Decodes the fields of the range into this (freshly reset) message. */
  protected abstract _load(r: Rd): void;
  /** @internal Resets every field to its default, keeping the identity of maps and child messages. */
  protected abstract _reset(): void;
  /** @internal Writes the message's fields (not its tag or length). */
  abstract _enc(w: Wr): void;
  /** @internal Marks the children that exist read-only (children decoded later inherit `_ro`). */
  protected abstract _freeze(): void;
  /** @internal The field number of this message type's attribute map (0 when it has none). */
  protected _mapField(): number {
    return 0;
  }
  /** @internal The attribute map if it was handed out. */
  protected _mapObj(): PMap | null {
    return null;
  }

  /**
   * @internal Writes the fields. A message still lazy can only have changed through its map (the
   * other accessors decode it first), so its other fields are copied from the source bytes.
   */
  _encAny(w: Wr): void {
    if (this._lazy) encodeWithMap(w, this._src!, this._s, this._e, this._mapField(), this._mapObj());
    else this._enc(w);
  }

  /** @internal Whether the maps and child messages that were handed out are unchanged. */
  protected _childrenClean(): boolean {
    return true;
  }

  /** @internal */
  _l(): void {
    if (this._lazy) {
      this._lazy = false;
      const r = Rd.take(this._src!, this._s, this._e);
      this._load(r);
      r.give();
    }
  }

  /** @internal Call before any mutation. */
  _w(): void {
    if (this._ro) throw new ReadOnlyError(this.constructor.name);
    if (this._lazy) this._l();
    this._dirty = true;
  }

  /** @internal Call when handing out a mutable child (array or message): the original bytes may no longer match. */
  _touch(): void {
    if (this._lazy) this._l();
    if (!this._ro) this._dirty = true;
  }

  /** @internal Makes this message a lazy view of `src[s, e)`. */
  _setSrc(src: Src | null, s: number, e: number): void {
    this._src = src;
    this._s = s;
    this._e = e;
    this._reset();
    this._lazy = src !== null;
    this._dirty = src === null;
  }

  /** @internal A new array for a repeated field (frozen when read-only). */
  protected _arr<T>(a: T[]): T[] {
    return this._ro ? Object.freeze(a) as T[] : a;
  }

  /** @internal A new, empty child created by a getter. */
  protected _fresh<T extends Msg>(c: T): T {
    c._ro = this._ro;
    return c;
  }

  /**
   * @internal Makes `c` (an existing child, kept for its identity) a lazy child over the
   * length-delimited field at `r`, and moves `r` past it.
   */
  protected _child<T extends Msg>(c: T, r: Rd): T {
    const end = r.len();
    c._setSrc(this._src, r.p, end);
    c._ro = this._ro;
    r.p = end;
    return c;
  }

  /** @internal Makes `c`, just constructed, a lazy child over the length-delimited field at `r`, and moves `r` past it. */
  protected _shell<T extends Msg>(c: T, r: Rd): T {
    const end = r.len();
    c._src = this._src;
    c._s = r.p;
    c._e = end;
    c._lazy = true;
    c._ro = this._ro;
    r.p = end;
    return c;
  }

  /** @internal Child message field `name` if present, without creating it (by default the `_<name>` slot behind its getter). */
  _present(name: string): Msg | null {
    this._l();
    return (this as unknown as Record<string, Msg | null>)['_' + name] ?? null;
  }

  /** @internal */
  _isClean(): boolean {
    return this._src !== null && !this._dirty && this._childrenClean();
  }

  get readOnly(): boolean {
    return this._ro;
  }

  /** Makes this message and everything in it read-only: setters and map/array mutations throw. */
  markReadOnly(): void {
    if (this._ro) return;
    this._ro = true;
    this._freeze();
  }

  /** Replaces `dest`'s content with a deep copy of this message. */
  copyTo(dest: this): void {
    if (dest === this) return;
    if (dest._ro) throw new ReadOnlyError(dest.constructor.name);
    if (this._isClean()) dest._setSrc(this._src, this._s, this._e);
    else {
      const w = new Wr(256);
      this._encAny(w);
      dest._setSrc(new Src(w.p * 2 < w.b.length ? w.b.slice(0, w.p) : w.finish()), 0, w.p);
    }
    dest._dirty = true;
  }

  /** Moves the content into `dest` (replacing its content) and leaves this message empty. */
  moveTo(dest: this): void {
    if (dest === this) return;
    if (this._ro) throw new ReadOnlyError(this.constructor.name);
    this.copyTo(dest);
    this._setSrc(null, 0, 0);
  }

  clone(): this {
    const c = new (this.constructor as new () => this)();
    this.copyTo(c);
    return c;
  }
}

/**
 * Base of the messages with one attribute map (`attributes`, Exemplar `filteredAttributes`,
 * Metric `metadata`): the map stays lazy over the source bytes until its getter is called, is
 * written from those bytes while never handed out, and counts for `_isClean` and `markReadOnly`.
 */
export abstract class AttrMsg extends Msg {
  /** @internal The map if it was handed out. */
  protected _attrs: PMap | null = null;

  protected abstract override _mapField(): number;

  protected override _mapObj(): PMap | null {
    return this._attrs;
  }

  /** @internal The map (created on first call: lazy over the source bytes, or empty). */
  protected _attrMap(): PMap {
    let m = this._attrs;
    if (m === null) {
      m = this._attrs = new PMap();
      if (this._src !== null) m._setSource(new KvSource(this._src, this._s, this._e, this._mapField()));
      if (this._ro) m.markReadOnly();
    }
    return m;
  }

  /** @internal For `_reset`: points a handed-out map at this message's bytes (or empties it). */
  protected _resetAttrs(): void {
    const m = this._attrs;
    if (m === null) return;
    if (this._src !== null) m._setSource(new KvSource(this._src, this._s, this._e, this._mapField()));
    else m.clear();
  }

  /** @internal For `_enc`: writes the map as KeyValue fields; a map never handed out is copied from the source. */
  protected _encAttrs(w: Wr): void {
    const field = this._mapField();
    if (this._attrs !== null) encodeKeyValues(w, (field << 3) | 2, this._attrs);
    else if (this._src !== null) new KvSource(this._src, this._s, this._e, field).copyFields(w, (field << 3) | 2);
  }

  protected override _childrenClean(): boolean {
    return this._attrs === null || this._attrs._isClean();
  }

  protected _freeze(): void {
    this._attrs?.markReadOnly();
  }
}

/** @internal Applies a `create` init object to a new message. */
export function applyInit<T extends Msg>(o: T, init: object | undefined): T {
  if (init === undefined) return o;
  const target = o as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(init)) {
    if (v === undefined) continue;
    const cur = target[k];
    if (cur instanceof PMap) {
      if (v instanceof PMap) v.copyTo(cur);
      else PMap.fromRaw(v as Record<string, unknown>).moveTo(cur);
    } else if (Array.isArray(cur)) cur.push(...(v as unknown[]));
    else if (cur instanceof Msg) applyInit(cur, v as object);
    else target[k] = v;
  }
  return o;
}

/** @internal Writes child message `m` as field `tag`. */
export function encMsg(w: Wr, tag: number, m: Msg, reserve: number): void {
  w.tag(tag);
  if (m._isClean()) {
    w.u32(m._e - m._s);
    w.raw(m._src!, m._s, m._e);
    return;
  }
  const mark = w.begin(reserve);
  m._encAny(w);
  w.end(mark, reserve);
}

/** @internal Freezes `arr` and marks its messages read-only. */
export function freezeAll(arr: Msg[] | null): void {
  if (arr === null) return;
  for (const m of arr) m.markReadOnly();
  Object.freeze(arr);
}
