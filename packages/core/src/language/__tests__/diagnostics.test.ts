// Text in, diagnostics out: one test per common mistake. Each diagnostic is shown as code,
// severity, range (line:column-line:column), message, label, hint and fix text.
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { parse, tokenize, type ParseKind } from '../parse.js';

function show(diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    at: `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`,
    message: d.message,
    ...(d.label ? { label: d.label } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.fix ? { fix: d.fix.map((f) => f.newText) } : {}),
    ...(d.related ? { related: d.related.map((r) => `${r.range.start.line}:${r.range.start.column} ${r.message}`) } : {}),
  }));
}

function diagnose(text: string, kind: ParseKind = 'statement'): unknown[] {
  return show(parse(text, kind).diagnostics);
}

describe('common mistakes', () => {
  test('= for ==', () => {
    expect(diagnose('set(attributes["a"], 1) where attributes["b"] = 2')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:47-1:48",
          "code": "assignment-in-condition",
          "fix": [
            "==",
          ],
          "hint": "write == to compare; = only names an argument",
          "label": "did you mean ==?",
          "message": "'=' is not a comparison operator",
          "severity": "error",
        },
      ]
    `);
  });

  test('single quotes', () => {
    expect(diagnose(`set(attributes['a'], "x")`)).toMatchInlineSnapshot(`
      [
        {
          "at": "1:16-1:19",
          "code": "single-quoted-string",
          "fix": [
            ""a"",
          ],
          "hint": "write "a"",
          "label": "single-quoted string",
          "message": "OTTL strings use double quotes",
          "severity": "error",
        },
      ]
    `);
  });

  test('missing comma between arguments', () => {
    expect(diagnose('set(attributes["a"] "x")')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:20-1:21",
          "code": "missing-comma",
          "fix": [
            ",",
          ],
          "hint": "separate the arguments of set with commas",
          "label": "missing ','",
          "message": "expected ',' between the arguments of set",
          "severity": "error",
        },
      ]
    `);
  });

  test('unclosed string', () => {
    expect(diagnose('set(attributes["a"], "x)')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:22-1:25",
          "code": "unterminated-string",
          "fix": [
            ""x)"",
          ],
          "hint": "close the string with " (write \\" for a quote inside it)",
          "label": "unterminated string",
          "message": "this string has no closing quote",
          "severity": "error",
        },
        {
          "at": "1:25-1:25",
          "code": "unclosed-delimiter",
          "label": "expected ')'",
          "message": "expected ')' to close the call to set (opened at 1:4), found end of input",
          "related": [
            "1:4 '(' opened here",
          ],
          "severity": "error",
        },
      ]
    `);
  });

  test('unclosed parenthesis before where', () => {
    expect(diagnose('set(attributes["a"], 1 where name == "x"')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:24-1:29",
          "code": "unclosed-delimiter",
          "hint": "separate arguments with commas and close the call with )",
          "label": "expected ')'",
          "message": "expected ')' to close the call to set (opened at 1:4), found 'where'",
          "related": [
            "1:4 '(' opened here",
          ],
          "severity": "error",
        },
      ]
    `);
  });

  test('unclosed parenthesis at the end', () => {
    expect(diagnose('set(attributes["a"], Concat(["a", "b"], "")')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:44-1:44",
          "code": "unclosed-delimiter",
          "label": "expected ')'",
          "message": "expected ')' to close the call to set (opened at 1:4), found end of input",
          "related": [
            "1:4 '(' opened here",
          ],
          "severity": "error",
        },
      ]
    `);
  });

  test('lower-case converter', () => {
    expect(diagnose('set(attributes["a"], concat(["a"], ""))')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:22-1:28",
          "code": "converter-name-case",
          "hint": "editors (lower-case names) change telemetry and can only head a statement; values come from converters, which start with an upper-case letter",
          "label": "an editor, not a converter",
          "message": "converter names must start with an uppercase letter but got 'concat'",
          "severity": "error",
        },
      ]
    `);
  });

  test('upper-case editor', () => {
    expect(diagnose('Set(attributes["a"], 1)')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:1-1:4",
          "code": "editor-name-case",
          "hint": "a statement starts with an editor such as set(...); a converter like Set returns a value and can only be used inside one",
          "label": "a converter, not an editor",
          "message": "editor names must start with a lowercase letter but got 'Set'",
          "severity": "error",
        },
      ]
    `);
  });

  test('where without a condition', () => {
    expect(diagnose('set(attributes["a"], 1) where')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:30-1:30",
          "code": "missing-condition",
          "hint": "write a condition after where, e.g. where attributes["k"] == "v", or remove where",
          "label": "expected a condition",
          "message": "expected a condition after 'where', found end of input",
          "severity": "error",
        },
      ]
    `);
  });

  test('bad escape', () => {
    expect(diagnose('set(attributes["a"], IsMatch(body, "\\d+"))')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:37-1:39",
          "code": "invalid-escape",
          "hint": "write \\\\d for a backslash followed by 'd' (regular expressions need doubled backslashes, e.g. "\\\\d+")",
          "label": "invalid escape",
          "message": "\`\\d\` is not a valid escape sequence in an OTTL string",
          "severity": "error",
        },
      ]
    `);
  });

  test('a bare path used as a boolean', () => {
    expect(diagnose('set(attributes["a"], 1) where attributes["flag"]')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:31-1:49",
          "code": "bare-path-condition",
          "fix": [
            " == true",
          ],
          "hint": "compare it, e.g. attributes["flag"] == true",
          "label": "a path, not a boolean",
          "message": "the path attributes["flag"] is not a condition on its own",
          "severity": "error",
        },
      ]
    `);
  });

  test('1-1 without spaces', () => {
    expect(diagnose('1-1', 'value')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:2-1:4",
          "code": "sign-absorbed",
          "fix": [
            " - ",
          ],
          "hint": "put spaces around the operator: write 1 - 1",
          "label": "the number -1",
          "message": "'-1' right after a value reads as the number -1, not as '-' followed by 1",
          "severity": "error",
        },
      ]
    `);
  });

  test('x -1 with a space on one side only', () => {
    expect(diagnose('set(attributes["n"], attributes["n"] -1)')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:38-1:40",
          "code": "sign-absorbed",
          "fix": [
            "- ",
          ],
          "hint": "put spaces around the operator: write attributes["n"] - 1",
          "label": "the number -1",
          "message": "'-1' right after a value reads as the number -1, not as '-' followed by 1",
          "severity": "error",
        },
      ]
    `);
  });
});

describe('more mistakes', () => {
  test('&& and || for and/or', () => {
    expect(diagnose('a == 1 && b == 2 || c == 3', 'condition')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:8-1:10",
          "code": "invalid-character",
          "fix": [
            "and",
          ],
          "hint": "write and",
          "label": "not an operator",
          "message": "OTTL has no '&&' operator",
          "severity": "error",
        },
        {
          "at": "1:18-1:20",
          "code": "invalid-character",
          "fix": [
            "or",
          ],
          "hint": "write or",
          "label": "not an operator",
          "message": "OTTL has no '||' operator",
          "severity": "error",
        },
      ]
    `);
  });

  test('chained comparison', () => {
    expect(diagnose('a == b == c', 'condition')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:8-1:10",
          "code": "comparison-chain",
          "hint": "combine two comparisons with and, e.g. a < b and b < c",
          "label": "second comparison",
          "message": "comparisons cannot be chained: '==' follows another comparison",
          "severity": "error",
        },
      ]
    `);
  });

  test('comparison as an argument', () => {
    expect(diagnose('set(x, a == b)')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:10-1:12",
          "code": "unexpected-token",
          "hint": "conditions go after where (statements) or in conditions lists; a value here can be a literal, a path, a converter call or arithmetic",
          "label": "only allowed in conditions",
          "message": "a comparison cannot be used in a value; it belongs in a condition",
          "severity": "error",
        },
      ]
    `);
  });

  test('string in arithmetic', () => {
    expect(diagnose('set(x, "a" + 1)')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:8-1:11",
          "code": "type-mismatch",
          "hint": "arithmetic takes numbers, paths, converter calls and parenthesised arithmetic; OTTL has no string concatenation operator (use Concat)",
          "label": "not a number",
          "message": "the string "a" cannot be used in arithmetic",
          "severity": "error",
        },
      ]
    `);
  });

  test('trailing comma in a call', () => {
    expect(diagnose('set(x, 1,)')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:10-1:11",
          "code": "unexpected-token",
          "hint": "remove the trailing comma",
          "label": "expected a value",
          "message": "expected a value after ',', found ')'",
          "severity": "error",
        },
      ]
    `);
  });

  test('missing comma in a list; a map entry without comma is only a warning', () => {
    expect(diagnose('set(x, [1, 2 3])')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:13-1:14",
          "code": "missing-comma",
          "fix": [
            ",",
          ],
          "hint": "separate list items with commas",
          "label": "missing ','",
          "message": "expected ',' between list items",
          "severity": "error",
        },
      ]
    `);
    expect(diagnose('set(x, {"a": 1 "b": 2})')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:15-1:16",
          "code": "missing-comma",
          "fix": [
            ",",
          ],
          "hint": "separate map entries with commas",
          "label": "missing ','",
          "message": "expected ',' between map entries",
          "severity": "warning",
        },
      ]
    `);
  });

  test('literal errors: int range, odd bytes, octal', () => {
    expect(diagnose('set(x, [99999999999999999999, 0x123, 010, 09])')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:9-1:29",
          "code": "invalid-number",
          "hint": "ints range from -9223372036854775808 to 9223372036854775807; write a float (with a dot) for larger numbers",
          "label": "out of range",
          "message": "99999999999999999999 is out of range for an int (64-bit signed)",
          "severity": "error",
        },
        {
          "at": "1:31-1:36",
          "code": "invalid-bytes",
          "hint": "bytes are written as pairs of hex digits, e.g. 0x0123",
          "label": "odd number of hex digits",
          "message": "the bytes literal 0x123 has an odd number of hex digits",
          "severity": "error",
        },
        {
          "at": "1:38-1:41",
          "code": "octal-literal",
          "hint": "write 8 for this value, or remove the leading zeros for 10",
          "label": "octal: 8",
          "message": "010 is read as an octal number (8)",
          "severity": "warning",
        },
        {
          "at": "1:43-1:45",
          "code": "invalid-number",
          "hint": "remove the leading zeros: 9",
          "label": "invalid octal number",
          "message": "09 is not a valid int: a leading 0 makes it octal, which has no digits 8 or 9",
          "severity": "error",
        },
      ]
    `);
  });

  test('invalid key, upper-case path segment, enum-like name', () => {
    expect(diagnose('set(x.fooBar, attributes[true]) where name == Foo')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:7-1:13",
          "code": "unexpected-token",
          "hint": "path segment names use lower-case letters, digits and _ (e.g. attributes, trace_id)",
          "label": "upper-case letters in a path",
          "message": "'fooBar' is not a valid path segment name",
          "severity": "error",
        },
        {
          "at": "1:26-1:30",
          "code": "invalid-key",
          "hint": "a key is a string ("name"), an int (0), a path, a converter call or arithmetic",
          "label": "invalid key",
          "message": "the bool true cannot be a key",
          "severity": "error",
        },
        {
          "at": "1:47-1:50",
          "code": "unexpected-token",
          "hint": "call the converter with parentheses, Foo(...); enum symbols are written in capitals, e.g. SPAN_KIND_SERVER",
          "label": "not a value",
          "message": "Foo is neither an enum symbol nor a converter call",
          "severity": "error",
        },
      ]
    `);
  });

  test('lambda outside an argument', () => {
    expect(diagnose('(k, v) => v', 'value')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:1-1:12",
          "code": "lambda-not-allowed",
          "label": "lambda",
          "message": "a lambda can only be passed as a function argument",
          "severity": "error",
        },
      ]
    `);
  });

  test('two mistakes are both reported', () => {
    expect(diagnose('Set(attributes["a"], "\\q") where name = "x"')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:1-1:4",
          "code": "editor-name-case",
          "hint": "a statement starts with an editor such as set(...); a converter like Set returns a value and can only be used inside one",
          "label": "a converter, not an editor",
          "message": "editor names must start with a lowercase letter but got 'Set'",
          "severity": "error",
        },
        {
          "at": "1:23-1:25",
          "code": "invalid-escape",
          "hint": "write \\\\q for a backslash followed by 'q' (regular expressions need doubled backslashes, e.g. "\\\\d+")",
          "label": "invalid escape",
          "message": "\`\\q\` is not a valid escape sequence in an OTTL string",
          "severity": "error",
        },
        {
          "at": "1:39-1:40",
          "code": "assignment-in-condition",
          "fix": [
            "==",
          ],
          "hint": "write == to compare; = only names an argument",
          "label": "did you mean ==?",
          "message": "'=' is not a comparison operator",
          "severity": "error",
        },
      ]
    `);
  });

  test('unmatched closing parenthesis', () => {
    expect(diagnose('(name == "fido"))', 'condition')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:17-1:18",
          "code": "unexpected-token",
          "hint": "remove it, or add the missing opening (",
          "label": "unmatched",
          "message": "unexpected ')': nothing is open for it to close",
          "severity": "error",
        },
      ]
    `);
  });

  test('empty input', () => {
    expect(diagnose('')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:1-1:1",
          "code": "unexpected-end",
          "label": "expected an editor name",
          "message": "expected an editor call such as set(...), found end of input",
          "severity": "error",
        },
      ]
    `);
  });

  test('stray character', () => {
    expect(diagnose('set(x, 1); set(y, 2)')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:10-1:11",
          "code": "invalid-character",
          "hint": "write one statement per entry (or per line in a rule file); no ; is needed",
          "label": "not part of OTTL",
          "message": "unexpected character ';'",
          "severity": "error",
        },
        {
          "at": "1:12-1:15",
          "code": "unexpected-token",
          "hint": "a condition after the call must start with 'where'",
          "label": "unexpected",
          "message": "unexpected 'set' after the end of the statement",
          "severity": "error",
        },
      ]
    `);
  });

  test('line break inside a string', () => {
    expect(diagnose('set(x, "a\nb")')).toMatchInlineSnapshot(`
      [
        {
          "at": "1:10-2:1",
          "code": "newline-in-string",
          "hint": "write \\n for a line break inside a string",
          "label": "line break",
          "message": "a string literal cannot contain a line break",
          "severity": "error",
        },
      ]
    `);
  });
});

describe('ranges', () => {
  test('options shift ranges into an enclosing file', () => {
    const { diagnostics } = parse('set(x, 1)\n  where a = 1', 'statement', { offset: 100, line: 5, column: 9 });
    expect(diagnostics.map((d) => d.range)).toMatchInlineSnapshot(`
      [
        {
          "end": {
            "column": 12,
            "line": 6,
            "offset": 121,
          },
          "start": {
            "column": 11,
            "line": 6,
            "offset": 120,
          },
        },
      ]
    `);
  });

  test('a diagnostic inside a string points at the escape', () => {
    const { diagnostics } = parse('"ok \\z"', 'value', { offset: 10, line: 2, column: 3 });
    expect(diagnostics.map((d) => d.range)).toMatchInlineSnapshot(`
      [
        {
          "end": {
            "column": 9,
            "line": 2,
            "offset": 16,
          },
          "start": {
            "column": 7,
            "line": 2,
            "offset": 14,
          },
        },
      ]
    `);
  });
});

describe('tokenize reports what upstream cannot lex', () => {
  test('unterminated string, stray character, &&', () => {
    const { tokens, diagnostics } = tokenize('a && "b');
    expect(tokens.map((t) => `${t.type}:${t.text}`)).toEqual(['Lowercase:a']);
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-character', 'unterminated-string']);
  });
});
