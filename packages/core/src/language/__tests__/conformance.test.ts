// The parse corpus transcribed from upstream (shared conformance/parse.jsonl): every case of the
// levels grammar, parser, prepend_context and lexer. Level `eval` needs the engine and runs there.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseErrorText, syntaxErrorText } from '../errorText.js';
import { parse, tokenize, type ParseKind } from '../parse.js';
import { prependContext } from '../prependContext.js';

interface ParseCase {
  id: string;
  kind: 'statement' | 'condition' | 'value_expression' | 'lex';
  level: 'grammar' | 'parser' | 'eval' | 'prepend_context' | 'lexer';
  ottl: string;
  name?: string;
  expect: {
    ok: boolean;
    error_contains?: string;
    error_contains_all?: string[];
    context?: string;
    path_context_names?: string[];
    rewritten?: string;
    tokens?: { type: string; text: string }[];
  };
}

const CORPUS = new URL('../../../../../../shared/conformance/parse.jsonl', import.meta.url);
const cases: ParseCase[] = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as ParseCase);

function kindOf(c: ParseCase): ParseKind {
  return c.kind === 'value_expression' ? 'value' : (c.kind as ParseKind);
}

function title(c: ParseCase): string {
  return `${c.id} ${c.kind} ${JSON.stringify(c.ottl)}`;
}

function expectMessage(error: string | undefined, c: ParseCase): void {
  expect(error, 'expected an error').toBeDefined();
  if (c.expect.error_contains !== undefined) expect(error).toContain(c.expect.error_contains);
  for (const part of c.expect.error_contains_all ?? []) expect(error).toContain(part);
}

test('the corpus is where the harness expects it', () => {
  expect(cases.length).toBeGreaterThan(150);
  const levels = new Set(cases.map((c) => c.level));
  for (const level of ['grammar', 'parser', 'prepend_context', 'lexer']) expect(levels).toContain(level);
});

describe('grammar', () => {
  test.each(cases.filter((c) => c.level === 'grammar').map((c) => [title(c), c] as const))('%s', (_, c) => {
    const { ast, diagnostics } = parse(c.ottl, kindOf(c));
    const error = syntaxErrorText(kindOf(c), diagnostics);
    if (c.expect.ok) {
      expect(error).toBeUndefined();
      expect(ast).toBeDefined();
    } else {
      expectMessage(error, c);
    }
  });
});

describe('parser', () => {
  test.each(cases.filter((c) => c.level === 'parser').map((c) => [title(c), c] as const))('%s', (_, c) => {
    const { diagnostics } = parse(c.ottl, kindOf(c));
    const error = parseErrorText(kindOf(c), c.ottl, diagnostics);
    if (c.expect.ok) expect(error).toBeUndefined();
    else expectMessage(error, c);
  });
});

describe('prepend_context', () => {
  test.each(cases.filter((c) => c.level === 'prepend_context').map((c) => [title(c), c] as const))('%s', (_, c) => {
    const result = prependContext(c.ottl, kindOf(c), c.expect.context!, c.expect.path_context_names!);
    if (c.expect.ok) {
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.text).toBe(c.expect.rewritten);
    } else {
      expect(result.text).toBeUndefined();
      const unknownContext = result.diagnostics.find((d) => d.code === 'unknown-context');
      expectMessage(unknownContext?.message ?? syntaxErrorText(kindOf(c), result.diagnostics), c);
    }
  });
});

describe('lexer', () => {
  test.each(cases.filter((c) => c.level === 'lexer').map((c) => [title(c), c] as const))('%s', (_, c) => {
    const { tokens, diagnostics } = tokenize(c.ottl);
    if (c.expect.ok) {
      expect(diagnostics).toEqual([]);
      expect(tokens.map(({ type, text }) => ({ type, text }))).toEqual(c.expect.tokens);
    } else {
      expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
    }
  });
});

describe('eval-level texts parse (their results are checked by the engine)', () => {
  test.each(cases.filter((c) => c.level === 'eval').map((c) => [title(c), c] as const))('%s', (_, c) => {
    expect(syntaxErrorText(kindOf(c), parse(c.ottl, kindOf(c)).diagnostics)).toBeUndefined();
  });
});
