import { describe, expect, it } from 'vitest';
import { check } from '../../__tests__/harness.js';
import { KnownEnumsRule } from '../KnownEnumsRule.js';

describe('KnownEnumsRule', () => {
  it('reports an enum symbol the context does not define, with did-you-mean', () => {
    expect(check('severity_number == SEVERITY_NUMBER_INFOO', [KnownEnumsRule], { kind: 'condition' })).toMatchInlineSnapshot(`
      [
        "error unknown-enum 1:20-1:41 the log context has no enum symbol \`SEVERITY_NUMBER_INFOO\` [hint: did you mean \`SEVERITY_NUMBER_INFO\`, \`SEVERITY_NUMBER_INFO2\` or \`SEVERITY_NUMBER_INFO3\`?]",
      ]
    `);
  });
  it('accepts the context enums', () => {
    expect(check('severity_number == SEVERITY_NUMBER_INFO', [KnownEnumsRule], { kind: 'condition' })).toEqual([]);
  });
});
