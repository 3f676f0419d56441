import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseGoDuration } from '../internal/goDuration.js';
import { civil, dateInZone, formatGoTime, parseGoTime, truncateTime } from '../internal/goTime.js';
import { formatGoDuration } from '../../types/convert.js';
import { OttlTime, type TimeZone } from '../../types/values.js';

// RFC 3339 with offset seconds: historical local mean times (1800s) are not whole minutes.
const RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00:00';
const MAX = 9_223_372_036_854_775_807n;
// Times from year 1 to 9999-12-30, where four-digit years round-trip through text in every zone.
const instant = fc.bigInt({ min: -62_135_596_800n * 1_000_000_000n, max: 253_402_214_399n * 1_000_000_000n });
const timeInZone: fc.Arbitrary<OttlTime> = fc.oneof(
  fc.tuple(instant, fc.constantFrom('UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe')),
  // Whole minutes: Go (and so parseGoTime) reads a parsed offset of -1 s as "no offset".
  fc.tuple(instant, fc.integer({ min: -14 * 60, max: 14 * 60 }).map((m): TimeZone => ({ offsetSeconds: m * 60 }))),
).map(([nanos, z]) => new OttlTime(nanos, z));

describe('Go time properties', () => {
  test('RFC 3339-style text of any time parses back to the same instant', () => {
    fc.assert(
      fc.property(timeInZone, (t) => {
        expect(parseGoTime(RFC3339_NANO, formatGoTime(t, RFC3339_NANO), 'UTC').epochNanos).toBe(t.epochNanos);
      }),
    );
  });

  test('civil fields rebuild the instant in fixed zones', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -50_400, max: 50_400 }), (nanos, offset) => {
        const z = { offsetSeconds: offset };
        const c = civil(new OttlTime(nanos, z));
        expect(dateInZone(c.year, c.month, c.day, c.hour, c.minute, c.second, c.nanosecond, z).epochNanos).toBe(nanos);
      }),
    );
  });

  test('truncation lands on a multiple at or before the time', () => {
    fc.assert(
      fc.property(instant, fc.bigInt({ min: 1n, max: 86_400_000_000_000n }), (nanos, d) => {
        const t = truncateTime(new OttlTime(nanos, 'UTC'), d);
        expect(t.epochNanos <= nanos && nanos - t.epochNanos < d).toBe(true);
        expect((t.epochNanos + 62_135_596_800n * 1_000_000_000n) % d).toBe(0n);
      }),
    );
  });

  test('Duration.String() text parses back to the same nanoseconds', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -MAX, max: MAX }), (nanos) => {
        expect(parseGoDuration(formatGoDuration(nanos))).toBe(nanos);
      }),
    );
  });
});
