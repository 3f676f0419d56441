import { describe, expect, it } from 'vitest';
import { LAMBDA_GATE } from '../../analysis.js';
import { check } from '../../__tests__/harness.js';
import { LambdaGateRule } from '../LambdaGateRule.js';

const TEXT = 'set(attributes["x"], Filter(attributes["l"], (i, v) => v == 1))';

describe('LambdaGateRule', () => {
  it('reports lambda syntax while the gate is off', () => {
    expect(check(TEXT, [LambdaGateRule])).toMatchInlineSnapshot(`
      [
        "error lambda-disabled 1:46-1:62 lambda expressions are disabled [hint: enable the feature gate \`ottl.functions.enableLambda\`]",
      ]
    `);
  });
  it('accepts lambdas with the gate on', () => {
    expect(check(TEXT, [LambdaGateRule], { gates: [LAMBDA_GATE] })).toEqual([]);
  });
});
