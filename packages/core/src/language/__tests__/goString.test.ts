// Go string literal rules (strconv.Unquote) and quoting.
import { describe, expect, test } from 'vitest';
import { quote, unquote } from '../goString.js';

const value = (raw: string) => unquote(raw).value;
const problems = (raw: string) => unquote(raw).problems.map((p) => `${p.offset}+${p.length} ${p.kind}`);

describe('unquote', () => {
  test('simple escapes', () => {
    expect(value('"a\\"b\\\\c\\n\\t\\r\\a\\b\\f\\v"')).toBe('a"b\\c\n\t\r\x07\b\f\v');
  });

  test('hex, octal and unicode escapes', () => {
    expect(value('"\\x41\\101\\u00e9\\U0001F600"')).toBe('AAé😀');
  });

  test('byte escapes form UTF-8 sequences; invalid ones become U+FFFD', () => {
    expect(value('"\\xe4\\xb8\\x80"')).toBe('一');
    expect(value('"\\344\\270\\200"')).toBe('一');
    expect(value('"\\xff!"')).toBe('\ufffd!');
  });

  test('every bad escape is reported with its offset', () => {
    expect(problems('"\\d \\. \\\' ok"')).toEqual(['1+2 invalid-escape', '4+2 invalid-escape', '7+2 invalid-escape']);
    expect(problems('"\\x4"')).toEqual(['1+3 invalid-escape']);
    expect(problems('"\\400"')).toEqual(['1+4 invalid-escape']);
    expect(problems('"\\uD800"')).toEqual(['1+6 invalid-escape']);
    expect(problems('"\\U00110000"')).toEqual(['1+10 invalid-escape']);
    expect(problems('"\\12"')).toEqual(['1+3 invalid-escape']);
  });

  test('a raw line break is reported', () => {
    expect(problems('"a\nb"')).toEqual(['2+1 newline']);
  });

  test('an unterminated literal decodes what is there', () => {
    expect(value('"abc')).toBe('abc');
    expect(value('"\\"')).toBe('"');
    expect(problems('"\\"')).toEqual([]);
  });
});

describe('quote', () => {
  test('escapes quotes, backslashes and control characters only', () => {
    expect(quote('a"b\\c\n\t\r\x01\x7fé😀')).toBe('"a\\"b\\\\c\\n\\t\\r\\x01\\x7fé😀"');
  });

  test('round-trips through unquote', () => {
    for (const s of ['', 'plain', '"\\', '\x00\x1f', 'é一😀', '\u2028']) expect(value(quote(s))).toBe(s);
  });
});
