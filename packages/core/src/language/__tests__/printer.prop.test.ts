// Property tests: printing a generated AST and parsing the text gives the same AST (ranges and
// raw spellings aside), and formatting is idempotent whatever the layout of the input.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCondition, parseStatement, parseValueExpression } from '../parse.js';
import { printCondition, printStatement, printValue } from '../printer.js';
import { conditionArb, gapsArb, relayout, statementArb, strip, valueArb } from './astArbitraries.js';

const RUNS = { numRuns: 300 };

describe('parse(print(ast)) ≡ ast', () => {
  test('statements', () => {
    fc.assert(
      fc.property(statementArb, (ast) => {
        const text = printStatement(ast);
        const parsed = parseStatement(text);
        expect(parsed.diagnostics, text).toEqual([]);
        expect(strip(parsed.ast), text).toEqual(strip(ast));
      }),
      RUNS,
    );
  });

  test('conditions', () => {
    fc.assert(
      fc.property(conditionArb, (ast) => {
        const text = printCondition(ast);
        const parsed = parseCondition(text);
        expect(parsed.diagnostics, text).toEqual([]);
        expect(strip(parsed.ast), text).toEqual(strip(ast));
      }),
      RUNS,
    );
  });

  test('values', () => {
    fc.assert(
      fc.property(valueArb, (ast) => {
        const text = printValue(ast);
        const parsed = parseValueExpression(text);
        expect(parsed.diagnostics, text).toEqual([]);
        expect(strip(parsed.ast), text).toEqual(strip(ast));
      }),
      RUNS,
    );
  });
});

describe('formatting is idempotent', () => {
  test('statements in any layout format to the canonical text', () => {
    fc.assert(
      fc.property(statementArb, gapsArb, (ast, gaps) => {
        const canonical = printStatement(ast);
        const messy = relayout(canonical, gaps);
        const once = printStatement(parseStatement(messy).ast!, { keepRaw: true });
        expect(once, messy).toBe(canonical);
        expect(printStatement(parseStatement(once).ast!, { keepRaw: true })).toBe(once);
      }),
      RUNS,
    );
  });
});
