/**
 * OTTL string literals follow Go's double-quoted string rules (`strconv.Unquote`, reference §2.5):
 * escapes `\a \b \f \n \r \t \v \\ \"`, octal `\NNN` (at most `\377`), `\xHH`, `\uHHHH` and
 * `\UHHHHHHHH`; anything else after a backslash, and a raw line break, is an error.
 *
 * Go strings are bytes while JS strings are UTF-16: `\x` and octal escapes give bytes, and each run
 * of consecutive byte escapes is decoded as UTF-8 (`"\xe4\xb8\x80"` is `"一"`); a run that is not
 * valid UTF-8 decodes with U+FFFD replacement characters.
 */

/** A problem inside a string literal; offsets are relative to the literal's first character (`"`). */
export interface StringProblem {
  readonly offset: number;
  readonly length: number;
  readonly kind: 'invalid-escape' | 'newline';
  readonly message: string;
  readonly hint?: string;
}

export interface UnquoteResult {
  readonly value: string;
  readonly problems: readonly StringProblem[];
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
};

function hexValue(text: string, start: number, count: number): number | undefined {
  if (start + count > text.length) return undefined;
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = parseInt(text[i]!, 16);
    if (Number.isNaN(d)) return undefined;
    value = value * 16 + d;
  }
  return value;
}

function isOctal(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '7';
}

/** Decodes UTF-8 bytes; each maximal invalid subsequence becomes U+FFFD. */
function decodeUtf8(bytes: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    let need = 0;
    let cp = 0;
    let min = 0;
    if (b0 < 0x80) {
      out += String.fromCharCode(b0);
      i++;
      continue;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      need = 1;
      cp = b0 & 0x1f;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2;
      cp = b0 & 0x0f;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3;
      cp = b0 & 0x07;
      min = 0x10000;
    } else {
      out += '\ufffd';
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const b = bytes[i + j];
      if (b === undefined || (b & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (j <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd';
      i += Math.max(1, j === need + 1 ? need + 1 : j);
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/**
 * Decodes a double-quoted OTTL string literal (`raw` includes both quotes; a missing closing quote
 * is tolerated). Every bad escape is reported, not only the first.
 */
export function unquote(raw: string): UnquoteResult {
  const end = raw.length >= 2 && raw.endsWith('"') && !endsWithEscapedQuote(raw) ? raw.length - 1 : raw.length;
  if (end === raw.length - 1 && !/[\\\n\r]/.test(raw)) return { value: raw.slice(1, end), problems: [] };
  const problems: StringProblem[] = [];
  let value = '';
  let bytes: number[] = [];
  const flushBytes = (): void => {
    if (bytes.length > 0) {
      value += decodeUtf8(bytes);
      bytes = [];
    }
  };
  let i = 1;
  while (i < end) {
    const ch = raw[i]!;
    if (ch === '\n' || ch === '\r') {
      flushBytes();
      problems.push({
        offset: i,
        length: 1,
        kind: 'newline',
        message: 'a string literal cannot contain a line break',
        hint: 'write \\n for a line break inside a string',
      });
      value += ch;
      i++;
      continue;
    }
    if (ch !== '\\') {
      flushBytes();
      value += ch;
      i++;
      continue;
    }
    const esc = raw[i + 1];
    if (esc === undefined || i + 1 >= end) {
      flushBytes();
      problems.push(badEscape(i, 1, '\\'));
      i++;
      continue;
    }
    const simple = SIMPLE_ESCAPES[esc];
    if (simple !== undefined) {
      flushBytes();
      value += simple;
      i += 2;
      continue;
    }
    if (esc === 'x') {
      const v = hexValue(raw, i + 2, 2);
      if (v === undefined || i + 4 > end) {
        problems.push(badEscape(i, Math.min(4, end - i), raw.slice(i, Math.min(i + 4, end)), 'needs two hex digits'));
        i += 2;
        continue;
      }
      bytes.push(v);
      i += 4;
      continue;
    }
    if (esc === 'u' || esc === 'U') {
      const digits = esc === 'u' ? 4 : 8;
      const v = hexValue(raw, i + 2, digits);
      const text = raw.slice(i, Math.min(i + 2 + digits, end));
      if (v === undefined || i + 2 + digits > end) {
        problems.push(badEscape(i, text.length, text, `needs ${digits} hex digits`));
        i += 2;
        continue;
      }
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
        problems.push(badEscape(i, text.length, text, 'is not a valid Unicode code point'));
        i += 2 + digits;
        continue;
      }
      flushBytes();
      value += String.fromCodePoint(v);
      i += 2 + digits;
      continue;
    }
    if (isOctal(esc)) {
      const text = raw.slice(i, Math.min(i + 4, end));
      if (!(isOctal(raw[i + 2]) && isOctal(raw[i + 3])) || i + 4 > end) {
        problems.push(badEscape(i, text.length, text, 'needs three octal digits'));
        i += 2;
        continue;
      }
      const v = parseInt(raw.slice(i + 1, i + 4), 8);
      if (v > 255) {
        problems.push(badEscape(i, 4, text, 'is larger than \\377'));
        i += 4;
        continue;
      }
      bytes.push(v);
      i += 4;
      continue;
    }
    flushBytes();
    const len = esc.length === 1 ? 2 : 1;
    problems.push(badEscape(i, len, raw.slice(i, i + len)));
    i += len;
  }
  flushBytes();
  return { value, problems };
}

/** True when the final `"` of `raw` is escaped (`"\"`), so the literal is not closed. */
function endsWithEscapedQuote(raw: string): boolean {
  let backslashes = 0;
  for (let i = raw.length - 2; i >= 1 && raw[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function badEscape(offset: number, length: number, text: string, why?: string): StringProblem {
  const literal = text.startsWith('\\') ? text.slice(1) : text;
  return {
    offset,
    length,
    kind: 'invalid-escape',
    message:
      why === undefined
        ? `\`${text}\` is not a valid escape sequence in an OTTL string`
        : `the escape sequence \`${text}\` ${why}`,
    hint:
      why === undefined
        ? `write \\\\${literal} for a backslash followed by ${literal === '' ? 'nothing' : `'${literal}'`} (regular expressions need doubled backslashes, e.g. "\\\\d+")`
        : 'escapes are \\n \\t \\r \\\\ \\" \\xHH \\uHHHH \\UHHHHHHHH and octal \\NNN',
  };
}

/**
 * Quotes `value` as a double-quoted OTTL (Go) string literal that {@link unquote} maps back to
 * `value`: `"` and `\` are escaped, control characters use `\n \t \r` or `\xHH`, other characters
 * are kept as they are. Also serves for Go `%q` quoting in upstream-style error texts.
 */
export function quote(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const code = ch.charCodeAt(0);
    switch (ch) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      default:
        if (code < 0x20 || code === 0x7f) {
          out += '\\x' + code.toString(16).padStart(2, '0');
        } else if (code >= 0xd800 && code <= 0xdfff) {
          const cp = value.codePointAt(i)!;
          if (cp > 0xffff) {
            out += String.fromCodePoint(cp);
            i++;
          } else {
            out += '\\ufffd';
          }
        } else {
          out += ch;
        }
    }
  }
  return out + '"';
}
