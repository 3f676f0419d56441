// prependContext beyond the corpus cases, the visitor, and upstream-style error texts.
import { describe, expect, test } from 'vitest';
import type { AnyNode } from '../ast.js';
import { parseErrorText, syntaxErrorText } from '../errorText.js';
import { parseStatement } from '../parse.js';
import { prependContext } from '../prependContext.js';
import { visit } from '../visitor.js';

describe('prependContext', () => {
  test('nil is not a path; keys holding paths are rewritten too', () => {
    expect(prependContext('set(attributes[attributes["k"]], nil) where body == nil', 'statement', 'log', ['log', 'resource']).text).toBe(
      'set(log.attributes[log.attributes["k"]], nil) where log.body == nil',
    );
  });

  test('lambda parameters are left alone, other paths in a lambda body are prefixed', () => {
    expect(prependContext('set(x, Filter(attributes, (k, v) => v == name and k != "a"))', 'statement', 'span', ['span']).text).toBe(
      'set(span.x, Filter(span.attributes, (k, v) => v == span.name and k != "a"))',
    );
  });

  test('a path whose first name is not a known context gets the prefix', () => {
    expect(prependContext('resource.attributes["a"] == foo.bar', 'condition', 'log', ['log']).text).toBe(
      'log.resource.attributes["a"] == log.foo.bar',
    );
  });

  test('syntax errors come back as diagnostics, wrapped like upstream in the error text', () => {
    const result = prependContext('set(', 'statement', 'log', ['log']);
    expect(result.text).toBeUndefined();
    expect(syntaxErrorText('statement', result.diagnostics)).toBe(
      "statement has invalid syntax: 1:5: expected ')' to close the call to set (opened at 1:4), found end of input",
    );
  });
});

describe('upstream-style error texts', () => {
  test('post-parse errors are not wrapped; all errors are joined', () => {
    const { diagnostics } = parseStatement('Set(int())');
    expect(parseErrorText('statement', 'Set(int())', diagnostics)).toBe(
      `unable to parse OTTL statement "Set(int())": editor names must start with a lowercase letter but got 'Set'; converter names must start with an uppercase letter but got 'int'`,
    );
  });

  test('no errors, no text (warnings do not count)', () => {
    expect(parseErrorText('statement', 'set(x, 010)', parseStatement('set(x, 010)').diagnostics)).toBeUndefined();
  });
});

describe('visit', () => {
  test('walks in source order with parents; returning false skips children', () => {
    const { ast } = parseStatement('set(attributes["a"], Concat([name, "x"], "-")) where IsMatch(body, "b")');
    const seen: string[] = [];
    visit(ast as AnyNode, {
      enter(node, parent) {
        seen.push(`${node.kind}<${parent?.kind ?? ''}`);
      },
      List: () => false,
    });
    expect(seen).toEqual([
      'Statement<',
      'Call<Statement',
      'Argument<Call',
      'Path<Argument',
      'PathSegment<Path',
      'Key<PathSegment',
      'Literal<Key',
      'Argument<Call',
      'Call<Argument',
      'Argument<Call',
      'List<Argument',
      'Argument<Call',
      'Literal<Argument',
      'BoolConst<Statement',
      'Call<BoolConst',
      'Argument<Call',
      'Path<Argument',
      'PathSegment<Path',
      'Argument<Call',
      'Literal<Argument',
    ]);
  });
});
