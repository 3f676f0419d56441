/**
 * The strptime-like directives of `Time` and `FormatTime` (reference §7.5), translated to Go
 * reference layouts as upstream's ctimefmt does, plus the localized names `Time(..., locale)`
 * accepts. Browser-safe (names come from `Intl`).
 */
import type { LocalizedNames } from './goTime.js';

/** Directive → Go layout element (upstream's table; `%s` is eight digits there too). */
const DIRECTIVES: ReadonlyMap<string, string> = new Map([
  ['%Y', '2006'],
  ['%y', '06'],
  ['%m', '01'],
  ['%o', '_1'],
  ['%q', '1'],
  ['%b', 'Jan'],
  ['%h', 'Jan'],
  ['%B', 'January'],
  ['%d', '02'],
  ['%e', '_2'],
  ['%g', '2'],
  ['%a', 'Mon'],
  ['%A', 'Monday'],
  ['%H', '15'],
  ['%l', '3'],
  ['%I', '03'],
  ['%p', 'PM'],
  ['%P', 'pm'],
  ['%M', '04'],
  ['%S', '05'],
  ['%L', '999'],
  ['%f', '999999'],
  ['%s', '99999999'],
  ['%Z', 'MST'],
  ['%z', 'Z0700'],
  ['%w', '-070000'],
  ['%i', '-07'],
  ['%j', '-07:00'],
  ['%k', '-07:00:00'],
  ['%D', '01/02/2006'],
  ['%x', '01/02/2006'],
  ['%F', '2006-01-02'],
  ['%T', '15:04:05'],
  ['%X', '15:04:05'],
  ['%r', '03:04:05 pm'],
  ['%R', '15:04'],
  ['%n', '\n'],
  ['%t', '\t'],
  ['%%', '%'],
  ['%c', 'Mon Jan 02 15:04:05 2006'],
]);

/** A `%` and the character after it (not a newline, as Go's `.`). */
const DIRECTIVE_RE = /%[^\n]/g;

/**
 * Translates a strptime-like format to a Go layout. Text outside directives is kept as is (so a
 * literal `2006` in the format would be read as a layout element, as upstream). Throws an Error
 * with upstream's message for unsupported directives.
 */
export function strptimeToGoLayout(format: string): string {
  const unsupported: string[] = [];
  const layout = format.replace(DIRECTIVE_RE, (directive) => {
    const native = DIRECTIVES.get(directive);
    if (native === undefined) {
      unsupported.push(`unsupported ctimefmt.ToNative() directive: ${directive}`);
      return '';
    }
    return native;
  });
  if (unsupported.length > 0) throw new Error(`convert to go time format: [${unsupported.join(' ')}]`);
  return layout;
}

/** Go layout element → the directive the format used for it (for error messages). */
export function directivesByLayoutElement(format: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const directive of format.match(DIRECTIVE_RE) ?? []) {
    const native = DIRECTIVES.get(directive);
    if (native !== undefined) out.set(native, directive);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Locales

/** Thrown for a `locale` argument `Time` cannot use; the message is upstream's. */
export class LocaleError extends Error {}

const localeCache = new Map<string, LocalizedNames>();

/** RFC 5646 `langtag` syntax (`-` or `_` separated, case-insensitive), without grandfathered tags. */
const WELL_FORMED_TAG =
  /^(?:[a-z]{2,3}(?:[-_][a-z]{3}){0,3}|[a-z]{4,8})(?:[-_][a-z]{4})?(?:[-_](?:[a-z]{2}|\d{3}))?(?:[-_](?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:[-_][a-wyz\d](?:[-_][a-z\d]{2,8})+)*(?:[-_]x(?:[-_][a-z\d]{1,8})+)?$/i;

/**
 * The month, weekday and day-period names of a BCP 47 locale (CLDR data of the JS engine), in
 * both stand-alone and in-date forms and with and without a trailing period. Throws
 * {@link LocaleError} for an invalid tag or a locale the engine does not support.
 */
export function localizedNames(locale: string): LocalizedNames {
  const cached = localeCache.get(locale);
  if (cached !== undefined) return cached;
  let supported: string[];
  try {
    supported = Intl.DateTimeFormat.supportedLocalesOf([locale]);
  } catch (e) {
    // Intl refuses some well-formed BCP 47 tags (extended language subtags such as `foo-bar`)
    // that upstream's parser accepts and then reports as unsupported.
    if (!WELL_FORMED_TAG.test(locale)) throw new LocaleError(`invalid locale '${locale}': ${(e as Error).message}`);
    supported = [];
  }
  if (supported.length === 0) {
    throw new LocaleError(`unsupported locale '${locale}', value must be a supported BCP 47 language tag`);
  }
  const names: LocalizedNames = {
    longMonths: months(locale, 'long'),
    shortMonths: months(locale, 'short'),
    longDays: weekdays(locale, 'long'),
    shortDays: weekdays(locale, 'short'),
    am: dayPeriod(locale, 1),
    pm: dayPeriod(locale, 13),
  };
  localeCache.set(locale, names);
  return names;
}

function spellings(...forms: (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const form of forms) {
    if (form === undefined || form === '') continue;
    out.add(form);
    if (form.endsWith('.')) out.add(form.slice(0, -1));
  }
  return [...out];
}

function part(
  locale: string,
  options: Intl.DateTimeFormatOptions,
  type: Intl.DateTimeFormatPartTypes,
  when: number,
): string | undefined {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
    .formatToParts(when)
    .find((p) => p.type === type)?.value;
}

function months(locale: string, width: 'long' | 'short'): string[][] {
  return Array.from({ length: 12 }, (_, i) => {
    const when = Date.UTC(2021, i, 15);
    return spellings(
      part(locale, { month: width }, 'month', when),
      part(locale, { month: width, day: 'numeric' }, 'month', when),
    );
  });
}

function weekdays(locale: string, width: 'long' | 'short'): string[][] {
  // 2021-01-03 is a Sunday.
  return Array.from({ length: 7 }, (_, i) => {
    const when = Date.UTC(2021, 0, 3 + i);
    return spellings(
      part(locale, { weekday: width }, 'weekday', when),
      part(locale, { weekday: width, day: 'numeric', month: 'long' }, 'weekday', when),
    );
  });
}

function dayPeriod(locale: string, hour: number): string[] {
  const when = Date.UTC(2021, 0, 3, hour);
  return spellings(part(locale, { hour: 'numeric', hour12: true }, 'dayPeriod', when));
}
