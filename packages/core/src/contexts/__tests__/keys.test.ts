import { PMap, PSlice, TraceId } from '@ottl/pdata';
import { describe, expect, it } from 'vitest';
import { OttlTime, type Value } from '../../types/values.js';
import { applyKeysToValue, toPdataValue } from '../keys.js';
import { errorOf, toJson } from './harness.js';

describe('toPdataValue', () => {
  const cases: [string, Value, unknown][] = [
    ['string', 's', 's'],
    ['int', 1n, 1],
    ['double', 1.5, { $double: 1.5 }],
    ['bool', true, true],
    ['bytes', Uint8Array.of(1, 2), { $bytes: '0102' }],
    ['nil', null, null],
    ['list', ['a', 2n, [true]], ['a', 2, [true]]],
    ['list with unsupported items', [new OttlTime(1n)], [{ $empty: true }]],
    ['plain object', { k: 'v', n: { m: 1n } }, { k: 'v', n: { m: 1 } }],
    ['time', new OttlTime(5n), null],
    ['trace id', TraceId.EMPTY, null],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(toJson(toPdataValue(value))).toEqual(expected);
  });

  it('deep-copies maps and slices', () => {
    const m = PMap.fromRaw({ inner: { k: 'v' } });
    const copy = toPdataValue(m) as PMap;
    (m.get('inner') as PMap).set('k', 'changed');
    expect(toJson(copy)).toEqual({ inner: { k: 'v' } });
    const s = PSlice.fromRaw(['a']);
    const scopy = toPdataValue(s) as PSlice;
    s.set(0, 'b');
    expect(scopy.get(0)).toBe('a');
  });
});

describe('applyKeysToValue (converter results, §4.6)', () => {
  const map = PMap.fromRaw({ a: { b: ['x', 'y'] } });
  const cases: [string, Value, Value[], unknown][] = [
    ['map then list', map, ['a', 'b', 1n], 'y'],
    ['plain object', { k: [1n] }, ['k', 0n], 1],
    ['JS array', ['p', 'q'], [1n], 'q'],
    ['no keys', 'same', [], 'same'],
  ];
  it.each(cases)('%s', (_name, value, keys, expected) => {
    expect(toJson(applyKeysToValue(value, keys))).toEqual(expected);
  });

  const errors: [string, Value, Value[], string][] = [
    ['missing key', map, ['nope'], 'key not found in map'],
    ['missing key in a plain object', { k: 1n }, ['nope'], 'key not found in map'],
    ['out of range', ['p'], [1n], 'index 1 out of bounds'],
    ['negative', PSlice.fromRaw(['p']), [-1n], 'index -1 out of bounds'],
    ['string key on a string', 'text', ['k'], 'type, string, does not support string indexing'],
    ['int key on a map', map, [0n], 'type, pcommon.Map, does not support int indexing'],
    [
      'float key on a list',
      ['p'],
      [1.5],
      "unable to resolve an integer index in slice: could not resolve key for map/slice, expecting 'int64' but got 'float64'",
    ],
  ];
  it.each(errors)('%s', (_name, value, keys, message) => {
    expect(errorOf(() => applyKeysToValue(value, keys))).toBe(message);
  });
});
