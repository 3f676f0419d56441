import { LogRecord, PMap, PSlice, ResourceLogs, ScopeLogs, SpanId, TraceId } from '@ottl/pdata';
import { describe, expect, it } from 'vitest';
import { OttlTime, type Value } from '../../types/values.js';
import { getContextSchema } from '../registry.js';
import { logContext } from '../log.js';
import type { LogTransformContext } from '../types.js';
import { accessor, errorOf, get, set, toJson } from './harness.js';

function fixture(): LogTransformContext {
  const rl = ResourceLogs.create({ resource: { attributes: { 'host.name': 'localhost' } }, schemaUrl: 'r-url' });
  const sl = ScopeLogs.create({ scope: { name: 'scope', version: 'v1' }, schemaUrl: 's-url' });
  const log = LogRecord.create({
    timeUnixNano: 1581452772000000321n,
    observedTimeUnixNano: 1581452773000000789n,
    severityNumber: 9,
    severityText: 'INFO',
    body: 'operationA',
    attributes: { 'http.method': 'get', slice: ['a', 'b'], map: { k: 'v' } },
    flags: 1,
    traceId: TraceId.fromHex('0102030405060708090a0b0c0d0e0f10'),
    spanId: SpanId.fromHex('0102030405060708'),
    eventName: 'ev',
  });
  rl.scopeLogs.push(sl);
  sl.logRecords.push(log);
  return logContext(rl, sl, log);
}

describe('log context: get', () => {
  const cases: [string, unknown][] = [
    ['time_unix_nano', { $int: '1581452772000000321' }],
    ['observed_time_unix_nano', { $int: '1581452773000000789' }],
    ['time', { $time: '1581452772000000321' }],
    ['observed_time', { $time: '1581452773000000789' }],
    ['severity_number', 9],
    ['severity_text', 'INFO'],
    ['body', 'operationA'],
    ['body.string', 'operationA'],
    ['attributes["http.method"]', 'get'],
    ['attributes["missing"]', null],
    ['attributes["missing"]["deeper"]', null],
    ['attributes["slice"][1]', 'b'],
    ['attributes["map"]["k"]', 'v'],
    ['attributes', { 'http.method': 'get', slice: ['a', 'b'], map: { k: 'v' } }],
    ['dropped_attributes_count', 0],
    ['flags', 1],
    ['trace_id', { $traceId: '0102030405060708090a0b0c0d0e0f10' }],
    ['trace_id.string', '0102030405060708090a0b0c0d0e0f10'],
    ['span_id', { $spanId: '0102030405060708' }],
    ['span_id.string', '0102030405060708'],
    ['event_name', 'ev'],
    ['resource.attributes["host.name"]', 'localhost'],
    ['resource.dropped_attributes_count', 0],
    ['resource.schema_url', 'r-url'],
    ['scope.name', 'scope'],
    ['instrumentation_scope.version', 'v1'],
    ['scope.schema_url', 's-url'],
    ['cache', {}],
  ];
  it.each(cases)('%s', (path, expected) => {
    expect(toJson(get(fixture(), path))).toEqual(expected);
    expect(toJson(get(fixture(), path.startsWith('resource') || path.includes('scope') ? path : 'log.' + path, true))).toEqual(
      expected,
    );
  });
});

describe('log context: set', () => {
  const cases: [path: string, value: Value, readBack: string, expected: unknown][] = [
    ['time_unix_nano', 100n, 'time_unix_nano', 100],
    ['time', new OttlTime(200n), 'time_unix_nano', 200],
    ['observed_time_unix_nano', 300n, 'observed_time', { $time: '300' }],
    ['severity_number', 17n, 'severity_number', 17],
    ['severity_text', 'ERROR', 'severity_text', 'ERROR'],
    ['body', 'new', 'body', 'new'],
    ['body', 12n, 'body.string', '12'],
    ['body', [1n, 'x'], 'body', [1, 'x']],
    ['body.string', 'str', 'body', 'str'],
    ['attributes["new"]', 'v', 'attributes["new"]', 'v'],
    ['attributes["a"]["b"]', 'nested', 'attributes["a"]', { b: 'nested' }],
    ['attributes["s"][2]', 'x', 'attributes["s"]', [{ $empty: true }, { $empty: true }, 'x']],
    ['attributes["slice"][0]', 'z', 'attributes["slice"]', ['z', 'b']],
    ['attributes["t"]', new OttlTime(1n), 'attributes["t"]', null],
    ['attributes', PMap.fromRaw({ only: 'one' }), 'attributes', { only: 'one' }],
    ['dropped_attributes_count', 3n, 'dropped_attributes_count', 3],
    ['flags', 0n, 'flags', 0],
    ['trace_id', TraceId.fromHex('ffffffffffffffffffffffffffffffff'), 'trace_id.string', 'ffffffffffffffffffffffffffffffff'],
    ['trace_id.string', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'trace_id', { $traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }],
    ['span_id.string', '0000000000000001', 'span_id', { $spanId: '0000000000000001' }],
    ['event_name', 'e2', 'event_name', 'e2'],
    ['resource.attributes["r"]', 'rv', 'resource.attributes["r"]', 'rv'],
    ['resource.schema_url', 'u', 'resource.schema_url', 'u'],
    ['scope.name', 'n', 'instrumentation_scope.name', 'n'],
    ['cache["c"]', 1.5, 'cache["c"]', { $double: 1.5 }],
  ];
  it.each(cases)('%s = %s', (path, value, readBack, expected) => {
    const ctx = fixture();
    set(ctx, path, value);
    expect(toJson(get(ctx, readBack))).toEqual(expected);
  });

  it('copies maps and slices it stores', () => {
    const ctx = fixture();
    const src = PMap.fromRaw({ k: 'v' });
    set(ctx, 'attributes["m"]', src);
    src.set('k', 'changed');
    expect(toJson(get(ctx, 'attributes["m"]'))).toEqual({ k: 'v' });
  });

  it('indexes a slice body and rejects indexing a string body', () => {
    const ctx = fixture();
    set(ctx, 'body', PSlice.fromRaw(['x', 'y']));
    expect(get(ctx, 'body[1]')).toBe('y');
    set(ctx, 'body[0]', 'z');
    expect(toJson(get(ctx, 'body'))).toEqual(['z', 'y']);
    set(ctx, 'body', 'plain');
    expect(errorOf(() => get(ctx, 'body["k"]'))).toBe('log bodies of type Str cannot be indexed');
  });
});

describe('log context: setter errors', () => {
  const cases: [string, Value, string][] = [
    ['severity_text', 1n, 'expects string but got int64'],
    ['severity_number', 'x', 'expects int64 but got string'],
    ['time', 1n, 'expects time.Time but got int64'],
    ['trace_id', 'abc', 'expects pcommon.TraceID but got string'],
    ['trace_id.string', 'abc', 'trace ids must be 32 hex characters'],
    ['trace_id.string', 'zz02030405060708090a0b0c0d0e0f10', "encoding/hex: invalid byte: U+007A 'z'"],
    ['span_id.string', '01020304050607081', 'encoding/hex: odd length hex string'],
    ['body.string', 1n, 'expects string but got int64'],
    ['severity_text', null, 'setting a value to nil is not supported'],
    ['attributes', 'x', 'unsupported type provided for setting a pcommon.Map: string'],
    ['attributes["slice"]["k"]', 'x', 'unable to resolve an integer index in slice: invalid key type'],
    ['attributes["http.method"]["k"]', 'x', 'type Str does not support string indexing'],
    ['attributes["slice"][5]', 'x', 'index 5 out of bounds'],
    ['attributes[1]', 'x', 'cannot set map value: unable to resolve a string index in map: invalid key type'],
  ];
  it.each(cases)('%s = %s', (path, value, message) => {
    expect(errorOf(() => set(fixture(), path, value))).toBe(message);
  });

  it('nil clears maps and empties values (allowNil)', () => {
    const ctx = fixture();
    set(ctx, 'attributes["http.method"]', null);
    expect(toJson(get(ctx, 'attributes'))).toMatchObject({ 'http.method': { $empty: true } });
    set(ctx, 'body', null);
    expect(get(ctx, 'body')).toBe(null);
    set(ctx, 'attributes', null);
    expect(toJson(get(ctx, 'attributes'))).toEqual({});
  });
});

describe('log context: getter errors', () => {
  const cases: [string, string][] = [
    ['attributes[1]', 'cannot get map value: unable to resolve a string index in map: invalid key type'],
    ['attributes["http.method"]["x"]', 'type Str does not support string indexing'],
    ['attributes["slice"][2]', 'index 2 out of bounds'],
    ['attributes["slice"][-1]', 'index -1 out of bounds'],
    ['attributes["slice"]["x"]', 'unable to resolve an integer index in slice: invalid key type'],
    [
      'attributes["slice"][attributes["http.method"]]',
      "unable to resolve an integer index in slice: could not resolve key for map/slice, expecting 'int64' but got 'string'",
    ],
    [
      'attributes[flags]',
      "cannot get map value: unable to resolve a string index in map: could not resolve key for map/slice, expecting 'string' but got 'int64'",
    ],
  ];
  it.each(cases)('%s', (path, message) => {
    expect(errorOf(() => get(fixture(), path))).toBe(message);
  });
});

describe('log context: accessors', () => {
  it('binds literal keys at resolution time', () => {
    const a = accessor('log', 'attributes["http.method"]');
    expect(a.text).toBe('log.attributes["http.method"]');
    expect(a.type).toBe('any');
    const ctx = fixture();
    expect(a.getBound!(ctx)).toBe('get');
    a.setBound!(ctx, 'post');
    expect(a.getBound!(ctx)).toBe('post');
    const nested = accessor('log', 'attributes["map"]["k"]');
    expect(nested.getBound!(ctx)).toBe('v');
  });

  it('offers no bound form for expression keys', () => {
    const a = accessor('log', 'attributes[severity_text]');
    expect(a.getBound).toBeUndefined();
    expect(a.keys).toHaveLength(1);
  });

  it('has the severity enums', () => {
    const enums = getContextSchema('log').enums;
    expect(enums.get('SEVERITY_NUMBER_UNSPECIFIED')).toBe(0n);
    expect(enums.get('SEVERITY_NUMBER_TRACE')).toBe(1n);
    expect(enums.get('SEVERITY_NUMBER_INFO')).toBe(9n);
    expect(enums.get('SEVERITY_NUMBER_WARN4')).toBe(16n);
    expect(enums.get('SEVERITY_NUMBER_FATAL4')).toBe(24n);
    expect(enums.size).toBe(25);
  });
});
