import { describe, expect, it } from 'vitest';
import { check } from '../../__tests__/harness.js';
import { ArgumentTypeRule } from '../ArgumentTypeRule.js';

describe('ArgumentTypeRule', () => {
  it('warns when a strict getter gets a value of another type', () => {
    expect(check('set(attributes["a"], Substring(1, 0, "x"))', [ArgumentTypeRule])).toMatchInlineSnapshot(`
      [
        "warning type-mismatch 1:32-1:33 the parameter \`target\` of \`Substring\` expects string but gets int [hint: this call fails when it runs]",
        "warning type-mismatch 1:38-1:41 the parameter \`length\` of \`Substring\` expects int but gets string [hint: this call fails when it runs]",
      ]
    `);
  });
  it('warns inside getter lists', () => {
    expect(check('set(attributes["a"], Concat([{"k": 1}, Len("x")], TraceID(0x01)))', [ArgumentTypeRule])).toMatchInlineSnapshot(`
      [
        "warning type-mismatch 1:51-1:64 the parameter \`delimiter\` of \`Concat\` expects string but gets traceid [hint: this call fails when it runs]",
      ]
    `);
  });
  it('accepts coercible and unknown types', () => {
    expect(check('set(attributes["a"], Int("12"))', [ArgumentTypeRule])).toEqual([]);
    expect(check('set(attributes["a"], Substring(body, 0, attributes["n"]))', [ArgumentTypeRule])).toEqual([]);
  });
});
