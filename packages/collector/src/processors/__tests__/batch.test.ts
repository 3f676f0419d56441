import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logs } from '@ottl/pdata';
import { batchProcessorFactory } from '../batch.js';
import { decodeFor, logBodies, makeLogs, sink, testSettings, makeGauges } from '../../__tests__/helpers.js';
import { metricsOps } from '../../signals.js';

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

  it('rejects send_batch_max_size below send_batch_size', () => {
    expect(() => decodeFor(batchProcessorFactory.config, { send_batch_size: 10, send_batch_max_size: 5 })).toThrow('send_batch_max_size must be greater or equal to send_batch_size');
  });

  it('splits metrics at data-point granularity', () => {
    const md = makeGauges([{ names: ['m1', 'm2'], points: 3 }]);
    const first = metricsOps.splitOff(md, 4);
    const shape = (m: typeof md) => m.resourceMetrics.flatMap((rm) => rm.scopeMetrics.flatMap((sm) => sm.metrics.map((x) => `${x.name}:${x.gauge!.dataPoints.map((d) => d.intValue).join(',')}`)));
    expect(shape(first)).toEqual(['m1:0,1,2', 'm2:0']);
    expect(shape(md)).toEqual(['m2:1,2']);
  });
});
