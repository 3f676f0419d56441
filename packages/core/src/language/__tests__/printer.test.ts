// Text in, canonical text out.
import { describe, expect, test } from 'vitest';
import { parseCondition, parseStatement, parseValueExpression } from '../parse.js';
import { printCondition, printStatement, printValue } from '../printer.js';

const stmt = (text: string, keepRaw = false) => printStatement(parseStatement(text).ast!, { keepRaw });
const cond = (text: string) => printCondition(parseCondition(text).ast!);
const value = (text: string, keepRaw = false) => printValue(parseValueExpression(text).ast!, { keepRaw });

describe('printer', () => {
  test('normalises layout', () => {
    expect(stmt('set  ( foo.attributes[ "bar"].cat,   "dog")   where name=="fido"')).toBe(
      'set(foo.attributes["bar"].cat, "dog") where name == "fido"',
    );
    expect(stmt('flatten(attributes, depth = 2)')).toBe('flatten(attributes, depth=2)');
    expect(value('{"a":1,"b":[1,2,],}'.replace(',]', ']'))).toBe('{"a": 1, "b": [1, 2]}');
  });

  test('keeps only the parentheses precedence needs', () => {
    expect(value('((1 + 2)) * 3')).toBe('(1 + 2) * 3');
    expect(value('1 + (2 * 3)')).toBe('1 + 2 * 3');
    expect(value('10 - (6 - 2)')).toBe('10 - (6 - 2)');
    expect(value('(10 - 6) - 2')).toBe('10 - 6 - 2');
    expect(value('a / (b * c)')).toBe('a / (b * c)');
    expect(cond('(a == 1 or b == 2) and c == 3')).toBe('(a == 1 or b == 2) and c == 3');
    expect(cond('a == 1 or (b == 2 and c == 3)')).toBe('a == 1 or b == 2 and c == 3');
    expect(cond('not (a == 1)')).toBe('not a == 1');
    expect(cond('not (a == 1 or b == 2)')).toBe('not (a == 1 or b == 2)');
    expect(cond('(a == 1 or b == 2) or c == 3')).toBe('(a == 1 or b == 2) or c == 3');
  });

  test('re-spells literals canonically, or keeps the source spelling with keepRaw', () => {
    expect(value('["\\x41\\u00e9\\t", 1.50, .5, 0xAbCd, +7, 1.0e3]')).toBe('["Aé\\t", 1.5, 0.5, 0xabcd, 7, 1000.0]');
    expect(value('["\\x41\\u00e9\\t", 1.50, .5, 0xAbCd, +7, 1.0e3]', true)).toBe('["\\x41\\u00e9\\t", 1.50, .5, 0xAbCd, +7, 1.0e3]');
    expect(value('[1.0e300, -0.0, 0.000001, 1.0e-7]')).toBe('[1.0e+300, -0.0, 0.000001, 1.0e-7]');
  });

  test('lambdas, function names, enums, keys on converters', () => {
    expect(stmt('set(x, Filter(attributes, (k,v)=>v>1 and k!="a")[0])')).toBe('set(x, Filter(attributes, (k, v) => v > 1 and k != "a")[0])');
    expect(stmt('replace_pattern(body, "a", "b", SHA256, Sha256)')).toBe('replace_pattern(body, "a", "b", SHA256, Sha256)');
  });

  test('a negative number after a minus keeps its spaces', () => {
    expect(value('x - -1')).toBe('x - -1');
  });
});
