/**
 * `probabilistic`: samples `sampling_percentage` % of traces by hashing the trace ID with FNV-1a
 * 64 after `hash_salt` (default `default-hash-seed`), like upstream, so the same trace IDs are
 * kept as by the Go Collector with the same salt.
 */
import { number, string, struct } from '../../config/schema.js';
import { fnv1a64 } from '../../internal/fnv.js';
import { policyType, sampledIf } from './policy.js';

const config = struct({ hash_salt: string(), sampling_percentage: number(0, { min: 0 }) });

const MAX_U64 = (1n << 64n) - 1n;

/** ⌊(2^64 − 1) × ratio⌋ with the product first rounded to 64 significant bits, as Go's big.Float computes it. */
export function probabilisticThreshold(ratio: number): bigint {
  if (!(ratio > 0)) return 0n;
  if (ratio >= 1) return MAX_U64;
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, ratio);
  const biased = (v.getUint16(0) >> 4) & 0x7ff;
  let mantissa = (BigInt(v.getUint32(0) & 0xfffff) << 32n) | BigInt(v.getUint32(4));
  if (biased !== 0) mantissa |= 1n << 52n;
  const exponent = (biased === 0 ? -1074 : biased - 1075);
  let product = MAX_U64 * mantissa;
  const excess = BigInt(product.toString(2).length - 64);
  if (excess > 0n) {
    const q = product >> excess;
    const rem = product & ((1n << excess) - 1n);
    const half = 1n << (excess - 1n);
    product = (rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q) << excess;
  }
  return product >> BigInt(-exponent);
}

export const probabilisticPolicy = policyType('probabilistic', config, (c) => {
  const salt = new TextEncoder().encode(c.hash_salt === '' ? 'default-hash-seed' : c.hash_salt);
  const threshold = probabilisticThreshold(c.sampling_percentage / 100);
  return { evaluate: (trace) => sampledIf(fnv1a64(salt, trace.traceId.toBytes()) <= threshold) };
});
