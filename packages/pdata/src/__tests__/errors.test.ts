import { describe, expect, it } from 'vitest';
import {
  LogRecord,
  Logs,
  PdataDecodeError,
  ResourceLogs,
  ScopeLogs,
  decodeLogsJson,
  decodeLogsProto,
  decodeMetricsProto,
  decodeTracesJson,
  decodeTracesProto,
  encodeLogsProto,
} from '../index.js';

/** Minimal protobuf writer for hand-made test input. */
function varint(n: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}
const tag = (field: number, wt: number) => varint((field << 3) | wt);
const len = (field: number, payload: number[]) => [...tag(field, 2), ...varint(payload.length), ...payload];
/** An ExportLogsServiceRequest holding one log record with the given payload. */
const request = (record: number[]) => new Uint8Array(len(1, len(2, len(2, record))));

function decodeError(fn: () => unknown): PdataDecodeError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PdataDecodeError);
    return e as PdataDecodeError;
  }
  throw new Error('expected a PdataDecodeError');
}

function sampleLogs(): Uint8Array {
  const rec = LogRecord.create({ timeUnixNano: 1700000000123456789n, severityText: 'INFO', body: 'hello', attributes: { a: 'x', n: 5n } });
  return encodeLogsProto(Logs.create({ resourceLogs: [ResourceLogs.create({ scopeLogs: [ScopeLogs.create({ logRecords: [rec] })] })] }));
}

describe('protobuf input errors', () => {
  it('truncation inside a message is reported with its offset', () => {
    const bytes = sampleLogs();
    const err = decodeError(() => decodeLogsProto(bytes.subarray(0, bytes.length - 3)));
    expect(err.code).toBe('truncated');
    expect(err.offset).toBeTypeOf('number');
    expect(err.message).toMatch(/at offset \d+/);
  });

  it('every prefix decodes completely or fails; none is accepted partially', () => {
    const bytes = sampleLogs();
    for (let n = 1; n < bytes.length; n++) {
      expect(() => decodeLogsProto(bytes.subarray(0, n))).toThrow(PdataDecodeError);
    }
  });

  it('a known field with the wrong wire type', () => {
    const err = decodeError(() => decodeLogsProto(request([...tag(1, 0), 5])));
    expect(err.code).toBe('wire-type');
    expect(err.message).toContain('LogRecord field 1 must be fixed64, got varint');
    expect(err.offset).toBe(6);
  });

  it('invalid wire types 6 and 7, field number 0, stray end-group', () => {
    expect(decodeError(() => decodeLogsProto(new Uint8Array([0x0e]))).code).toBe('wire-type');
    expect(decodeError(() => decodeLogsProto(new Uint8Array([0x0f]))).code).toBe('wire-type');
    expect(decodeError(() => decodeLogsProto(new Uint8Array([0x00, 0x00]))).code).toBe('invalid-value');
    expect(decodeError(() => decodeLogsProto(new Uint8Array([0x0c]))).code).toBe('wire-type');
  });

  it('varints longer than 10 bytes or overflowing 64 bits', () => {
    const eleven = [...tag(99, 0), ...new Array(10).fill(0xff), 0x01];
    expect(decodeError(() => decodeLogsProto(new Uint8Array(eleven))).code).toBe('invalid-value');
    const overflow = [...tag(99, 0), ...new Array(9).fill(0xff), 0x02];
    expect(decodeError(() => decodeLogsProto(new Uint8Array(overflow))).code).toBe('invalid-value');
  });

  it('attribute values of the usual one-byte shape are checked like any other', () => {
    // Record attribute (field 6) → KeyValue { key: "k", value: AnyValue { field: payload } }.
    const attr = (value: number[]) => request(len(6, [...len(1, [0x6b]), ...len(2, value)]));
    const int = (bytes: number[]) => attr([...tag(3, 0), ...bytes]);
    expect(() => decodeLogsProto(int(varint(2n ** 63n)))).not.toThrow();
    expect(decodeError(() => decodeLogsProto(int([...Array(9).fill(0xff), 0x02]))).code).toBe('invalid-value');
    expect(decodeError(() => decodeLogsProto(int([...Array(10).fill(0xff), 0x01]))).code).toBe('invalid-value');
    expect(decodeError(() => decodeLogsProto(int([0x80]))).code).toBe('truncated');
    expect(decodeError(() => decodeLogsProto(attr([...tag(4, 1), 1, 2, 3]))).code).toBe('truncated');
    expect(decodeError(() => decodeLogsProto(attr([...tag(1, 2), 5, 0x61]))).code).toBe('truncated');
    expect(decodeError(() => decodeLogsProto(attr([...tag(1, 0), 1]))).code).toBe('wire-type');
    expect(decodeError(() => decodeLogsProto(request(len(6, [...len(1, [0x6b]), ...tag(2, 2), 3, ...tag(3, 0), 0x80])))).code).toBe('truncated');
    const rec = decodeLogsProto(int(varint(-5n))).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    expect(rec.attributes.get('k')).toBe(-5n);
    expect(decodeLogsProto(attr([])).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.get('k')).toBe(null);
  });

  it('the attribute fast paths reject what the general walk rejects', () => {
    const attr = (value: number[]) => request(len(6, [...len(1, [0x6b]), ...len(2, value)]));
    // A bool or int tag with no varint after it.
    expect(decodeError(() => decodeLogsProto(attr(tag(2, 0)))).code).toBe('truncated');
    expect(decodeError(() => decodeLogsProto(attr(tag(3, 0)))).code).toBe('truncated');
    // Field number 0 shaped like a KeyValue, in messages that have no attributes.
    const keyValue = [...len(1, [0x6b]), ...len(2, [])];
    expect(decodeError(() => decodeLogsProto(new Uint8Array([0x00, keyValue.length, ...keyValue]))).code).toBe('invalid-value');
    expect(decodeError(() => decodeLogsProto(new Uint8Array(len(1, [0x00, keyValue.length, ...keyValue])))).code).toBe('invalid-value');
  });

  it('ids of the wrong length', () => {
    const err = decodeError(() => decodeLogsProto(request(len(9, [1, 2, 3]))));
    expect(err.code).toBe('invalid-id');
    expect(err.message).toContain('LogRecord field 9');
    expect(decodeError(() => decodeTracesProto(new Uint8Array(len(1, len(2, len(2, len(4, [1, 2]))))))).code).toBe('invalid-id');
  });

  it('over-deep nesting (attribute maps inside maps)', () => {
    let any: number[] = len(1, [0x61]);
    for (let i = 0; i < 60; i++) any = len(6, len(1, [...len(1, [0x6b]), ...len(2, any)]));
    const err = decodeError(() => decodeLogsProto(request(len(5, any))));
    expect(err.code).toBe('too-deep');
    expect(() => decodeLogsProto(request(len(5, any)), { maxDepth: 1000 })).not.toThrow();
  });

  it('size limit', () => {
    const bytes = sampleLogs();
    const err = decodeError(() => decodeLogsProto(bytes, { maxBytes: 10 }));
    expect(err.code).toBe('too-large');
  });

  it('packed fixed64 with a length that is not a multiple of 8', () => {
    const hdp = len(6, [1, 2, 3]);
    const metric = len(9, len(1, hdp));
    const err = decodeError(() => decodeMetricsProto(new Uint8Array(len(1, len(2, len(2, metric))))));
    expect(err.code).toBe('invalid-value');
  });

  it('skips well-formed unknown fields of every wire type, keeping them out of the data', () => {
    const unknown = [...tag(99, 0), 0x96, 0x01, ...tag(98, 1), 1, 2, 3, 4, 5, 6, 7, 8, ...len(97, [1, 2, 3]), ...tag(96, 5), 1, 2, 3, 4];
    const group = [...tag(95, 3), ...tag(1, 0), 7, ...tag(2, 3), ...tag(2, 4), ...tag(95, 4)];
    const logs = decodeLogsProto(request([...unknown, ...group, ...len(3, [0x68, 0x69])]));
    expect(logs.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.severityText).toBe('hi');
  });

  it('rejects malformed unknown fields', () => {
    expect(decodeError(() => decodeLogsProto(request([...tag(99, 2), 50, 1]))).code).toBe('truncated');
    expect(decodeError(() => decodeLogsProto(request([...tag(95, 3), ...tag(1, 0), 7]))).code).toBe('truncated');
    expect(decodeError(() => decodeLogsProto(request([...tag(95, 3), ...tag(94, 4)]))).code).toBe('wire-type');
  });

  it('accepts unpacked repeated scalars and the last of repeated singular fields', () => {
    const hdp = [...tag(6, 1), 1, 0, 0, 0, 0, 0, 0, 0, ...tag(6, 1), 2, 0, 0, 0, 0, 0, 0, 0, ...tag(4, 1), 3, 0, 0, 0, 0, 0, 0, 0];
    const metric = [...len(1, [0x6d]), ...len(9, len(1, hdp))];
    const m = decodeMetricsProto(new Uint8Array(len(1, len(2, len(2, metric))))).resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!;
    expect(m.histogram!.dataPoints[0]!.bucketCounts).toEqual([1n, 2n]);
    expect(m.histogram!.dataPoints[0]!.count).toBe(3n);
    const rec = decodeLogsProto(request([...len(3, [0x61]), ...len(3, [0x62])])).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    expect(rec.severityText).toBe('b');
  });

  it('rejects non-bytes input', () => {
    expect(decodeError(() => decodeLogsProto('abc' as unknown as Uint8Array)).code).toBe('invalid-value');
  });
});

describe('JSON input errors and variants', () => {
  it('invalid JSON reports the offset', () => {
    const err = decodeError(() => decodeLogsJson('{"resourceLogs": [}'));
    expect(err.code).toBe('invalid-json');
    expect(err.offset).toBe(18);
    expect(decodeError(() => decodeLogsJson('')).code).toBe('invalid-json');
    expect(decodeError(() => decodeLogsJson('{"a":1} x')).code).toBe('invalid-json');
  });

  it('non-hex and wrong-length ids report the JSON path', () => {
    const text = JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{}, {}, {}, { traceId: 'zz' }] }] }] });
    const err = decodeError(() => decodeLogsJson(text));
    expect(err.code).toBe('invalid-id');
    expect(err.path).toBe('$.resourceLogs[0].scopeLogs[0].logRecords[3].traceId');
    expect(decodeError(() => decodeTracesJson({ resourceSpans: [{ scopeSpans: [{ spans: [{ spanId: 'abcd' }] }] }] })).path).toBe(
      '$.resourceSpans[0].scopeSpans[0].spans[0].spanId',
    );
  });

  it('wrong value types report the JSON path', () => {
    expect(decodeError(() => decodeLogsJson({ resourceLogs: [{ scopeLogs: 5 }] })).path).toBe('$.resourceLogs[0].scopeLogs');
    const bad = decodeError(() => decodeLogsJson({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: 'soon' }] }] }] }));
    expect(bad.code).toBe('invalid-value');
    expect(bad.path).toBe('$.resourceLogs[0].scopeLogs[0].logRecords[0].timeUnixNano');
    expect(decodeError(() => decodeLogsJson({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: '-1' }] }] }] })).code).toBe(
      'invalid-value',
    );
    expect(decodeError(() => decodeLogsJson({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ droppedAttributesCount: 1.5 }] }] }] })).code).toBe(
      'invalid-value',
    );
  });

  it('keeps integers past 2^53 exact when given as JSON numbers', () => {
    const text =
      '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":1700000000123456789,"observedTimeUnixNano":18446744073709551615,' +
      '"attributes":[{"key":"i","value":{"intValue":-9223372036854775808}}]}]}]}]}';
    const rec = decodeLogsJson(text).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    expect(rec.timeUnixNano).toBe(1700000000123456789n);
    expect(rec.observedTimeUnixNano).toBe(18446744073709551615n);
    expect(rec.attributes.get('i')).toBe(-9223372036854775808n);
  });

  it('accepts enum names, snake_case keys, numeric strings, NaN strings and URL-safe base64', () => {
    const logs = decodeLogsJson({
      resource_logs: [
        {
          scope_logs: [
            {
              log_records: [
                {
                  severity_number: 'SEVERITY_NUMBER_WARN',
                  dropped_attributes_count: '3',
                  trace_id: '5B8EFFF798038103D269B633813FC60C',
                  body: { kvlist_value: { values: [{ key: 'd', value: { double_value: 'NaN' } }, { key: 'b', value: { bytes_value: '-_8' } }] } },
                  unknownField: { ignored: true },
                },
              ],
            },
          ],
        },
      ],
    });
    const rec = logs.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    expect(rec.severityNumber).toBe(13);
    expect(rec.droppedAttributesCount).toBe(3);
    expect(rec.traceId.toHex()).toBe('5b8efff798038103d269b633813fc60c');
    const body = (rec.body as import('../index.js').PMap).toRaw();
    expect(Number.isNaN(body['d'])).toBe(true);
    expect(body['b']).toEqual(new Uint8Array([0xfb, 0xff]));
    const span = decodeTracesJson({ resourceSpans: [{ scopeSpans: [{ spans: [{ kind: 'SPAN_KIND_SERVER', status: { code: 'STATUS_CODE_ERROR' } }] }] }] })
      .resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(span.kind).toBe(2);
    expect(span.status.code).toBe(2);
  });

  it('depth and size limits', () => {
    let v: unknown = { stringValue: 'x' };
    for (let i = 0; i < 60; i++) v = { kvlistValue: { values: [{ key: 'k', value: v }] } };
    const obj = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: v }] }] }] };
    expect(decodeError(() => decodeLogsJson(JSON.stringify(obj))).code).toBe('too-deep');
    expect(decodeError(() => decodeLogsJson(obj)).code).toBe('too-deep');
    expect(() => decodeLogsJson(JSON.stringify(obj), { maxDepth: 1000 })).not.toThrow();
    expect(decodeError(() => decodeLogsJson('{"resourceLogs":[]}', { maxBytes: 5 })).code).toBe('too-large');
    // Never a stack overflow: deep JSON fails cleanly on both parse paths (JSON.parse, and the exact
    // tokenizer used when a long number literal is present).
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    expect(decodeError(() => decodeLogsJson(`{"resourceLogs":${deep}}`)).code).toBe('invalid-value');
    expect(decodeError(() => decodeLogsJson(`{"n":12345678901234567890,"resourceLogs":${deep}}`)).code).toBe('too-deep');
  });
});
