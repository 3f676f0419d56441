/**
 * What every network exporter shares (the Collector's exporterhelper): a bounded sending queue
 * drained by `num_consumers` workers, retries with exponential backoff, a timeout per attempt, and
 * the exporter metrics. An exporter supplies only `send(data, abort)`.
 *
 * The queue is in memory, or persistent when `sending_queue.storage` names a storage extension:
 * then `consume` resolves only once the request is stored, a request leaves the store only after
 * the backend accepted it or it failed for good, and whatever is left (queued, or interrupted by
 * shutdown or a crash) is sent after the next start. Delivery is at least once: a request the
 * backend accepted just before a crash, before its acknowledgement was stored, is sent again.
 *
 * With `sending_queue.batch` (present, even empty), the workers merge queued requests before
 * sending (the Collector's queue batcher): a batch is sent once it holds `min_size` items or
 * `flush_timeout` after its first request, in pieces of at most `max_size` items (0: no limit).
 * Each piece is one request for retries, timeouts and `otelcol_exporter_sent_*`. A queued
 * request counts against `queue_size`, and with `wait_for_result` its `consume` settles, once
 * every piece of its batch was sent or dropped; a stored request is acknowledged only then, so a
 * batch cut short by shutdown or a crash is sent again after the next start.
 *
 * Contract of `send`: resolve when the backend accepted the data; reject with a
 * {@link PermanentError} when retrying cannot help (the data is dropped and counted as failed), or
 * with any other error to be retried ({@link ThrottleError} carries the server's retry delay).
 */
import { ComponentId, type Signal } from '../component/componentId.js';
import type { CreateSettings, Exporter, Host } from '../component/component.js';
import { bool, duration, int, located, number, oneOf, string, struct, type Decoder, type Infer, type Located } from '../config/schema.js';
import { RefusedError, errorMessage, isPermanent } from '../consumer/consumer.js';
import { isStorageExtension, type PersistentQueue, type StoredRequest } from '../extensions/storage.js';
import type { Accumulator, SignalOps } from '../signals.js';
import { exporterQueueTelemetry, exporterTelemetry } from '../telemetry/componentTelemetry.js';

export const batchConfig = struct(
  {
    flush_timeout: duration(200, { min: 1 }),
    min_size: int(8192, { min: 0 }),
    max_size: int(0, { min: 0 }),
    sizer: located(oneOf(['items', 'bytes', 'requests'] as const, 'items')),
  },
  {
    check: (c, ctx, node) => {
      const sizer = c.sizer.value;
      if (sizer !== 'items') {
        ctx.issues.add('config-error', c.sizer.path, c.sizer.node?.loc ?? node?.loc ?? ctx.loc, sizer === 'requests' ? 'a batch is sized in items or bytes, not requests' : 'the bytes sizer is not supported for batches yet', {
          hint: 'write sizer: items',
        });
      }
      if (c.max_size > 0 && c.max_size < c.min_size) {
        const at = node?.kind === 'map' ? node.entries.get('max_size')?.node.loc : undefined;
        ctx.issues.add('config-error', `${ctx.path}.max_size`, at ?? node?.loc ?? ctx.loc, 'max_size must be greater or equal to min_size', {
          hint: `set max_size to 0 (no limit) or at least ${c.min_size}`,
        });
      }
    },
  },
);

/** A block whose presence turns a feature on: absent is undefined, an empty block (`batch:`) has every default. */
function enabledBlock<T>(inner: Decoder<T>): Decoder<T | undefined> {
  return {
    describe: 'mapping (optional; an empty block enables the defaults)',
    decode: (node, ctx) => (node === undefined ? undefined : inner.decode(node, ctx)),
  };
}

export const queueConfig = struct(
  {
    enabled: bool(true),
    num_consumers: int(10, { min: 1 }),
    queue_size: int(1000, { min: 1 }),
    sizer: oneOf(['requests', 'items'] as const, 'requests'),
    block_on_overflow: bool(false),
    /** Deprecated upstream alias of block_on_overflow. */
    blocking: bool(false),
    wait_for_result: bool(false),
    /** ID of a storage extension (`file_storage`): the queue is kept there instead of in memory. */
    storage: located(string()),
    /** Merge queued requests before sending (see the module comment). */
    batch: enabledBlock(batchConfig),
  },
  {
    check: (c, ctx, node) => {
      if (c.batch !== undefined && c.sizer === 'items' && c.batch.min_size > c.queue_size) {
        ctx.issues.add('config-error', `${ctx.path}.batch.min_size`, node?.loc ?? ctx.loc, 'min_size must be less than or equal to queue_size', {
          hint: `raise queue_size to at least ${c.batch.min_size} or lower min_size`,
        });
      }
    },
  },
);

export const retryConfig = struct({
  enabled: bool(true),
  initial_interval: duration(5000),
  randomization_factor: number(0.5, { min: 0, max: 1 }),
  multiplier: number(1.5, { min: 1 }),
  max_interval: duration(30_000),
  max_elapsed_time: duration(300_000),
});

export type QueueConfig = Infer<typeof queueConfig>;
export type BatchConfig = Infer<typeof batchConfig>;
export type RetryConfig = Infer<typeof retryConfig>;

export interface HelperConfig {
  readonly timeout: number;
  readonly sending_queue: QueueConfig;
  readonly retry_on_failure: RetryConfig;
}

/** The fields every queued exporter config has, with the Collector's defaults. */
export const helperFields = { timeout: duration(5000), sending_queue: queueConfig, retry_on_failure: retryConfig };

/** The storage extension a queued exporter names (`ExporterFactory.storageRefs`). */
export function helperStorageRefs(cfg: HelperConfig): readonly Located<string>[] {
  return cfg.sending_queue.enabled && cfg.sending_queue.storage.value !== '' ? [cfg.sending_queue.storage] : [];
}

/** A retryable failure after which the server asked to wait `retryAfterMs` (HTTP 429/503 Retry-After, gRPC RetryInfo). */
export class ThrottleError extends Error {
  override readonly name = 'ThrottleError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

export type SendFn<T> = (data: T, abort: AbortSignal) => Promise<void>;

interface QueueItem<T> {
  /** Absent while the request waits in the persistent queue: read back when it is sent. */
  readonly data: T | undefined;
  readonly items: number;
  readonly stored?: StoredRequest;
  readonly done?: { resolve: () => void; reject: (e: unknown) => void };
}

/** Queued requests merged into one batch, settled once every piece of it was sent or dropped. */
interface Batch<T> {
  readonly members: QueueItem<T>[];
  /** Pieces not settled yet. */
  unsent: number;
  /** A piece was left unsent by shutdown: stored members stay in the persistent queue. */
  interrupted: boolean;
  /** The failure reported to members waiting for the result. */
  error: unknown;
}

/** The batch being filled (`sending_queue.batch`). */
interface PendingBatch<T> {
  readonly acc: Accumulator<T>;
  readonly members: QueueItem<T>[];
  items: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** At most `max_size` items of a batch, sent as one request. */
interface Piece<T> {
  readonly data: T;
  readonly items: number;
  readonly batch: Batch<T>;
}

/** What an exporter does around the helper's own start and shutdown. */
export interface HelperLifecycle {
  /** Before the queue's workers start. */
  start?: () => Promise<void>;
  /** When shutdown begins, before the last attempts are made (e.g. to reconnect for them). */
  draining?: () => void;
  /** After the queue drained and attempts still in flight were cancelled. */
  shutdown?: () => Promise<void>;
}

/** Options for tests: the randomness of the backoff jitter. */
export interface HelperOptions {
  readonly random?: () => number;
}

export class ExporterHelper<T> implements Exporter<T> {
  readonly capabilities = { mutatesData: false };
  private readonly queue: QueueItem<T>[] = [];
  private queued = 0;
  /** The persistent queue, once started with `sending_queue.storage`. */
  private store: PersistentQueue | undefined;
  private readonly waiters: (() => void)[] = [];
  private readonly spaceWaiters: (() => void)[] = [];
  private readonly workers: Promise<void>[] = [];
  /** With `sending_queue.batch`: the batch being filled, and cut pieces waiting for a worker. */
  private pending: PendingBatch<T> | undefined;
  private readonly pieces: Piece<T>[] = [];
  /** `sending_queue.batch` with the signal's accumulator; undefined without it or for a signal that is not merged (profiles). */
  private readonly batching: { readonly cfg: BatchConfig; readonly accumulator: () => Accumulator<T> } | undefined;
  private stopping = false;
  private readonly tel;
  /** Aborted when shutdown begins: a backoff in progress ends at once and no new one starts. */
  private readonly backoff = new AbortController();
  /** Aborted once the queue drained: cancels attempts still in flight. */
  private readonly abort = new AbortController();

  constructor(
    private readonly set: CreateSettings,
    private readonly cfg: HelperConfig,
    private readonly ops: SignalOps<T>,
    private readonly send: SendFn<T>,
    private readonly lifecycle: HelperLifecycle = {},
    private readonly options: HelperOptions = {},
  ) {
    this.tel = exporterTelemetry(set.metrics, set.id, set.signal as Signal);
    const batch = cfg.sending_queue.batch;
    if (batch !== undefined && ops.protoBatch !== undefined) this.batching = { cfg: batch, accumulator: ops.protoBatch };
    if (cfg.sending_queue.enabled) {
      exporterQueueTelemetry(set.metrics, set.id, set.signal as Signal, () => this.queued, () => cfg.sending_queue.queue_size);
    }
  }

  /** Items (or requests, by the queue's sizer) waiting in the queue. */
  get queueSize(): number {
    return this.queued;
  }

  /** With `sending_queue.storage`, `host` must run that storage extension; what it holds is queued first. */
  async start(host?: Host): Promise<void> {
    await this.lifecycle.start?.();
    const q = this.cfg.sending_queue;
    if (!q.enabled) return;
    if (q.storage.value !== '') await this.openStore(host, q.storage.value);
    for (let i = 0; i < q.num_consumers; i++) this.workers.push(this.batching ? this.batchWorker(this.batching.cfg) : this.worker());
  }

  private async openStore(host: Host | undefined, name: string): Promise<void> {
    const id = ComponentId.parse(name);
    const ext = 'error' in id ? undefined : host?.extensions.get(id.toString());
    if (!isStorageExtension(ext)) throw new Error(`storage extension "${name}" is not running`);
    this.store = await ext.openQueue({ kind: 'exporter', id: this.set.id, signal: this.set.signal as Signal });
    for (const r of this.store.pending) {
      this.queue.push({ data: undefined, items: r.items, stored: r });
      this.queued += this.sizeOf(r.items);
    }
    if (this.store.pending.length > 0) this.set.logger.info('Sending the requests left in the persistent queue', { requests: this.store.pending.length, items: this.store.pending.reduce((n, r) => n + r.items, 0) });
  }

  private sizeOf(items: number): number {
    return this.cfg.sending_queue.sizer === 'items' ? items : 1;
  }

  /**
   * Stops accepting and stops backing off. In memory: every item still queued or waiting for a
   * retry gets one last attempt (bounded by `timeout`), and what fails is dropped, counted in
   * `otelcol_exporter_send_failed_*` and logged with its `dropped_items`. Persistent: attempts in
   * flight finish, and everything not sent stays stored for the next start. Resolves once the
   * queue drained (or was left to the store), then closes the exporter.
   */
  async shutdown(): Promise<void> {
    this.stopping = true;
    this.lifecycle.draining?.();
    this.backoff.abort();
    for (const w of this.waiters.splice(0)) w();
    for (const w of this.spaceWaiters.splice(0)) w();
    await Promise.all(this.workers);
    // Persistent: what is left stays stored, and callers waiting for its result are told it is safe.
    for (const item of this.queue.splice(0)) item.done?.resolve();
    for (const item of this.unbatch()) item.done?.resolve();
    await this.store?.close();
    this.abort.abort();
    await this.lifecycle.shutdown?.();
  }

  async consume(data: T): Promise<void> {
    const items = this.ops.count(data);
    if (!this.cfg.sending_queue.enabled) {
      await this.sendWithRetry(data, items, true);
      return;
    }
    const q = this.cfg.sending_queue;
    const size = this.sizeOf(items);
    // Checked again after every wait: once shutdown began, the workers may be gone.
    for (;;) {
      if (this.stopping) {
        this.tel.enqueueFailed(items);
        throw new RefusedError('the exporter is shutting down');
      }
      if (this.queued + size <= q.queue_size || this.queued === 0) break;
      if (!(q.block_on_overflow || q.blocking)) {
        this.tel.enqueueFailed(items);
        throw new RefusedError('sending queue is full');
      }
      await new Promise<void>((r) => this.spaceWaiters.push(r));
    }
    this.queued += size;
    if (this.store) return this.enqueueStored(this.store, data, items, size);
    if (q.wait_for_result) {
      await new Promise<void>((resolve, reject) => {
        this.queue.push({ data, items, done: { resolve, reject } });
        this.waiters.shift()?.();
      });
      return;
    }
    this.queue.push({ data, items });
    this.waiters.shift()?.();
  }

  /** Resolves once `data` is stored (with `wait_for_result`, once it was sent or dropped). */
  private async enqueueStored(store: PersistentQueue, data: T, items: number, size: number): Promise<void> {
    let stored: StoredRequest;
    try {
      stored = await store.append(this.ops.encodeProto(data), items);
    } catch (err) {
      this.queued -= size;
      this.spaceWaiters.shift()?.();
      this.tel.enqueueFailed(items);
      this.set.logger.error('Failed to write to the persistent queue', { error: errorMessage(err), dropped_items: items });
      throw new RefusedError(`cannot write to the persistent queue: ${errorMessage(err)}`);
    }
    // Shutdown began while writing: the request waits on disk for the next start.
    if (this.stopping) return;
    if (!this.cfg.sending_queue.wait_for_result) {
      this.queue.push({ data: undefined, items, stored });
      this.waiters.shift()?.();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ data: undefined, items, stored, done: { resolve, reject } });
      this.waiters.shift()?.();
    });
  }

  private async worker(): Promise<void> {
    for (;;) {
      // A persistent queue keeps what is left for the next start.
      const item = this.stopping && this.store ? undefined : this.queue.shift();
      if (!item) {
        if (this.stopping) return;
        await new Promise<void>((r) => this.waiters.push(r));
        continue;
      }
      try {
        if (item.stored === undefined) await this.sendWithRetry(item.data!, item.items, item.done !== undefined);
        else await this.sendStored(this.store!, item.stored, item.done !== undefined);
        item.done?.resolve();
      } catch (err) {
        item.done?.reject(err);
      } finally {
        this.queued -= this.sizeOf(item.items);
        this.spaceWaiters.shift()?.();
      }
    }
  }

  /**
   * A worker with `sending_queue.batch`: sends cut pieces first, else moves queued requests into
   * the pending batch. At shutdown, in memory, the pending batch is cut and sent; persistent,
   * the worker stops and what was not sent stays stored.
   */
  private async batchWorker(cfg: BatchConfig): Promise<void> {
    for (;;) {
      const keep = this.stopping && this.store !== undefined;
      const piece = keep ? undefined : this.pieces.shift();
      if (piece) {
        await this.sendPiece(piece);
        continue;
      }
      const item = keep ? undefined : this.queue.shift();
      if (item) {
        await this.addToBatch(item, cfg);
        continue;
      }
      if (this.stopping) {
        if (!keep && this.cut(cfg)) continue;
        return;
      }
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  private async addToBatch(item: QueueItem<T>, cfg: BatchConfig): Promise<void> {
    let data = item.data;
    if (data === undefined) {
      try {
        data = this.ops.decodeProto(await this.store!.read(item.stored!.seq));
      } catch (err) {
        this.tel.sendFailed(item.items);
        this.set.logger.error('Exporting failed. Dropping data. Reason: unreadable in the persistent queue', { error: errorMessage(err), dropped_items: item.items });
        await this.settle({ members: [item], unsent: 0, interrupted: false, error: err });
        return;
      }
    }
    const pending = (this.pending ??= { acc: this.batching!.accumulator(), members: [], items: 0, timer: undefined });
    pending.acc.append(data);
    pending.members.push(item);
    pending.items += item.items;
    if (pending.items >= cfg.min_size) this.cut(cfg);
    else pending.timer ??= setTimeout(() => this.cut(cfg), cfg.flush_timeout);
  }

  /** Cuts the pending batch into pieces of at most `max_size` items for the workers; false when there was none. */
  private cut(cfg: BatchConfig): boolean {
    const pending = this.pending;
    if (pending === undefined) return false;
    this.pending = undefined;
    clearTimeout(pending.timer);
    const batch: Batch<T> = { members: pending.members, unsent: 0, interrupted: false, error: undefined };
    let rest = pending.acc.take();
    let left = pending.items;
    while (cfg.max_size > 0 && left > cfg.max_size) {
      this.pieces.push({ data: this.ops.splitOff(rest, cfg.max_size), items: cfg.max_size, batch });
      left -= cfg.max_size;
      batch.unsent++;
    }
    this.pieces.push({ data: rest, items: left, batch });
    batch.unsent++;
    for (let i = 0; i < batch.unsent; i++) this.waiters.shift()?.();
    return true;
  }

  private async sendPiece(piece: Piece<T>): Promise<void> {
    const { batch } = piece;
    try {
      const settled = await this.sendWithRetry(piece.data, piece.items, batch.members.some((m) => m.done !== undefined));
      if (!settled) batch.interrupted = true;
    } catch (err) {
      batch.error ??= err;
    }
    if (--batch.unsent === 0) await this.settle(batch);
  }

  /** Acknowledges a batch's stored members (unless interrupted), reports to waiting callers and frees their queue space. */
  private async settle(batch: Batch<T>): Promise<void> {
    const store = this.store;
    if (store !== undefined && !batch.interrupted) await Promise.all(batch.members.map((m) => (m.stored === undefined ? undefined : this.remove(store, m.stored))));
    for (const item of batch.members) {
      if (batch.error === undefined) item.done?.resolve();
      else item.done?.reject(batch.error);
      this.queued -= this.sizeOf(item.items);
      this.spaceWaiters.shift()?.();
    }
  }

  /** At shutdown, the requests left in the pending batch or in pieces no worker took (persistent: they stay stored). */
  private unbatch(): QueueItem<T>[] {
    const left = new Set(this.pending?.members);
    clearTimeout(this.pending?.timer);
    this.pending = undefined;
    for (const p of this.pieces.splice(0)) for (const m of p.batch.members) left.add(m);
    return [...left];
  }

  /** Sends a stored request and removes it from the store, unless shutdown interrupted it. */
  private async sendStored(store: PersistentQueue, stored: StoredRequest, rethrow: boolean): Promise<void> {
    let data: T;
    try {
      data = this.ops.decodeProto(await store.read(stored.seq));
    } catch (err) {
      this.tel.sendFailed(stored.items);
      this.set.logger.error('Exporting failed. Dropping data. Reason: unreadable in the persistent queue', { error: errorMessage(err), dropped_items: stored.items });
      await this.remove(store, stored);
      if (rethrow) throw err;
      return;
    }
    let settled = true;
    try {
      settled = await this.sendWithRetry(data, stored.items, rethrow);
    } finally {
      if (settled) await this.remove(store, stored);
    }
  }

  private async remove(store: PersistentQueue, stored: StoredRequest): Promise<void> {
    try {
      await store.ack(stored.seq);
    } catch (err) {
      this.set.logger.error('Failed to remove a finished request from the persistent queue; it will be sent again after a restart', { error: errorMessage(err), items: stored.items });
    }
  }

  /**
   * Sends with a timeout per attempt and backoff between attempts. `rethrow`: report failure to the
   * caller. Resolves false, without counting a failure, when shutdown interrupted a request that the
   * persistent queue keeps; true when it was sent or dropped.
   */
  private async sendWithRetry(data: T, items: number, rethrow: boolean): Promise<boolean> {
    const r = this.cfg.retry_on_failure;
    const began = Date.now();
    let interval = r.initial_interval;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.attempt(data);
        this.tel.sent(items);
        return true;
      } catch (err) {
        const permanent = isPermanent(err);
        let wait = Math.min(interval, r.max_interval);
        const rnd = this.options.random?.() ?? Math.random();
        wait = wait * (1 - r.randomization_factor + 2 * r.randomization_factor * rnd);
        if (err instanceof ThrottleError) wait = Math.max(wait, err.retryAfterMs);
        const shuttingDown = this.backoff.signal.aborted;
        const giveUp = permanent || !r.enabled || shuttingDown || (r.max_elapsed_time > 0 && Date.now() - began + wait > r.max_elapsed_time);
        if (giveUp && shuttingDown && !permanent && this.store) {
          this.set.logger.info('Exporting interrupted by shutdown; the request stays in the persistent queue', { error: errorMessage(err), items });
          return false;
        }
        if (giveUp) {
          this.tel.sendFailed(items);
          const reason = permanent ? 'not retryable error' : !r.enabled ? 'retries disabled' : shuttingDown ? 'interrupted due to shutdown' : 'no more retries left';
          this.set.logger.error(`Exporting failed. Dropping data. Reason: ${reason}`, { error: errorMessage(err), dropped_items: items, attempts: attempt });
          if (rethrow) throw permanent ? err : new Error(`exporting failed after ${attempt} attempt(s): ${errorMessage(err)}`, { cause: err });
          return true;
        }
        this.set.logger.info('Exporting failed. Will retry the request after interval.', { error: errorMessage(err), interval: `${Math.round(wait)}ms` });
        await sleep(wait, this.backoff.signal);
        interval = interval * r.multiplier;
      }
    }
  }

  private async attempt(data: T): Promise<void> {
    const ac = new AbortController();
    const onAbort = () => ac.abort(this.abort.signal.reason);
    this.abort.signal.addEventListener('abort', onAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = this.cfg.timeout > 0
        ? new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              const e = new Error(`request timed out after ${this.cfg.timeout}ms`);
              ac.abort(e);
              reject(e);
            }, this.cfg.timeout);
          })
        : undefined;
      const sending = this.send(data, ac.signal);
      await (timeout ? Promise.race([sending, timeout]) : sending);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      this.abort.signal.removeEventListener('abort', onAbort);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(() => {
      signal.removeEventListener('abort', done);
      resolve();
    }, ms);
    const done = () => {
      clearTimeout(t);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
  });
}

