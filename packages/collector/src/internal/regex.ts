/**
 * Go-compatible regular expressions (RE2 syntax, `(?P<name>…)` groups) for component configs,
 * compiled at config time so that a bad pattern stops startup.
 */
import { RE2JS } from 're2js';
import { errorMessage } from '../consumer/consumer.js';

export interface GoRegex {
  /** Unanchored search, like Go's `MatchString`. */
  test(s: string): boolean;
  /** Named groups of the first match, or undefined when nothing matches. */
  namedMatch(s: string): Record<string, string> | undefined;
  readonly groupNames: readonly string[];
  readonly groupCount: number;
}

/** Compiles `pattern`; returns the RE2 error message instead of throwing. */
export function compileGoRegex(pattern: string): GoRegex | { error: string } {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (err) {
    return { error: errorMessage(err) };
  }
  const named = re.namedGroups();
  const groupNames = Object.keys(named).sort((a, b) => named[a]! - named[b]!);
  return {
    test: (s) => re.test(s),
    namedMatch: (s) => {
      const m = re.exec(s) as (RegExpMatchArray & { groups?: Record<string, string | undefined> }) | null;
      if (!m) return undefined;
      const out: Record<string, string> = {};
      for (const name of groupNames) out[name] = m.groups?.[name] ?? '';
      return out;
    },
    groupNames,
    groupCount: re.groupCount(),
  };
}
