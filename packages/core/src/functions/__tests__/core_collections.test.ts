import { describe, expect, it } from 'vitest';
import { evaluate } from './core_harness.js';

const ok = (value: unknown) => ({ value });
const fails = (text: string) => ({ error: expect.stringContaining(text) });

describe('Keys and Values', () => {
  it.each([
    ['Keys({"name": "test", "value": "test2"})', ok(['name', 'value'])],
    ['Keys({})', ok([])],
    ['Keys("x")', fails('expected pcommon.Map but got string')],
    ['Values({"a": "t", "b": 4, "c": true, "d": [1, 2], "e": 3.14, "f": {"s": "v"}})', ok(['t', 4, true, [1, 2], { $double: 3.14 }, { s: 'v' }])],
    ['Values({})', ok([])],
  ])('%s', (text, outcome) => {
    expect(evaluate(text)).toEqual(outcome);
  });

  it('copies values out of the map', () => {
    expect(evaluate('Values(attributes["m"])', { m: { a: { x: 1 } } })).toEqual(ok([{ x: 1 }]));
  });
});

describe('SliceToMap', () => {
  const list = '[{"name": "foo", "value": 2}, {"name": "bar", "value": 5}]';
  const nested = '[{"name": "foo", "value": {"test": "x"}}, {"name": "bar", "value": {"test": "y"}}]';
  it.each([
    [`SliceToMap(${list}, ["name"])`, ok({ foo: { name: 'foo', value: 2 }, bar: { name: 'bar', value: 5 } })],
    [`SliceToMap(${list}, ["name"], ["value"])`, ok({ foo: 2, bar: 5 })],
    [`SliceToMap(${nested}, ["value", "test"], ["name"])`, ok({ x: 'foo', y: 'bar' })],
    [`SliceToMap(${list}, valuePath=["value"])`, ok({ '0': 2, '1': 5 })],
    ['SliceToMap(["a", 123, true])', ok({ '0': 'a', '1': 123, '2': true })],
    ['SliceToMap([])', ok({})],
    [`SliceToMap(${list}, ["notfound"])`, fails('could not extract key from element 0: provided object does not contain the path [notfound]')],
    [`SliceToMap(${list}, ["value"])`, fails('element 0: extracted key attribute is not of type string')],
    [`SliceToMap(${nested}, ["value", "test"], ["name", "nothing"])`, fails('could not extract value from element 0: provided object does not contain the path [name nothing]')],
    ['SliceToMap(["a"], ["k"])', fails("slice elements must be maps when using `key_path`, but could not cast element 'a' to a map")],
    ['SliceToMap({"a": 1})', fails('unsupported type provided to SliceToMap function: pcommon.Map')],
    ['SliceToMap([], [])', fails('key path must contain at least one element')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text)).toEqual(outcome);
  });

  it('reads a slice attribute', () => {
    expect(evaluate('SliceToMap(attributes["l"], ["k"])', { l: [{ k: 'a', n: 1 }] })).toEqual(ok({ a: { k: 'a', n: 1 } }));
  });
});

describe('Sort', () => {
  it.each([
    ['Sort([9, 6, 3], "asc")', ok([3, 6, 9])],
    ['Sort([3, 6, 9], "desc")', ok([9, 6, 3])],
    ['Sort(["i", "am", "awesome", "slice"])', ok(['am', 'awesome', 'i', 'slice'])],
    ['Sort([1.5, 10.2, 2.3, 0.5])', ok([{ $double: 0.5 }, { $double: 1.5 }, { $double: 2.3 }, { $double: 10.2 }])],
    ['Sort([])', ok([])],
    ['Sort([true, false, true, false])', ok([false, false, true, true])],
    ['Sort([1, "two", 3.33, false])', ok([1, { $double: 3.33 }, false, 'two'])],
    ['Sort([1.5, "10.2", 2.3, 0.5])', ok([{ $double: 0.5 }, { $double: 1.5 }, '10.2', { $double: 2.3 }])],
    ['Sort([0, 2, 3.33, 0])', ok([0, 0, 2, { $double: 3.33 }])],
    ['Sort([3.14, 2, 3.33, 0], "desc")', ok([{ $double: 3.33 }, { $double: 3.14 }, 2, 0])],
    ['Sort(["A", "a", "aa"])', ok(['A', 'a', 'aa'])],
    ['Sort([{"b": 1}, {"a": 2}])', ok([{ b: 1 }, { a: 2 }])],
    ['Sort({"k": "v"})', fails("sort with unsupported type: 'pcommon.Map'. Target is not a list")],
    ['Sort("no change")', fails("sort with unsupported type: 'string'. Target is not a list")],
    ['Sort(nil)', fails("sort with unsupported type: '<nil>'. Target is not a list")],
    ['Sort([1], "up")', fails('invalid arguments: up. Order should be either "asc" or "desc"')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text)).toEqual(outcome);
  });

  it('keeps equal elements in their order', () => {
    expect(evaluate('Sort([2, 1.0, 1, 0])')).toEqual(ok([0, { $double: 1 }, 1, 2]));
    expect(evaluate('Sort([2, 1.0, 1, 0], "desc")')).toEqual(ok([2, { $double: 1 }, 1, 0]));
  });

  it('sorts a slice attribute without changing it', () => {
    expect(evaluate('Sort(attributes["l"])', { l: ['b', 'a'] })).toEqual(ok(['a', 'b']));
  });
});

describe('ContainsValue and Coalesce', () => {
  it.each([
    ['ContainsValue(["hello", "world"], "hello")', ok(true)],
    ['ContainsValue(["hello", "world"], "unknown")', ok(false)],
    ['ContainsValue([0, 1], 1)', ok(true)],
    ['ContainsValue([0, 3.14159], 3.14159)', ok(true)],
    ['ContainsValue([1, 2], 2.0)', ok(true)],
    ['ContainsValue([true, false], true)', ok(true)],
    ['ContainsValue([1], "1")', ok(false)],
    ['ContainsValue([{"a": 1}], {"a": 1})', ok(true)],
    ['ContainsValue([[1, 2]], [1, 2])', ok(true)],
    ['ContainsValue("abc", "a")', fails('expected pcommon.Slice but got string')],
    ['Coalesce([nil, nil, "third"])', ok('third')],
    ['Coalesce([nil, nil])', ok(null)],
    ['Coalesce([nil, 42])', ok(42)],
    ['Coalesce([nil, 3.14])', ok({ $double: 3.14 })],
    ['Coalesce([attributes["missing"], attributes["a"]])', ok('x')],
    ['Coalesce([])', fails('Coalesce requires at least one argument')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text, { a: 'x' })).toEqual(outcome);
  });

  it('ContainsValue searches a slice attribute', () => {
    expect(evaluate('ContainsValue(attributes["l"], "b")', { l: ['a', 'b'] })).toEqual(ok(true));
  });
});
