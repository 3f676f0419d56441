import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeLogsProto, type Logs } from '@ottl/pdata';
import { batchProcessorFactory } from '../batch.js';
import { decodeFor, logBodies, makeLogs, sink, testSettings, makeGauges } from '../../__tests__/helpers.js';
import { metricsOps } from '../../signals.js';
import { attachClientInfo, clientInfo, newMetadata } from '../../client/clientInfo.js';
import { PermanentError } from '../../consumer/consumer.js';

/** Logs from a client at 10.0.0.1 whose request had header `tenant` (when given) and `other: x`. */
function fromTenant(tenant: string[] | undefined, bodies: string[]): Logs {
  const ld = makeLogs([{ bodies }]);
  attachClientInfo(ld, { addr: '10.0.0.1', metadata: newMetadata([['Tenant', tenant], ['other', ['x']]]) });
  return ld;
}

/** What each batch holds and carries: bodies, client metadata, client address. */
const batchesWithInfo = (got: Logs[]) => got.map((ld) => [logBodies(ld), Object.fromEntries(clientInfo(ld).metadata), clientInfo(ld).addr]);

function batcher(config: Record<string, unknown>) {
  const out = sink<Logs>();
  const set = testSettings('batch', 'logs');
  const p = batchProcessorFactory.createLogs!(set, decodeFor(batchProcessorFactory.config, config), out);
  return { p, out, set };
}

afterEach(() => void vi.useRealTimers());

describe('batch processor', () => {
  it('sends when send_batch_size is reached and splits by send_batch_max_size, keeping order', async () => {
    const { p, out, set } = batcher({ send_batch_size: 3, send_batch_max_size: 4, timeout: '1h' });
    await p.start({} as never);
    await p.consume(makeLogs([{ bodies: ['a', 'b'] }]));
    expect(out.got).toEqual([]);
    await p.consume(makeLogs([{ attrs: { r: 2 }, bodies: ['c', 'd', 'e', 'f', 'g'] }]));
    // 7 pending ≥ 3: send 4, then 3 (still ≥ send_batch_size) → nothing left pending.
    expect(out.got.map(logBodies)).toEqual([['a', 'b', 'c', 'd'], ['e', 'f', 'g']]);
    // The resource split across the two batches is copied into both.
    expect(out.got.map((ld) => ld.resourceLogs.map((rl) => rl.resource.attributes.toRaw()))).toEqual([[{}, { r: 2 }], [{ r: 2 }]]);
    await p.shutdown();
    expect(set.metrics.total('otelcol_processor_batch_batch_size_trigger_send')).toBe(2);
    expect(set.metrics.renderPrometheus()).toContain('otelcol_processor_batch_batch_send_size_bucket{processor="batch",le="10"} 2');
  });

  it('splits a large request into pieces that together hold about its size in memory, not a copy per piece', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const request = makeLogs([{ bodies: Array.from({ length: 20_000 }, (_, i) => `record ${i}`) }]);
    const size = encodeLogsProto(request).length;
    const { p, out } = batcher({ send_batch_size: 500, send_batch_max_size: 500, timeout: '1h' });
    gc();
    const before = process.memoryUsage().arrayBuffers;
    await p.consume(request);
    expect(out.got.map((ld) => ld.logRecordCount())).toEqual(Array(40).fill(500));
    gc();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(4 * size);
    await p.shutdown();
  });

  it('sends on timeout and flushes what is pending at shutdown', async () => {
    vi.useFakeTimers();
    const { p, out, set } = batcher({ send_batch_size: 100, timeout: '200ms' });
    await p.consume(makeLogs([{ bodies: ['a'] }]));
    await vi.advanceTimersByTimeAsync(199);
    expect(out.got.length).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(out.got.map(logBodies)).toEqual([['a']]);
    await p.consume(makeLogs([{ bodies: ['b'] }]));
    await p.shutdown();
    expect(out.got.map(logBodies)).toEqual([['a'], ['b']]);
    expect(set.metrics.total('otelcol_processor_batch_timeout_trigger_send')).toBe(1);
  });

  it('logs a consumer that throws instead of rejecting, from the timeout too, and goes on', async () => {
    vi.useFakeTimers();
    const set = testSettings('batch', 'logs');
    let calls = 0;
    const throwing = { capabilities: { mutatesData: false }, consume: () => (calls++, (() => { throw new Error('boom'); })()) };
    const p = batchProcessorFactory.createLogs!(set, decodeFor(batchProcessorFactory.config, { send_batch_size: 100, timeout: '200ms' }), throwing);
    await p.consume(makeLogs([{ bodies: ['a'] }]));
    await vi.advanceTimersByTimeAsync(200);
    await p.consume(makeLogs([{ bodies: ['b'] }]));
    await p.shutdown();
    expect(calls).toBe(2);
    expect(set.logger.entries.map((e) => [e.message, e.fields?.['items']])).toEqual([['Sender failed', 1], ['Sender failed', 1]]);
  });

  it('rejects send_batch_max_size below send_batch_size', () => {
    expect(() => decodeFor(batchProcessorFactory.config, { send_batch_size: 10, send_batch_max_size: 5 })).toThrow('send_batch_max_size must be greater or equal to send_batch_size');
  });

  it('without metadata_keys joins requests of every client into batches that carry no client info', async () => {
    const { p, out } = batcher({ send_batch_size: 2, timeout: '1h' });
    await p.consume(fromTenant(['a'], ['a1']));
    await p.consume(fromTenant(['b'], ['b1']));
    expect(batchesWithInfo(out.got)).toEqual([[['a1', 'b1'], {}, undefined]]);
  });

  it('with metadata_keys never mixes combinations of their values in a batch; each batch carries those keys only', async () => {
    const { p, out } = batcher({ send_batch_size: 3, timeout: '1h', metadata_keys: ['TENANT'] });
    await p.consume(fromTenant(['a'], ['a1', 'a2']));
    await p.consume(fromTenant(['b'], ['b1']));
    await p.consume(fromTenant(undefined, ['n1']));
    await p.consume(fromTenant(['a', 'b'], ['ab1']));
    await p.consume(fromTenant(['a'], ['a3', 'a4']));
    // Tenant a reached send_batch_size: sent alone; the rest waits in its own batch until shutdown.
    expect(batchesWithInfo(out.got)).toEqual([[['a1', 'a2', 'a3', 'a4'], { tenant: ['a'] }, undefined]]);
    await p.shutdown();
    expect(batchesWithInfo(out.got.slice(1))).toEqual([
      [['b1'], { tenant: ['b'] }, undefined],
      [['n1'], {}, undefined],
      [['ab1'], { tenant: ['a', 'b'] }, undefined],
    ]);
  });

  it('refuses a new combination past metadata_cardinality_limit with a permanent error; known ones still go through', async () => {
    const { p, out } = batcher({ timeout: '1h', metadata_keys: ['tenant'], metadata_cardinality_limit: 2 });
    await p.consume(fromTenant(['a'], ['a1']));
    await p.consume(fromTenant(['b'], ['b1']));
    const refused = p.consume(fromTenant(['c'], ['c1']));
    await expect(refused).rejects.toBeInstanceOf(PermanentError);
    await expect(refused).rejects.toThrow('too many batcher metadata-value combinations (metadata_cardinality_limit is 2)');
    await p.consume(fromTenant(['a'], ['a2']));
    await p.shutdown();
    expect(batchesWithInfo(out.got)).toEqual([
      [['a1', 'a2'], { tenant: ['a'] }, undefined],
      [['b1'], { tenant: ['b'] }, undefined],
    ]);
  });

  it('rejects a metadata key listed twice (in any case)', () => {
    expect(() => decodeFor(batchProcessorFactory.config, { metadata_keys: ['tenant', 'Tenant'] })).toThrow('duplicate entry in metadata_keys: "tenant" (case-insensitive)');
  });

  it('splits metrics at data-point granularity', () => {
    const md = makeGauges([{ names: ['m1', 'm2'], points: 3 }]);
    const first = metricsOps.splitOff(md, 4);
    const shape = (m: typeof md) => m.resourceMetrics.flatMap((rm) => rm.scopeMetrics.flatMap((sm) => sm.metrics.map((x) => `${x.name}:${x.gauge!.dataPoints.map((d) => d.intValue).join(',')}`)));
    expect(shape(first)).toEqual(['m1:0,1,2', 'm2:0']);
    expect(shape(md)).toEqual(['m2:1,2']);
  });
});
