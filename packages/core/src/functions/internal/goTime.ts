/**
 * Go `time` semantics for the time converters: locations (`time.LoadLocation`, `time.Local`),
 * civil fields in a zone, `time.Date`, Go reference-layout parsing (`time.ParseInLocation`) and
 * formatting (`Time.Format`), and `Time.Truncate`. Written from Go's documented behaviour; zone
 * data comes from `Intl.DateTimeFormat`, so this module is browser-safe.
 *
 * Callers may rely on:
 * - instants are exact to the nanosecond (bigint); zones are IANA names or fixed offsets
 *   ({@link TimeZone}), and the zone a time carries is the zone it is shown in;
 * - parse errors are {@link GoTimeParseError}s whose message is Go's `time.ParseError` text.
 */
import { zoneOffsetSeconds } from '../../types/convert.js';
import { OttlTime, type TimeZone } from '../../types/values.js';

const NANOS_PER_SECOND = 1_000_000_000n;
/** Seconds from Go's zero time (January 1, year 1, UTC) to the Unix epoch. */
const ZERO_TO_UNIX_SECONDS = 62_135_596_800n;

// ---------------------------------------------------------------------------------------------
// Locations

/**
 * IDs that ICU accepts but the IANA database (and so Go's `LoadLocation`) does not: ICU's legacy
 * three-letter aliases. Rejecting them keeps `%Z` abbreviations such as `PST` failing as upstream.
 */
const ICU_ONLY_ZONE_IDS = new Set([
  'ACT', 'AET', 'AGT', 'ART', 'AST', 'BET', 'BST', 'CAT', 'CNT', 'CST', 'CTT', 'EAT', 'ECT', 'IET',
  'IST', 'JST', 'MIT', 'NET', 'NST', 'PLT', 'PNT', 'PRT', 'PST', 'SST', 'VST',
]);

/** Thrown by {@link loadLocation} for a name the zone database does not know. */
export class UnknownTimeZoneError extends Error {
  constructor(readonly zoneName: string) {
    super(`unknown time zone ${zoneName}`);
  }
}

/**
 * Go's `time.LoadLocation`: `""` and `"UTC"` are UTC, `"Local"` is {@link localZone}, anything
 * else must be an IANA zone name (`"America/New_York"`, `"EST"`). The returned zone is the name
 * as given. Throws {@link UnknownTimeZoneError}.
 */
export function loadLocation(name: string): TimeZone {
  if (name === '' || name === 'UTC') return 'UTC';
  if (name === 'Local') return localZone();
  if (ICU_ONLY_ZONE_IDS.has(name) || /^[+-]/.test(name)) throw new UnknownTimeZoneError(name);
  try {
    offsetFormatter(name);
  } catch {
    throw new UnknownTimeZoneError(name);
  }
  return name;
}

let hostZone: TimeZone | undefined;

/**
 * Go's `time.Local`: the zone of the host (the `TZ` environment variable under Node, the
 * browser's zone in a page), as `Intl` reports it; UTC when it reports none.
 */
export function localZone(): TimeZone {
  if (hostZone === undefined) {
    const name = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    hostZone = name === undefined || name === '' || name === 'Etc/UTC' ? 'UTC' : name;
  }
  return hostZone;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetFormatter(zone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric' });
    offsetFormatters.set(zone, f);
  }
  return f;
}

/** Locales whose CLDR short zone names carry the abbreviations the IANA database uses. */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'ja-JP', 'en-NZ', 'en-CA'];
const abbreviationFormatters = new Map<string, Intl.DateTimeFormat[]>();

function zoneAbbreviation(zone: string, unixSec: number, offset: number): string {
  if (zone === 'UTC') return 'UTC';
  let fs = abbreviationFormatters.get(zone);
  if (fs === undefined) {
    fs = ABBREVIATION_LOCALES.map(
      (locale) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }),
    );
    abbreviationFormatters.set(zone, fs);
  }
  const when = new Date(unixSec * 1000);
  for (const f of fs) {
    const name = f.formatToParts(when).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (/^[A-Z]{2,5}$/.test(name) && name !== 'GMT') return name;
    if (name === 'GMT' && offset === 0) return 'GMT';
  }
  // The IANA database names zones without an abbreviation by their offset (`+08`, `+0530`).
  return numericAbbreviation(offset);
}

function numericAbbreviation(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  return sign + pad(h, 2) + (m === 0 ? '' : pad(m, 2));
}

/** The offset from UTC (seconds) of `zone` at the instant `unixSec`. */
function zoneOffset(zone: TimeZone, unixSec: number): number {
  if (typeof zone !== 'string') return zone.offsetSeconds;
  return zone === 'UTC' ? 0 : zoneOffsetSeconds(zone, unixSec * 1000);
}

/** The offset from UTC (seconds) and the abbreviation of `zone` at the instant `unixSec`. */
export function zoneAt(zone: TimeZone, unixSec: number): { offset: number; abbr: string } {
  if (typeof zone !== 'string') return { offset: zone.offsetSeconds, abbr: zone.name ?? '' };
  if (zone === 'UTC') return { offset: 0, abbr: 'UTC' };
  const offset = zoneOffset(zone, unixSec);
  return { offset, abbr: zoneAbbreviation(zone, unixSec, offset) };
}

/**
 * Go's `Location.lookupName`: the offset `zone` uses for the abbreviation `abbr` around the
 * instant `unixSec` (checked at that instant and at mid-winter and mid-summer of its year), or
 * undefined when the zone never uses that abbreviation there.
 */
function lookupAbbreviation(zone: TimeZone, abbr: string, unixSec: number): number | undefined {
  if (typeof zone !== 'string') return zone.name === abbr ? zone.offsetSeconds : undefined;
  const year = civilFromDays(Math.floor(unixSec / 86400))[0];
  const candidates = [
    unixSec,
    daysFromCivil(year, 1, 15) * 86400,
    daysFromCivil(year, 7, 15) * 86400,
  ];
  for (const at of candidates) {
    const z = zoneAt(zone, at);
    if (z.abbr === abbr) return z.offset;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Civil calendar

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const doy = floorDiv(153 * (month > 2 ? month - 3 : month + 9) + 2, 5) + day - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const day = doy - floorDiv(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day];
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

function daysIn(month: number, year: number): number {
  if (month === 2 && isLeap(year)) return 29;
  return DAYS_BEFORE_MONTH[month]! - DAYS_BEFORE_MONTH[month - 1]!;
}

/** The fields of a time as shown in its zone (Go's `Date()`, `Clock()`, `Weekday()`…). */
export interface Civil {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly nanosecond: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** 1–366. */
  readonly yearDay: number;
  /** Offset from UTC in seconds. */
  readonly offset: number;
}

/** Whole Unix seconds (floored) and the nanoseconds within that second. */
function splitNanos(epochNanos: bigint): [unixSec: number, nanos: number] {
  let secs = epochNanos / NANOS_PER_SECOND;
  let nanos = epochNanos % NANOS_PER_SECOND;
  if (nanos < 0n) {
    nanos += NANOS_PER_SECOND;
    secs -= 1n;
  }
  return [Number(secs), Number(nanos)];
}

/** The civil fields of `t` in its own zone. */
export function civil(t: OttlTime): Civil {
  const [unixSec, nanosecond] = splitNanos(t.epochNanos);
  const offset = zoneOffset(t.zone, unixSec);
  const local = unixSec + offset;
  const days = floorDiv(local, 86400);
  const secOfDay = local - days * 86400;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor((secOfDay % 3600) / 60),
    second: secOfDay % 60,
    nanosecond,
    weekday: (((days + 4) % 7) + 7) % 7,
    yearDay: days - daysFromCivil(year, 1, 1) + 1,
    offset,
  };
}

/**
 * Go's `time.Date` for in-range fields: the instant whose wall clock in `zone` reads the given
 * fields. In a gap or overlap of a daylight-saving change the offset in force just before the
 * change is preferred, as Go does.
 */
export function dateInZone(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  nanosecond: number,
  zone: TimeZone,
): OttlTime {
  const wall = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  let offset = zoneOffset(zone, wall);
  if (offset !== 0) {
    const corrected = zoneOffset(zone, wall - offset);
    if (corrected !== offset) offset = corrected;
  }
  return new OttlTime(BigInt(wall - offset) * NANOS_PER_SECOND + BigInt(nanosecond), zone);
}

/** `a / b` rounded toward negative infinity (Go's `Unix()`, `UnixMilli()`… for times before 1970). */
export function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b < 0n ? q - 1n : q;
}

/**
 * `nanos / unit` as a float64 the way Go's `Duration.Hours()`/`Minutes()`/`Seconds()` compute it:
 * whole units plus the remainder's fraction, which keeps the result exact for whole units.
 */
export function fractional(nanos: bigint, unit: bigint): number {
  return Number(nanos / unit) + Number(nanos % unit) / Number(unit);
}

/** Go's `Time.Truncate`: rounds down to a multiple of `d` since the zero time; `d <= 0` → `t`. */
export function truncateTime(t: OttlTime, d: bigint): OttlTime {
  if (d <= 0n) return t;
  const sinceZero = t.epochNanos + ZERO_TO_UNIX_SECONDS * NANOS_PER_SECOND;
  let r = sinceZero % d;
  if (r < 0n) r += d;
  return new OttlTime(t.epochNanos - r, t.zone);
}

// ---------------------------------------------------------------------------------------------
// Layout chunks (Go's reference time "Mon Jan 2 15:04:05 MST 2006")

const enum Std {
  None,
  LongMonth, // January
  Month, // Jan
  NumMonth, // 1
  ZeroMonth, // 01
  LongWeekDay, // Monday
  WeekDay, // Mon
  Day, // 2
  UnderDay, // _2
  ZeroDay, // 02
  UnderYearDay, // __2
  ZeroYearDay, // 002
  Hour, // 15
  Hour12, // 3
  ZeroHour12, // 03
  Minute, // 4
  ZeroMinute, // 04
  Second, // 5
  ZeroSecond, // 05
  LongYear, // 2006
  Year, // 06
  PM, // PM
  Pm, // pm
  TZ, // MST
  ISO8601TZ, // Z0700
  ISO8601SecondsTZ, // Z070000
  ISO8601ShortTZ, // Z07
  ISO8601ColonTZ, // Z07:00
  ISO8601ColonSecondsTZ, // Z07:00:00
  NumTZ, // -0700
  NumSecondsTz, // -070000
  NumShortTZ, // -07
  NumColonTZ, // -07:00
  NumColonSecondsTZ, // -07:00:00
  FracSecond0, // .0, .00, … (exactly that many digits)
  FracSecond9, // .9, .99, … (trailing zeros dropped)
}

interface Chunk {
  readonly prefix: string;
  readonly std: Std;
  /** The layout text of the element (`2006`, `.999`). */
  readonly text: string;
  readonly suffix: string;
  /** Fractional seconds: digit count and separator. */
  readonly digits?: number;
  readonly separator?: string;
}

const ZERO_X: readonly Std[] = [Std.ZeroMonth, Std.ZeroDay, Std.ZeroHour12, Std.ZeroMinute, Std.ZeroSecond, Std.Year];

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function startsWithLowerCase(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 97 && c <= 122;
}

/** Splits `layout` at its first element (Go's `nextStdChunk`). */
function nextChunk(layout: string): Chunk {
  const at = (i: number, std: Std, len: number, prefixEnd = i): Chunk => ({
    prefix: layout.slice(0, prefixEnd),
    std,
    text: layout.slice(prefixEnd, i + len),
    suffix: layout.slice(i + len),
  });
  for (let i = 0; i < layout.length; i++) {
    const rest = layout.slice(i);
    switch (layout[i]) {
      case 'J':
        if (rest.startsWith('Jan')) {
          if (rest.startsWith('January')) return at(i, Std.LongMonth, 7);
          if (!startsWithLowerCase(rest.slice(3))) return at(i, Std.Month, 3);
        }
        break;
      case 'M':
        if (rest.startsWith('Mon')) {
          if (rest.startsWith('Monday')) return at(i, Std.LongWeekDay, 6);
          if (!startsWithLowerCase(rest.slice(3))) return at(i, Std.WeekDay, 3);
        }
        if (rest.startsWith('MST')) return at(i, Std.TZ, 3);
        break;
      case '0':
        if (rest.length >= 2 && rest[1]! >= '1' && rest[1]! <= '6') {
          return at(i, ZERO_X[rest.charCodeAt(1) - 49]!, 2);
        }
        if (rest.startsWith('002')) return at(i, Std.ZeroYearDay, 3);
        break;
      case '1':
        if (rest.startsWith('15')) return at(i, Std.Hour, 2);
        return at(i, Std.NumMonth, 1);
      case '2':
        if (rest.startsWith('2006')) return at(i, Std.LongYear, 4);
        return at(i, Std.Day, 1);
      case '_':
        if (rest.startsWith('_2')) {
          // `_2006` is a literal underscore followed by the year.
          if (rest.startsWith('_2006')) return at(i + 1, Std.LongYear, 4, i + 1);
          return at(i, Std.UnderDay, 2);
        }
        if (rest.startsWith('__2')) return at(i, Std.UnderYearDay, 3);
        break;
      case '3':
        return at(i, Std.Hour12, 1);
      case '4':
        return at(i, Std.Minute, 1);
      case '5':
        return at(i, Std.Second, 1);
      case 'P':
        if (rest.startsWith('PM')) return at(i, Std.PM, 2);
        break;
      case 'p':
        if (rest.startsWith('pm')) return at(i, Std.Pm, 2);
        break;
      case '-':
        if (rest.startsWith('-070000')) return at(i, Std.NumSecondsTz, 7);
        if (rest.startsWith('-07:00:00')) return at(i, Std.NumColonSecondsTZ, 9);
        if (rest.startsWith('-0700')) return at(i, Std.NumTZ, 5);
        if (rest.startsWith('-07:00')) return at(i, Std.NumColonTZ, 6);
        if (rest.startsWith('-07')) return at(i, Std.NumShortTZ, 3);
        break;
      case 'Z':
        if (rest.startsWith('Z070000')) return at(i, Std.ISO8601SecondsTZ, 7);
        if (rest.startsWith('Z07:00:00')) return at(i, Std.ISO8601ColonSecondsTZ, 9);
        if (rest.startsWith('Z0700')) return at(i, Std.ISO8601TZ, 5);
        if (rest.startsWith('Z07:00')) return at(i, Std.ISO8601ColonTZ, 6);
        if (rest.startsWith('Z07')) return at(i, Std.ISO8601ShortTZ, 3);
        break;
      case '.':
      case ',': {
        const ch = rest[1];
        if (ch === '0' || ch === '9') {
          let j = 1;
          while (j < rest.length && rest[j] === ch) j++;
          // Only a run of digits that ends here is a fractional second.
          if (!isDigitAt(rest, j)) {
            return {
              ...at(i, ch === '0' ? Std.FracSecond0 : Std.FracSecond9, j),
              digits: j - 1,
              separator: layout[i]!,
            };
          }
        }
        break;
      }
    }
  }
  return { prefix: layout, std: Std.None, text: '', suffix: '' };
}

/** Every element of a layout in order, with the literal text before each. */
function chunks(layout: string): Chunk[] {
  const out: Chunk[] = [];
  for (let rest = layout; ; ) {
    const c = nextChunk(rest);
    out.push(c);
    if (c.std === Std.None) return out;
    rest = c.suffix;
  }
}

// ---------------------------------------------------------------------------------------------
// Names

const LONG_MONTH_NAMES: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const SHORT_MONTH_NAMES: readonly string[] = LONG_MONTH_NAMES.map((m) => m.slice(0, 3));
const LONG_DAY_NAMES: readonly string[] = [
  'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
];
const SHORT_DAY_NAMES: readonly string[] = LONG_DAY_NAMES.map((d) => d.slice(0, 3));

/**
 * Localized names a parse accepts besides Go's English ones: each table lists, per month (0–11)
 * or weekday (0 = Sunday), the spellings to accept; `am`/`pm` list the day-period spellings.
 */
export interface LocalizedNames {
  readonly longMonths: readonly (readonly string[])[];
  readonly shortMonths: readonly (readonly string[])[];
  readonly longDays: readonly (readonly string[])[];
  readonly shortDays: readonly (readonly string[])[];
  readonly am: readonly string[];
  readonly pm: readonly string[];
}

/** Go's `lookup`: the first English name that prefixes `value`, ignoring ASCII case. */
function lookupEnglish(table: readonly string[], value: string): [number, string] | undefined {
  for (let i = 0; i < table.length; i++) {
    const name = table[i]!;
    if (value.length >= name.length && value.slice(0, name.length).toLowerCase() === name.toLowerCase()) {
      return [i, value.slice(name.length)];
    }
  }
  return undefined;
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\u00a0' || ch === '\u202f' || ch === '\t';
}

/**
 * How many characters of `value` spell `name`, ignoring case; spaces in `name` (CLDR writes
 * `p. m.` with narrow spaces) may be absent or any kind of space in `value`. 0 = no match.
 */
function matchLocalized(name: string, value: string): number {
  let i = 0;
  let j = 0;
  while (j < name.length) {
    const n = name[j]!;
    if (isSpace(n)) {
      if (i < value.length && isSpace(value[i]!)) i++;
      j++;
      continue;
    }
    if (i >= value.length || value[i]!.toLocaleLowerCase() !== n.toLocaleLowerCase()) return 0;
    i++;
    j++;
  }
  return i;
}

/** The longest localized spelling that prefixes `value`, then Go's English lookup. */
function lookupName(
  english: readonly string[],
  localized: readonly (readonly string[])[] | undefined,
  value: string,
): [number, string] | undefined {
  if (localized !== undefined) {
    let best: [number, number] | undefined;
    localized.forEach((names, index) => {
      for (const name of names) {
        const n = matchLocalized(name, value);
        if (n > 0 && (best === undefined || n > best[1])) best = [index, n];
      }
    });
    if (best !== undefined) return [best[0], value.slice(best[1])];
  }
  return lookupEnglish(english, value);
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Go's `time.ParseError`. `layout` and `layoutElem` may be rewritten for the caller's syntax. */
export class GoTimeParseError extends Error {
  constructor(
    readonly layout: string,
    readonly value: string,
    readonly layoutElem: string,
    readonly valueElem: string,
    /** Go's `Message` (`: extra text: "x"`, `: month out of range`); empty for a mismatch. */
    readonly detail: string,
  ) {
    super(GoTimeParseError.text(layout, value, layoutElem, valueElem, detail));
  }

  /** Go's `ParseError.Error()` for the given fields. */
  static text(layout: string, value: string, layoutElem: string, valueElem: string, detail: string): string {
    if (detail !== '') return `parsing time ${goQuote(value)}${detail}`;
    return (
      `parsing time ${goQuote(value)} as ${goQuote(layout)}: cannot parse ` +
      `${goQuote(valueElem)} as ${goQuote(layoutElem)}`
    );
  }
}

/** Go's `strconv.Quote` for the printable text these messages carry. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

class Bad extends Error {}
const BAD = new Bad();

/** Go's `atoi`: optional sign then only digits. */
function atoi(s: string): number {
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '' || !/^[0-9]+$/.test(s)) throw BAD;
  const x = Number(s);
  return neg ? -x : x;
}

/** Go's `getnum`: one or two digits (exactly two when `fixed`). */
function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigitAt(s, 0)) throw BAD;
  if (!isDigitAt(s, 1)) {
    if (fixed) throw BAD;
    return [s.charCodeAt(0) - 48, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), s.slice(2)];
}

/** Go's `getnum3`: one to three digits (exactly three when `fixed`). */
function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigitAt(s, i); i++) n = n * 10 + (s.charCodeAt(i) - 48);
  if (i === 0 || (fixed && i !== 3)) throw BAD;
  return [n, s.slice(i)];
}

/** Go's `skip`: matches the layout's literal text; a space matches any run of spaces. */
function skip(value: string, prefix: string): string {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') throw BAD;
      prefix = prefix.replace(/^ +/, '');
      value = value.replace(/^ +/, '');
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) throw BAD;
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}

function commaOrPeriod(ch: string | undefined): boolean {
  return ch === '.' || ch === ',';
}

/** Go's `parseNanoseconds` over `value[0:nbytes]` (separator then digits). */
function parseNanoseconds(value: string, nbytes: number): [nanos: number, rangeErr: string] {
  if (!commaOrPeriod(value[0])) throw BAD;
  if (nbytes > 10) nbytes = 10;
  let ns = atoi(value.slice(1, nbytes));
  if (ns < 0) return [0, 'fractional second'];
  for (let i = 0; i < 10 - nbytes; i++) ns *= 10;
  return [ns, ''];
}

/** Go's `leadingInt` for small numbers: the digits at the start and the rest. */
function leadingDigits(s: string): [number, string] | undefined {
  const m = /^[0-9]+/.exec(s);
  if (m === null) return undefined;
  return [Number(m[0]), s.slice(m[0].length)];
}

function parseSignedOffset(value: string): number {
  const sign = value[0];
  if (sign !== '-' && sign !== '+') return 0;
  const lead = leadingDigits(value.slice(1));
  if (lead === undefined || lead[0] > 23) return 0;
  return value.length - lead[1].length;
}

/** Go's `parseTimeZone`: the length of a zone abbreviation at the start of `value`, or 0. */
function parseTimeZone(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return 3 + (value.length > 3 ? parseSignedOffset(value.slice(3)) : 0);
  if (value[0] === '+' || value[0] === '-') return parseSignedOffset(value);
  let nUpper = 0;
  for (; nUpper < 6 && nUpper < value.length; nUpper++) {
    const c = value.charCodeAt(nUpper);
    if (c < 65 || c > 90) break;
  }
  switch (nUpper) {
    case 3:
      return 3;
    case 4:
      return value[3] === 'T' || value.startsWith('WITA') ? 4 : 0;
    case 5:
      return value[4] === 'T' ? 5 : 0;
    default:
      return 0;
  }
}

/**
 * Go's `time.ParseInLocation(layout, value, zone)`: a zone in the value (offset or abbreviation)
 * wins; an abbreviation `zone` uses is given its offset there; an unknown abbreviation gets offset
 * 0 (`GMT+3` its hours). `names` adds localized month/day/period spellings. Throws
 * {@link GoTimeParseError}.
 */
export function parseGoTime(layout: string, value: string, zone: TimeZone, names?: LocalizedNames): OttlTime {
  const alayout = layout;
  const avalue = value;
  let amSet = false;
  let pmSet = false;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let fixed: TimeZone | undefined;
  let parsedOffset = -1;
  let zoneName = '';

  for (;;) {
    const chunk = nextChunk(layout);
    try {
      value = skip(value, chunk.prefix);
    } catch {
      throw new GoTimeParseError(alayout, avalue, chunk.prefix, value, '');
    }
    if (chunk.std === Std.None) {
      if (value.length !== 0) {
        throw new GoTimeParseError(alayout, avalue, '', value, `: extra text: ${goQuote(value)}`);
      }
      break;
    }
    layout = chunk.suffix;
    const hold = value;
    let rangeErr = '';
    try {
      switch (chunk.std) {
        case Std.Year: {
          if (value.length < 2) throw BAD;
          year = atoi(value.slice(0, 2));
          value = value.slice(2);
          year += year >= 69 ? 1900 : 2000;
          break;
        }
        case Std.LongYear:
          if (value.length < 4 || !isDigitAt(value, 0)) throw BAD;
          year = atoi(value.slice(0, 4));
          value = value.slice(4);
          break;
        case Std.Month:
        case Std.LongMonth: {
          const long = chunk.std === Std.LongMonth;
          const r = lookupName(
            long ? LONG_MONTH_NAMES : SHORT_MONTH_NAMES,
            long ? names?.longMonths : names?.shortMonths,
            value,
          );
          if (r === undefined) throw BAD;
          month = r[0] + 1;
          value = r[1];
          break;
        }
        case Std.NumMonth:
        case Std.ZeroMonth:
          [month, value] = getnum(value, chunk.std === Std.ZeroMonth);
          if (month <= 0 || month > 12) rangeErr = 'month';
          break;
        case Std.WeekDay:
        case Std.LongWeekDay: {
          // The weekday is only checked for syntax, as in Go.
          const long = chunk.std === Std.LongWeekDay;
          const r = lookupName(
            long ? LONG_DAY_NAMES : SHORT_DAY_NAMES,
            long ? names?.longDays : names?.shortDays,
            value,
          );
          if (r === undefined) throw BAD;
          value = r[1];
          break;
        }
        case Std.Day:
        case Std.UnderDay:
        case Std.ZeroDay:
          if (chunk.std === Std.UnderDay && value[0] === ' ') value = value.slice(1);
          [day, value] = getnum(value, chunk.std === Std.ZeroDay);
          break;
        case Std.UnderYearDay:
        case Std.ZeroYearDay:
          for (let i = 0; i < 2; i++) {
            if (chunk.std === Std.UnderYearDay && value[0] === ' ') value = value.slice(1);
          }
          [yday, value] = getnum3(value, chunk.std === Std.ZeroYearDay);
          break;
        case Std.Hour:
          [hour, value] = getnum(value, false);
          if (hour < 0 || hour >= 24) rangeErr = 'hour';
          break;
        case Std.Hour12:
        case Std.ZeroHour12:
          [hour, value] = getnum(value, chunk.std === Std.ZeroHour12);
          if (hour < 0 || hour > 12) rangeErr = 'hour';
          break;
        case Std.Minute:
        case Std.ZeroMinute:
          [min, value] = getnum(value, chunk.std === Std.ZeroMinute);
          if (min < 0 || min >= 60) rangeErr = 'minute';
          break;
        case Std.Second:
        case Std.ZeroSecond: {
          [sec, value] = getnum(value, chunk.std === Std.ZeroSecond);
          if (sec < 0 || sec >= 60) {
            rangeErr = 'second';
            break;
          }
          // A fractional second in the value but not in the layout is consumed here.
          if (value.length >= 2 && commaOrPeriod(value[0]) && isDigitAt(value, 1)) {
            const next = nextChunk(layout).std;
            if (next === Std.FracSecond0 || next === Std.FracSecond9) break;
            let n = 2;
            while (n < value.length && isDigitAt(value, n)) n++;
            [nsec, rangeErr] = parseNanoseconds(value, n);
            value = value.slice(n);
          }
          break;
        }
        case Std.PM:
        case Std.Pm: {
          const periods = names === undefined ? undefined : [names.am, names.pm];
          const localized = periods === undefined ? undefined : lookupName([], periods, value);
          if (localized !== undefined) {
            if (localized[0] === 1) pmSet = true;
            else amSet = true;
            value = localized[1];
            break;
          }
          if (value.length < 2) throw BAD;
          const p = value.slice(0, 2);
          value = value.slice(2);
          const [am, pm] = chunk.std === Std.PM ? ['AM', 'PM'] : ['am', 'pm'];
          if (p === pm) pmSet = true;
          else if (p === am) amSet = true;
          else throw BAD;
          break;
        }
        case Std.ISO8601TZ:
        case Std.ISO8601ShortTZ:
        case Std.ISO8601ColonTZ:
        case Std.ISO8601SecondsTZ:
        case Std.ISO8601ColonSecondsTZ:
        case Std.NumTZ:
        case Std.NumShortTZ:
        case Std.NumColonTZ:
        case Std.NumSecondsTz:
        case Std.NumColonSecondsTZ: {
          const iso =
            chunk.std === Std.ISO8601TZ ||
            chunk.std === Std.ISO8601ShortTZ ||
            chunk.std === Std.ISO8601ColonTZ ||
            chunk.std === Std.ISO8601SecondsTZ ||
            chunk.std === Std.ISO8601ColonSecondsTZ;
          if (iso && value[0] === 'Z') {
            value = value.slice(1);
            fixed = 'UTC';
            break;
          }
          let sign: string;
          let hh: string;
          let mm = '00';
          let ss = '00';
          if (chunk.std === Std.ISO8601ColonTZ || chunk.std === Std.NumColonTZ) {
            if (value.length < 6 || value[3] !== ':') throw BAD;
            [sign, hh, mm, value] = [value[0]!, value.slice(1, 3), value.slice(4, 6), value.slice(6)];
          } else if (chunk.std === Std.NumShortTZ || chunk.std === Std.ISO8601ShortTZ) {
            if (value.length < 3) throw BAD;
            [sign, hh, value] = [value[0]!, value.slice(1, 3), value.slice(3)];
          } else if (chunk.std === Std.ISO8601ColonSecondsTZ || chunk.std === Std.NumColonSecondsTZ) {
            if (value.length < 9 || value[3] !== ':' || value[6] !== ':') throw BAD;
            [sign, hh, mm, ss, value] = [value[0]!, value.slice(1, 3), value.slice(4, 6), value.slice(7, 9), value.slice(9)];
          } else if (chunk.std === Std.ISO8601SecondsTZ || chunk.std === Std.NumSecondsTz) {
            if (value.length < 7) throw BAD;
            [sign, hh, mm, ss, value] = [value[0]!, value.slice(1, 3), value.slice(3, 5), value.slice(5, 7), value.slice(7)];
          } else {
            if (value.length < 5) throw BAD;
            [sign, hh, mm, value] = [value[0]!, value.slice(1, 3), value.slice(3, 5), value.slice(5)];
          }
          const hr = getnum(hh, true)[0];
          const mi = getnum(mm, true)[0];
          const se = getnum(ss, true)[0];
          // `>` rather than `>=`: offsets of 24 hours or 60 minutes are written in the wild.
          if (hr > 24) rangeErr = 'time zone offset hour';
          if (mi > 60) rangeErr = 'time zone offset minute';
          if (se > 60) rangeErr = 'time zone offset second';
          parsedOffset = (hr * 60 + mi) * 60 + se;
          if (sign === '-') parsedOffset = -parsedOffset;
          else if (sign !== '+') throw BAD;
          break;
        }
        case Std.TZ: {
          if (value.startsWith('UTC')) {
            fixed = 'UTC';
            value = value.slice(3);
            break;
          }
          const n = parseTimeZone(value);
          if (n === 0) throw BAD;
          zoneName = value.slice(0, n);
          value = value.slice(n);
          break;
        }
        case Std.FracSecond0: {
          const ndigit = 1 + chunk.digits!;
          if (value.length < ndigit) throw BAD;
          [nsec, rangeErr] = parseNanoseconds(value, ndigit);
          value = value.slice(ndigit);
          break;
        }
        case Std.FracSecond9: {
          if (value.length < 2 || !commaOrPeriod(value[0]) || !isDigitAt(value, 1)) break;
          let i = 0;
          while (i + 1 < value.length && isDigitAt(value, i + 1)) i++;
          [nsec, rangeErr] = parseNanoseconds(value, 1 + i);
          value = value.slice(1 + i);
          break;
        }
      }
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      throw new GoTimeParseError(alayout, avalue, chunk.text, hold, '');
    }
    if (rangeErr !== '') {
      throw new GoTimeParseError(alayout, avalue, chunk.text, value, `: ${rangeErr} out of range`);
    }
  }

  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let m = 0;
    let d = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) {
        yday--;
      }
    }
    if (yday < 1 || yday > 365) {
      throw new GoTimeParseError(alayout, avalue, '', value, ': day-of-year out of range');
    }
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if (DAYS_BEFORE_MONTH[m]! < yday) m++;
      d = yday - DAYS_BEFORE_MONTH[m - 1]!;
    }
    if (month >= 0 && month !== m) {
      throw new GoTimeParseError(alayout, avalue, '', value, ': day-of-year does not match month');
    }
    month = m;
    if (day >= 0 && day !== d) {
      throw new GoTimeParseError(alayout, avalue, '', value, ': day-of-year does not match day');
    }
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }

  if (day < 1 || day > daysIn(month, year)) {
    throw new GoTimeParseError(alayout, avalue, '', value, ': day out of range');
  }

  if (fixed !== undefined) return dateInZone(year, month, day, hour, min, sec, nsec, fixed);

  if (parsedOffset !== -1) {
    const utc = dateInZone(year, month, day, hour, min, sec, nsec, 'UTC');
    const t = utc.epochNanos - BigInt(parsedOffset) * NANOS_PER_SECOND;
    // The location itself when it had that offset (and abbreviation) then; else a fixed zone.
    const inZone = zoneAt(zone, splitNanos(t)[0]);
    if (inZone.offset === parsedOffset && (zoneName === '' || inZone.abbr === zoneName)) {
      return new OttlTime(t, zone);
    }
    return new OttlTime(t, { offsetSeconds: parsedOffset, name: zoneName });
  }

  if (zoneName !== '') {
    const utc = dateInZone(year, month, day, hour, min, sec, nsec, 'UTC');
    const unixSec = splitNanos(utc.epochNanos)[0];
    const offset = lookupAbbreviation(zone, zoneName, unixSec);
    if (offset !== undefined) {
      return new OttlTime(utc.epochNanos - BigInt(offset) * NANOS_PER_SECOND, zone);
    }
    // An unknown abbreviation gets offset 0, except `GMT+h`.
    const gmtHours = zoneName.length > 3 && zoneName.startsWith('GMT') ? Number(zoneName.slice(3)) : 0;
    const fakeOffset = gmtHours * 3600;
    return new OttlTime(utc.epochNanos - BigInt(fakeOffset) * NANOS_PER_SECOND, {
      offsetSeconds: fakeOffset,
      name: zoneName,
    });
  }

  return dateInZone(year, month, day, hour, min, sec, nsec, zone);
}

// ---------------------------------------------------------------------------------------------
// Formatting

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? '-' + s : s;
}

/** Go's `Time.Format(layout)` in the time's own zone (English names). */
export function formatGoTime(t: OttlTime, layout: string): string {
  const c = civil(t);
  let out = '';
  for (const chunk of chunks(layout)) {
    out += chunk.prefix;
    switch (chunk.std) {
      case Std.None:
        break;
      case Std.Year:
        out += pad(Math.abs(c.year) % 100, 2);
        break;
      case Std.LongYear:
        out += pad(c.year, 4);
        break;
      case Std.Month:
        out += SHORT_MONTH_NAMES[c.month - 1];
        break;
      case Std.LongMonth:
        out += LONG_MONTH_NAMES[c.month - 1];
        break;
      case Std.NumMonth:
        out += String(c.month);
        break;
      case Std.ZeroMonth:
        out += pad(c.month, 2);
        break;
      case Std.WeekDay:
        out += SHORT_DAY_NAMES[c.weekday];
        break;
      case Std.LongWeekDay:
        out += LONG_DAY_NAMES[c.weekday];
        break;
      case Std.Day:
        out += String(c.day);
        break;
      case Std.UnderDay:
        out += (c.day < 10 ? ' ' : '') + String(c.day);
        break;
      case Std.ZeroDay:
        out += pad(c.day, 2);
        break;
      case Std.UnderYearDay:
        out += String(c.yearDay).padStart(3, ' ');
        break;
      case Std.ZeroYearDay:
        out += pad(c.yearDay, 3);
        break;
      case Std.Hour:
        out += pad(c.hour, 2);
        break;
      case Std.Hour12:
        out += String(c.hour % 12 === 0 ? 12 : c.hour % 12);
        break;
      case Std.ZeroHour12:
        out += pad(c.hour % 12 === 0 ? 12 : c.hour % 12, 2);
        break;
      case Std.Minute:
        out += String(c.minute);
        break;
      case Std.ZeroMinute:
        out += pad(c.minute, 2);
        break;
      case Std.Second:
        out += String(c.second);
        break;
      case Std.ZeroSecond:
        out += pad(c.second, 2);
        break;
      case Std.PM:
        out += c.hour >= 12 ? 'PM' : 'AM';
        break;
      case Std.Pm:
        out += c.hour >= 12 ? 'pm' : 'am';
        break;
      case Std.TZ: {
        const abbr = zoneAt(t.zone, splitNanos(t.epochNanos)[0]).abbr;
        out += abbr !== '' ? abbr : formatOffset(c.offset, Std.NumTZ);
        break;
      }
      case Std.FracSecond0:
      case Std.FracSecond9:
        out += formatFraction(c.nanosecond, chunk);
        break;
      default:
        out += formatOffset(c.offset, chunk.std);
    }
  }
  return out;
}

function formatOffset(offset: number, std: Std): string {
  const iso =
    std === Std.ISO8601TZ ||
    std === Std.ISO8601ColonTZ ||
    std === Std.ISO8601SecondsTZ ||
    std === Std.ISO8601ShortTZ ||
    std === Std.ISO8601ColonSecondsTZ;
  if (offset === 0 && iso) return 'Z';
  const colon =
    std === Std.ISO8601ColonTZ ||
    std === Std.NumColonTZ ||
    std === Std.ISO8601ColonSecondsTZ ||
    std === Std.NumColonSecondsTZ;
  const short = std === Std.NumShortTZ || std === Std.ISO8601ShortTZ;
  const seconds =
    std === Std.ISO8601SecondsTZ ||
    std === Std.NumSecondsTz ||
    std === Std.NumColonSecondsTZ ||
    std === Std.ISO8601ColonSecondsTZ;
  const abs = Math.abs(offset);
  const minutes = Math.trunc(abs / 60);
  let s = (offset < 0 ? '-' : '+') + pad(Math.trunc(minutes / 60), 2);
  if (colon) s += ':';
  if (!short) s += pad(minutes % 60, 2);
  if (seconds) s += (colon ? ':' : '') + pad(abs % 60, 2);
  return s;
}

function formatFraction(nanos: number, chunk: Chunk): string {
  const trim = chunk.std === Std.FracSecond9;
  const n = chunk.digits!;
  if (trim && (n === 0 || nanos === 0)) return '';
  let digits = pad(nanos, 9);
  if (n < 9) digits = digits.slice(0, n);
  let s = chunk.separator! + digits;
  if (trim) {
    s = s.replace(/0+$/, '');
    if (s === chunk.separator) return '';
  }
  return s;
}
