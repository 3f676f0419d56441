import { describe, expect, test } from 'vitest';
import { getSignatureHelp } from '../index.js';
import { marked } from './harness.js';

/** The signature at the `|` with its active parameter marked `[…]`. */
function signature(text: string): string | null {
  const m = marked(text);
  const help = getSignatureHelp(m.doc, m.position, { context: 'log' });
  if (help === null) return null;
  const sig = help.signatures[0]!;
  const params = sig.parameters!.map((p) => {
    const [s, e] = p.label as [number, number];
    return sig.label.slice(s, e);
  });
  return `${sig.label} :: ${params.map((p, i) => (i === help.activeParameter ? `[${p}]` : p)).join(' | ')}`;
}

describe('signature help', () => {
  test('the active parameter follows the commas', () => {
    expect([signature('replace_pattern(|'), signature('replace_pattern(body, |'), signature('replace_pattern(body, "a", "b", SH|')]).toMatchInlineSnapshot(`
      [
        "replace_pattern(target: path, regex: string, replacement: string, function?: converter name, replacementFormat?: string) :: [target: path] | regex: string | replacement: string | function?: converter name | replacementFormat?: string",
        "replace_pattern(target: path, regex: string, replacement: string, function?: converter name, replacementFormat?: string) :: target: path | [regex: string] | replacement: string | function?: converter name | replacementFormat?: string",
        "replace_pattern(target: path, regex: string, replacement: string, function?: converter name, replacementFormat?: string) :: target: path | regex: string | replacement: string | [function?: converter name] | replacementFormat?: string",
      ]
    `);
  });

  test('a named argument activates its parameter', () => {
    expect([signature('replace_pattern(body, "a", "b", replacement_format=|'), signature('replace_pattern(body, "a", "b", function=SHA256, |')]).toMatchInlineSnapshot(`
      [
        "replace_pattern(target: path, regex: string, replacement: string, function?: converter name, replacementFormat?: string) :: target: path | regex: string | replacement: string | function?: converter name | [replacementFormat?: string]",
        "replace_pattern(target: path, regex: string, replacement: string, function?: converter name, replacementFormat?: string) :: target: path | regex: string | replacement: string | function?: converter name | replacementFormat?: string",
      ]
    `);
  });

  test('the innermost call, also inside lists, strings and keys', () => {
    expect([
      signature('set(attributes["a"], Concat([body, |'),
      signature('set(attributes["a"], IsMatch(body, "ab|'),
      signature('set(attributes[Concat(|'),
      signature('set(attributes["a"], Len(body)|)'),
    ]).toMatchInlineSnapshot(`
      [
        "Concat(values: [stringlike], delimiter: string) → string :: [values: [stringlike]] | delimiter: string",
        "IsMatch(target: stringlike, pattern: string) → bool :: target: stringlike | [pattern: string]",
        "Concat(values: [stringlike], delimiter: string) → string :: [values: [stringlike]] | delimiter: string",
        "set(target: path, value: any) :: target: path | [value: any]",
      ]
    `);
  });

  test('no active parameter past the last one', () => {
    expect(signature('set(attributes["a"], 1, |')).toMatchInlineSnapshot(`"set(target: path, value: any) :: target: path | value: any"`);
  });

  test('nothing outside calls or for unknown functions', () => {
    expect([signature('set(attributes["a"], 1) |'), signature('set(attributes["a"], Foo(|'), signature('# set(|'), signature('|')]).toEqual([null, null, null, null]);
  });

  test('documentation', () => {
    const m = marked('IsMatch(|');
    expect(getSignatureHelp(m.doc, m.position, { context: 'log', kind: 'conditions' })).toMatchInlineSnapshot(`
      {
        "activeParameter": 0,
        "activeSignature": 0,
        "signatures": [
          {
            "documentation": {
              "kind": "markdown",
              "value": "Tells whether a value matches a regular expression anywhere (RE2 syntax).",
            },
            "label": "IsMatch(target: stringlike, pattern: string) → bool",
            "parameters": [
              {
                "documentation": {
                  "kind": "markdown",
                  "value": "\`target\` (stringlike): the value to test",
                },
                "label": [
                  8,
                  26,
                ],
              },
              {
                "documentation": {
                  "kind": "markdown",
                  "value": "\`pattern\` (string): an RE2 regular expression",
                },
                "label": [
                  28,
                  43,
                ],
              },
            ],
          },
        ],
      }
    `);
  });
});
