import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogRecord, Logs, ResourceLogs, ScopeLogs, decodeLogsProto, encodeLogsJson, encodeLogsProto } from '@ottl/pdata';
import { JsonSplitter, type JsonPiece } from '../jsonSplitter.js';
import { ProtoSplitter } from '../protoSplitter.js';

/** Cuts `text` at the given fractions. */
function cut<T extends { slice(a: number, b?: number): T; length: number }>(text: T, points: number[]): T[] {
  const at = [...new Set(points.map((p) => Math.floor(p * text.length)))].sort((a, b) => a - b);
  const out: T[] = [];
  let last = 0;
  for (const p of at) {
    out.push(text.slice(last, p));
    last = p;
  }
  out.push(text.slice(last));
  return out;
}

const tricky = fc.stringMatching(/^[a-z"\\{}[\],: \n]{0,12}$/);
const element = fc.record({ resource: fc.record({ attributes: fc.array(fc.record({ key: tricky, value: fc.record({ stringValue: tricky }) }), { maxLength: 3 }) }), scopeLogs: fc.constant([]) });
const request = fc.record({ resourceLogs: fc.array(element, { maxLength: 4 }) });

describe('JsonSplitter', () => {
  it('hands out each resource of each request exactly, however the text is cut (property)', () => {
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 3 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), fc.boolean(), (reqs, points, pretty) => {
        const text = reqs.map((r) => JSON.stringify(r, null, pretty ? 2 : undefined)).join('\n');
        const s = new JsonSplitter();
        const pieces: JsonPiece[] = [];
        for (const chunk of cut(text, points)) pieces.push(...s.push(chunk));
        s.end();
        const got: unknown[][] = [];
        for (const p of pieces) {
          if (p.type === 'start') got.push([]);
          else if (p.type === 'resource') got[got.length - 1]!.push(JSON.parse(p.text));
        }
        expect(got).toEqual(reqs.map((r) => r.resourceLogs));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts proto field names, skips other keys, hands out profiles whole, rejects junk', () => {
    const s = new JsonSplitter();
    const pieces = s.push('{"x":{"resourceLogs":[1]},"resource_logs":[{"a":"}"}]}{"resourceProfiles":[{}],"dictionary":{}}');
    expect(pieces).toEqual([
      { type: 'start', index: 0 },
      { type: 'resource', signal: 'logs', text: '{"a":"}"}' },
      { type: 'end' },
      { type: 'start', index: 1 },
      { type: 'whole', signal: 'profiles', text: '{"resourceProfiles":[{}],"dictionary":{}}' },
      { type: 'end' },
    ]);
    expect(() => new JsonSplitter().push('[1]')).toThrow('expected an OTLP/JSON request (an object starting with {) (at character 0)');
    expect(() => new JsonSplitter().push('{"resourceLogs":[{},').length).not.toThrow();
    const open = new JsonSplitter();
    open.push('{"resourceLogs":[');
    expect(() => open.end()).toThrow('unexpected end of input inside request 1');
  });
});

describe('ProtoSplitter', () => {
  const logs = Logs.create({
    resourceLogs: [0, 1, 2].map((r) =>
      ResourceLogs.create({
        resource: { attributes: { 'service.name': `svc-${r}` } },
        scopeLogs: [ScopeLogs.create({ logRecords: Array.from({ length: r + 1 }, (_, i) => LogRecord.create({ body: `r${r} #${i} ${'x'.repeat(300 * i)}`, timeUnixNano: 1700000000000000000n + BigInt(i) })) })],
      }),
    ),
  });
  const bytes = encodeLogsProto(logs);

  it('hands out each resource field as a one-resource request, however the bytes are cut (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }), (points) => {
        const s = new ProtoSplitter(false);
        const parts: Uint8Array[] = [];
        for (const chunk of cut(bytes, points)) parts.push(...s.push(chunk));
        parts.push(...s.end());
        expect(parts).toHaveLength(3);
        const merged = Logs.create({ resourceLogs: parts.flatMap((p) => decodeLogsProto(p).resourceLogs) });
        expect(encodeLogsJson(merged)).toBe(encodeLogsJson(logs));
      }),
      { numRuns: 200 },
    );
  });

  it('reports truncated input', () => {
    const s = new ProtoSplitter(false);
    s.push(bytes.slice(0, bytes.length - 5));
    expect(() => s.end()).toThrow(/the protobuf is truncated/);
  });
});
