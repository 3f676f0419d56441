/**
 * The building blocks of path tables: one {@link FieldDef} per path segment of a pdata entity
 * (span, log, resource…), with its getter, its typed setter (reference §6.3: the exact runtime type
 * or an OttlError with upstream's `expects T but got U`), and how keys index it.
 *
 * Field functions receive the TransformContext and read the entity from it (`ctx.span`,
 * `ctx.log`…); a table is shared by every context that has that entity as item or ancestor.
 */
import { PMap, PSlice, ProfileId, SpanId, TraceId } from '@ottl/pdata';
import { goTypeName } from '../types/convert.js';
import type { OttlType } from '../types/signature.js';
import { OttlError, OttlTime, type Value } from '../types/values.js';
import {
  fromPdataValue,
  getMapValue,
  setMap,
  setMapValue,
  toPdataValue,
  type KeyKind,
} from './keys.js';
import type { PathKeyKind } from './types.js';

/** How keys after a segment index its value. */
export interface KeyedDef<C> {
  readonly kind: PathKeyKind;
  /** Static type of what the keys reach. */
  readonly type: OttlType;
  /** A message when `count` keys cannot index this field (checked when the path is resolved). */
  checkCount?(count: number): string | undefined;
  get(ctx: C, keys: readonly Value[], kinds: readonly KeyKind[]): Value;
  set(ctx: C, keys: readonly Value[], kinds: readonly KeyKind[], value: Value): void;
  /** Accessors for exactly one literal string key, bound when the path is resolved. */
  bindKey?(key: string): { get(ctx: C): Value; set(ctx: C, value: Value): void };
}

/** Field and key functions never use `this`: accessors call them unbound. */
export interface FieldDef<C> {
  readonly doc: string;
  readonly type: OttlType;
  get(ctx: C): Value;
  /** Absent: the path is read-only; writes throw {@link readOnlyError}. */
  set?(ctx: C, value: Value): void;
  /** The message a write to a read-only path throws (upstream's wording). */
  readonly readOnlyError?: string;
  readonly keyed?: KeyedDef<C>;
  /** Sub-segments (`trace_id.string`, `status.code`…). */
  readonly sub?: FieldTable<C>;
}

export type FieldTable<C> = { readonly [segment: string]: FieldDef<C> };

/** The fields of one pdata entity, under one path context name (`span`, `resource`…). */
export interface PathTable<C> {
  /** The path context name and the context named in upstream's messages. */
  readonly name: string;
  /** The upstream README listing the paths, quoted in unknown-path messages. */
  readonly docRef: string;
  readonly fields: FieldTable<C>;
}

const DOC_BASE = 'https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/pkg/ottl/contexts/';

export function pathTable<C>(name: string, fields: FieldTable<C>, docPackage = 'ottl' + name): PathTable<C> {
  return { name, docRef: DOC_BASE + docPackage, fields };
}

// ---------------------------------------------------------------------------------------------
// Setter typing

/** Upstream `ErrSetNil`: scalar and struct paths cannot hold nil. */
export const SET_NIL_MESSAGE = 'setting a value to nil is not supported';

/** Upstream `ExpectType` failure: nil, or `expects <goType> but got <goType of value>`. */
export function setterTypeError(expected: string, value: Value): OttlError {
  return new OttlError(value === null ? SET_NIL_MESSAGE : `expects ${expected} but got ${goTypeName(value)}`);
}

export function expectSetString(v: Value): string {
  if (typeof v === 'string') return v;
  throw setterTypeError('string', v);
}

export function expectSetInt(v: Value): bigint {
  if (typeof v === 'bigint') return v;
  throw setterTypeError('int64', v);
}

export function expectSetFloat(v: Value): number {
  if (typeof v === 'number') return v;
  throw setterTypeError('float64', v);
}

export function expectSetBool(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  throw setterTypeError('bool', v);
}

export function expectSetTime(v: Value): OttlTime {
  if (v instanceof OttlTime) return v;
  throw setterTypeError('time.Time', v);
}

/** An int64 stored into a uint64 pdata field (Go's conversion wraps negatives). */
export function toUint64(v: bigint): bigint {
  return BigInt.asUintN(64, v);
}

/** A uint64 pdata field read as OTTL int64 (Go's conversion wraps values past 2^63). */
export function toInt64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

// ---------------------------------------------------------------------------------------------
// Field factories

export function stringField<C>(doc: string, read: (ctx: C) => string, write: (ctx: C, v: string) => void): FieldDef<C> {
  return { doc, type: 'string', get: read, set: (ctx, v) => write(ctx, expectSetString(v)) };
}

export function floatField<C>(doc: string, read: (ctx: C) => number, write: (ctx: C, v: number) => void): FieldDef<C> {
  return { doc, type: 'float', get: read, set: (ctx, v) => write(ctx, expectSetFloat(v)) };
}

/** A uint32 pdata field (counts, flags), read as int64 and written with Go's narrowing cast. */
export function uint32Field<C>(doc: string, read: (ctx: C) => number, write: (ctx: C, v: number) => void): FieldDef<C> {
  return {
    doc,
    type: 'int',
    get: (ctx) => BigInt(read(ctx)),
    set: (ctx, v) => write(ctx, Number(BigInt.asUintN(32, expectSetInt(v)))),
  };
}

/** An int32 pdata field (enums such as span kind, severity number), narrowed like Go's `int32(x)`. */
export function int32Field<C>(doc: string, read: (ctx: C) => number, write: (ctx: C, v: number) => void): FieldDef<C> {
  return {
    doc,
    type: 'int',
    get: (ctx) => BigInt(read(ctx)),
    set: (ctx, v) => write(ctx, Number(BigInt.asIntN(32, expectSetInt(v)))),
  };
}

/** A uint64 pdata field (unix-nano timestamps, counts), read as int64. */
export function uint64Field<C>(doc: string, read: (ctx: C) => bigint, write: (ctx: C, v: bigint) => void): FieldDef<C> {
  return {
    doc,
    type: 'int',
    get: (ctx) => toInt64(read(ctx)),
    set: (ctx, v) => write(ctx, toUint64(expectSetInt(v))),
  };
}

/** The `time` sibling of a unix-nano field: an OttlTime in UTC. */
export function timeField<C>(doc: string, read: (ctx: C) => bigint, write: (ctx: C, v: bigint) => void): FieldDef<C> {
  return {
    doc,
    type: 'time',
    get: (ctx) => new OttlTime(toInt64(read(ctx))),
    set: (ctx, v) => write(ctx, toUint64(expectSetTime(v).epochNanos)),
  };
}

/** A map-valued field (attributes): `set` replaces the content, keys read and write entries. */
export function mapField<C>(doc: string, map: (ctx: C) => PMap): FieldDef<C> {
  return {
    doc,
    type: 'map',
    get: map,
    set: (ctx, v) => setMap(map(ctx), v),
    keyed: {
      kind: 'map',
      type: 'any',
      get: (ctx, keys, kinds) => getMapValue(map(ctx), keys, kinds),
      set: (ctx, keys, kinds, v) => setMapValue(map(ctx), keys, kinds, v),
      bindKey: (key) => ({
        get: (ctx) => fromPdataValue(map(ctx).get(key)),
        set: (ctx, v) => map(ctx).set(key, toPdataValue(v)),
      }),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Ids

/** What an id field needs to know about its pdata id class. */
export interface IdSpec<T> {
  is(v: unknown): v is T;
  fromBytes(b: Uint8Array): T;
  readonly size: number;
  readonly type: OttlType;
  /** Go type named in setter messages. */
  readonly goName: string;
  /** Word used in hex parse errors (`trace ids must be…`). */
  readonly what: string;
}

export const TRACE_ID: IdSpec<TraceId> = {
  is: (v): v is TraceId => v instanceof TraceId,
  fromBytes: (b) => TraceId.fromBytes(b),
  size: 16,
  type: 'traceid',
  goName: 'pcommon.TraceID',
  what: 'trace',
};
export const SPAN_ID: IdSpec<SpanId> = {
  is: (v): v is SpanId => v instanceof SpanId,
  fromBytes: (b) => SpanId.fromBytes(b),
  size: 8,
  type: 'spanid',
  goName: 'pcommon.SpanID',
  what: 'span',
};
export const PROFILE_ID: IdSpec<ProfileId> = {
  is: (v): v is ProfileId => v instanceof ProfileId,
  fromBytes: (b) => ProfileId.fromBytes(b),
  size: 16,
  type: 'profileid',
  goName: 'pprofile.ProfileID',
  what: 'profile',
};

const NOT_HEX = /[^0-9a-fA-F]/u;

/**
 * Parses a hex id the way upstream does (`hex.Decode` after a length check): `<what> ids must be
 * <n> hex characters`, or Go's hex errors.
 */
export function parseHexId<T>(s: string, spec: IdSpec<T>): T {
  if (Math.floor(s.length / 2) !== spec.size) throw new OttlError(`${spec.what} ids must be ${spec.size * 2} hex characters`);
  const bad = NOT_HEX.exec(s);
  if (bad) {
    const cp = bad[0].codePointAt(0)!;
    throw new OttlError(`encoding/hex: invalid byte: U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${bad[0]}'`);
  }
  if (s.length % 2 !== 0) throw new OttlError('encoding/hex: odd length hex string');
  const b = new Uint8Array(spec.size);
  for (let i = 0; i < spec.size; i++) b[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return spec.fromBytes(b);
}

/** An id field with its `.string` sub-path (lowercase hex; setting parses hex). */
export function idField<C, T extends { toHex(): string }>(
  doc: string,
  spec: IdSpec<T>,
  read: (ctx: C) => T,
  write: (ctx: C, v: T) => void,
): FieldDef<C> {
  return {
    doc,
    type: spec.type,
    get: read,
    set: (ctx, v) => {
      if (!spec.is(v)) throw setterTypeError(spec.goName, v);
      write(ctx, v);
    },
    sub: {
      string: stringField(
        `${doc} as ${spec.size * 2} lowercase hex characters; setting parses hex`,
        (ctx) => read(ctx).toHex(),
        (ctx, s) => write(ctx, parseHexId(s, spec)),
      ),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Opaque pdata structs and struct slices

/**
 * A pdata struct (a span's status, a histogram's buckets): read as the live object, written by
 * copying another instance of the same class into it.
 */
export function structField<C, T extends object & { copyTo(dest: T): void }>(
  doc: string,
  goName: string,
  read: (ctx: C) => T,
): FieldDef<C> {
  return {
    doc,
    type: 'opaque',
    get: read,
    set: (ctx, v) => {
      const dest = read(ctx);
      if (!sameClass(v, dest)) throw setterTypeError(goName, v);
      if (v !== dest) v.copyTo(dest);
    },
  };
}

/** Whether `v` is an instance of `model`'s class. */
export function sameClass<T extends object>(v: Value, model: T): v is T {
  return typeof v === 'object' && v !== null && v.constructor === model.constructor;
}

export const isInt64 = (x: unknown): x is bigint => typeof x === 'bigint';
export const isFloat64 = (x: unknown): x is number => typeof x === 'number';

/**
 * The items of a list value (a JS array or a pdata slice) whose items all pass `is`; nil is the
 * empty list (list paths clear on nil); anything else throws upstream's setter error.
 */
export function expectList<T>(v: Value, is: (x: unknown) => x is T, goName: string): T[] {
  if (v === null) return [];
  const items = Array.isArray(v) ? (v as readonly unknown[]) : v instanceof PSlice ? v.toArray() : undefined;
  if (items === undefined || !items.every(is)) throw setterTypeError(goName, v);
  return items as T[];
}

/** Replaces the content of a live pdata array, keeping the array object. */
export function replaceArray<T>(dest: T[], items: readonly T[]): void {
  dest.length = 0;
  for (const x of items) dest.push(x);
}

/**
 * Replaces a live pdata message array (span events, data points…) with clones of `value`'s items
 * ({@link expectList} rules: nil clears).
 */
export function replaceStructArray<T extends { clone(): T }>(
  dest: T[],
  value: Value,
  is: (v: unknown) => v is T,
  goName: string,
): void {
  replaceArray(
    dest,
    expectList(value, is, goName).map((x) => x.clone()),
  );
}

/** A repeated pdata message field (span events, links): read live, written as a copy of another. */
export function structArrayField<C, T extends { clone(): T }>(
  doc: string,
  is: (v: unknown) => v is T,
  goName: string,
  read: (ctx: C) => T[],
): FieldDef<C> {
  return {
    doc,
    type: 'opaque',
    get: read,
    set: (ctx, v) => replaceStructArray(read(ctx), v, is, goName),
  };
}

/** A type guard for instances of a pdata class (whatever its constructor's visibility). */
export function instanceOf<T>(cls: { readonly prototype: T }): (v: unknown) => v is T {
  return (v): v is T => v instanceof (cls as unknown as new () => T);
}

/** A read-only field; writes throw `message`. */
export function readOnlyField<C>(doc: string, type: OttlType, read: (ctx: C) => Value, message: string): FieldDef<C> {
  return { doc, type, get: read, readOnlyError: message };
}
