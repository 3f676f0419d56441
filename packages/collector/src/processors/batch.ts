/**
 * `batch`: groups data into batches by item count or time (the Collector's batchprocessor).
 *
 * `consume` takes ownership of the data, appends it to the pending batch and resolves at once; a
 * batch is sent when it reaches `send_batch_size` items or when `timeout` passed since its first
 * item, split so that no batch exceeds `send_batch_max_size`. Downstream errors are logged with
 * the number of items lost (the batch is not retried here; use an exporter's retry and queue). Shutdown sends what
 * is pending and waits for every send in flight. Profiles pass through unbatched (requests carry
 * their own dictionary and are not merged).
 *
 * Client info: without `metadata_keys` batches carry none (as upstream: a batch has no single
 * client). With `metadata_keys`, pending data is kept apart per distinct combination of those
 * keys' values in the requests' client metadata (an absent key is a value too), each with its own
 * size and timeout, and each batch carries those keys' values as its metadata. Combinations are
 * remembered until shutdown; past `metadata_cardinality_limit` of them (0: no limit) `consume`
 * rejects a request of a new combination with a permanent error.
 */
import type { Signal } from '../component/componentId.js';
import type { CreateSettings, Processor, SignalData } from '../component/component.js';
import { genericProcessorFactory } from '../component/define.js';
import { duration, int, list, string, struct, type Infer } from '../config/schema.js';
import { attachClientInfo, clientInfo, metadataValues, type ClientInfo } from '../client/clientInfo.js';
import { PermanentError, type Consumer } from '../consumer/consumer.js';
import type { Accumulator, SignalOps } from '../signals.js';

const config = struct(
  {
    timeout: duration(200),
    send_batch_size: int(8192, { min: 0 }),
    send_batch_max_size: int(0, { min: 0 }),
    metadata_keys: list(string()),
    metadata_cardinality_limit: int(1000, { min: 0 }),
  },
  {
    check: (c, ctx, node) => {
      if (c.send_batch_max_size > 0 && c.send_batch_max_size < c.send_batch_size) {
        ctx.issues.add('config-error', `${ctx.path}.send_batch_max_size`, node?.loc ?? ctx.loc, 'send_batch_max_size must be greater or equal to send_batch_size', {
          hint: `set send_batch_max_size to 0 (no limit) or at least ${c.send_batch_size}`,
        });
      }
      const seen = new Set<string>();
      for (const k of c.metadata_keys.map((x) => x.toLowerCase())) {
        if (seen.has(k)) ctx.issues.add('config-error', `${ctx.path}.metadata_keys`, node?.loc ?? ctx.loc, `duplicate entry in metadata_keys: ${JSON.stringify(k)} (case-insensitive)`, { hint: 'list each key once' });
        seen.add(k);
      }
    },
  },
);

export type BatchConfig = Infer<typeof config>;

const SIZE_BOUNDS = [10, 25, 50, 75, 100, 250, 500, 750, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 20000, 30000, 50000, 100000];

/** Sends in flight above which `consume` waits for one to finish (backpressure). */
const MAX_IN_FLIGHT = 16;

/** One batch being built: the only one without `metadata_keys`, one per combination of their values otherwise. */
interface Shard<T> {
  /**
   * Held as protobuf bytes: one buffer instead of thousands of objects that outlive
   * young-generation collections (measured: less GC time per item), which an exporter re-emits
   * without re-encoding.
   */
  readonly pending: Accumulator<T>;
  count: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The client info every batch of this shard carries (the values of `metadata_keys`); undefined without them. */
  readonly info: ClientInfo | undefined;
}

class BatchProcessor<T extends object> implements Processor<T> {
  readonly capabilities = { mutatesData: true };
  /** The shard when `metadata_keys` is empty and the signal is batched (not profiles). */
  private readonly single: Shard<T> | undefined;
  /** Shards by combination of `metadata_keys` values, when there are keys. */
  private readonly shards = new Map<string, Shard<T>>();
  /** `metadata_keys`, lowercased and sorted (the order of the combination's key). */
  private readonly keys: readonly string[];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly sizeHist;
  private readonly timeoutTrigger;
  private readonly sizeTrigger;

  constructor(
    private readonly set: CreateSettings,
    private readonly cfg: BatchConfig,
    private readonly next: Consumer<T>,
    private readonly ops: SignalOps<T>,
  ) {
    this.keys = [...new Set(cfg.metadata_keys.map((k) => k.toLowerCase()))].sort();
    if (ops.protoBatch && this.keys.length === 0) this.single = { pending: ops.protoBatch(), count: 0, timer: undefined, info: undefined };
    const labels = { processor: set.id.toString() };
    this.sizeHist = set.metrics.histogram('otelcol_processor_batch_batch_send_size', 'Number of units in the batch', SIZE_BOUNDS, labels);
    this.timeoutTrigger = set.metrics.counter('otelcol_processor_batch_timeout_trigger_send', 'Number of times the batch was sent due to a timeout trigger', labels);
    this.sizeTrigger = set.metrics.counter('otelcol_processor_batch_batch_size_trigger_send', 'Number of times the batch was sent due to a size trigger', labels);
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  async consume(data: T): Promise<void> {
    if (this.ops.protoBatch === undefined) {
      this.send(data, this.ops.count(data), undefined);
      return this.backpressure();
    }
    const n = this.ops.count(data);
    if (n === 0) return;
    const shard = this.single ?? this.shardFor(data, this.ops.protoBatch);
    shard.pending.append(data);
    shard.count += n;
    if (this.cfg.timeout === 0 || (this.cfg.send_batch_size > 0 && shard.count >= this.cfg.send_batch_size)) {
      this.flush(shard, this.cfg.timeout === 0 ? 'none' : 'size');
    } else {
      this.armTimer(shard);
    }
    return this.backpressure();
  }

  async shutdown(): Promise<void> {
    if (this.single) this.flush(this.single, 'none');
    for (const shard of this.shards.values()) this.flush(shard, 'none');
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** The shard of the combination of `metadata_keys` values `data` carries; throws past the cardinality limit. */
  private shardFor(data: T, newAccumulator: () => Accumulator<T>): Shard<T> {
    const md = clientInfo(data).metadata;
    const values = this.keys.map((k) => metadataValues(md, k));
    const id = JSON.stringify(values);
    let shard = this.shards.get(id);
    if (shard === undefined) {
      const limit = this.cfg.metadata_cardinality_limit;
      if (limit > 0 && this.shards.size >= limit) {
        throw new PermanentError(`too many batcher metadata-value combinations (metadata_cardinality_limit is ${limit})`);
      }
      const metadata = new Map(this.keys.flatMap((k, i) => (values[i]!.length > 0 ? [[k, values[i]!] as const] : [])));
      shard = { pending: newAccumulator(), count: 0, timer: undefined, info: { metadata } };
      this.shards.set(id, shard);
    }
    return shard;
  }

  private async backpressure(): Promise<void> {
    while (this.inFlight.size >= MAX_IN_FLIGHT) await Promise.race(this.inFlight);
  }

  /** Sends the shard's pending batch in pieces of at most send_batch_max_size items (send_batch_size when size-triggered). */
  private flush(shard: Shard<T>, trigger: 'size' | 'timeout' | 'none'): void {
    if (shard.timer !== undefined) {
      clearTimeout(shard.timer);
      shard.timer = undefined;
    }
    if (shard.count === 0) return;
    const max = this.cfg.send_batch_max_size;
    // Taken from the accumulator and not sent yet: every piece is split off this one request, so the
    // pieces share its buffer and only what stays pending is encoded again.
    let rest: T | undefined;
    while (shard.count > 0) {
      // Size-triggered sends keep the remainder below send_batch_size pending, like the Collector.
      if (trigger === 'size' && this.cfg.send_batch_size > 0 && shard.count < this.cfg.send_batch_size) break;
      rest ??= shard.pending.take();
      let batch: T;
      let n: number;
      if (max > 0 && shard.count > max) {
        batch = this.ops.splitOff(rest, max);
        n = max;
      } else {
        batch = rest;
        rest = undefined;
        n = shard.count;
      }
      shard.count -= n;
      if (trigger === 'size') this.sizeTrigger.add(1);
      else if (trigger === 'timeout') this.timeoutTrigger.add(1);
      this.sizeHist.record(n);
      this.send(batch, n, shard.info);
    }
    if (rest !== undefined) shard.pending.append(rest);
    if (shard.count > 0) this.armTimer(shard);
  }

  /** Starts the timeout for the shard's pending batch unless it is running. */
  private armTimer(shard: Shard<T>): void {
    if (shard.timer !== undefined) return;
    shard.timer = setTimeout(() => {
      shard.timer = undefined;
      this.flush(shard, 'timeout');
    }, this.cfg.timeout);
  }

  private send(batch: T, n: number, info: ClientInfo | undefined): void {
    if (info !== undefined) attachClientInfo(batch, info);
    let sent: Promise<void>;
    try {
      sent = this.next.consume(batch);
    } catch (err) {
      // A consumer that throws instead of rejecting must not take the process down from a timer.
      sent = Promise.reject(err);
    }
    const p = sent.then(
      () => {},
      (err: unknown) => this.set.logger.warn('Sender failed', { error: err, items: n }),
    );
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }
}

export const batchProcessorFactory = genericProcessorFactory({
  type: 'batch',
  description: 'Groups data into batches by size or time before sending it on.',
  stability: 'beta',
  config,
  signals: ['traces', 'metrics', 'logs', 'profiles'] as readonly Signal[],
  create: <S extends Signal>(set: CreateSettings, cfg: BatchConfig, next: Consumer<SignalData[S]>, ops: SignalOps<SignalData[S]>) => new BatchProcessor(set, cfg, next, ops),
});
