/**
 * MurmurHash3 with seed 0, as the Go library upstream uses (`github.com/twmb/murmur3`):
 * `murmur3_32` is MurmurHash3_x86_32, `murmur3_128` is MurmurHash3_x64_128 returning `[h1, h2]`.
 * Pure JS; browser-safe.
 */

const C1_32 = 0xcc9e2d51;
const C2_32 = 0x1b873593;

function rotl32(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** MurmurHash3_x86_32 of `data` (seed 0) as an unsigned 32-bit number. */
export function murmur3_32(data: Uint8Array): number {
  const len = data.length;
  const blocks = len >> 2;
  let h = 0;
  for (let i = 0; i < blocks; i++) {
    const p = i * 4;
    let k = data[p]! | (data[p + 1]! << 8) | (data[p + 2]! << 16) | (data[p + 3]! << 24);
    k = Math.imul(rotl32(Math.imul(k, C1_32), 15), C2_32);
    h = rotl32(h ^ k, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = blocks * 4;
  const rest = len & 3;
  if (rest > 0) {
    let k = 0;
    for (let i = rest - 1; i >= 0; i--) k = (k << 8) | data[tail + i]!;
    h ^= Math.imul(rotl32(Math.imul(k, C1_32), 15), C2_32);
  }
  return fmix32(h ^ len);
}

const M64 = (1n << 64n) - 1n;
const C1_64 = 0x87c37b91114253d5n;
const C2_64 = 0x4cf5ad432745937fn;

function rotl64(x: bigint, r: bigint): bigint {
  return ((x << r) | (x >> (64n - r))) & M64;
}

function fmix64(k: bigint): bigint {
  k ^= k >> 33n;
  k = (k * 0xff51afd7ed558ccdn) & M64;
  k ^= k >> 33n;
  k = (k * 0xc4ceb9fe1a85ec53n) & M64;
  return k ^ (k >> 33n);
}

function mixK1(k: bigint): bigint {
  return (rotl64((k * C1_64) & M64, 31n) * C2_64) & M64;
}

function mixK2(k: bigint): bigint {
  return (rotl64((k * C2_64) & M64, 33n) * C1_64) & M64;
}

/** Little-endian integer of `data[from, from + n)`. */
function le(data: Uint8Array, from: number, n: number): bigint {
  let r = 0n;
  for (let i = n - 1; i >= 0; i--) r = (r << 8n) | BigInt(data[from + i]!);
  return r;
}

/** MurmurHash3_x64_128 of `data` (seed 0) as `[h1, h2]`. */
export function murmur3_128(data: Uint8Array): [bigint, bigint] {
  const len = data.length;
  const blocks = len >> 4;
  let h1 = 0n;
  let h2 = 0n;
  for (let i = 0; i < blocks; i++) {
    const p = i * 16;
    h1 ^= mixK1(le(data, p, 8));
    h1 = (((rotl64(h1, 27n) + h2) & M64) * 5n + 0x52dce729n) & M64;
    h2 ^= mixK2(le(data, p + 8, 8));
    h2 = (((rotl64(h2, 31n) + h1) & M64) * 5n + 0x38495ab5n) & M64;
  }
  const tail = blocks * 16;
  const rest = len & 15;
  if (rest > 8) h2 ^= mixK2(le(data, tail + 8, rest - 8));
  if (rest > 0) h1 ^= mixK1(le(data, tail, Math.min(rest, 8)));
  const blen = BigInt(len);
  h1 ^= blen;
  h2 ^= blen;
  h1 = (h1 + h2) & M64;
  h2 = (h2 + h1) & M64;
  h1 = fmix64(h1);
  h2 = fmix64(h2);
  h1 = (h1 + h2) & M64;
  h2 = (h2 + h1) & M64;
  return [h1, h2];
}
