import { describe, expect, it } from 'vitest';
import type { Logs } from '@ottl/pdata';
import { ExporterHelper, ThrottleError, helperFields, type HelperConfig, type SendFn } from '../exporterHelper.js';
import { PermanentError, RefusedError } from '../../consumer/consumer.js';
import { struct } from '../../config/schema.js';
import { logsOps } from '../../signals.js';
import { decodeFor, logBodies, makeLogs, testSettings, until } from '../../__tests__/helpers.js';

const cfgOf = (c: unknown) => decodeFor(struct(helperFields), c) as HelperConfig;

function helper(config: unknown, send: SendFn<Logs>) {
  const set = testSettings('otlp', 'logs', 'exporter');
  return { h: new ExporterHelper(set, cfgOf(config), logsOps, send, {}, { random: () => 0.5 }), set };
}

describe('exporter helper', () => {
  it('retries retryable errors with backoff, honours throttling, and counts what was sent', async () => {
    const attempts: number[] = [];
    let n = 0;
    const { h, set } = helper({ retry_on_failure: { initial_interval: '10ms', max_interval: '40ms' } }, async () => {
      attempts.push(Date.now());
      n++;
      if (n === 1) throw new Error('connection refused');
      if (n === 2) throw new ThrottleError('slow down', 60);
    });
    await h.start();
    await h.consume(makeLogs([{ bodies: ['a', 'b'] }]));
    await until(() => n === 3);
    await h.shutdown();
    expect(n).toBe(3);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(55);
    expect(set.metrics.total('otelcol_exporter_sent_log_records')).toBe(2);
    expect(set.logger.entries.filter((e) => e.message.startsWith('Exporting failed. Will retry')).length).toBe(2);
  });

  it('drops data after a permanent error without retrying', async () => {
    let n = 0;
    const { h, set } = helper({}, async () => {
      n++;
      throw new PermanentError('HTTP 400');
    });
    await h.start();
    await h.consume(makeLogs([{ bodies: ['a'] }]));
    await h.shutdown();
    expect(n).toBe(1);
    expect(set.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(1);
    expect(set.logger.entries.map((e) => e.message)).toEqual(['Exporting failed. Dropping data. Reason: not retryable error']);
  });

  it('refuses with a retryable error when the queue is full, and drains it on shutdown', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sent: unknown[] = [];
    const { h, set } = helper({ sending_queue: { num_consumers: 1, queue_size: 2 } }, async (d) => {
      await gate;
      sent.push(...logBodies(d));
    });
    await h.start();
    await h.consume(makeLogs([{ bodies: ['1'] }])); // taken by the consumer, waiting at the gate
    await h.consume(makeLogs([{ bodies: ['2'] }]));
    const third = await h.consume(makeLogs([{ bodies: ['3'] }])).catch((e: unknown) => e);
    expect(third).toBeInstanceOf(RefusedError);
    expect((third as Error).message).toBe('sending queue is full');
    expect(set.metrics.total('otelcol_exporter_queue_size')).toBe(2);
    const stopped = h.shutdown();
    release();
    await stopped;
    expect(sent).toEqual(['1', '2']);
    expect(set.metrics.total('otelcol_exporter_enqueue_failed_log_records')).toBe(1);
  });

  it('a producer blocked on a full queue when shutdown begins is refused, never accepted and left unsent', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sent: unknown[] = [];
    const { h, set } = helper({ sending_queue: { num_consumers: 1, queue_size: 1, block_on_overflow: true } }, async (d) => {
      await gate;
      sent.push(...logBodies(d));
    });
    await h.start();
    await h.consume(makeLogs([{ bodies: ['1'] }])); // taken by the consumer, waiting at the gate
    const blocked = h.consume(makeLogs([{ bodies: ['2'] }])).then(
      () => 'accepted',
      (e: unknown) => e,
    );
    const stopped = h.shutdown();
    release();
    await stopped;
    const outcome = await blocked;
    expect(outcome).toBeInstanceOf(RefusedError);
    expect((outcome as Error).message).toBe('the exporter is shutting down');
    expect(sent).toEqual(['1']);
    expect(set.metrics.total('otelcol_exporter_enqueue_failed_log_records')).toBe(1);
  });

  it('shutdown ends a long backoff at once: queued and retrying items get one last attempt, failures are counted and logged', async () => {
    const attempts: unknown[] = [];
    const { h, set } = helper({ sending_queue: { num_consumers: 1, wait_for_result: true }, retry_on_failure: { initial_interval: '30s' } }, async (d) => {
      attempts.push(...logBodies(d));
      throw new Error('connection refused');
    });
    await h.start();
    const first = h.consume(makeLogs([{ bodies: ['1', '2'] }])).catch((e: unknown) => (e as Error).message);
    const second = h.consume(makeLogs([{ bodies: ['3'] }])).catch((e: unknown) => (e as Error).message);
    await until(() => set.logger.entries.some((e) => e.message.startsWith('Exporting failed. Will retry')));
    const began = Date.now();
    await h.shutdown();
    expect(Date.now() - began).toBeLessThan(1000);
    expect(attempts).toEqual(['1', '2', '1', '2', '3']);
    expect([await first, await second]).toEqual(['exporting failed after 2 attempt(s): connection refused', 'exporting failed after 1 attempt(s): connection refused']);
    expect(set.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(3);
    expect(set.metrics.total('otelcol_exporter_sent_log_records')).toBe(0);
    const dropped = set.logger.entries.filter((e) => e.message.startsWith('Exporting failed. Dropping data.'));
    expect(dropped.map((e) => [e.message, e.fields['dropped_items']])).toEqual([
      ['Exporting failed. Dropping data. Reason: interrupted due to shutdown', 2],
      ['Exporting failed. Dropping data. Reason: interrupted due to shutdown', 1],
    ]);
  });

  it('a backend that came back during a backoff gets everything at shutdown', async () => {
    let up = false;
    const sent: unknown[] = [];
    const { h, set } = helper({ sending_queue: { num_consumers: 1 }, retry_on_failure: { initial_interval: '30s' } }, async (d) => {
      if (!up) throw new Error('connection refused');
      sent.push(...logBodies(d));
    });
    await h.start();
    await h.consume(makeLogs([{ bodies: ['1'] }]));
    await h.consume(makeLogs([{ bodies: ['2'] }]));
    await until(() => set.logger.entries.some((e) => e.message.startsWith('Exporting failed. Will retry')));
    up = true;
    const began = Date.now();
    await h.shutdown();
    expect(Date.now() - began).toBeLessThan(1000);
    expect(sent).toEqual(['1', '2']);
    expect(set.metrics.total('otelcol_exporter_sent_log_records')).toBe(2);
    expect(set.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(0);
  });

  it('without a queue, reports the send error to the caller; a timeout aborts the attempt', async () => {
    const { h } = helper({ sending_queue: { enabled: false }, retry_on_failure: { enabled: false }, timeout: '20ms' }, (_d, abort) => new Promise((_, reject) => abort.addEventListener('abort', () => reject(abort.reason))));
    await h.start();
    await expect(h.consume(makeLogs([{ bodies: ['a'] }]))).rejects.toThrow('exporting failed after 1 attempt(s): request timed out after 20ms');
    await h.shutdown();
  });
});
