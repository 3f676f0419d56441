import { describe, expect, it } from 'vitest';
import { check } from '../../__tests__/harness.js';
import { MissingArgumentRule } from '../MissingArgumentRule.js';

describe('MissingArgumentRule', () => {
  it('reports a required parameter skipped by naming a later one', () => {
    expect(check('set(attributes["a"], Substring("abc", length=1, start=0))', [MissingArgumentRule])).toEqual([]);
    expect(check('set(value="x", target=attributes["a"])', [MissingArgumentRule])).toEqual([]);
    expect(check('set(attributes["a"], Split(delimiter=",", target="a,b"))', [MissingArgumentRule])).toEqual([]);
    expect(check('set(attributes["a"], Substring("abc", length=1, length=2))', [MissingArgumentRule])).toMatchInlineSnapshot(`
      [
        "error missing-argument 1:22-1:58 \`Substring\` requires the parameter \`start\` [hint: add \`start = …\` or pass it positionally]",
      ]
    `);
  });
});
