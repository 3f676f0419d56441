import { describe, expect, it } from 'vitest';
import { check } from '../../__tests__/harness.js';
import { ArgumentKindRule } from '../ArgumentKindRule.js';

describe('ArgumentKindRule', () => {
  it('requires a path where an editor writes', () => {
    expect(check('set("x", "y")', [ArgumentKindRule])).toMatchInlineSnapshot(`
      [
        "error path-required 1:5-1:8 the parameter \`target\` of \`set\` must be a path [hint: write the path to change, such as \`attributes["key"]\`]",
      ]
    `);
  });
  it('requires a literal where the parameter is literal-only', () => {
    expect(check('set(attributes["a"], ConvertCase(body, attributes["case"]))', [ArgumentKindRule])).toMatchInlineSnapshot(`
      [
        "error literal-required 1:40-1:58 the parameter \`toCase\` of \`ConvertCase\` must be a string literal [hint: write the string directly; this parameter is fixed when the statement is compiled]",
      ]
    `);
  });
  it('requires a converter name where a function is passed', () => {
    expect(check('replace_pattern(body, "a", "b", Sha256)', [ArgumentKindRule])).toMatchInlineSnapshot(`
      [
        "error unknown-function 1:33-1:39 there is no converter named \`Sha256\` [hint: did you mean \`SHA256\`?]",
      ]
    `);
    expect(check('replace_pattern(body, "a", "b", "SHA256")', [ArgumentKindRule])).toMatchInlineSnapshot(`
      [
        "error function-required 1:33-1:41 the parameter \`function\` of \`replace_pattern\` must be the name of a converter [hint: write the converter name without parentheses, such as \`SHA256\`]",
      ]
    `);
  });
  it('accepts the right forms', () => {
    expect(check('replace_pattern(body, "a", "b", SHA256, "%s")', [ArgumentKindRule])).toEqual([]);
    expect(check('set(attributes["a"], ConvertCase(body, "upper"))', [ArgumentKindRule])).toEqual([]);
  });
});
