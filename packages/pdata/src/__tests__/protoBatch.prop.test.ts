// ProtoBatch law: the request `take` returns is the requests appended since the last `take`, joined
// in order (what moving their resources into one request gives), whether each was built in memory,
// decoded and left alone, or decoded and then edited; its item count is right before and after it
// is opened.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as P from '../index.js';
import { logs, metrics, traces } from './arbitraries.js';

/** How an appended request reaches the batch. */
type Form = 'built' | 'decoded' | 'edited';
const form = fc.constantFrom<Form>('built', 'decoded', 'edited');

interface Kind<T extends P.Logs | P.Traces | P.Metrics> {
  arb: fc.Arbitrary<T>;
  batch(): P.ProtoBatch<T>;
  encode(d: T): Uint8Array;
  decode(b: Uint8Array): T;
  json(d: T): unknown;
  resources(d: T): unknown[];
  count(d: T): number;
  /** Changes one attribute of the first resource, when there is one. */
  edit(d: T): void;
}

const editFirst = (rs: { resource: P.Resource }[]) => rs[0]?.resource.attributes.set('edited', 1n);

const LOGS: Kind<P.Logs> = {
  arb: logs,
  batch: () => P.ProtoBatch.logs(),
  encode: P.encodeLogsProto,
  decode: (b) => P.decodeLogsProto(b),
  json: P.logsToJsonObject,
  resources: (d) => d.resourceLogs,
  count: (d) => d.logRecordCount(),
  edit: (d) => editFirst(d.resourceLogs),
};
const TRACES: Kind<P.Traces> = {
  arb: traces,
  batch: () => P.ProtoBatch.traces(),
  encode: P.encodeTracesProto,
  decode: (b) => P.decodeTracesProto(b),
  json: P.tracesToJsonObject,
  resources: (d) => d.resourceSpans,
  count: (d) => d.spanCount(),
  edit: (d) => editFirst(d.resourceSpans),
};
const METRICS: Kind<P.Metrics> = {
  arb: metrics,
  batch: () => P.ProtoBatch.metrics(),
  encode: P.encodeMetricsProto,
  decode: (b) => P.decodeMetricsProto(b),
  json: P.metricsToJsonObject,
  resources: (d) => d.resourceMetrics,
  count: (d) => d.dataPointCount(),
  edit: (d) => editFirst(d.resourceMetrics),
};

function law<T extends P.Logs | P.Traces | P.Metrics>(k: Kind<T>): void {
  fc.assert(
    fc.property(fc.array(fc.array(fc.tuple(k.arb, form), { maxLength: 4 }), { minLength: 1, maxLength: 3 }), (rounds) => {
      const batch = k.batch();
      for (const requests of rounds) {
        const expected: unknown[] = [];
        let items = 0;
        for (const [data, how] of requests) {
          const input = how === 'built' ? data : k.decode(k.encode(data));
          if (how === 'edited') k.edit(input);
          const want = k.json(input) as { [key: string]: unknown[] };
          expected.push(...(Object.values(want)[0] ?? []));
          items += k.count(input);
          batch.append(input);
        }
        const joined = batch.take();
        expect(k.count(joined)).toBe(items);
        const got = k.json(joined) as { [key: string]: unknown[] };
        expect(Object.values(got)[0] ?? []).toEqual(expected);
        expect(k.resources(joined).length).toBe(expected.length);
        expect(k.count(joined)).toBe(items);
        // The joined request is ordinary data: it re-encodes to the same bytes and can be edited.
        expect(k.json(k.decode(k.encode(joined)))).toEqual(got);
      }
    }),
    { numRuns: 60 },
  );
}

describe('ProtoBatch', () => {
  it('joins logs requests in order', () => law(LOGS));
  it('joins traces requests in order', () => law(TRACES));
  it('joins metrics requests in order', () => law(METRICS));

  it('gives an empty request when nothing was appended, and starts over after take', () => {
    const batch = P.ProtoBatch.logs();
    expect(batch.take().resourceLogs).toEqual([]);
    batch.append(P.Logs.create({ resourceLogs: [P.ResourceLogs.create({ resource: { attributes: { a: 'x' } } })] }));
    expect(batch.byteLength).toBeGreaterThan(0);
    expect(batch.take().resourceLogs).toHaveLength(1);
    expect(batch.byteLength).toBe(0);
    expect(batch.take().resourceLogs).toHaveLength(0);
  });

  it('leaves the appended request unchanged and independent of the joined one', () => {
    const input = P.Logs.create({
      resourceLogs: [P.ResourceLogs.create({ scopeLogs: [P.ScopeLogs.create({ logRecords: [P.LogRecord.create({ attributes: { k: 'v' } })] })] })],
    });
    const batch = P.ProtoBatch.logs();
    batch.append(input);
    const joined = batch.take();
    joined.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.set('k', 'changed');
    expect(input.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.get('k')).toBe('v');
    expect(P.logsToJsonObject(joined)).not.toEqual(P.logsToJsonObject(input));
  });
});
