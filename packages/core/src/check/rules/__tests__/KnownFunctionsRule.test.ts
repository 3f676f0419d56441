import { describe, expect, it } from 'vitest';
import { check } from '../../__tests__/harness.js';
import { KnownFunctionsRule } from '../KnownFunctionsRule.js';

describe('KnownFunctionsRule', () => {
  it('reports an unknown converter with did-you-mean over converters', () => {
    expect(check('set(attributes["d"], Lenn(body))', [KnownFunctionsRule])).toMatchInlineSnapshot(`
      [
        "error unknown-function 1:22-1:26 there is no converter named \`Lenn\` [hint: did you mean \`Len\`?]",
      ]
    `);
  });
  it('reports an unknown editor with did-you-mean over editors', () => {
    expect(check('sett(attributes["d"], "x")', [KnownFunctionsRule])).toMatchInlineSnapshot(`
      [
        "error unknown-function 1:1-1:5 there is no editor named \`sett\` [hint: did you mean \`set\`?]",
      ]
    `);
  });
  it('accepts registered functions', () => {
    expect(check('set(attributes["d"], Len(body))', [KnownFunctionsRule])).toEqual([]);
  });
});
