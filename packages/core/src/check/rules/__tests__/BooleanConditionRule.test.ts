import { describe, expect, it } from 'vitest';
import { check } from '../../__tests__/harness.js';
import { BooleanConditionRule } from '../BooleanConditionRule.js';

describe('BooleanConditionRule', () => {
  it('warns about a converter that cannot return a bool used as a condition', () => {
    expect(check('String("world")', [BooleanConditionRule], { kind: 'condition' })).toMatchInlineSnapshot(`
      [
        "warning non-boolean-condition 1:1-1:16 \`String\` returns string, not a bool, so it cannot be a condition [hint: compare its result instead, such as \`String(…) == …\`]",
      ]
    `);
  });
  it('accepts converters returning bool', () => {
    expect(check('IsMatch(body, "a") and not IsString(body)', [BooleanConditionRule], { kind: 'condition' })).toEqual([]);
  });
});
