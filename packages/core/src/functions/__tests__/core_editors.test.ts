import { describe, expect, it } from 'vitest';
import { run } from './core_harness.js';

const attrs = { test: 'hello world', test2: 3, test3: true };

describe('set', () => {
  it.each([
    ['set(attributes["a"], "v")', {}, { a: 'v' }],
    ['set(attributes["a"], attributes["missing"])', { a: 1 }, { a: 1 }],
    ['set(attributes["a"], {"k": [1, 2.5]})', {}, { a: { k: [1, { $double: 2.5 }] } }],
  ])('%s on %j', (text, before, after) => {
    expect(run(text, before)).toEqual({ value: after });
  });

  it('hands nil to the target with the ottl.set.allowNil gate', () => {
    expect(run('set(attributes["a"], nil)', { a: 1 }, true)).toEqual({ value: { a: { $empty: true } } });
    expect(run('set(attributes["a"], nil)', { a: 1 }, false)).toEqual({ value: { a: 1 } });
  });
});

describe('append', () => {
  it.each([
    ['append(attributes["t"], "a")', {}, ['a']],
    ['append(attributes["t"], 66)', {}, [66]],
    ['append(attributes["t"], "a")', { t: [] }, ['a']],
    ['append(attributes["t"], values=["a", "b"])', { t: ['5', '6'] }, ['5', '6', 'a', 'b']],
    ['append(attributes["t"], "x", ["a", 1])', { t: ['5'] }, ['5', 'x', 'a', 1]],
    ['append(attributes["t"], "a")', { t: '5' }, ['5', 'a']],
    ['append(attributes["t"], 5)', { t: { $double: 2.5 } }, [{ $double: 2.5 }, 5]],
    ['append(attributes["t"], 5)', { t: true }, [true, 5]],
    ['append(attributes["t"], 5)', { t: { $bytes: '0102' } }, [{ $bytes: '0102' }, 5]],
    ['append(attributes["t"], {"k": "v"})', { t: [1] }, [1, { k: 'v' }]],
  ])('%s on %j', (text, before, list) => {
    expect(run(text, before)).toEqual({ value: { ...before, t: list } });
  });

  it('fails on a map target and when nothing is given', () => {
    expect(run('append(attributes["t"], 5)', { t: {} })).toEqual({ error: expect.stringContaining("unsupported type of target field: 'pcommon.Map'") });
    expect(run('append(attributes["t"])', {})).toEqual({
      error: expect.stringContaining("at least one of the optional arguments ('value' or 'values') must be provided"),
    });
  });

  it('refuses values pdata cannot hold', () => {
    expect(run('append(attributes["t"], Now())', {})).toEqual({ error: expect.stringContaining('<Invalid value type time.Time>') });
  });
});

describe('clear', () => {
  it.each([
    [{ t: 'x' }, { t: '' }],
    [{ t: 42 }, { t: 0 }],
    [{ t: { $double: 1.5 } }, { t: { $double: 0 } }],
    [{ t: true }, { t: false }],
    [{ t: { a: 1 } }, { t: {} }],
    [{ t: [1] }, { t: [] }],
    [{ t: { $bytes: '01' } }, { t: { $bytes: '' } }],
    [{}, { t: { $empty: true } }],
  ])('%j → %j', (before, after) => {
    expect(run('clear(attributes["t"])', before)).toEqual({ value: after });
  });
});

describe('delete_index', () => {
  it.each([
    ['delete_index(attributes["t"], 3)', [0, 1, 2, 3, 4], [0, 1, 2, 4]],
    ['delete_index(attributes["t"], 1, 4)', [true, false, true, false, true], [true, true]],
    ['delete_index(attributes["t"], 0, 3)', [1, 2, 3], []],
    ['delete_index(attributes["t"], 1, 1)', [1, 2, 3], [1, 2, 3]],
  ])('%s on %j', (text, before, after) => {
    expect(run(text, { t: before })).toEqual({ value: { t: after } });
  });

  it.each([
    ['delete_index(attributes["t"], 5)', [0, 1, 2], 'startIndex 5 out of bounds for slice of length 3'],
    ['delete_index(attributes["t"], -1)', [0, 1, 2], 'startIndex -1 out of bounds for slice of length 3'],
    ['delete_index(attributes["t"], 2, 1)', [0, 1, 2], 'endIndex 1 cannot be less than startIndex 2'],
    ['delete_index(attributes["t"], 2, 7)', [0, 1, 2, 3], 'deletion range [2:7] out of bounds for slice of length 4'],
    ['delete_index(attributes["t"], 0)', 'not_a_slice', 'expected pcommon.Slice but got string'],
  ])('%s on %j fails', (text, before, message) => {
    expect(run(text, { t: before })).toEqual({ error: expect.stringContaining(message) });
  });
});

describe('delete_key', () => {
  it('moves the last entry into the removed slot, like pdata', () => {
    const out = run('delete_key(attributes["m"], "test")', { m: attrs });
    expect(out).toEqual({ value: { m: { test3: true, test2: 3 } } });
    expect(Object.keys((out as { value: { m: object } }).value.m)).toEqual(['test3', 'test2']);
  });

  it('takes a dynamic key and ignores a missing one', () => {
    expect(run('delete_key(attributes["m"], attributes["k"])', { m: attrs, k: 'test2' })).toEqual({
      value: { m: { test: 'hello world', test3: true }, k: 'test2' },
    });
    expect(run('delete_key(attributes["m"], "nope")', { m: attrs })).toEqual({ value: { m: attrs } });
  });

  it.each([[{ m: 'not a map' }, 'expected pcommon.Map but got string'], [{}, 'expected pcommon.Map but got nil']])(
    'fails on %j',
    (before, message) => {
      expect(run('delete_key(attributes["m"], "x")', before)).toEqual({ error: expect.stringContaining(message) });
    },
  );
});

describe('flatten', () => {
  it.each([
    ['flatten(attributes["m"])', { a: { b: 1 }, l: ['x', 'y'] }, { 'a.b': 1, 'l.0': 'x', 'l.1': 'y' }],
    ['flatten(attributes["m"], "p")', { a: { b: 1 } }, { 'p.a.b': 1 }],
    ['flatten(attributes["m"], depth=2)', { '0': { '1': { '2': { '3': 'v' } } } }, { '0.1.2': { '3': 'v' } }],
    ['flatten(attributes["m"], depth=1)', { l: [{ a: 1 }, 2] }, { 'l.0': { a: 1 }, 'l.1': 2 }],
    ['flatten(attributes["m"], depth=2)', { l: [{ a: 1 }, 2] }, { 'l.0.a': 1, 'l.1': 2 }],
    // Items of a nested list are keyed right after the outer index, without a dot (as upstream does).
    ['flatten(attributes["m"])', { l: [['a', 'b']] }, { 'l.00': 'a', 'l.01': 'b' }],
    [
      'flatten(attributes["m"], resolveConflicts=true)',
      { a: { b: 1 }, 'a.b': 2, l: ['x', 'y'] },
      { 'a.b': 1, 'a.b.0': 2, l: 'x', 'l.0': 'y' },
    ],
    ['flatten(attributes["m"])', { a: { b: 1 }, 'a.b': 2 }, { 'a.b': 2 }],
  ])('%s on %j', (text, before, after) => {
    expect(run(text, { m: before })).toEqual({ value: { m: after } });
  });

  it('rejects a depth below 1 when created and a target that is not a map', () => {
    expect(run('flatten(attributes["m"], depth=0)', { m: {} })).toEqual({
      error: expect.stringContaining("invalid depth '0' for flatten function, must be greater than 0"),
    });
    expect(run('flatten(attributes["m"])', { m: 1 })).toEqual({ error: expect.stringContaining('expected pcommon.Map but got int64') });
  });
});

describe('keep_keys', () => {
  it.each([
    ['keep_keys(attributes["m"], ["test"])', { test: 'hello world' }],
    ['keep_keys(attributes["m"], ["test3", "test"])', { test: 'hello world', test3: true }],
    ['keep_keys(attributes["m"], [])', {}],
    ['keep_keys(attributes["m"], ["none"])', {}],
  ])('%s', (text, after) => {
    expect(run(text, { m: attrs })).toEqual({ value: { m: after } });
  });
});

describe('limit', () => {
  it.each([
    ['limit(attributes["m"], 1, [])', { test: 'hello world' }],
    ['limit(attributes["m"], 3, [])', attrs],
    ['limit(attributes["m"], 2, ["test3"])', { test: 'hello world', test3: true }],
    ['limit(attributes["m"], 1, ["test3"])', { test3: true }],
    ['limit(attributes["m"], 1, ["te"])', { test: 'hello world' }],
    ['limit(attributes["m"], 0, [])', {}],
  ])('%s', (text, after) => {
    expect(run(text, { m: attrs })).toEqual({ value: { m: after } });
  });

  it.each([
    ['limit(attributes["m"], -1, [])', 'invalid limit for limit function, -1 cannot be negative'],
    ['limit(attributes["m"], 1, ["a", "b"])', 'invalid limit for limit function, 1 cannot be less than number of priority attributes 2'],
  ])('%s is rejected when created', (text, message) => {
    expect(run(text, { m: attrs })).toEqual({ error: expect.stringContaining(message) });
  });
});

describe('merge_maps', () => {
  it.each([
    ['insert', { a: 1, b: 2 }],
    ['update', { a: 9 }],
    ['upsert', { a: 9, b: 2 }],
  ])('%s', (strategy, after) => {
    expect(run(`merge_maps(attributes["m"], {"a": 9, "b": 2}, "${strategy}")`, { m: { a: 1 } })).toEqual({ value: { m: after } });
  });

  it('deep-copies the source', () => {
    expect(run('merge_maps(attributes["m"], attributes["s"], "upsert")', { m: {}, s: { n: { x: 1 } } })).toEqual({
      value: { m: { n: { x: 1 } }, s: { n: { x: 1 } } },
    });
  });

  it('rejects an unknown strategy when created, a non-map source when run', () => {
    expect(run('merge_maps(attributes["m"], {}, "merge")', { m: {} })).toEqual({
      error: expect.stringContaining("invalid value for strategy, merge, must be 'insert', 'update' or 'upsert'"),
    });
    expect(run('merge_maps(attributes["m"], attributes["s"], "insert")', { m: {}, s: 1 })).toEqual({
      error: expect.stringContaining('expected pcommon.Map but got int64'),
    });
  });
});

describe('stringify_all', () => {
  it('renders every non-string value as pdata AsString does, keeping key order', () => {
    const out = run('stringify_all(attributes["m"])', {
      m: { s: 'x', i: 42, d: { $double: 3.14 }, b: true, by: { $bytes: '010203' }, m: { n: 'v' }, l: [1, 2], e: { $empty: true } },
    });
    expect(out).toEqual({
      value: { m: { s: 'x', i: '42', d: '3.14', b: 'true', by: 'AQID', m: '{"n":"v"}', l: '[1,2]', e: '' } },
    });
    expect(Object.keys((out as { value: { m: object } }).value.m)).toEqual(['s', 'i', 'd', 'b', 'by', 'm', 'l', 'e']);
  });
});

describe('truncate_all', () => {
  it.each([
    ['truncate_all(attributes["m"], 1)', { s: 'hello', n: 3 }, { s: 'h', n: 3 }],
    ['truncate_all(attributes["m"], 0)', { s: 'hello' }, { s: '' }],
    ['truncate_all(attributes["m"], 5)', { s: 'hello' }, { s: 'hello' }],
    // "é" is two bytes: a cut inside it backs up to the character boundary.
    ['truncate_all(attributes["m"], 2)', { s: 'aé' }, { s: 'a' }],
    ['truncate_all(attributes["m"], 2, false)', { s: 'aé' }, { s: 'a\ufffd' }],
    ['truncate_all(attributes["m"], 6, true, "...")', { s: 'hello world' }, { s: 'hel...' }],
    ['truncate_all(attributes["m"], 6, truncationMarker="...")', { s: 'hello' }, { s: 'hello' }],
    ['truncate_all(attributes["m"], 3, truncationMarker="...")', { s: 'hello' }, { s: '...' }],
  ])('%s on %j', (text, before, after) => {
    expect(run(text, { m: before })).toEqual({ value: { m: after } });
  });

  it.each([
    ['truncate_all(attributes["m"], -1)', 'invalid limit for truncate_all function, -1 cannot be negative'],
    ['truncate_all(attributes["m"], 2, true, "...")', 'cannot be greater than the limit 2'],
  ])('%s is rejected when created', (text, message) => {
    expect(run(text, { m: {} })).toEqual({ error: expect.stringContaining(message) });
  });
});
