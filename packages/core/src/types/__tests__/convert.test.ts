import { describe, expect, it } from 'vitest';
import { PMap, PSlice, TraceId } from '@ottl/pdata';
import {
  expectInt,
  expectMap,
  expectString,
  expectTime,
  formatGoDuration,
  formatRfc3339Nano,
  goTypeName,
  listItems,
  ottlTypeOf,
  parseGoFloat,
  toBoolLike,
  toBytesLike,
  toFloatLike,
  toIntLike,
  toJsonText,
  toStringLike,
  valueAsString,
  zoneOffsetSeconds,
} from '../convert.js';
import { OttlDuration, OttlError, OttlTime, OttlTypeError, type Value } from '../values.js';

function errorOf(f: () => unknown): { name: string; message: string } | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
}

describe('type names', () => {
  it('names values like Go %T', () => {
    const values: Value[] = [null, 's', 1n, 1.5, true, new Uint8Array([1]), PMap.fromRaw({}), PSlice.fromRaw([]), [],
      new OttlTime(0n), new OttlDuration(1n), TraceId.EMPTY, { a: 1n }];
    expect(values.map(goTypeName)).toEqual([
      'nil', 'string', 'int64', 'float64', 'bool', '[]uint8', 'pcommon.Map', 'pcommon.Slice', '[]interface {}',
      'time.Time', 'time.Duration', 'pcommon.TraceID', 'map[string]interface {}',
    ]);
    expect(values.map(ottlTypeOf)).toEqual([
      'nil', 'string', 'int', 'float', 'bool', 'bytes', 'map', 'list', 'list', 'time', 'duration', 'traceid', 'map',
    ]);
  });
});

describe('strict getters', () => {
  it('accept exactly their type and name the wrong one', () => {
    expect(expectString('a')).toBe('a');
    expect(expectInt(3n)).toBe(3n);
    expect(errorOf(() => expectString(1n))).toEqual({ name: 'OttlTypeError', message: 'expected string but got int64' });
    expect(errorOf(() => expectString(null))).toEqual({ name: 'OttlTypeError', message: 'expected string but got nil' });
    expect(errorOf(() => expectInt('1'))).toEqual({ name: 'OttlTypeError', message: 'expected int64 but got string' });
    expect(errorOf(() => expectTime('x'))).toEqual({ name: 'OttlTypeError', message: 'expected time but got string' });
    expect(errorOf(() => expectMap(1.5))).toEqual({ name: 'OttlTypeError', message: 'expected pcommon.Map but got float64' });
  });
  it('converts a plain object to a new PMap', () => {
    const m = expectMap({ a: 1n, b: [1n, 's'] });
    expect(m).toBeInstanceOf(PMap);
    expect(m.toRaw()).toEqual({ a: 1n, b: [1n, 's'] });
  });
});

describe('coercing getters', () => {
  it('stringlike renders like upstream', () => {
    const cases: Value[] = [null, 'x', 1n, 1.5, 1e21, 1e-7, true, new Uint8Array([0, 0xab]), [1n, 'a'],
      PMap.fromRaw({ b: 1n, a: 'x' }), new OttlDuration(5n)];
    expect(cases.map(toStringLike)).toEqual([
      null, 'x', '1', '1.5', '1e+21', '1e-7', 'true', '00ab', '[1,"a"]', '{"a":"x","b":1}', '5',
    ]);
    expect(errorOf(() => toStringLike(NaN))?.name).toBe('OttlTypeError');
  });
  it('intlike truncates floats and yields nil for unparsable strings', () => {
    expect([null, 3n, 2.9, -2.9, '42', '-7', 'abc', '1.5', true, false].map((v) => toIntLike(v as Value))).toEqual([
      null, 3n, 2n, -2n, 42n, -7n, null, null, 1n, 0n,
    ]);
    expect(errorOf(() => toIntLike(PMap.fromRaw({})))).toEqual({ name: 'OttlTypeError', message: 'unsupported type: pcommon.Map' });
  });
  it('floatlike parses like strconv.ParseFloat and fails on garbage', () => {
    expect([null, 1n, 2.5, '3.25', '1e3', '-Inf', '0x1p-2', true].map((v) => toFloatLike(v as Value))).toEqual([
      null, 1, 2.5, 3.25, 1000, -Infinity, 0.25, 1,
    ]);
    expect(errorOf(() => toFloatLike('abc'))).toEqual({
      name: 'OttlError',
      message: 'strconv.ParseFloat: parsing "abc": invalid syntax',
    });
    expect(Number.isNaN(parseGoFloat('NaN'))).toBe(true);
  });
  it('boollike follows strconv.ParseBool and numeric non-zero', () => {
    expect([null, true, 0n, 2n, 0.0, 0.5, 'T', 'false', '0'].map((v) => toBoolLike(v as Value))).toEqual([
      null, true, false, true, false, true, true, false, false,
    ]);
    expect(errorOf(() => toBoolLike('yes'))?.message).toBe('strconv.ParseBool: parsing "yes": invalid syntax');
  });
  it('byteslike encodes big-endian', () => {
    expect(Array.from(toBytesLike(1n)!)).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(toBytesLike(1.0)!)).toEqual([0x3f, 0xf0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(toBytesLike('é')!)).toEqual([0xc3, 0xa9]);
    expect(Array.from(toBytesLike(true)!)).toEqual([1]);
    expect(toBytesLike(null)).toBe(null);
    expect(errorOf(() => toBytesLike([]))?.name).toBe('OttlTypeError');
  });
});

describe('rendering', () => {
  it('renders JSON like Go encoding/json', () => {
    const m = PMap.fromRaw({ z: '<&>', a: [1.0, -0.0, 2n, new Uint8Array([1, 2, 3])], m: { y: null, x: false } });
    expect(toJsonText(m)).toBe('{"a":[1,-0,2,"AQID"],"m":{"x":false,"y":null},"z":"\\u003c\\u0026\\u003e"}');
    expect(toJsonText('a\nb\u0001\u2028')).toBe('"a\\nb\\u0001\\u2028"');
    expect(toJsonText(new OttlTime(1_500_000_000n))).toBe('"1970-01-01T00:00:01.5Z"');
    expect(errorOf(() => toJsonText(Infinity))).toEqual({ name: 'OttlTypeError', message: 'json: unsupported value: +Inf' });
  });
  it('renders canonical strings like pcommon AsString', () => {
    expect([null, 's', 12n, 1.25, 100000000000000000000000.0, false, new Uint8Array([255]), PSlice.fromRaw(['a', 1n])]
      .map((v) => valueAsString(v))).toEqual(['', 's', '12', '1.25', '1e+23', 'false', '/w==', '["a",1]']);
  });
  it('formats times in their zone and durations like Go', () => {
    const t = new OttlTime(1_681_257_600_000_000_000n, { offsetSeconds: -7 * 3600 });
    expect(formatRfc3339Nano(t)).toBe('2023-04-11T17:00:00-07:00');
    expect(formatRfc3339Nano(new OttlTime(1_681_257_600_000_000_000n, 'America/New_York'))).toBe('2023-04-11T20:00:00-04:00');
    expect(formatRfc3339Nano(new OttlTime(-1n))).toBe('1969-12-31T23:59:59.999999999Z');
    // Years below 100 and before year 1 in IANA zones (local mean time: New York -4:56:02, Berlin +0:53:28).
    const at = (iso: string, zone: string): OttlTime => new OttlTime(BigInt(Date.parse(iso)) * 1_000_000n, zone);
    expect(
      ['0050-06-15T12:00:00Z', '0000-06-15T12:00:00Z', '0001-01-01T02:00:00Z', '-000001-12-31T23:30:00Z'].map((iso) => [
        formatRfc3339Nano(at(iso, 'America/New_York')),
        formatRfc3339Nano(at(iso, 'Europe/Berlin')),
        zoneOffsetSeconds('America/New_York', Date.parse(iso)),
      ]),
    ).toEqual([
      ['0050-06-15T07:03:58-04:56', '0050-06-15T12:53:28+00:53', -17762],
      ['0000-06-15T07:03:58-04:56', '0000-06-15T12:53:28+00:53', -17762],
      ['0000-12-31T21:03:58-04:56', '0001-01-01T02:53:28+00:53', -17762],
      ['-0001-12-31T18:33:58-04:56', '0000-01-01T00:23:28+00:53', -17762],
    ]);
    expect([0n, 1n, 1500n, 1_500_000n, 90_000_000_000n, 3_723_500_000_000n, -60_000_000_000n].map(formatGoDuration)).toEqual([
      '0s', '1ns', '1.5µs', '1.5ms', '1m30s', '1h2m3.5s', '-1m0s',
    ]);
  });
  it('reads PSlice items live', () => {
    const inner = PMap.fromRaw({ a: 1n });
    const s = PSlice.fromRaw([]);
    s.append(inner);
    expect(listItems(s)[0]).toBeInstanceOf(PMap);
    expect(listItems('x')).toEqual([]);
  });
  it('raises OttlError subclasses', () => {
    expect(errorOf(() => expectString(1n))).toBeDefined();
    expect(new OttlTypeError('x')).toBeInstanceOf(OttlError);
  });
});
