// Every OTTL text in the shared conformance corpora (statements, conditions, value expressions of
// e2e, funcs, funcs2, semantics) is valid syntax: the parser reports nothing for any of them.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse, type ParseKind } from '../parse.js';

interface CorpusText {
  readonly id: string;
  readonly text: string;
  readonly kind: ParseKind;
}

function load(file: string): Record<string, unknown>[] {
  const url = new URL(`../../../../../../shared/conformance/${file}.jsonl`, import.meta.url);
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const texts: CorpusText[] = [
  ...load('e2e').flatMap((c) =>
    (Array.isArray(c['ottl']) ? (c['ottl'] as string[]) : [c['ottl'] as string]).map((text) => ({
      id: c['id'] as string,
      text,
      kind: (c['kind'] === 'value_expression' ? 'value' : 'statement') as ParseKind,
    })),
  ),
  ...['funcs', 'funcs2'].flatMap((f) =>
    load(f).map((c) => ({
      id: c['id'] as string,
      text: c['args_ottl'] as string,
      kind: (c['kind'] === 'editor' ? 'statement' : 'value') as ParseKind,
    })),
  ),
  ...load('semantics').map((c) => ({
    id: c['id'] as string,
    text: c['ottl'] as string,
    kind: (c['kind'] === 'condition' ? 'condition' : 'value') as ParseKind,
  })),
];

test('the corpora hold over a thousand texts', () => {
  expect(texts.length).toBeGreaterThan(1000);
});

test('every corpus text parses without diagnostics', () => {
  const failures = texts
    .map((t) => ({ id: t.id, text: t.text.slice(0, 120), diagnostics: parse(t.text, t.kind).diagnostics.map((d) => d.message) }))
    .filter((r) => r.diagnostics.length > 0);
  expect(failures).toEqual([]);
});
