// Protobuf wire primitives: a trusting reader for input that already passed `validate`, a growable
// writer, and UTF-8 helpers. Internal to @ottl/pdata.

/** Wire types. */
const VARINT = 0;
const I64 = 1;
export const LEN = 2;
const SGROUP = 3;
const EGROUP = 4;
const I32 = 5;

/**
 * A decoded request's bytes. Lazy objects keep a reference to it; the bytes are never written.
 * `b` is always a plain Uint8Array (a Node Buffer is viewed as one), so the readers' element
 * accesses see one kind of array.
 */
export class Src {
  readonly b: Uint8Array;
  readonly dv: DataView;
  /**
   * @param keys every attribute key in `b` as a Bloom filter (keyBloom.ts), when the validating
   * walk produced one; null when unknown.
   */
  constructor(
    b: Uint8Array,
    readonly keys: Int32Array | null = null,
  ) {
    this.b = Object.getPrototypeOf(b) === Uint8Array.prototype ? b : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
}

const textDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const textEncoder = new TextEncoder();

// Short strings (attribute keys, enum-like values) repeat across records: a direct-mapped cache
// keyed by their bytes returns the same string without decoding or allocating.
const CACHE_SLOTS = 4096;
const CACHE_MAX_LEN = 40;
const cacheBytes = new Uint8Array(CACHE_SLOTS * CACHE_MAX_LEN);
const cacheLens = new Int32Array(CACHE_SLOTS);
const cacheStrings: string[] = new Array<string>(CACHE_SLOTS).fill('');

/** Decodes UTF-8 bytes `b[s, e)`; malformed sequences become U+FFFD. */
export function utf8Read(b: Uint8Array, s: number, e: number): string {
  const n = e - s;
  if (n === 0) return '';
  if (n > CACHE_MAX_LEN) return textDecoder.decode(b.subarray(s, e));
  let h = n;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i]!, 0x9e3779b1);
  const slot = (h >>> 20) & (CACHE_SLOTS - 1);
  const base = slot * CACHE_MAX_LEN;
  if (cacheLens[slot] === n) {
    let i = 0;
    while (i < n && cacheBytes[base + i] === b[s + i]) i++;
    if (i === n) return cacheStrings[slot]!;
  }
  const str = textDecoder.decode(b.subarray(s, e));
  for (let i = 0; i < n; i++) cacheBytes[base + i] = b[s + i]!;
  cacheLens[slot] = n;
  cacheStrings[slot] = str;
  return str;
}

/** UTF-8 byte length of `s` as `TextEncoder` writes it (lone surrogates become U+FFFD). */
export function utf8Length(s: string): number {
  let len = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) len += 1;
    else if (c < 0x800) len += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      len += 4;
      i++;
    } else len += 3;
  }
  return len;
}

function varintSize(v: number): number {
  v >>>= 0;
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

/** An unsigned 64-bit value from two 32-bit halves. */
function bigFromU(lo: number, hi: number): bigint {
  if (hi === 0) return BigInt(lo);
  if (hi < 0x200000) return BigInt(hi * 4294967296 + lo);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** A signed 64-bit value from two 32-bit halves (two's complement). */
function bigFromS(lo: number, hi: number): bigint {
  if (hi < 0x80000000) return bigFromU(lo, hi);
  if (hi === 0xffffffff && lo >= 0x80000000) return BigInt(lo - 4294967296);
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
}

const NO_BYTES = new Uint8Array(0);
const NO_VIEW = new DataView(NO_BYTES.buffer);

/**
 * Reads fields of a message range that `validate` accepted, so it does no bounds checks beyond
 * what keeps it from looping forever on a bug.
 */
export class Rd {
  b: Uint8Array;
  dv: DataView;
  p: number;
  e: number;
  /** Halves of the last 64-bit varint read by `v64`. */
  lo = 0;
  hi = 0;
  private next: Rd | null = null;
  private static free: Rd | null = null;

  private constructor(src: Src, s: number, e: number) {
    this.b = src.b;
    this.dv = src.dv;
    this.p = s;
    this.e = e;
  }

  /** A reader over `src[s, e)`; hand it back with `give()` when done (readers are pooled). */
  static take(src: Src, s: number, e: number): Rd {
    const r = Rd.free;
    if (r === null) return new Rd(src, s, e);
    Rd.free = r.next;
    r.b = src.b;
    r.dv = src.dv;
    r.p = s;
    r.e = e;
    return r;
  }

  give(): void {
    this.b = NO_BYTES;
    this.dv = NO_VIEW;
    this.next = Rd.free;
    Rd.free = this;
  }

  /** A varint's low 32 bits, unsigned. */
  u32(): number {
    const b = this.b;
    let p = this.p;
    let c = b[p++]!;
    let v = c & 0x7f;
    if (c >= 0x80) {
      c = b[p++]!;
      v |= (c & 0x7f) << 7;
      if (c >= 0x80) {
        c = b[p++]!;
        v |= (c & 0x7f) << 14;
        if (c >= 0x80) {
          c = b[p++]!;
          v |= (c & 0x7f) << 21;
          if (c >= 0x80) {
            c = b[p++]!;
            v |= c << 28;
            while (c >= 0x80 && p < b.length) c = b[p++]!;
          }
        }
      }
    }
    this.p = p;
    return v >>> 0;
  }

  /** A varint's low 32 bits, signed (int32 / enum fields). */
  i32(): number {
    return this.u32() | 0;
  }

  s32(): number {
    const v = this.u32();
    return (v >>> 1) ^ -(v & 1);
  }

  v64(): void {
    const b = this.b;
    let p = this.p;
    let lo = 0;
    let hi = 0;
    let c = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      c = b[p++]!;
      lo |= (c & 0x7f) << shift;
      if (c < 0x80) {
        this.lo = lo >>> 0;
        this.hi = 0;
        this.p = p;
        return;
      }
    }
    c = b[p++]!;
    lo |= (c & 0x0f) << 28;
    hi = (c & 0x7f) >> 4;
    if (c >= 0x80) {
      for (let shift = 3; shift < 32; shift += 7) {
        c = b[p++]!;
        hi |= (c & 0x7f) << shift;
        if (c < 0x80) break;
      }
      while (c >= 0x80 && p < b.length) c = b[p++]!;
    }
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
    this.p = p;
  }

  u64(): bigint {
    this.v64();
    return bigFromU(this.lo, this.hi);
  }

  i64(): bigint {
    this.v64();
    return bigFromS(this.lo, this.hi);
  }

  bool(): boolean {
    this.v64();
    return this.lo !== 0 || this.hi !== 0;
  }

  fixed64(): bigint {
    const v = this.dv.getBigUint64(this.p, true);
    this.p += 8;
    return v;
  }

  sfixed64(): bigint {
    const v = this.dv.getBigInt64(this.p, true);
    this.p += 8;
    return v;
  }

  fixed32(): number {
    const v = this.dv.getUint32(this.p, true);
    this.p += 4;
    return v;
  }

  double(): number {
    const v = this.dv.getFloat64(this.p, true);
    this.p += 8;
    return v;
  }

  /** Reads a length prefix; returns the end of the payload and leaves `p` at its start. */
  len(): number {
    const n = this.u32();
    return this.p + n;
  }

  str(): string {
    const end = this.len();
    const s = utf8Read(this.b, this.p, end);
    this.p = end;
    return s;
  }

  bytes(): Uint8Array {
    const end = this.len();
    const v = this.b.slice(this.p, end);
    this.p = end;
    return v;
  }

  skip(wt: number): void {
    switch (wt) {
      case VARINT:
        while (this.p < this.e && this.b[this.p++]! >= 0x80);
        return;
      case I64:
        this.p += 8;
        return;
      case LEN:
        this.p = this.len();
        return;
      case I32:
        this.p += 4;
        return;
      case SGROUP:
        while (this.p < this.e) {
          const t = this.u32();
          if ((t & 7) === EGROUP) return;
          this.skip(t & 7);
        }
        return;
      default:
        this.p = this.e;
    }
  }
}

/** A growable output buffer. Length-delimited fields are written with `begin`/`end`. */
/**
 * Memory for a writer. Where Node's `Buffer` exists it is left uninitialised (a writer hands out only
 * bytes it wrote), which saves zero-filling every batch-sized buffer; the result is a plain
 * Uint8Array either way, so `slice` copies.
 */
const NodeBuffer = (globalThis as { Buffer?: { allocUnsafeSlow(n: number): Uint8Array } }).Buffer;
function writerBytes(n: number): Uint8Array {
  if (NodeBuffer === undefined) return new Uint8Array(n);
  const raw = NodeBuffer.allocUnsafeSlow(n);
  return new Uint8Array(raw.buffer, raw.byteOffset, n);
}

export class Wr {
  b: Uint8Array;
  dv: DataView;
  p = 0;

  constructor(capacity = 1024) {
    this.b = writerBytes(capacity);
    this.dv = new DataView(this.b.buffer, this.b.byteOffset, this.b.byteLength);
  }

  need(n: number): void {
    if (this.p + n > this.b.length) {
      let cap = this.b.length * 2;
      while (cap < this.p + n) cap *= 2;
      const nb = writerBytes(cap);
      nb.set(this.b.subarray(0, this.p));
      this.b = nb;
      this.dv = new DataView(nb.buffer, nb.byteOffset, nb.byteLength);
    }
  }

  /** The bytes written so far (a view, not a copy). */
  finish(): Uint8Array {
    return this.b.subarray(0, this.p);
  }

  u32(v: number): void {
    this.need(5);
    const b = this.b;
    let p = this.p;
    v >>>= 0;
    while (v >= 0x80) {
      b[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[p++] = v;
    this.p = p;
  }

  /** An int32 / enum value: negative values take 10 bytes (sign-extended to 64 bits). */
  i32(v: number): void {
    if (v >= 0) this.u32(v);
    else this.v64(v >>> 0, 0xffffffff);
  }

  s32(v: number): void {
    this.u32((v << 1) ^ (v >> 31));
  }

  v64(lo: number, hi: number): void {
    this.need(10);
    const b = this.b;
    let p = this.p;
    while (hi !== 0 || lo >= 0x80) {
      b[p++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    b[p++] = lo;
    this.p = p;
  }

  /** Any bigint, reduced modulo 2^64, as a varint (uint64 and int64 share the encoding). */
  varint64(v: bigint): void {
    if (v >= 0n && v < 0x80000000n) {
      this.u32(Number(v));
      return;
    }
    const u = BigInt.asUintN(64, v);
    this.v64(Number(u & 0xffffffffn), Number(u >> 32n));
  }

  /** Any bigint, reduced modulo 2^64, as 8 little-endian bytes (fixed64 and sfixed64). */
  fixed64(v: bigint): void {
    this.need(8);
    this.dv.setBigUint64(this.p, v, true);
    this.p += 8;
  }

  fixed32(v: number): void {
    this.need(4);
    this.dv.setUint32(this.p, v >>> 0, true);
    this.p += 4;
  }

  double(v: number): void {
    this.need(8);
    this.dv.setFloat64(this.p, v, true);
    this.p += 8;
  }

  tag(t: number): void {
    if (t < 0x80 && this.p < this.b.length) this.b[this.p++] = t;
    else this.u32(t);
  }

  str(s: string): void {
    const n = s.length;
    if (n >= 24) {
      // Longer strings: TextEncoder's fixed cost beats a per-character loop. The length prefix is
      // sized for ASCII and moved when the UTF-8 length needs another byte count.
      const guess = varintSize(n);
      this.need(n * 3 + 5);
      const start = this.p + guess;
      const written = textEncoder.encodeInto(s, this.b.subarray(start, start + n * 3)).written;
      const size = varintSize(written);
      if (size !== guess) this.b.copyWithin(this.p + size, start, start + written);
      this.u32(written);
      this.p += written;
      return;
    }
    this.need(1 + n);
    const b = this.b;
    const begin = this.p;
    let p = begin + 1;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.strSlow(s);
        return;
      }
      b[p++] = c;
    }
    b[begin] = n;
    this.p = p;
  }

  private strSlow(s: string): void {
    const len = utf8Length(s);
    this.u32(len);
    this.need(len);
    textEncoder.encodeInto(s, this.b.subarray(this.p, this.p + len));
    this.p += len;
  }

  bytes(v: Uint8Array): void {
    this.u32(v.length);
    this.need(v.length);
    this.b.set(v, this.p);
    this.p += v.length;
  }

  /** Copies `src.b[s, e)` verbatim. */
  raw(src: Src, s: number, e: number): void {
    const n = e - s;
    this.need(n);
    let p = this.p;
    if (n < 80) {
      // Short copies: int32 moves beat the fixed cost of subarray + set.
      const from = src.dv;
      const to = this.dv;
      let i = s;
      for (; i + 4 <= e; i += 4, p += 4) to.setInt32(p, from.getInt32(i, true), true);
      const b = src.b;
      const out = this.b;
      for (; i < e; i++) out[p++] = b[i]!;
    } else {
      this.b.set(src.b.subarray(s, e), p);
      p += n;
    }
    this.p = p;
  }

  /** Starts a length-delimited payload, reserving `reserve` bytes for its length; pass the result to `end`. */
  begin(reserve: number): number {
    this.need(reserve);
    this.p += reserve;
    return this.p;
  }

  end(mark: number, reserve: number): void {
    const len = this.p - mark;
    const size = varintSize(len);
    if (size !== reserve) {
      this.need(size - reserve);
      this.b.copyWithin(mark - reserve + size, mark, this.p);
      this.p += size - reserve;
    }
    let p = mark - reserve;
    const b = this.b;
    let v = len;
    while (v >= 0x80) {
      b[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[p] = v;
  }
}
