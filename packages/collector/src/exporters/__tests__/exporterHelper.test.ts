import { describe, expect, it, vi } from 'vitest';
import type { Logs } from '@ottl/pdata';
import type { Host } from '../../component/component.js';
import type { PersistentQueue, StorageExtension, StoredRequest } from '../../extensions/storage.js';
import { ExporterHelper, ThrottleError, helperFields, type HelperConfig, type SendFn } from '../exporterHelper.js';
import { PermanentError, RefusedError } from '../../consumer/consumer.js';
import { struct } from '../../config/schema.js';
import { logsOps } from '../../signals.js';
import { decodeFor, logBodies, makeLogs, testSettings, until } from '../../__tests__/helpers.js';

const cfgOf = (c: unknown) => decodeFor(struct(helperFields), c) as HelperConfig;

/** Bodies of each request sent, one string per request (`"a b"`). */
function recordingSend(sent: string[], before: () => Promise<void> | void = () => {}): SendFn<Logs> {
  return async (d) => {
    await before();
    sent.push(logBodies(d).join(' '));
  };
}

/** A storage extension keeping one persistent queue in memory, which outlives the exporters that open it. */
function memoryStorage() {
  const records = new Map<number, { bytes: Uint8Array; items: number }>();
  let seq = 0;
  const queue: PersistentQueue = {
    get pending(): StoredRequest[] {
      return [...records].map(([s, r]) => ({ seq: s, items: r.items }));
    },
    append: async (bytes, items) => {
      records.set(seq, { bytes, items });
      return { seq: seq++, items };
    },
    read: async (s) => records.get(s)!.bytes,
    ack: async (s) => void records.delete(s),
    close: async () => {},
  };
  const ext: StorageExtension = { start: async () => {}, shutdown: async () => {}, openQueue: async () => ({ ...queue, pending: queue.pending }) };
  const host: Host = { extensions: new Map([['file_storage', ext]]), state: () => 'running', reportFatalError: () => {} };
  return { host, pending: () => queue.pending.map((r) => logBodies(logsOps.decodeProto(records.get(r.seq)!.bytes)).join(' ')) };
}

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

describe('exporter helper with sending_queue.batch', () => {
  const logs = (...bodies: string[]) => makeLogs([{ bodies }]);

  it('merges small requests into one send once min_size items are queued', async () => {
    const sent: string[] = [];
    const { h, set } = helper({ sending_queue: { num_consumers: 2, batch: { min_size: 5, flush_timeout: '10s' } } }, recordingSend(sent));
    await h.start();
    for (const b of [['a', 'b'], ['c'], ['d', 'e'], ['f']]) await h.consume(logs(...b));
    await until(() => sent.length === 1);
    expect(sent).toEqual(['a b c d e']);
    await until(() => h.queueSize === 1);
    await h.shutdown();
    expect(sent).toEqual(['a b c d e', 'f']);
    expect(set.metrics.total('otelcol_exporter_sent_log_records')).toBe(6);
  });

  it('an empty batch block enables the defaults: a partial batch is sent flush_timeout after its first request', async () => {
    expect(cfgOf({ sending_queue: { batch: null } }).sending_queue.batch).toEqual({ flush_timeout: 200, min_size: 8192, max_size: 0, sizer: expect.objectContaining({ value: 'items' }) });
    expect(cfgOf({}).sending_queue.batch).toBeUndefined();
    vi.useFakeTimers();
    try {
      const sent: string[] = [];
      const { h } = helper({ sending_queue: { batch: { flush_timeout: '50ms' } } }, recordingSend(sent));
      await h.start();
      await h.consume(logs('a'));
      await vi.advanceTimersByTimeAsync(30);
      await h.consume(logs('b'));
      await vi.advanceTimersByTimeAsync(19);
      expect(sent).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(sent).toEqual(['a b']);
      await h.shutdown();
    } finally {
      vi.useRealTimers();
    }
  });

  it('splits a batch so that no request exceeds max_size', async () => {
    const sent: string[] = [];
    const { h, set } = helper({ sending_queue: { num_consumers: 1, batch: { min_size: 3, max_size: 4 } } }, recordingSend(sent));
    await h.start();
    await h.consume(logs('a', 'b'));
    await h.consume(logs('c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'));
    await until(() => sent.length === 3);
    expect(sent).toEqual(['a b c d', 'e f g h', 'i j']);
    await h.shutdown();
    expect(set.metrics.total('otelcol_exporter_sent_log_records')).toBe(10);
  });

  it('retries a merged request as one, counting its items once; a caller waiting for the result learns it', async () => {
    const sent: string[] = [];
    let failures = 1;
    const { h, set } = helper(
      { sending_queue: { num_consumers: 1, wait_for_result: true, batch: { min_size: 3 } }, retry_on_failure: { initial_interval: '5ms' } },
      recordingSend(sent, () => {
        if (failures-- > 0) throw new Error('connection refused');
      }),
    );
    await h.start();
    await Promise.all([h.consume(logs('a')), h.consume(logs('b', 'c'))]);
    expect(sent).toEqual(['a b c']);
    expect(set.logger.entries.map((e) => e.message)).toEqual(['Exporting failed. Will retry the request after interval.']);
    expect(set.metrics.total('otelcol_exporter_sent_log_records')).toBe(3);
    await h.shutdown();
  });

  it('shutdown sends the pending batch', async () => {
    const sent: string[] = [];
    const { h } = helper({ sending_queue: { batch: { flush_timeout: '30s' } } }, recordingSend(sent));
    await h.start();
    await h.consume(logs('a'));
    await h.consume(logs('b'));
    await h.shutdown();
    expect(sent).toEqual(['a b']);
  });

  it('persistent: a stored request is acknowledged once its batch was sent; a restart sends only the rest', async () => {
    const storage = memoryStorage();
    const sent: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let up = true;
    const config = { sending_queue: { num_consumers: 1, storage: 'file_storage', batch: { min_size: 2, flush_timeout: '30s' } }, retry_on_failure: { initial_interval: '30s' } };
    const first = helper(config, recordingSend(sent, async () => {
      await gate;
      if (!up) throw new Error('connection refused');
    }));
    await first.h.start(storage.host);
    await first.h.consume(logs('a'));
    await first.h.consume(logs('b'));
    await until(() => first.h.queueSize === 2);
    expect(storage.pending()).toEqual(['a', 'b']);
    release();
    await until(() => sent.length === 1);
    await until(() => storage.pending().length === 0);
    up = false;
    await first.h.consume(logs('c'));
    await first.h.consume(logs('d'));
    await until(() => first.set.logger.entries.some((e) => e.message.startsWith('Exporting failed. Will retry')));
    await first.h.consume(logs('e'));
    await first.h.shutdown();
    expect(sent).toEqual(['a b']);
    expect(storage.pending()).toEqual(['c', 'd', 'e']);

    up = true;
    const second = helper({ ...config, sending_queue: { ...config.sending_queue, batch: { min_size: 2, flush_timeout: '20ms' } } }, recordingSend(sent));
    await second.h.start(storage.host);
    await until(() => storage.pending().length === 0);
    await second.h.shutdown();
    expect(sent).toEqual(['a b', 'c d', 'e']);
  });

  it('rejects a bad sizer, and max_size below min_size', () => {
    expect(() => cfgOf({ sending_queue: { batch: { sizer: 'requests' } } })).toThrow('a batch is sized in items or bytes, not requests');
    expect(() => cfgOf({ sending_queue: { batch: { min_size: 10, max_size: 5 } } })).toThrow('max_size must be greater or equal to min_size');
    expect(() => cfgOf({ sending_queue: { sizer: 'items', queue_size: 100, batch: { min_size: 200 } } })).toThrow('min_size must be less than or equal to queue_size');
  });
});
