import { describe, expect, it } from 'vitest';
import { PMap, PSlice, ReadOnlyError, valueAsString, valueEquals, valueFromRaw, valueToRaw, valueType } from '../index.js';

describe('PMap', () => {
  it('keeps insertion order and replaces in place', () => {
    const m = new PMap();
    m.set('a', 1n);
    m.set('b', 'x');
    m.set('c', true);
    m.set('a', 2.5);
    expect([...m.keys()]).toEqual(['a', 'b', 'c']);
    expect(m.get('a')).toBe(2.5);
    expect(m.get('zz')).toBeUndefined();
    m.set('e', null);
    expect(m.get('e')).toBeNull();
    expect(m.has('e')).toBe(true);
  });

  it('remove moves the last entry into the removed slot (pcommon semantics)', () => {
    const m = PMap.fromRaw({ a: 1, b: 2, c: 3, d: 4 });
    expect(m.remove('b')).toBe(true);
    expect([...m.keys()]).toEqual(['a', 'd', 'c']);
    expect(m.remove('nope')).toBe(false);
    expect(m.remove('c')).toBe(true);
    expect([...m.keys()]).toEqual(['a', 'd']);
  });

  it('removeIf keeps the order of survivors', () => {
    const m = PMap.fromRaw({ a: 1, b: 2, c: 3, d: 4, e: 5 });
    m.removeIf((k) => k === 'b' || k === 'd');
    expect([...m.keys()]).toEqual(['a', 'c', 'e']);
  });

  it('indexes large maps and stays correct through removals', () => {
    const m = new PMap();
    for (let i = 0; i < 40; i++) m.set(`k${i}`, BigInt(i));
    expect(m.get('k33')).toBe(33n);
    m.remove('k3');
    expect(m.get('k39')).toBe(39n);
    expect([...m.keys()][3]).toBe('k39');
    m.set('new', 'v');
    expect(m.get('new')).toBe('v');
    expect(m.size).toBe(40);
  });

  it('copyTo / clone are deep; moveTo empties the source', () => {
    const m = PMap.fromRaw({ a: { b: [1, 'x'] } });
    const c = m.clone();
    (c.get('a') as PMap).set('b', 'changed');
    expect(((m.get('a') as PMap).get('b') as PSlice).length).toBe(2);
    const d = new PMap();
    m.moveTo(d);
    expect(m.size).toBe(0);
    expect(d.toRaw()).toEqual({ a: { b: [1, 'x'] } });
  });

  it('read-only maps throw on mutation, deeply', () => {
    const m = PMap.fromRaw({ a: { b: 1 } });
    m.markReadOnly();
    expect(() => m.set('x', 1)).toThrow(ReadOnlyError);
    expect(() => (m.get('a') as PMap).set('y', 1)).toThrow(ReadOnlyError);
    expect(m.get('a')).toBeInstanceOf(PMap);
  });

  it('putEmptyMap / putEmptySlice insert or replace', () => {
    const m = new PMap();
    m.set('x', 1n);
    const inner = m.putEmptyMap('x');
    inner.set('y', 'z');
    m.putEmptySlice('s').append(1n, 'two');
    expect(m.toRaw()).toEqual({ x: { y: 'z' }, s: [1n, 'two'] });
  });

  it('equals compares as key sets', () => {
    expect(PMap.fromRaw({ a: 1, b: 2 }).equals(PMap.fromRaw({ b: 2, a: 1 }))).toBe(true);
    expect(PMap.fromRaw({ a: 1 }).equals(PMap.fromRaw({ a: 2 }))).toBe(false);
  });

  it('keeps __proto__ as an ordinary key in toRaw', () => {
    const m = new PMap();
    m.set('__proto__', 'x');
    const raw = m.toRaw();
    expect(Object.keys(raw)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
  });
});

describe('PSlice', () => {
  it('appends, sets, removes ranges', () => {
    const s = PSlice.fromRaw([1, 2, 3, 4]);
    s.removeRange(1, 3);
    expect(s.toRaw()).toEqual([1, 4]);
    s.set(0, 'a');
    s.appendEmptyMap().set('k', true);
    expect(s.toRaw()).toEqual(['a', 4, { k: true }]);
    expect(() => s.set(9, 1)).toThrow(RangeError);
    expect(() => s.get(9)).toThrow(RangeError);
  });
});

describe('values', () => {
  it('valueType tells every kind apart', () => {
    expect([null, 's', true, 1n, 1.0, new Uint8Array(1), new PMap(), new PSlice()].map(valueType)).toEqual([
      'empty', 'str', 'bool', 'int', 'double', 'bytes', 'map', 'slice',
    ]);
  });

  it('raw round trip', () => {
    const raw = { s: 'x', i: 5n, d: 1.5, b: false, n: null, arr: [1n, { z: new Uint8Array([1, 2]) }] };
    expect(valueToRaw(valueFromRaw(raw))).toEqual(raw);
    expect(valueEquals(valueFromRaw(raw), valueFromRaw(raw))).toBe(true);
    expect(valueEquals(Number.NaN, Number.NaN)).toBe(false);
  });

  it('valueAsString follows pcommon AsString', () => {
    expect(valueAsString(null)).toBe('');
    expect(valueAsString(-9223372036854775808n)).toBe('-9223372036854775808');
    expect(valueAsString(1.0)).toBe('1');
    expect(valueAsString(1e21)).toBe('1e+21');
    expect(valueAsString(1e-7)).toBe('1e-7');
    expect(valueAsString(0.000001)).toBe('0.000001');
    expect(valueAsString(Number.NaN)).toBe('json: unsupported value: NaN');
    expect(valueAsString(Number.POSITIVE_INFINITY)).toBe('json: unsupported value: +Inf');
    expect(valueAsString(new Uint8Array([1, 2, 3, 4]))).toBe('AQIDBA==');
    expect(valueAsString(valueFromRaw({ b: 1, a: '<&>', c: [true, null, 2n] }))).toBe(
      '{"a":"\\u003c\\u0026\\u003e","b":1,"c":[true,null,2]}',
    );
    expect(valueAsString(valueFromRaw({ x: Number.NaN }))).toBe('');
  });
});
