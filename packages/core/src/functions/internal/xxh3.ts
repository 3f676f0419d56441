/**
 * XXH3 (xxHash v0.8) 64- and 128-bit digests with seed 0 and the default secret, as the Go
 * library upstream uses (`github.com/zeebo/xxh3`). Pure JS over bigint; browser-safe.
 *
 * `xxh3_64` returns the 64-bit value, `xxh3_128` the high and low halves; callers render them
 * big-endian (the canonical xxHash form, `XXH3("")` = `2d06800538d394c2`).
 */

const M64 = (1n << 64n) - 1n;
const M32 = 0xffffffffn;

const P32_1 = 0x9e3779b1n;
const P32_2 = 0x85ebca77n;
const P32_3 = 0xc2b2ae3dn;
const P64_1 = 0x9e3779b185ebca87n;
const P64_2 = 0xc2b2ae3d27d4eb4fn;
const P64_3 = 0x165667b19e3779f9n;
const P64_4 = 0x85ebca77c2b2ae63n;
const P64_5 = 0x27d4eb2f165667c5n;
const PMX_1 = 0x165667919e3779f9n;
const PMX_2 = 0x9fb21c651e98df25n;

// prettier-ignore
const SECRET = Uint8Array.from([
  0xb8, 0xfe, 0x6c, 0x39, 0x23, 0xa4, 0x4b, 0xbe, 0x7c, 0x01, 0x81, 0x2c, 0xf7, 0x21, 0xad, 0x1c,
  0xde, 0xd4, 0x6d, 0xe9, 0x83, 0x90, 0x97, 0xdb, 0x72, 0x40, 0xa4, 0xa4, 0xb7, 0xb3, 0x67, 0x1f,
  0xcb, 0x79, 0xe6, 0x4e, 0xcc, 0xc0, 0xe5, 0x78, 0x82, 0x5a, 0xd0, 0x7d, 0xcc, 0xff, 0x72, 0x21,
  0xb8, 0x08, 0x46, 0x74, 0xf7, 0x43, 0x24, 0x8e, 0xe0, 0x35, 0x90, 0xe6, 0x81, 0x3a, 0x26, 0x4c,
  0x3c, 0x28, 0x52, 0xbb, 0x91, 0xc3, 0x00, 0xcb, 0x88, 0xd0, 0x65, 0x8b, 0x1b, 0x53, 0x2e, 0xa3,
  0x71, 0x64, 0x48, 0x97, 0xa2, 0x0d, 0xf9, 0x4e, 0x38, 0x19, 0xef, 0x46, 0xa9, 0xde, 0xac, 0xd8,
  0xa8, 0xfa, 0x76, 0x3f, 0xe3, 0x9c, 0x34, 0x3f, 0xf9, 0xdc, 0xbb, 0xc7, 0xc7, 0x0b, 0x4f, 0x1d,
  0x8a, 0x51, 0xe0, 0x4b, 0xcd, 0xb4, 0x59, 0x31, 0xc8, 0x9f, 0x7e, 0xc9, 0xd9, 0x78, 0x73, 0x64,
  0xea, 0xc5, 0xac, 0x83, 0x34, 0xd3, 0xeb, 0xc3, 0xc5, 0x81, 0xa0, 0xff, 0xfa, 0x13, 0x63, 0xeb,
  0x17, 0x0d, 0xdd, 0x51, 0xb7, 0xf0, 0xda, 0x49, 0xd3, 0x16, 0x55, 0x26, 0x29, 0xd4, 0x68, 0x9e,
  0x2b, 0x16, 0xbe, 0x58, 0x7d, 0x47, 0xa1, 0xfc, 0x8f, 0xf8, 0xb8, 0xd1, 0x7a, 0xd0, 0x31, 0xce,
  0x45, 0xcb, 0x3a, 0x8f, 0x95, 0x16, 0x04, 0x28, 0xaf, 0xd7, 0xfb, 0xca, 0xbb, 0x4b, 0x40, 0x7e,
]);
const SECRET_SIZE = SECRET.length;
const SECRET_SIZE_MIN = 136;
const STRIPE_LEN = 64;
const STRIPES_PER_BLOCK = (SECRET_SIZE - STRIPE_LEN) / 8;
const BLOCK_LEN = STRIPE_LEN * STRIPES_PER_BLOCK;

const secretView = new DataView(SECRET.buffer);

function r64(v: DataView, p: number): bigint {
  return v.getBigUint64(p, true);
}
function r32(v: DataView, p: number): bigint {
  return BigInt(v.getUint32(p, true));
}
function s64(p: number): bigint {
  return secretView.getBigUint64(p, true);
}
function s32(p: number): bigint {
  return BigInt(secretView.getUint32(p, true));
}

function mul64(a: bigint, b: bigint): bigint {
  return (a * b) & M64;
}

function mul128Fold64(a: bigint, b: bigint): bigint {
  const p = a * b;
  return (p ^ (p >> 64n)) & M64;
}

function rotl64(x: bigint, r: bigint): bigint {
  return ((x << r) | (x >> (64n - r))) & M64;
}

function swap64(x: bigint): bigint {
  let r = 0n;
  for (let i = 0; i < 8; i++) {
    r = (r << 8n) | (x & 0xffn);
    x >>= 8n;
  }
  return r;
}

function swap32(x: bigint): bigint {
  return ((x & 0xffn) << 24n) | ((x & 0xff00n) << 8n) | ((x >> 8n) & 0xff00n) | ((x >> 24n) & 0xffn);
}

function xxh64Avalanche(h: bigint): bigint {
  h ^= h >> 33n;
  h = mul64(h, P64_2);
  h ^= h >> 29n;
  h = mul64(h, P64_3);
  return h ^ (h >> 32n);
}

function avalanche(h: bigint): bigint {
  h ^= h >> 37n;
  h = mul64(h, PMX_1);
  return h ^ (h >> 32n);
}

function rrmxmx(h: bigint, len: number): bigint {
  h ^= rotl64(h, 49n) ^ rotl64(h, 24n);
  h = mul64(h, PMX_2);
  h ^= ((h >> 35n) + BigInt(len)) & M64;
  h = mul64(h, PMX_2);
  return h ^ (h >> 28n);
}

function mix16(v: DataView, p: number, sp: number): bigint {
  return mul128Fold64(r64(v, p) ^ s64(sp), r64(v, p + 8) ^ s64(sp + 8));
}

function accumulate512(acc: bigint[], v: DataView, p: number, sp: number): void {
  for (let i = 0; i < 8; i++) {
    const data = r64(v, p + 8 * i);
    const key = data ^ s64(sp + 8 * i);
    acc[i ^ 1] = (acc[i ^ 1]! + data) & M64;
    acc[i] = (acc[i]! + (key & M32) * (key >> 32n)) & M64;
  }
}

function scramble(acc: bigint[], sp: number): void {
  for (let i = 0; i < 8; i++) {
    let a = acc[i]!;
    a ^= a >> 47n;
    a ^= s64(sp + 8 * i);
    acc[i] = mul64(a, P32_1);
  }
}

/** The eight accumulators after consuming an input longer than 240 bytes. */
function longAccumulators(v: DataView, len: number): bigint[] {
  const acc = [P32_3, P64_1, P64_2, P64_3, P64_4, P32_2, P64_5, P32_1];
  const blocks = Math.floor((len - 1) / BLOCK_LEN);
  for (let b = 0; b < blocks; b++) {
    for (let s = 0; s < STRIPES_PER_BLOCK; s++) accumulate512(acc, v, b * BLOCK_LEN + s * STRIPE_LEN, s * 8);
    scramble(acc, SECRET_SIZE - STRIPE_LEN);
  }
  const stripes = Math.floor((len - 1 - BLOCK_LEN * blocks) / STRIPE_LEN);
  for (let s = 0; s < stripes; s++) accumulate512(acc, v, blocks * BLOCK_LEN + s * STRIPE_LEN, s * 8);
  accumulate512(acc, v, len - STRIPE_LEN, SECRET_SIZE - STRIPE_LEN - 7);
  return acc;
}

function mergeAccs(acc: bigint[], sp: number, start: bigint): bigint {
  let r = start & M64;
  for (let i = 0; i < 4; i++) {
    r = (r + mul128Fold64(acc[2 * i]! ^ s64(sp + 16 * i), acc[2 * i + 1]! ^ s64(sp + 16 * i + 8))) & M64;
  }
  return avalanche(r);
}

function view(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/** XXH3-64 of `data` (seed 0, default secret). */
export function xxh3_64(data: Uint8Array): bigint {
  const len = data.length;
  const v = view(data);
  const blen = BigInt(len);
  if (len <= 16) {
    if (len > 8) {
      const lo = r64(v, 0) ^ (s64(24) ^ s64(32));
      const hi = r64(v, len - 8) ^ (s64(40) ^ s64(48));
      return avalanche((blen + swap64(lo) + hi + mul128Fold64(lo, hi)) & M64);
    }
    if (len >= 4) {
      const in64 = r32(v, len - 4) + (r32(v, 0) << 32n);
      return rrmxmx(in64 ^ (s64(8) ^ s64(16)), len);
    }
    if (len > 0) {
      const combined =
        (BigInt(data[0]!) << 16n) | (BigInt(data[len >> 1]!) << 24n) | BigInt(data[len - 1]!) | (blen << 8n);
      return xxh64Avalanche(combined ^ (s32(0) ^ s32(4)));
    }
    return xxh64Avalanche(s64(56) ^ s64(64));
  }
  if (len <= 128) {
    let acc = mul64(blen, P64_1);
    if (len > 32) {
      if (len > 64) {
        if (len > 96) acc += mix16(v, 48, 96) + mix16(v, len - 64, 112);
        acc += mix16(v, 32, 64) + mix16(v, len - 48, 80);
      }
      acc += mix16(v, 16, 32) + mix16(v, len - 32, 48);
    }
    acc += mix16(v, 0, 0) + mix16(v, len - 16, 16);
    return avalanche(acc & M64);
  }
  if (len <= 240) {
    let acc = mul64(blen, P64_1);
    const rounds = Math.floor(len / 16);
    for (let i = 0; i < 8; i++) acc += mix16(v, 16 * i, 16 * i);
    acc = avalanche(acc & M64);
    for (let i = 8; i < rounds; i++) acc += mix16(v, 16 * i, 16 * (i - 8) + 3);
    acc += mix16(v, len - 16, SECRET_SIZE_MIN - 17);
    return avalanche(acc & M64);
  }
  return mergeAccs(longAccumulators(v, len), 11, mul64(blen, P64_1));
}

/** One 32-byte round of the 17–240-byte 128-bit paths. */
function mix32(lo: bigint, hi: bigint, v: DataView, p1: number, p2: number, sp: number): [bigint, bigint] {
  lo = (lo + mix16(v, p1, sp)) & M64;
  lo ^= (r64(v, p2) + r64(v, p2 + 8)) & M64;
  hi = (hi + mix16(v, p2, sp + 16)) & M64;
  hi ^= (r64(v, p1) + r64(v, p1 + 8)) & M64;
  return [lo, hi];
}

function finish128(lo: bigint, hi: bigint, len: bigint): [bigint, bigint] {
  const rlo = avalanche((lo + hi) & M64);
  const rhi = avalanche((mul64(lo, P64_1) + mul64(hi, P64_4) + mul64(len, P64_2)) & M64);
  return [(-rhi) & M64, rlo];
}

/** XXH3-128 of `data` (seed 0, default secret) as `[high, low]`. */
export function xxh3_128(data: Uint8Array): [bigint, bigint] {
  const len = data.length;
  const v = view(data);
  const blen = BigInt(len);
  if (len <= 16) {
    if (len > 8) {
      const inLo = r64(v, 0);
      let inHi = r64(v, len - 8);
      const p = (inLo ^ inHi ^ (s64(32) ^ s64(40))) * P64_1;
      let mlo = ((p & M64) + ((blen - 1n) << 54n)) & M64;
      let mhi = p >> 64n;
      inHi ^= s64(48) ^ s64(56);
      mhi = (mhi + inHi + (inHi & M32) * (P32_2 - 1n)) & M64;
      mlo ^= swap64(mhi);
      const h = mlo * P64_2;
      const hlo = h & M64;
      const hhi = ((h >> 64n) + mul64(mhi, P64_2)) & M64;
      return [avalanche(hhi), avalanche(hlo)];
    }
    if (len >= 4) {
      const in64 = r32(v, 0) + (r32(v, len - 4) << 32n);
      const keyed = in64 ^ (s64(16) ^ s64(24));
      const m = keyed * ((P64_1 + (blen << 2n)) & M64);
      let mlo = m & M64;
      let mhi = m >> 64n;
      mhi = (mhi + (mlo << 1n)) & M64;
      mlo ^= mhi >> 3n;
      mlo ^= mlo >> 35n;
      mlo = mul64(mlo, PMX_2);
      mlo ^= mlo >> 28n;
      return [avalanche(mhi), mlo];
    }
    if (len > 0) {
      const combinedL =
        (BigInt(data[0]!) << 16n) | (BigInt(data[len >> 1]!) << 24n) | BigInt(data[len - 1]!) | (blen << 8n);
      const sw = swap32(combinedL);
      const combinedH = ((sw << 13n) | (sw >> 19n)) & M32;
      const lo = xxh64Avalanche(combinedL ^ (s32(0) ^ s32(4)));
      const hi = xxh64Avalanche(combinedH ^ (s32(8) ^ s32(12)));
      return [hi, lo];
    }
    return [xxh64Avalanche(s64(80) ^ s64(88)), xxh64Avalanche(s64(64) ^ s64(72))];
  }
  if (len <= 128) {
    let lo = mul64(blen, P64_1);
    let hi = 0n;
    if (len > 32) {
      if (len > 64) {
        if (len > 96) [lo, hi] = mix32(lo, hi, v, 48, len - 64, 96);
        [lo, hi] = mix32(lo, hi, v, 32, len - 48, 64);
      }
      [lo, hi] = mix32(lo, hi, v, 16, len - 32, 32);
    }
    [lo, hi] = mix32(lo, hi, v, 0, len - 16, 0);
    return finish128(lo, hi, blen);
  }
  if (len <= 240) {
    let lo = mul64(blen, P64_1);
    let hi = 0n;
    const rounds = Math.floor(len / 32);
    for (let i = 0; i < 4; i++) [lo, hi] = mix32(lo, hi, v, 32 * i, 32 * i + 16, 32 * i);
    lo = avalanche(lo);
    hi = avalanche(hi);
    for (let i = 4; i < rounds; i++) [lo, hi] = mix32(lo, hi, v, 32 * i, 32 * i + 16, 3 + 32 * (i - 4));
    [lo, hi] = mix32(lo, hi, v, len - 16, len - 32, SECRET_SIZE_MIN - 17 - 16);
    return finish128(lo, hi, blen);
  }
  const acc = longAccumulators(v, len);
  const lo = mergeAccs(acc, 11, mul64(blen, P64_1));
  const hi = mergeAccs(acc, SECRET_SIZE - STRIPE_LEN - 11, ~mul64(blen, P64_2) & M64);
  return [hi, lo];
}
