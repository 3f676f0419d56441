/**
 * Regular expressions for OTTL functions: Go RE2 syntax and semantics in linear time (re2js), plus
 * Go's `regexp.Expand` replacement templates (`$1`, `${1}`, `$name`, `${name}`, `$$`).
 *
 * Callers may rely on:
 * - {@link compileRegex} accepting exactly Go's RE2 syntax (incl. `(?P<name>…)` and `(?<name>…)`)
 *   and rejecting backreferences and look-around with a message that names RE2;
 * - match offsets being UTF-16 indices into the JS string, so `s.slice(start, end)` is the match;
 * - {@link dynamicPattern} / {@link dynamicRegex} compiling a literal pattern once, when the function is created (an
 *   invalid one throws {@link OttlCreateError}), and a computed one at run time ({@link OttlError}).
 */
import { RE2JS } from 're2js';
import type { Getter, TransformContext } from '../../types/signature.js';
import { OttlCreateError, OttlError } from '../../types/values.js';
import { goQuote } from '../../types/convert.js';

/** A compiled RE2 pattern with its group names. */
export class OttlRegex {
  /** Group names by group number; `''` for unnamed groups and for group 0 (the whole match). */
  readonly groupNames: readonly string[];

  constructor(
    readonly source: string,
    private readonly re: RE2JS,
  ) {
    const names: string[] = new Array<string>(re.groupCount() + 1).fill('');
    for (const [name, index] of Object.entries(re.namedGroups())) names[index] = name;
    this.groupNames = names;
  }

  /** The names of the named groups, in group order. */
  namedGroups(): string[] {
    return this.groupNames.filter((n) => n !== '');
  }

  /** Go `MatchString`: is there a match anywhere in `s`? */
  test(s: string): boolean {
    return this.re.test(s);
  }

  /**
   * Go `FindStringSubmatchIndex`: the leftmost match as `[start, end, g1start, g1end, …]`
   * (-1 for groups that did not take part), or null.
   */
  firstMatch(s: string): number[] | null {
    const all = this.re.re2().findAllSubmatchIndex(s, 1) as number[][] | null;
    return all === null ? null : all[0]!;
  }

  /** Go `FindAllStringSubmatchIndex(s, -1)`: every non-overlapping match, as {@link firstMatch}. */
  allMatches(s: string): number[][] {
    return (this.re.re2().findAllSubmatchIndex(s, -1) as number[][] | null) ?? [];
  }

  /** Go `ReplaceAllString`: every match replaced by `template` expanded against it. */
  replaceAll(s: string, template: string): string {
    return this.replaceEach(s, (m) => this.expand(template, s, m));
  }

  /** Every match replaced, at its position, by `replacement(match)`; the text between matches is kept. */
  replaceEach(s: string, replacement: (match: readonly number[]) => string): string {
    const matches = this.allMatches(s);
    if (matches.length === 0) return s;
    let out = '';
    let last = 0;
    for (const m of matches) {
      out += s.slice(last, m[0]) + replacement(m);
      last = m[1]!;
    }
    return out + s.slice(last);
  }

  /** Go `ExpandString`: `template` with `$n`/`${n}`/`$name`/`${name}` taken from `match` in `src`. */
  expand(template: string, src: string, match: readonly number[]): string {
    let out = '';
    let i = 0;
    while (i < template.length) {
      const dollar = template.indexOf('$', i);
      if (dollar < 0) return out + template.slice(i);
      out += template.slice(i, dollar);
      if (template[dollar + 1] === '$') {
        out += '$';
        i = dollar + 2;
        continue;
      }
      const ref = parseReference(template, dollar);
      if (ref === null) {
        // Malformed reference: the `$` is kept as text.
        out += '$';
        i = dollar + 1;
        continue;
      }
      i = ref.end;
      if (ref.num >= 0) {
        if (2 * ref.num < match.length && match[2 * ref.num]! >= 0) {
          out += src.slice(match[2 * ref.num], match[2 * ref.num + 1]);
        }
        continue;
      }
      for (let g = 1; g < this.groupNames.length; g++) {
        if (this.groupNames[g] === ref.name && 2 * g < match.length && match[2 * g]! >= 0) {
          out += src.slice(match[2 * g], match[2 * g + 1]);
          break;
        }
      }
    }
    return out;
  }
}

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

/** Go `regexp.extract`: the reference starting at `template[dollar] === '$'`, or null when malformed. */
function parseReference(template: string, dollar: number): { name: string; num: number; end: number } | null {
  let p = dollar + 1;
  const brace = template[p] === '{';
  if (brace) p++;
  const start = p;
  while (p < template.length) {
    const cp = template.codePointAt(p)!;
    const ch = String.fromCodePoint(cp);
    if (!NAME_CHAR.test(ch)) break;
    p += ch.length;
  }
  if (p === start) return null;
  const name = template.slice(start, p);
  if (brace) {
    if (template[p] !== '}') return null;
    p++;
  }
  let num = 0;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c < 0x30 || c > 0x39 || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + (c - 0x30);
  }
  if (name[0] === '0' && name.length > 1) num = -1;
  return { name, num, end: p };
}

/** Why RE2 rejects a construct other engines accept; appended to the syntax error. */
function re2Hint(message: string): string {
  if (/invalid escape sequence: `\\[1-9]/.test(message)) {
    return ' (OTTL regular expressions use RE2 syntax, which has no backreferences)';
  }
  if (/`\(\?[=!]|`\(\?<[=!]/.test(message)) {
    return ' (OTTL regular expressions use RE2 syntax, which has no look-ahead or look-behind assertions)';
  }
  return '';
}

/** A pattern RE2 rejects; `message` is Go's (`error parsing regexp: …`) plus an RE2 hint. */
export class RegexSyntaxError extends Error {
  override readonly name = 'RegexSyntaxError';
}

/** Compiles `pattern` with Go RE2 syntax; throws {@link RegexSyntaxError}. */
export function compileRegex(pattern: string): OttlRegex {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new RegexSyntaxError(message + re2Hint(message));
  }
  return new OttlRegex(pattern, re);
}

/** Upstream's message for an invalid pattern given to `funcName`. */
export function invalidPatternMessage(funcName: string, pattern: string, cause: string): string {
  return `the regex pattern supplied to ${funcName} '${goQuote(pattern)}' is not a valid pattern: ${cause}`;
}

/** A pattern argument: compiled once when literal, else per distinct run-time value. */
export interface DynamicPattern<T> {
  /** The compiled pattern for this item; throws OttlError for an invalid computed pattern. */
  get(ctx: TransformContext): T;
  /** Present when the pattern was a literal (compiled at creation). */
  readonly literal?: T;
}

/**
 * Binds a string-getter pattern argument of `funcName`, compiled by `compile` (which throws an
 * Error whose message says why). A literal pattern is compiled now (throws OttlCreateError when
 * invalid); a computed one is compiled when first seen at run time, and the last compiled pattern
 * is reused while the value does not change.
 */
export function dynamicPattern<T>(
  funcName: string,
  pattern: Getter<string>,
  compile: (source: string) => T,
): DynamicPattern<T> {
  if (pattern.literal !== undefined) {
    const source = pattern.literal.value;
    let compiled: T;
    try {
      compiled = compile(source);
    } catch (e) {
      throw new OttlCreateError(invalidPatternMessage(funcName, source, (e as Error).message), 'invalid-regex');
    }
    return { literal: compiled, get: () => compiled };
  }
  let cachedSource: string | undefined;
  let cached: T | undefined;
  return {
    get(ctx) {
      const source = pattern.get(ctx);
      if (cached !== undefined && cachedSource === source) return cached;
      try {
        cached = compile(source);
      } catch (e) {
        throw new OttlError(invalidPatternMessage(funcName, source, (e as Error).message));
      }
      cachedSource = source;
      return cached;
    },
  };
}

/** {@link dynamicPattern} for RE2 regular expressions. */
export function dynamicRegex(funcName: string, pattern: Getter<string>): DynamicPattern<OttlRegex> {
  return dynamicPattern(funcName, pattern, compileRegex);
}
