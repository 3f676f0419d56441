/**
 * The case conversions of `ConvertCase` and `To*Case`, as upstream computes them: Go
 * `strings.ToLower`/`ToUpper` (rune by rune) and iancoleman/strcase `ToSnake`/`ToCamel` (which
 * work on ASCII bytes: word breaks at case changes, digits, spaces, `_`, `-` and `.`).
 */

/** Go `strings.ToLower`: each code point mapped on its own (multi-character mappings are skipped). */
export function goToLower(s: string): string {
  return mapRunes(s, (c) => c.toLowerCase());
}

/** Go `strings.ToUpper`: each code point mapped on its own (`ß` stays `ß`). */
export function goToUpper(s: string): string {
  return mapRunes(s, (c) => c.toUpperCase());
}

function mapRunes(s: string, f: (c: string) => string): string {
  let out = '';
  for (const c of s) {
    const m = f(c);
    out += Array.from(m).length === 1 ? m : c;
  }
  return out;
}

const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isWordBreak = (c: number): boolean => c === 0x20 || c === 0x5f || c === 0x2d || c === 0x2e;

/** Go `strings.TrimSpace` for the ASCII and Unicode white space Go recognises. */
function trimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

/** strcase `ToSnake`: `CPUUtilizationMetric` → `cpu_utilization_metric`, `simple-string` → `simple_string`. */
export function toSnakeCase(input: string): string {
  const s = trimSpace(input);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let v = s.charCodeAt(i);
    const vIsCap = isUpper(v);
    const vIsLow = isLower(v);
    if (vIsCap) v += 0x20;
    if (i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      const vIsNum = isDigit(v);
      const nextIsCap = isUpper(next);
      const nextIsLow = isLower(next);
      const nextIsNum = isDigit(next);
      // A word ends where the kind of character (upper, lower, digit) changes.
      if ((vIsCap && (nextIsLow || nextIsNum)) || (vIsLow && (nextIsCap || nextIsNum)) || (vIsNum && (nextIsCap || nextIsLow))) {
        if (vIsCap && nextIsLow && i > 0 && isUpper(s.charCodeAt(i - 1))) out += '_';
        out += String.fromCharCode(v);
        if (vIsLow || vIsNum || nextIsNum) out += '_';
        continue;
      }
    }
    out += isWordBreak(v) ? '_' : String.fromCharCode(v);
  }
  return out;
}

/**
 * strcase `ToCamel` (upper camel case): `my_metric` → `MyMetric`. Word breaks (space, `_`, `-`,
 * `.`) and digits start a new capitalised word; runs of capitals are lower-cased after the first;
 * every other character (non-ASCII included) is dropped.
 */
export function toCamelCase(input: string): string {
  const s = trimSpace(input);
  let out = '';
  let capNext = true;
  let prevIsCap = false;
  for (let i = 0; i < s.length; i++) {
    let v = s.charCodeAt(i);
    const vIsCap = isUpper(v);
    const vIsLow = isLower(v);
    if (capNext) {
      if (vIsLow) v -= 0x20;
    } else if (prevIsCap && vIsCap) {
      v += 0x20;
    }
    prevIsCap = vIsCap;
    if (vIsCap || vIsLow) {
      out += String.fromCharCode(v);
      capNext = false;
    } else if (isDigit(v)) {
      out += String.fromCharCode(v);
      capNext = true;
    } else {
      capNext = isWordBreak(v);
    }
  }
  return out;
}
