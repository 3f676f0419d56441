/** Helpers the transform processor's log parsers share (Go `strings` semantics). */

/** Go's `strings.SplitN(s, sep, n)` for n > 0: at most `n` pieces, the last holding the rest. */
export function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

/** Go's `unicode.IsSpace`. */
export function isUnicodeSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch);
}
