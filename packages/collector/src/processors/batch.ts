/**
 * `batch`: groups data into batches by item count or time (the Collector's batchprocessor).
 *
 * `consume` takes ownership of the data, appends it to the pending batch and resolves at once; a
 * batch is sent when it reaches `send_batch_size` items or when `timeout` passed since its first
 * item, split so that no batch exceeds `send_batch_max_size`. Downstream errors are logged with
 * the number of items lost (the batch is not retried here; use an exporter's retry and queue). Shutdown sends what
 * is pending and waits for every send in flight. Profiles pass through unbatched (requests carry
 * their own dictionary and are not merged).
 */
import type { Signal } from '../component/componentId.js';
import type { CreateSettings, Processor, SignalData } from '../component/component.js';
import { genericProcessorFactory } from '../component/define.js';
import { duration, int, list, string, struct, type Infer } from '../config/schema.js';
import type { Consumer } from '../consumer/consumer.js';
import type { SignalOps } from '../signals.js';

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
      if (c.metadata_keys.length > 0) {
        ctx.issues.add('config-error', `${ctx.path}.metadata_keys`, node?.loc ?? ctx.loc, 'metadata_keys is not supported yet; batches are not split by client metadata', { severity: 'warning' });
      }
    },
  },
);

export type BatchConfig = Infer<typeof config>;

const SIZE_BOUNDS = [10, 25, 50, 75, 100, 250, 500, 750, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 20000, 30000, 50000, 100000];

/** Sends in flight above which `consume` waits for one to finish (backpressure). */
const MAX_IN_FLIGHT = 16;

class BatchProcessor<T> implements Processor<T> {
  readonly capabilities = { mutatesData: true };
  /**
   * The batch being built, held as protobuf bytes: one buffer instead of thousands of objects that
   * outlive young-generation collections (measured: less GC time per item), which an exporter
   * re-emits without re-encoding. Undefined for profiles, whose requests are never joined.
   */
  private readonly pending: { append(data: T): void; take(): T } | undefined;
  private pendingCount = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
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
    this.pending = ops.protoBatch?.();
    const labels = { processor: set.id.toString() };
    this.sizeHist = set.metrics.histogram('otelcol_processor_batch_batch_send_size', 'Number of units in the batch', SIZE_BOUNDS, labels);
    this.timeoutTrigger = set.metrics.counter('otelcol_processor_batch_timeout_trigger_send', 'Number of times the batch was sent due to a timeout trigger', labels);
    this.sizeTrigger = set.metrics.counter('otelcol_processor_batch_batch_size_trigger_send', 'Number of times the batch was sent due to a size trigger', labels);
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  async consume(data: T): Promise<void> {
    if (this.pending === undefined) {
      this.send(data, this.ops.count(data));
      return this.backpressure();
    }
    const n = this.ops.count(data);
    if (n === 0) return;
    this.pending.append(data);
    this.pendingCount += n;
    if (this.cfg.timeout === 0 || (this.cfg.send_batch_size > 0 && this.pendingCount >= this.cfg.send_batch_size)) {
      this.flush(this.cfg.timeout === 0 ? 'none' : 'size');
    } else {
      this.armTimer();
    }
    return this.backpressure();
  }

  async shutdown(): Promise<void> {
    this.flush('none');
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async backpressure(): Promise<void> {
    while (this.inFlight.size >= MAX_IN_FLIGHT) await Promise.race(this.inFlight);
  }

  /** Sends the pending batch in pieces of at most send_batch_max_size items (send_batch_size when size-triggered). */
  private flush(trigger: 'size' | 'timeout' | 'none'): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pendingCount === 0) return;
    const max = this.cfg.send_batch_max_size;
    while (this.pendingCount > 0) {
      // Size-triggered sends keep the remainder below send_batch_size pending, like the Collector.
      if (trigger === 'size' && this.cfg.send_batch_size > 0 && this.pendingCount < this.cfg.send_batch_size) break;
      let batch: T;
      let n: number;
      if (max > 0 && this.pendingCount > max) {
        const all = this.pending!.take();
        batch = this.ops.splitOff(all, max);
        this.pending!.append(all);
        n = max;
      } else {
        batch = this.pending!.take();
        n = this.pendingCount;
      }
      this.pendingCount -= n;
      if (trigger === 'size') this.sizeTrigger.add(1);
      else if (trigger === 'timeout') this.timeoutTrigger.add(1);
      this.sizeHist.record(n);
      this.send(batch, n);
    }
    if (this.pendingCount > 0) this.armTimer();
  }

  /** Starts the timeout for the pending batch unless it is running. */
  private armTimer(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush('timeout');
    }, this.cfg.timeout);
  }

  private send(batch: T, n: number): void {
    const p = this.next.consume(batch).then(
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
