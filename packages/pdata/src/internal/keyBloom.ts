// A request's attribute keys as a 1024-bit Bloom filter, filled by the validating walk (which reads
// every key anyway), so that setting a key the request's maps do not have needs no scan of the
// record. A key is hashed from its length and three of its bytes; callers query only ASCII keys,
// whose bytes are their char codes.

/** Bit index of the key `b[s, s + n)`. */
function bit(n: number, first: number, mid: number, last: number): number {
  return Math.imul(n ^ (first << 8) ^ (mid << 16) ^ (last << 24), 0x9e3779b1) >>> 22;
}

/** Adds the key bytes `b[s, s + n)`. */
export function addKey(keys: Int32Array, b: Uint8Array, s: number, n: number): void {
  const i = n === 0 ? bit(0, 0, 0, 0) : bit(n, b[s]!, b[s + (n >> 1)]!, b[s + n - 1]!);
  keys[i >>> 5]! |= 1 << (i & 31);
}

/** False when no key equal to the ASCII string `key` was added. */
export function mayHaveKey(keys: Int32Array, key: string): boolean {
  const n = key.length;
  const i = n === 0 ? bit(0, 0, 0, 0) : bit(n, key.charCodeAt(0), key.charCodeAt(n >> 1), key.charCodeAt(n - 1));
  return (keys[i >>> 5]! & (1 << (i & 31))) !== 0;
}
