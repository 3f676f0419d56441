/**
 * `Time(time, format, location?, locale?)` (upstream `ottlfuncs/func_time.go`): parses a string
 * with a strptime-like format (reference §7.5) into a time.
 *
 * Zone rules (upstream `timeutils`): a zone in the text (`%z`, `%Z`…) wins; otherwise `location`
 * (an IANA name); without one, UTC when the format ends with `Z`, else the host's local zone. A
 * `%Z` abbreviation the location does not use, read as offset 0, is looked up as a zone name
 * (`MST`, `HST`, `EST`…). A parsed year of 0 (no year in the format) becomes the current year, or
 * the previous one when that would put the time more than a week in the future.
 */
import {
  GoTimeParseError,
  UnknownTimeZoneError,
  civil,
  dateInZone,
  loadLocation,
  localZone,
  parseGoTime,
  zoneAt,
  type LocalizedNames,
} from '../internal/goTime.js';
import { directivesByLayoutElement, localizedNames, strptimeToGoLayout } from '../internal/strptime.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlCreateError, OttlError, OttlTime, type TimeZone } from '../../types/values.js';

const NANOS_PER_SECOND = 1_000_000_000n;
const WEEK_NANOS = 7n * 86_400n * NANOS_PER_SECOND;

function locationError(name: string): string {
  return `failed to load location ${name}: unknown time zone ${name}`;
}

/** Upstream `GetLocation`: the zone a zoneless text is read in. */
function defaultZone(location: string | undefined, format: string): TimeZone {
  if (location !== undefined && location !== '') {
    try {
      return loadLocation(location);
    } catch (e) {
      if (e instanceof UnknownTimeZoneError) throw new OttlCreateError(locationError(location));
      throw e;
    }
  }
  return format.endsWith('Z') ? 'UTC' : localZone();
}

/**
 * Upstream `parseGotime`: a result shown with offset 0 under an abbreviation other than `UTC`
 * came from an abbreviation the zone does not use; reparse with that abbreviation as the zone.
 */
function parseWithZoneFix(layout: string, text: string, zone: TimeZone, names: LocalizedNames | undefined): OttlTime {
  const result = parseGoTime(layout, text, zone, names);
  const { offset, abbr } = zoneAt(result.zone, Number(result.epochNanos / NANOS_PER_SECOND));
  if (offset !== 0 || abbr === 'UTC') return result;
  let named: TimeZone;
  try {
    named = loadLocation(abbr);
  } catch (e) {
    if (e instanceof UnknownTimeZoneError) throw new OttlError(locationError(abbr));
    throw e;
  }
  try {
    return parseGoTime(layout, text, named, names);
  } catch {
    return result;
  }
}

/** Upstream `SetTimestampYear`: formats without a year get the current (or last) year. */
function withCurrentYear(t: OttlTime): OttlTime {
  const c = civil(t);
  if (c.year > 0) return t;
  const now = BigInt(Date.now()) * 1_000_000n;
  const year = civil(new OttlTime(now, localZone())).year;
  const at = (y: number): OttlTime =>
    dateInZone(y, c.month, c.day, c.hour, c.minute, c.second, c.nanosecond, t.zone);
  const d = at(year);
  return d.epochNanos > now + WEEK_NANOS ? at(year - 1) : d;
}

export const definition: FunctionDef = {
  name: 'Time',
  params: [
    { name: 'time', kind: { kind: 'getter', type: 'string' }, description: 'The text of the time.' },
    { name: 'format', kind: { kind: 'literal', type: 'string' }, description: 'A strptime-like format (`%Y-%m-%d`).' },
    {
      name: 'location',
      kind: { kind: 'literal', type: 'string' },
      optional: true,
      default: 'the host zone (UTC when the format ends with `Z`)',
      description: 'IANA zone for texts without a zone.',
    },
    {
      name: 'locale',
      kind: { kind: 'literal', type: 'string' },
      optional: true,
      default: 'English',
      description: 'BCP 47 language of month, weekday and day-period names.',
    },
  ],
  returns: 'time',
  doc: {
    category: 'time',
    summary: 'Parses a string into a time using a strptime-like format.',
    description:
      'Directives: `%Y` `%y` `%m` `%o` `%q` `%b` `%h` `%B` `%d` `%e` `%g` `%a` `%A` `%H` `%I` `%l` ' +
      '`%p` `%P` `%M` `%S` `%L` `%f` `%s` `%z` `%Z` `%i` `%j` `%k` `%w` `%D` `%x` `%F` `%T` `%X` ' +
      '`%r` `%R` `%n` `%t` `%%` `%c`; they are translated to a Go layout and parsed with Go\'s rules ' +
      '(fractional seconds after `%S` are accepted even when the format has none). A zone in the ' +
      'text wins; otherwise `location` applies; without it, UTC when the format ends with `Z` and ' +
      'the host\'s local zone otherwise (pass `"UTC"` for reproducible results). `locale` accepts ' +
      'localized month, weekday and AM/PM names (CLDR data of the JavaScript engine).',
    returns: 'time',
    failures: [
      'Empty `format` (`format cannot be nil`), an unsupported directive, an unknown `location` ' +
        '(`failed to load location …`) or an unsupported `locale` fail when the statement is parsed.',
      'Empty `time` text: `time cannot be nil`.',
      'Text that does not match: `parsing time "…" as "…": cannot parse "…" as "%Y"`.',
    ],
    examples: [
      {
        code: 'Time("2023-05-26 12:34:56", "%Y-%m-%d %H:%M:%S", "America/New_York")',
        result: { $time: '2023-05-26T12:34:56-04:00' },
      },
      { code: 'Time("2023-05-26 12:34:56 HST", "%Y-%m-%d %H:%M:%S %Z")', result: { $time: '2023-05-26T12:34:56-10:00' } },
      {
        code: 'Time("Febrero 25 lunes, 2002, 02:03:04 p.m.", "%B %d %A, %Y, %r", "UTC", "es-ES")',
        result: { $time: '2002-02-25T14:03:04Z' },
      },
      { code: 'Time("", "%Y")', error: 'time cannot be nil' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const format = args[1] as string;
    const location = args[2] as string | undefined;
    const locale = args[3] as string | undefined;
    if (format === '') throw new OttlCreateError('format cannot be nil');
    let layout: string;
    let names: LocalizedNames | undefined;
    try {
      layout = strptimeToGoLayout(format);
      names = locale === undefined ? undefined : localizedNames(locale);
    } catch (e) {
      // Unsupported directives and locales are configuration errors.
      throw new OttlCreateError((e as Error).message);
    }
    const zone = defaultZone(location, format);
    const directives = directivesByLayoutElement(format);
    return (ctx) => {
      const text = target.get(ctx);
      if (text === '') throw new OttlError('time cannot be nil');
      try {
        return withCurrentYear(parseWithZoneFix(layout, text, zone, names));
      } catch (e) {
        if (!(e instanceof GoTimeParseError)) throw e;
        const elem = directives.get(e.layoutElem) ?? e.layoutElem;
        throw new OttlError(GoTimeParseError.text(format, e.value, elem, e.valueElem, e.detail));
      }
    };
  },
};
