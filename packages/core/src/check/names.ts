/**
 * Name matching shared by the checker, argument binding and path resolution (`contexts/`):
 * upstream's CamelCase conversion for named arguments, edit distance, and the ranking and wording
 * of did-you-mean suggestions.
 */

/**
 * Upstream's `strcase.ToCamel`: words split at `_`, ` `, `-`, `.`; each word and each letter
 * after a digit capitalised; runs of capitals lowered after their first letter. Named arguments
 * bind when `toCamel(argument) === toCamel(parameter)`, so `resolve_conflicts`,
 * `resolveConflicts` and `ResolveConflicts` all name the same parameter.
 */
export function toCamel(s: string): string {
  s = s.trim();
  let out = '';
  let capNext = true;
  let prevIsCap = false;
  for (let i = 0; i < s.length; i++) {
    let c = s[i]!;
    const isCap = c >= 'A' && c <= 'Z';
    const isLow = c >= 'a' && c <= 'z';
    if (capNext) {
      if (isLow) c = c.toUpperCase();
    } else if (prevIsCap && isCap) {
      c = c.toLowerCase();
    }
    prevIsCap = isCap;
    if (isCap || isLow) {
      out += c;
      capNext = false;
    } else if (c >= '0' && c <= '9') {
      out += c;
      capNext = true;
    } else {
      capNext = c === '_' || c === ' ' || c === '-' || c === '.';
    }
  }
  return out;
}

/**
 * Edit distance where inserting, deleting or substituting a letter costs 1 (Levenshtein); with
 * `transpositions`, swapping two adjacent letters costs 1 too (optimal string alignment).
 */
export function editDistance(a: string, b: string, transpositions = false): number {
  if (a === b) return 0;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (transpositions && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      cur[j] = d;
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Up to three of `candidates` (each once, never `name` itself) that `distance` scores, lowest
 * score first, ties in alphabetical order; `distance` returns undefined for a candidate too far
 * from `name` to suggest. Every did-you-mean list (functions, parameters, enums, paths) is
 * ranked here; the callers differ only in how they score.
 */
export function closestCandidates(
  name: string,
  candidates: Iterable<string>,
  distance: (candidate: string) => number | undefined,
): string[] {
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const d = distance(c);
    if (d !== undefined) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.slice(0, 3).map((s) => s.c);
}

/**
 * Up to three names from `candidates` close to `name` (case-insensitive edit distance at most
 * max(1, ⌊length/3⌋), or the same letters ignoring case and `_`), closest first, ties in
 * alphabetical order.
 */
export function suggestNames(name: string, candidates: Iterable<string>): string[] {
  const squash = (s: string): string => s.toLowerCase().replace(/_/g, '');
  const lower = name.toLowerCase();
  const squashed = squash(name);
  const limit = Math.max(1, Math.floor(name.length / 3));
  return closestCandidates(name, candidates, (c) => {
    const d = squash(c) === squashed ? 0 : editDistance(lower, c.toLowerCase());
    return d <= limit ? d : undefined;
  });
}

/** `did you mean `a`, `b` or `c`?` for a hint; undefined when there is nothing to suggest. */
export function didYouMeanHint(suggestions: readonly string[]): string | undefined {
  if (suggestions.length === 0) return undefined;
  const quoted = suggestions.map((s) => '`' + s + '`');
  const list = quoted.length === 1 ? quoted[0]! : quoted.slice(0, -1).join(', ') + ' or ' + quoted[quoted.length - 1]!;
  return `did you mean ${list}?`;
}
