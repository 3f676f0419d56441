/**
 * Go's `time.ParseDuration`, exact to the nanosecond: a signed sequence of decimal numbers with
 * optional fractions, each followed by a unit (`ns`, `us`/`µs`/`μs`, `ms`, `s`, `m`, `h`), as in
 * `300ms`, `-1.5h`, `2h45m`. Errors carry Go's messages (`time: invalid duration "x"`).
 */

const MAX_INT64 = (1n << 63n) - 1n;
const LIMIT = 1n << 63n;

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['µs', 1_000n], // U+00B5 micro sign
  ['μs', 1_000n], // U+03BC Greek small letter mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

/** Thrown for text that is not a Go duration; the message is Go's. */
export class GoDurationError extends Error {}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Parses a Go duration into nanoseconds (int64). Throws {@link GoDurationError}. */
export function parseGoDuration(text: string): bigint {
  const invalid = (): GoDurationError => new GoDurationError(`time: invalid duration ${JSON.stringify(text)}`);
  let s = text;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid();
    // Integer part: digits, overflow past 2^63 is an error.
    let i = 0;
    let v = 0n;
    while (isDigit(s[i])) {
      if (v > LIMIT / 10n) throw invalid();
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > LIMIT) throw invalid();
      i++;
    }
    const pre = i > 0;
    s = s.slice(i);
    // Fraction: digits beyond int64 precision are consumed and ignored.
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (isDigit(s[j])) {
        if (!overflow) {
          if (f > MAX_INT64 / 10n) overflow = true;
          else {
            const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
            if (y > LIMIT) overflow = true;
            else {
              f = y;
              scale *= 10;
            }
          }
        }
        j++;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid();
    let u = 0;
    while (u < s.length && s[u] !== '.' && !isDigit(s[u])) u++;
    if (u === 0) throw new GoDurationError(`time: missing unit in duration ${JSON.stringify(text)}`);
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = UNITS.get(unitName);
    if (unit === undefined) {
      throw new GoDurationError(`time: unknown unit ${JSON.stringify(unitName)} in duration ${JSON.stringify(text)}`);
    }
    if (v > LIMIT / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      // Go computes the fraction in float64 (exact to the nanosecond for fractions of an hour).
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) throw invalid();
    }
    total += v;
    if (total > LIMIT) throw invalid();
  }
  if (neg) return -total;
  if (total > MAX_INT64) throw invalid();
  return total;
}
