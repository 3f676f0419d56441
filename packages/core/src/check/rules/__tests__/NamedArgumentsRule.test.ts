import { describe, expect, it } from 'vitest';
import { check } from '../../__tests__/harness.js';
import { NamedArgumentsRule } from '../NamedArgumentsRule.js';

describe('NamedArgumentsRule', () => {
  it('reports an unknown named argument with did-you-mean', () => {
    expect(check('flatten(attributes, dept=2)', [NamedArgumentsRule])).toMatchInlineSnapshot(`
      [
        "error unknown-argument 1:21-1:25 \`flatten\` has no parameter named \`dept\` [hint: did you mean \`depth\`?]",
      ]
    `);
  });
  it('reports a positional argument after a named one', () => {
    expect(check('flatten(attributes, depth=2, "p")', [NamedArgumentsRule])).toMatchInlineSnapshot(`
      [
        "error positional-after-named 1:30-1:33 unnamed argument used after named argument [hint: name this argument too, or move it before the named ones]",
      ]
    `);
  });
  it('reports a parameter bound twice', () => {
    expect(check('flatten(attributes, "p", prefix="q")', [NamedArgumentsRule])).toMatchInlineSnapshot(`
      [
        "error duplicate-argument 1:26-1:36 the parameter \`prefix\` of \`flatten\` is given more than once [hint: remove one of the arguments]",
      ]
    `);
  });
  it('binds lowerCamelCase and snake_case names alike', () => {
    expect(check('flatten(attributes, resolveConflicts=true)', [NamedArgumentsRule])).toEqual([]);
    expect(check('flatten(attributes, resolve_conflicts=true)', [NamedArgumentsRule])).toEqual([]);
  });
});
