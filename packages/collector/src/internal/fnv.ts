/**
 * FNV-1a hashes as Go's `hash/fnv` computes them (`New32a`, `New64a`), over several byte arrays
 * written one after the other. The samplers use them so that the same trace IDs are kept as by the
 * Go Collector.
 */

/** FNV-1a, 32 bits, as an unsigned number. */
export function fnv1a32(...parts: readonly Uint8Array[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) h = Math.imul(h ^ p[i]!, 0x01000193);
  }
  return h >>> 0;
}

const OFFSET64 = 0xcbf29ce484222325n;
const PRIME64 = 0x100000001b3n;
const MASK64 = (1n << 64n) - 1n;

/** FNV-1a, 64 bits, as an unsigned bigint. */
export function fnv1a64(...parts: readonly Uint8Array[]): bigint {
  let h = OFFSET64;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) h = ((h ^ BigInt(p[i]!)) * PRIME64) & MASK64;
  }
  return h;
}
