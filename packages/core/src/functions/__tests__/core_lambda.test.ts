import { describe, expect, it } from 'vitest';
import { definition as All } from '../lambda/all.js';
import { lit } from './harness.js';
import { evaluate } from './core_harness.js';

const ok = (value: unknown) => ({ value });
const fails = (text: string) => ({ error: expect.stringContaining(text) });

describe('lambda converters', () => {
  it.each([
    ['All([1, 2, 3], (_, v) => v > 0)', ok(true)],
    ['All([], (_, v) => v > 0)', ok(true)],
    ['All({"a": 1, "b": -1}, (_, v) => v > 0)', ok(false)],
    ['All(attributes["tags"], (i, v) => i < 2 and IsString(v))', ok(true)],
    ['All([1], (_, v) => v)', fails('error while evaluating lambda function on slice item (0, 1): lambda expression must return a value of type bool, got int64')],
    ['All("x", (_, v) => true)', fails('unsupported type provided: string')],
    ['Any(["dev", "prod"], (_, v) => v == "prod")', ok(true)],
    ['Any([], (_, v) => true)', ok(false)],
    ['Any({"http.a": 1}, (k, _) => HasPrefix(k, "http."))', ok(true)],
    ['Filter([1, 5, 2], (_, v) => v > 1)', ok([5, 2])],
    ['Filter(attributes["tags"], (_, v) => v == "prod")', ok(['prod'])],
    ['Filter({"a": 1, "b": 2}, (k, v) => k == "b" or v == 1)', ok({ a: 1, b: 2 })],
    ['Filter({"a": 1, "b": 2}, (_, v) => v == 2)', ok({ b: 2 })],
    ['Find(["a", "bb", "cc"], (_, v) => Len(v) == 2)', ok('bb')],
    ['Find(["a"], (_, v) => v == "z")', ok(null)],
    ['Find({"x": 1, "y": 2}, (_, v) => v == 2, (k, _) => k)', ok('y')],
    ['Find({"x": 1}, (_, v) => v == 1, (_, v) => v * 10)', ok(10)],
    ['MapEach([1, 2], (_, v) => v * 10)', ok([10, 20])],
    ['MapEach([1, 2], (i, _) => i)', ok([0, 1])],
    ['MapEach({"a": 1}, (k, v) => Concat([k, String(v)], "="))', ok({ a: 'a=1' })],
    ['MapEach([1], (_, v) => Now() - Now())', ok([{ $empty: true }])],
    ['MapKeys({"a": 1, "b": 2}, (k, _) => Concat(["x.", k], ""))', ok({ 'x.a': 1, 'x.b': 2 })],
    ['MapKeys({"a": 1, "b": 2}, (_, _) => "k")', ok({ k: 2 })],
    ['MapKeys({"a": 1}, (_, v) => v)', fails('lambda expression must return a value of type string, got int64')],
    ['MapKeys([1], (k, _) => k)', fails('expected pcommon.Map but got')],
    ['Reduce([1, 2, 3], 0, (acc, _, v) => acc + v)', ok(6)],
    ['Reduce([], "seed", (acc, _, v) => v)', ok('seed')],
    ['Reduce({"a": "x", "b": "y"}, "", (acc, k, v) => Concat([acc, k, v], ""))', ok('axby')],
    ['When(() => 1 > 0, "positive", "negative")', ok('positive')],
    ['When(() => IsMap("x"), "map", attributes["tags"])', ok(['dev', 'prod'])],
    ['When(() => 1, "a", "b")', fails('error while evaluating lambda function: lambda expression must return a value of type bool, got int64')],
    ['All([[1, 2], [3]], (_, l) => All(l, (_, v) => v > 0))', ok(true)],
    ['Find([1, 2], (_, v) => v > 1, (_, _) => 1, (_, _) => 2)', fails('parse: ')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text, { tags: ['dev', 'prod'] })).toEqual(outcome);
  });

  it('are rejected when created without the lambda gate or with the wrong arity', () => {
    const lambda = (params: string[]) => ({ params, call: () => true });
    expect(() => All.create([lit([]), lambda(['i', 'v'])], { context: 'log', featureGates: new Set() })).toThrow(
      'lambda expressions require the ottl.functions.enableLambda feature gate',
    );
    expect(() =>
      All.create([lit([]), lambda(['v'])], { context: 'log', featureGates: new Set(['ottl.functions.enableLambda']) }),
    ).toThrow('lambda should be defined with exactly 2 formal(s), but has 1');
  });

  it('belong to the experimental gate', () => {
    expect(All.gate).toBe('pkg.ottl.functions.enableExperimental');
  });
});
