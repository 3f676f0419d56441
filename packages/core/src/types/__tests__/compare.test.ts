import { describe, expect, it } from 'vitest';
import { PMap, PSlice, SpanId, TraceId } from '@ottl/pdata';
import type { ComparisonOp } from '../../language/ast.js';
import { compareValues } from '../compare.js';
import { compareStrings } from '../convert.js';
import { OttlDuration, OttlTime, type Value } from '../values.js';

const OPS: ComparisonOp[] = ['==', '!=', '<', '<=', '>', '>='];
/** The six results as a compact string: one letter per operator in the order == != < <= > >=. */
function table(a: Value, b: Value): string {
  return OPS.map((op) => (compareValues(a, b, op) ? 'T' : 'f')).join('');
}

describe('compareValues', () => {
  it('orders same-typed scalars', () => {
    expect(table('a', 'b')).toBe('fTTTff');
    expect(table(2n, 1n)).toBe('fTffTT');
    expect(table(1n, 1.0)).toBe('TffTfT');
    expect(table(1.5, 2n)).toBe('fTTTff');
    expect(table(false, true)).toBe('fTTTff');
    expect(table(new Uint8Array([1]), new Uint8Array([1, 0]))).toBe('fTTTff');
    expect(table(new OttlDuration(5n), new OttlDuration(5n))).toBe('TffTfT');
    expect(table(new OttlTime(1n, 'UTC'), new OttlTime(1n, { offsetSeconds: 3600 }))).toBe('TffTfT');
  });
  it('never equates or orders different types', () => {
    expect(table('1', 1n)).toBe('fTffff');
    expect(table(true, 1n)).toBe('fTffff');
    expect(table(new Uint8Array([1]), TraceId.EMPTY)).toBe('fTffff');
    expect(table(null, 'x')).toBe('fTffff');
    expect(table('x', null)).toBe('fTffff');
  });
  it('treats nil == nil as equal and ordered-equal', () => {
    expect(table(null, null)).toBe('TffTfT');
  });
  it('follows IEEE for NaN', () => {
    expect(table(NaN, NaN)).toBe('fTffff');
  });
  it('compares maps and lists deeply, equality only', () => {
    const pm = PMap.fromRaw({ a: 1n, b: ['x'] });
    expect(table(pm, { b: ['x'], a: 1n })).toBe('Tfffff');
    expect(table(pm, PMap.fromRaw({ a: 1.0, b: ['x'] }))).toBe('fTffff');
    expect(table(PSlice.fromRaw([1n, 's']), [1n, 's'])).toBe('Tfffff');
    expect(table([1n], [1n, 2n])).toBe('fTffff');
    expect(table([PMap.fromRaw({ k: 'v' })], PSlice.fromRaw([{ k: 'v' }]))).toBe('Tfffff');
  });
  it('compares ids by value', () => {
    const hex = '0102030405060708';
    expect(table(SpanId.fromHex(hex), SpanId.fromHex(hex))).toBe('Tfffff');
    expect(table(SpanId.fromHex(hex), SpanId.EMPTY)).toBe('fTffff');
  });
  it('compares opaque objects by identity', () => {
    const o = new (class Status {})();
    expect(table(o, o)).toBe('Tfffff');
    expect(table(o, new (class Status {})())).toBe('fTffff');
  });
});

describe('compareStrings', () => {
  it('orders by code point like Go orders UTF-8 bytes', () => {
    expect(compareStrings('\uffff', '\u{10000}') < 0).toBe(true);
    expect('\uffff' < '\u{10000}').toBe(false);
    expect(compareStrings('ab', 'abc') < 0).toBe(true);
  });
});
