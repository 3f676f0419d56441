/**
 * Consistent probability sampling arithmetic (OTEP 235, the Collector's `pkg/sampling`): 56-bit
 * randomness values and rejection thresholds, their hex encodings (`rv`, `th` in the `ot`
 * tracestate member) and the conversion from probabilities. An item is kept when its randomness is
 * at least the threshold. Values are bigints because they use all 56 bits.
 */

/** 2^56: one more than the largest randomness; the threshold that never samples. */
export const MAX_ADJUSTED_COUNT = 1n << 56n;
export const ALWAYS_SAMPLE: bigint = 0n;
export const NEVER_SAMPLE: bigint = MAX_ADJUSTED_COUNT;
/** The randomness that passes every threshold (used when an item has none). */
export const ALL_PROBABILITIES_RANDOMNESS: bigint = MAX_ADJUSTED_COUNT - 1n;
/** The smallest probability a threshold can express, 2^-56. */
export const MIN_SAMPLING_PROBABILITY = 2 ** -56;
/** Hex digits of a full threshold or randomness. */
export const NUM_HEX_DIGITS = 14;

const HEX = /^[0-9a-fA-F]+$/;

export type Parsed = { readonly value: bigint; readonly error?: undefined } | { readonly value?: undefined; readonly error: string };

export function shouldSample(threshold: bigint, randomness: bigint): boolean {
  return randomness >= threshold;
}

/** A `th` value: 1–14 hex digits, trailing zeros omitted. */
export function parseTValue(s: string): Parsed {
  if (s.length > NUM_HEX_DIGITS) return { error: 't-value exceeds 14 hex digits' };
  if (s === '') return { error: 't-value is empty' };
  if (!HEX.test(s)) return { error: `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax` };
  return { value: BigInt(`0x${s}`) << BigInt(4 * (NUM_HEX_DIGITS - s.length)) };
}

/** The `th` encoding of a threshold: `0` for always, empty for never, else up to 14 digits without trailing zeros. */
export function formatTValue(threshold: bigint): string {
  if (threshold === ALWAYS_SAMPLE) return '0';
  return formatRValue(threshold).replace(/0+$/, '');
}

/** An `rv` value: exactly 14 hex digits. */
export function parseRValue(s: string): Parsed {
  if (s.length !== NUM_HEX_DIGITS) return { error: 'r-value must have 14 hex digits' };
  if (!HEX.test(s)) return { error: `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax` };
  return { value: BigInt(`0x${s}`) };
}

/** 14 lower-case hex digits; empty when out of range. */
export function formatRValue(randomness: bigint): string {
  if (randomness < 0n || randomness >= MAX_ADJUSTED_COUNT) return '';
  return randomness.toString(16).padStart(NUM_HEX_DIGITS, '0');
}

/** The randomness of a W3C trace ID: its last 7 bytes, big-endian. */
export function traceIdRandomness(traceId: Uint8Array): bigint {
  let r = 0n;
  for (let i = 9; i < 16; i++) r = (r << 8n) | BigInt(traceId[i]!);
  return r;
}

/** The probability a threshold keeps, as a float64. */
export function thresholdProbability(threshold: bigint): number {
  return Number(MAX_ADJUSTED_COUNT - threshold) / Number(MAX_ADJUSTED_COUNT);
}

/** The binary exponent of `x` > 0 as Go's `math.Frexp` reports it (x = f × 2^exp, f in [0.5, 1)). */
function frexpExponent(x: number): number {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return ((v.getUint16(0) >> 4) & 0x7ff) - 1022;
}

/**
 * The threshold for `prob` rounded to `precision` significant hex digits (0 means all 14); near
 * 0 and 1 the leading `0` / `f` digits do not count, so relative precision is kept. Undefined
 * when `prob` is outside [2^-56, 1].
 */
export function probabilityToThreshold(prob: number, precision: number): bigint | undefined {
  if (!(prob >= MIN_SAMPLING_PROBABILITY && prob <= 1)) return undefined;
  if (prob === 1) return ALWAYS_SAMPLE;
  const base = precision === 0 ? NUM_HEX_DIGITS : precision;
  // Go's integer division truncates toward zero.
  const lead = (exp: number) => Math.trunc(exp / -4);
  const digits = Math.min(NUM_HEX_DIGITS, Math.max(base + lead(frexpExponent(prob)), base + lead(frexpExponent(1 - prob))));
  const threshold = MAX_ADJUSTED_COUNT - BigInt(Math.round(prob * Number(MAX_ADJUSTED_COUNT)));
  const shift = BigInt(4 * (NUM_HEX_DIGITS - digits));
  if (shift === 0n) return threshold;
  return ((threshold + (1n << (shift - 1n))) >> shift) << shift;
}
