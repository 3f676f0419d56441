import { describe, expect, it } from 'vitest';
import { check } from '../../__tests__/harness.js';
import { ArgumentCountRule } from '../ArgumentCountRule.js';

describe('ArgumentCountRule', () => {
  it('reports too few arguments', () => {
    expect(check('set(attributes["a"])', [ArgumentCountRule])).toMatchInlineSnapshot(`
      [
        "error wrong-arity 1:1-1:21 incorrect number of arguments to \`set\`: expected 2, received 1 [hint: \`set(target, value)\`]",
      ]
    `);
  });
  it('reports too many arguments, naming the optional range', () => {
    expect(check('set(attributes["a"], Substring("abc", 0, 1, true, 5))', [ArgumentCountRule])).toMatchInlineSnapshot(`
      [
        "error wrong-arity 1:22-1:53 incorrect number of arguments to \`Substring\`: expected 3 to 4, received 5 [hint: \`Substring(target, start, length, utf8Safe?)\`]",
      ]
    `);
  });
  it('accepts omitted optional parameters', () => {
    expect(check('set(attributes["a"], Substring("abc", 0, 1))', [ArgumentCountRule])).toEqual([]);
  });
});
