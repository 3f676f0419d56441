/**
 * `memory_limiter`: refuses data while the process uses more memory than its soft limit
 * (`limit - spike_limit`), so that receivers answer with a retryable error (HTTP 503 / gRPC
 * UNAVAILABLE) instead of the process running out of memory. Memory is sampled every
 * `check_interval`; above the soft limit a garbage collection is requested when the runtime exposes
 * one (`node --expose-gc`).
 */
import type { Signal } from '../component/componentId.js';
import type { CreateSettings, Processor, SignalData } from '../component/component.js';
import { genericProcessorFactory } from '../component/define.js';
import { duration, int, struct, type Infer } from '../config/schema.js';
import { RefusedError, type Consumer } from '../consumer/consumer.js';
import type { SignalOps } from '../signals.js';
import { processorItemCounter } from '../telemetry/componentTelemetry.js';

const MIB = 1024 * 1024;

const config = struct(
  {
    check_interval: duration(0),
    limit_mib: int(0, { min: 0 }),
    spike_limit_mib: int(0, { min: 0 }),
    limit_percentage: int(0, { min: 0, max: 100 }),
    spike_limit_percentage: int(0, { min: 0, max: 100 }),
    min_gc_interval_when_soft_limited: duration(10_000),
    min_gc_interval_when_hard_limited: duration(0),
  },
  {
    check: (c, ctx, node) => {
      const at = (f: string) => `${ctx.path}.${f}`;
      const loc = node?.loc ?? ctx.loc;
      if (c.check_interval <= 0) ctx.issues.add('config-error', at('check_interval'), loc, 'check_interval must be greater than zero', { hint: 'for example check_interval: 1s' });
      if (c.limit_mib === 0 && c.limit_percentage === 0) {
        ctx.issues.add('config-error', at('limit_mib'), loc, 'a memory limit is required: set limit_mib or limit_percentage');
      }
      if (c.limit_mib > 0 && c.spike_limit_mib >= c.limit_mib) {
        ctx.issues.add('config-error', at('spike_limit_mib'), loc, `spike_limit_mib (${c.spike_limit_mib}) must be smaller than limit_mib (${c.limit_mib})`);
      }
      if (c.limit_percentage > 0 && c.spike_limit_percentage >= c.limit_percentage) {
        ctx.issues.add('config-error', at('spike_limit_percentage'), loc, 'spike_limit_percentage must be smaller than limit_percentage');
      }
    },
  },
);

export type MemoryLimiterConfig = Infer<typeof config>;

/** Where the limiter reads memory from; the defaults use `process` when it exists. */
export interface MemorySource {
  /** Bytes in use now (default: V8 heap used plus external memory). */
  usedBytes(): number;
  /** Total memory, for `limit_percentage` (undefined when unknown). */
  totalBytes(): number | undefined;
  /** Requests a garbage collection when possible. */
  gc(): void;
}

type ProcessLike = { memoryUsage?: () => { heapUsed: number; external: number } };

export const defaultMemorySource: MemorySource = {
  usedBytes: () => {
    const m = (globalThis as { process?: ProcessLike }).process?.memoryUsage?.();
    return m ? m.heapUsed + m.external : 0;
  },
  totalBytes: () => undefined,
  gc: () => (globalThis as { gc?: () => void }).gc?.(),
};

/**
 * One limiter per config, shared by every pipeline and signal that uses this memory_limiter ID
 * (like the Collector), so the process is sampled once per interval.
 */
export class MemoryLimiter {
  private timer: ReturnType<typeof setInterval> | undefined;
  private users = 0;
  private refusing = false;
  private lastGc = 0;
  readonly limitBytes: number;
  readonly softLimitBytes: number;

  constructor(
    private readonly cfg: MemoryLimiterConfig,
    private readonly source: MemorySource,
    private readonly set: CreateSettings,
  ) {
    const total = source.totalBytes();
    if (cfg.limit_mib > 0) {
      this.limitBytes = cfg.limit_mib * MIB;
      this.softLimitBytes = this.limitBytes - (cfg.spike_limit_mib > 0 ? cfg.spike_limit_mib * MIB : Math.floor(this.limitBytes / 5));
    } else {
      if (total === undefined) throw new Error('limit_percentage needs the total memory, which this runtime does not report; use limit_mib');
      this.limitBytes = Math.floor((total * cfg.limit_percentage) / 100);
      this.softLimitBytes = this.limitBytes - Math.floor((total * cfg.spike_limit_percentage) / 100);
    }
  }

  /** True while data must be refused. */
  get mustRefuse(): boolean {
    return this.refusing;
  }

  acquire(): void {
    if (this.users++ === 0) {
      this.check();
      this.timer = setInterval(() => this.check(), this.cfg.check_interval);
      (this.timer as { unref?: () => void }).unref?.();
    }
  }

  release(): void {
    if (--this.users === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Samples memory once and updates the refusing state (called every check_interval). */
  check(): void {
    let used = this.source.usedBytes();
    const now = Date.now();
    if (used > this.softLimitBytes) {
      const minGap = used > this.limitBytes ? this.cfg.min_gc_interval_when_hard_limited : this.cfg.min_gc_interval_when_soft_limited;
      if (now - this.lastGc >= minGap) {
        this.lastGc = now;
        this.source.gc();
        used = this.source.usedBytes();
      }
    }
    const refuse = used > this.softLimitBytes;
    if (refuse !== this.refusing) {
      if (refuse) this.set.logger.warn('Memory usage is above soft limit. Refusing data.', { cur_mem_mib: Math.round(used / MIB), soft_limit_mib: Math.round(this.softLimitBytes / MIB) });
      else this.set.logger.info('Memory usage back within limits. Resuming normal operation.', { cur_mem_mib: Math.round(used / MIB) });
      this.refusing = refuse;
    }
  }
}

class MemoryLimiterProcessor<T> implements Processor<T> {
  readonly capabilities = { mutatesData: false };
  private readonly refused;
  private started = false;

  constructor(
    private readonly limiter: MemoryLimiter,
    private readonly next: Consumer<T>,
    private readonly ops: SignalOps<T>,
    set: CreateSettings,
  ) {
    this.refused = processorItemCounter(set.metrics, set.id, set.signal!, 'refused', `Number of ${ops.items} that were rejected by the memory limiter.`);
  }

  start(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.limiter.acquire();
    }
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    if (this.started) {
      this.started = false;
      this.limiter.release();
    }
    return Promise.resolve();
  }

  consume(data: T): Promise<void> {
    if (this.limiter.mustRefuse) {
      this.refused.add(this.ops.count(data));
      return Promise.reject(new RefusedError('data refused due to high memory usage'));
    }
    return this.next.consume(data);
  }
}

/** The memory_limiter factory reading memory from `source` (the Node entry passes one that knows the total memory). */
export function memoryLimiterFactory(source: MemorySource = defaultMemorySource) {
  const limiters = new WeakMap<MemoryLimiterConfig, MemoryLimiter>();
  return genericProcessorFactory({
    type: 'memory_limiter',
    description: 'Refuses data with a retryable error while memory use is above the configured limit.',
    stability: 'beta',
    config,
    signals: ['traces', 'metrics', 'logs', 'profiles'] as readonly Signal[],
    create: <S extends Signal>(set: CreateSettings, cfg: MemoryLimiterConfig, next: Consumer<SignalData[S]>, ops: SignalOps<SignalData[S]>) => {
      let limiter = limiters.get(cfg);
      if (!limiter) limiters.set(cfg, (limiter = new MemoryLimiter(cfg, source, set)));
      return new MemoryLimiterProcessor(limiter, next, ops, set);
    },
  });
}
