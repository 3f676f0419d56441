import { describe, expect, it } from 'vitest';
import { check } from '../../__tests__/harness.js';
import { MathOperandRule } from '../MathOperandRule.js';

describe('MathOperandRule', () => {
  it('warns about operands that cannot take part in arithmetic', () => {
    expect(check('set(attributes["a"], severity_text + 1)', [MathOperandRule])).toMatchInlineSnapshot(`
      [
        "warning type-mismatch 1:22-1:35 \`+\` needs numbers, times or durations, not string [hint: this expression fails when it runs]",
      ]
    `);
  });
  it('warns about unsupported time and duration operations', () => {
    expect(check('set(attributes["a"], time * Duration("1s"))', [MathOperandRule])).toMatchInlineSnapshot(`
      [
        "warning type-mismatch 1:27-1:28 \`*\` is not defined between time and duration [hint: this expression fails when it runs]",
      ]
    `);
  });
  it('accepts numbers, times and durations in supported combinations', () => {
    expect(check('set(attributes["a"], 1 + 2.5 * severity_number)', [MathOperandRule])).toEqual([]);
    expect(check('set(attributes["a"], time - observed_time)', [MathOperandRule])).toEqual([]);
    expect(check('set(attributes["a"], attributes["x"] + 1)', [MathOperandRule])).toEqual([]);
  });
});
