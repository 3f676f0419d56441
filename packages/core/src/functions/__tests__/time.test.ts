import { describe, expect, test } from 'vitest';
import { FUNCTIONS } from '../catalog/time_xml_context.js';
import { parseGoDuration } from '../internal/goDuration.js';
import { civil, formatGoTime, loadLocation, parseGoTime, truncateTime } from '../internal/goTime.js';
import { strptimeToGoLayout } from '../internal/strptime.js';
import { OttlCreateError, OttlTime } from '../../types/values.js';
import { conformanceCases, encode, expectCaseFails, runCall } from './conformanceCalls.js';

const TIME_NAMES = [
  'Time', 'FormatTime', 'TruncateTime', 'Duration', 'Now', 'Unix', 'UnixSeconds', 'UnixMilli', 'UnixMicro',
  'UnixNano', 'Year', 'Month', 'Day', 'Hour', 'Minute', 'Second', 'Nanosecond', 'Weekday', 'Hours', 'Minutes',
  'Seconds', 'Milliseconds', 'Microseconds', 'Nanoseconds',
];
const DEFS = new Map(FUNCTIONS.map((d) => [d.name, d]));
const RFC3339 = '2006-01-02T15:04:05.999999999Z07:00';

/** Epoch nanoseconds of a conformance `$time` (no zone designator = wall clock in the local zone). */
function instant(text: string): bigint {
  const zoned = /(Z|[+-][0-9]{2}:[0-9]{2})$/.test(text);
  return parseGoTime(zoned ? RFC3339 : '2006-01-02T15:04:05.999999999', text, loadLocation('Local')).epochNanos;
}

describe('time conformance cases (funcs.jsonl, funcs2.jsonl)', () => {
  const cases = conformanceCases(TIME_NAMES);
  test('are present', () => {
    expect(cases.length).toBeGreaterThan(90);
  });
  test.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    if (c.expect.ok) {
      const result = runCall(c.args_ottl, DEFS);
      if (!('value' in c.expect)) return;
      const want = c.expect.value as { $time?: string } | undefined;
      if (want !== undefined && want !== null && typeof want === 'object' && '$time' in want) {
        expect(result).toBeInstanceOf(OttlTime);
        expect((result as OttlTime).epochNanos).toBe(instant(want.$time!));
      } else {
        expect(encode(result)).toEqual(c.expect.value);
      }
      return;
    }
    expectCaseFails(c, DEFS);
  });
});

describe('Go time layouts', () => {
  const at = (text: string, zone = 'UTC'): OttlTime => parseGoTime(RFC3339, text, loadLocation(zone));
  test.each([
    ['Mon Jan _2 15:04:05 MST 2006', '2023-05-26T12:34:56.5-04:00', 'America/New_York', 'Fri May 26 12:34:56 EDT 2023'],
    ['Monday, 02-Jan-06 03:04:05.000 PM -0700', '2023-05-26T00:04:05.007Z', 'UTC', 'Friday, 26-May-23 12:04:05.007 AM +0000'],
    ['2006-01-02T15:04:05Z07:00:00 .999 ,000', '2023-01-01T00:00:00.12+05:30', 'UTC', '2022-12-31T18:30:00Z .12 ,120'],
    ['__2 002 3 pm', '2024-12-31T13:00:00Z', 'UTC', '366 366 1 pm'],
    ['MST', '2023-01-15T00:00:00Z', 'Asia/Kolkata', 'IST'],
  ])('formats %s', (layout, text, zone, expected) => {
    const t = at(text);
    expect(formatGoTime(new OttlTime(t.epochNanos, loadLocation(zone)), layout)).toBe(expected);
  });

  test.each([
    ['2006-01-02 15:04:05', '2023-02-29 00:00:00', 'parsing time "2023-02-29 00:00:00": day out of range'],
    ['2006-01-02', '2023-01-02 x', 'parsing time "2023-01-02 x": extra text: " x"'],
    ['15:04', '24:00', 'parsing time "24:00": hour out of range'],
    ['Jan 2', 'Foo 2', 'parsing time "Foo 2" as "Jan 2": cannot parse "Foo 2" as "Jan"'],
  ])('rejects %s / %s', (layout, value, message) => {
    expect(() => parseGoTime(layout, value, 'UTC')).toThrow(message);
  });

  test('accepts fractional seconds the layout does not name, and spaces for spaces', () => {
    const t = parseGoTime('2006-01-02 15:04:05', '2023-05-26   12:34:56.123456789', 'UTC');
    expect(formatGoTime(t, RFC3339)).toBe('2023-05-26T12:34:56.123456789Z');
  });

  test('prefers the zone in the text, then the abbreviation the location uses', () => {
    expect(formatGoTime(parseGoTime('2006-01-02 15:04 MST', '2023-07-01 10:00 EDT', 'America/New_York'), RFC3339)).toBe(
      '2023-07-01T10:00:00-04:00',
    );
    expect(formatGoTime(parseGoTime('2006-01-02 15:04 -0700', '2023-07-01 10:00 +0200', 'UTC'), RFC3339)).toBe(
      '2023-07-01T10:00:00+02:00',
    );
  });

  test('civil fields and truncation follow the zone and Go zero time', () => {
    const t = at('2024-03-10T01:59:59.999999999-05:00');
    expect(civil(new OttlTime(t.epochNanos, 'America/New_York'))).toMatchObject({ hour: 1, weekday: 0, yearDay: 70 });
    expect(formatGoTime(truncateTime(t, 3_600_000_000_000n), RFC3339)).toBe('2024-03-10T01:00:00-05:00');
    expect(truncateTime(t, 0n)).toBe(t);
  });
});

describe('strptime directives', () => {
  test('translate to Go layouts', () => {
    expect(strptimeToGoLayout('%Y-%m-%dT%H:%M:%S.%f%z %Z %% %r %c')).toBe(
      '2006-01-02T15:04:05.999999Z0700 MST % 03:04:05 pm Mon Jan 02 15:04:05 2006',
    );
  });
  test('reject unknown directives with upstream message', () => {
    expect(() => strptimeToGoLayout('%Y %Q')).toThrow('convert to go time format: [unsupported ctimefmt.ToNative() directive: %Q]');
  });
  test('Time rejects unknown locations and locales when created', () => {
    expect(() => runCall('Time("2023", "%Y", "Mars/Olympus")', DEFS)).toThrow('failed to load location Mars/Olympus');
    expect(() => runCall('Time("2023", "%Y", "UTC", "zz-ZZ-x-nope")', DEFS)).toThrow(OttlCreateError);
  });
  test('Time gives a year-less format the current year', () => {
    const t = runCall('Time("10", "%M", "UTC")', DEFS) as OttlTime;
    expect(civil(t).year).toBeGreaterThanOrEqual(new Date().getUTCFullYear() - 1);
  });
  test('Time reports errors in strptime terms', () => {
    expect(() => runCall('Time("2023-13-01", "%Y-%m-%d", "UTC")', DEFS)).toThrow(
      'parsing time "2023-13-01": month out of range',
    );
    expect(() => runCall('Time("Foo 2023", "%b %Y", "UTC")', DEFS)).toThrow(
      'parsing time "Foo 2023" as "%b %Y": cannot parse "Foo 2023" as "%b"',
    );
  });
});

describe('Go durations', () => {
  test.each([
    ['1h2m3.5s', 3_723_500_000_000n],
    ['-1.5h', -5_400_000_000_000n],
    ['+.5us', 500n],
    ['1µs1μs', 2000n],
    ['9223372036854775807ns', 9_223_372_036_854_775_807n],
    ['-9223372036854775808ns', -9_223_372_036_854_775_808n],
    ['0', 0n],
  ])('%s', (text, nanos) => {
    expect(parseGoDuration(text)).toBe(nanos);
  });
  test.each([
    ['', 'time: invalid duration ""'],
    ['1', 'time: missing unit in duration "1"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['.s', 'time: invalid duration ".s"'],
  ])('rejects %s', (text, message) => {
    expect(() => parseGoDuration(text)).toThrow(message);
  });
});
