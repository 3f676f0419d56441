import { describe, expect, it } from 'vitest';
import type { Logs } from '@ottl/pdata';
import { memoryLimiterFactory, type MemorySource } from '../memoryLimiter.js';
import { RefusedError, isPermanent } from '../../consumer/consumer.js';
import { decodeFor, makeLogs, sink, testSettings } from '../../__tests__/helpers.js';

const MIB = 1024 * 1024;

describe('memory_limiter', () => {
  it('refuses with a retryable error above the soft limit and resumes below it', async () => {
    let used = 10 * MIB;
    let gcs = 0;
    const source: MemorySource = { usedBytes: () => used, totalBytes: () => undefined, gc: () => void gcs++ };
    const factory = memoryLimiterFactory(source);
    const cfg = decodeFor(factory.config, { check_interval: '1h', limit_mib: 100, spike_limit_mib: 20 });
    const out = sink<Logs>();
    const set = testSettings('memory_limiter', 'logs');
    const p = factory.createLogs!(set, cfg, out);
    await p.start({} as never);
    await p.consume(makeLogs([{ bodies: ['ok'] }]));
    used = 81 * MIB; // above 100 - 20
    (p as unknown as { limiter: { check(): void } }).limiter.check();
    const err = await p.consume(makeLogs([{ bodies: ['x', 'y'] }])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefusedError);
    expect(isPermanent(err)).toBe(false);
    expect((err as Error).message).toBe('data refused due to high memory usage');
    expect(gcs).toBe(1);
    used = 50 * MIB;
    (p as unknown as { limiter: { check(): void } }).limiter.check();
    await p.consume(makeLogs([{ bodies: ['again'] }]));
    await p.shutdown();
    expect(out.got.length).toBe(2);
    expect(set.metrics.total('otelcol_processor_refused_log_records')).toBe(2);
    expect(set.logger.entries.map((e) => e.message)).toEqual(['Memory usage is above soft limit. Refusing data.', 'Memory usage back within limits. Resuming normal operation.']);
  });

  it('validates its config like the Collector', () => {
    const f = memoryLimiterFactory();
    expect(() => decodeFor(f.config, {})).toThrow(/check_interval must be greater than zero\n.*a memory limit is required/);
    expect(() => decodeFor(f.config, { check_interval: '1s', limit_mib: 10, spike_limit_mib: 10 })).toThrow('spike_limit_mib (10) must be smaller than limit_mib (10)');
  });
});
