import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { didYouMeanSuggestions, getCodeActions, getDiagnostics, type LanguageServiceOptions } from '../index.js';
import { document } from './harness.js';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

/** Each quick fix for `text`: its title, preferred flag, and the text after applying it. */
function fixes(text: string, options: LanguageServiceOptions = { context: 'log' }, strip?: (d: Diagnostic) => Diagnostic): string[] {
  const doc = document(text);
  const diagnostics = getDiagnostics(doc, options).map((d) => (strip ? strip(d) : d));
  return getCodeActions(doc, WHOLE, diagnostics, options).map((a) => {
    const after = TextDocument.applyEdits(doc, a.edit!.changes![doc.uri]!);
    return `${a.title}${a.isPreferred ? ' (preferred)' : ''} [${a.diagnostics![0]!.code}] → ${after}`;
  });
}

describe('code actions', () => {
  test('fixes carried by diagnostics', () => {
    expect([
      fixes('set(attributes["a"], 1) where attributes["b"] = 1'),
      fixes("set(attributes['a'], 1)"),
      fixes('set(attributes["a"], 1) where attributes["b"] == 1 && attributes["c"] == 2'),
      fixes('set(span.attributes["a"], name)', {}),
    ]).toMatchInlineSnapshot(`
      [
        [
          "Replace \`=\` with \`==\` (preferred) [assignment-in-condition] → set(attributes["a"], 1) where attributes["b"] == 1",
        ],
        [
          "Replace \`'a'\` with \`"a"\` (preferred) [single-quoted-string] → set(attributes["a"], 1)",
        ],
        [
          "Replace \`&&\` with \`and\` (preferred) [invalid-character] → set(attributes["a"], 1) where attributes["b"] == 1 and attributes["c"] == 2",
        ],
        [
          "Insert \`span.\` (preferred) [missing-context] → set(span.attributes["a"], span.name)",
        ],
      ]
    `);
  });

  test('did-you-mean suggestions, each a replacement', () => {
    expect([
      fixes('set(attributes["a"], Lenn(body))'),
      fixes('set(attributes["a"], 1) where severity_number > SEVERITY_NUMBER_WARM'),
      fixes('replace_pattern(body, "a", "b", replacement_fromat="x")'),
      fixes('set(attributes["a"], bod)'),
      fixes('context: spam\nset(attributes["a"], 1)', {}),
    ]).toMatchInlineSnapshot(`
      [
        [
          "Change to \`Len\` (preferred) [unknown-function] → set(attributes["a"], Len(body))",
        ],
        [
          "Change to \`SEVERITY_NUMBER_WARN\` (preferred) [unknown-enum] → set(attributes["a"], 1) where severity_number > SEVERITY_NUMBER_WARN",
          "Change to \`SEVERITY_NUMBER_WARN2\` [unknown-enum] → set(attributes["a"], 1) where severity_number > SEVERITY_NUMBER_WARN2",
          "Change to \`SEVERITY_NUMBER_WARN3\` [unknown-enum] → set(attributes["a"], 1) where severity_number > SEVERITY_NUMBER_WARN3",
        ],
        [
          "Change to \`replacementFormat\` (preferred) [unknown-argument] → replace_pattern(body, "a", "b", replacementFormat="x")",
        ],
        [
          "Change to \`body\` (preferred) [unknown-path] → set(attributes["a"], body)",
        ],
        [
          "Change to \`span\` (preferred) [unknown-context] → context: span
      set(attributes["a"], 1)",
        ],
      ]
    `);
  });

  test('a suggestion with a context prefix applies only where the name starts the path', () => {
    expect([fixes('set(attributes["a"], kind)', { context: 'spanevent' }), fixes('set(attributes["a"], spanevent.kind)', { context: 'spanevent' })]).toMatchInlineSnapshot(`
      [
        [
          "Change to \`span.kind\` (preferred) [unknown-path] → set(attributes["a"], span.kind)",
        ],
        [],
      ]
    `);
  });

  test('diagnostics returned without data are matched against the current ones', () => {
    expect(fixes('set(attributes["a"], Lenn(body))', { context: 'log' }, ({ data: _, ...d }) => d)).toMatchInlineSnapshot(`
      [
        "Change to \`Len\` (preferred) [unknown-function] → set(attributes["a"], Len(body))",
      ]
    `);
  });

  test('only diagnostics of this service that overlap the range', () => {
    const doc = document('set(attributes["a"], Lenn(body))\nset(attributes["b"], Lenn(body))\n');
    const diagnostics = getDiagnostics(doc, { context: 'log' });
    const line1 = { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } };
    const foreign: Diagnostic = { ...diagnostics[0]!, source: 'other' };
    expect([
      getCodeActions(doc, line1, diagnostics, { context: 'log' }).map((a) => a.diagnostics![0]!.range.start.line),
      getCodeActions(doc, WHOLE, [foreign], { context: 'log' }),
    ]).toEqual([[], []]);
    expect(getCodeActions(doc, { start: { line: 1, character: 22 }, end: { line: 1, character: 22 } }, diagnostics, { context: 'log' }).map((a) => a.title)).toEqual([
      'Change to `Len`',
    ]);
  });

  test('parsing did-you-mean hints', () => {
    expect([
      didYouMeanSuggestions('did you mean `Len`?'),
      didYouMeanSuggestions('did you mean `a`, `b` or `c`?'),
      didYouMeanSuggestions('did you mean ==?'),
      didYouMeanSuggestions('`kind` is a path of the span context'),
      didYouMeanSuggestions(undefined),
    ]).toEqual([['Len'], ['a', 'b', 'c'], [], [], []]);
  });
});
