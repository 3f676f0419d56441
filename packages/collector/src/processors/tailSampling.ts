/**
 * `tail_sampling`: keeps or drops whole traces once their spans had time to arrive (the
 * Collector's tailsamplingprocessor).
 *
 * Spans are grouped by trace ID; a trace is held from its first span for `decision_wait`, then
 * the `policies` decide (see `tailSampling/registry.ts` for the types): `dropped` from any policy
 * drops it, then an `inverted_not_sampled` drops it, then any `sampled` keeps it, then an
 * `inverted_sampled` keeps it when no policy said `not_sampled`; otherwise it is dropped. Drop
 * policies run first; `sample_on_first_match` stops at the first `sampled`. A policy that fails
 * takes no part (counted in `…_sampling_policy_evaluation_error`).
 *
 * A timer started by `start` checks every `min(decision_wait, 1s)` (at least 10ms) for traces due,
 * so a decision comes at most one tick after `decision_wait`. The kept traces of one tick go
 * downstream as one request; `consume` resolves once the spans are held (or, for spans of an
 * already-sampled trace, handed on). Downstream errors are logged, not returned.
 *
 * Late spans follow the decision while the trace is remembered: in the decision caches
 * (`decision_cache`, LRU, off by default; a cached trace releases its memory at once) or, without
 * them, while the decided trace still counts among the `num_traces` held. `num_traces` bounds
 * memory: a new trace beyond it evicts the oldest one, and an undecided trace evicted that way
 * is lost (`…_sampling_trace_dropped_too_early`). `shutdown` decides every pending trace with the
 * spans received so far and waits for what it sends (upstream's behaviour), unless
 * `drop_pending_traces_on_shutdown`. `expected_new_traces_per_sec` is accepted (upstream sizes its
 * structures from it).
 */
import { ResourceSpans, ScopeSpans, Traces, type TraceId } from '@ottl/pdata';
import type { CreateSettings, Processor, ProcessorFactory } from '../component/component.js';
import { bool, duration, int, struct, type Infer } from '../config/schema.js';
import { copyClientInfo } from '../client/clientInfo.js';
import { errorMessage, type Consumer } from '../consumer/consumer.js';
import type { Counter } from '../telemetry/metrics.js';
import type { Decision, Evaluator, PolicyEnv } from './tailSampling/policy.js';
import { policiesDecoder } from './tailSampling/registry.js';

const config = struct(
  {
    decision_wait: duration(30_000),
    num_traces: int(50_000, { min: 1 }),
    expected_new_traces_per_sec: int(0, { min: 0 }),
    decision_cache: struct({ sampled_cache_size: int(0, { min: 0 }), non_sampled_cache_size: int(0, { min: 0 }) }),
    sample_on_first_match: bool(false),
    drop_pending_traces_on_shutdown: bool(false),
    policies: policiesDecoder,
  },
  {
    check: (c, ctx, node) => {
      const given = node?.kind === 'map' && node.entries.has('policies');
      if (c.policies.length === 0 && !(given && ctx.issues.list.some((d) => d.path.startsWith(`${ctx.path}.policies`)))) {
        ctx.issues.add('config-error', `${ctx.path}.policies`, node?.loc ?? ctx.loc, 'missing required field "policies"', {
          hint: 'add a list of policies such as - { name: errors, type: status_code, status_code: { status_codes: [ERROR] } }',
        });
      }
    },
  },
);

export type TailSamplingConfig = Infer<typeof config>;

/** A trace held in memory: its spans until decided, then only the decision. */
interface TraceEntry {
  readonly key: string;
  readonly id: TraceId;
  readonly arrival: number;
  resourceSpans: ResourceSpans[];
  spanCount: number;
  decision?: 'sampled' | 'not_sampled';
}

/** Trace IDs with a decision, least recently used first out; size 0 remembers nothing. */
class DecisionCache {
  private readonly ids = new Set<string>();
  constructor(readonly size: number) {}

  /** Whether `key` is cached (marking it recently used). */
  has(key: string): boolean {
    if (!this.ids.delete(key)) return false;
    this.ids.add(key);
    return true;
  }

  put(key: string): void {
    if (this.size === 0) return;
    this.ids.delete(key);
    this.ids.add(key);
    if (this.ids.size > this.size) this.ids.delete(this.ids.values().next().value!);
  }
}

/** Moves the spans of `td` into one list of resource spans per trace ID, keeping their resources and scopes. */
function groupByTrace(td: Traces): Map<string, { id: TraceId; resourceSpans: ResourceSpans[]; spans: number }> {
  const groups = new Map<string, { id: TraceId; resourceSpans: ResourceSpans[]; spans: number }>();
  for (const rs of td.resourceSpans) {
    const resources = new Map<string, ResourceSpans>();
    for (const ss of rs.scopeSpans) {
      const scopes = new Map<string, ScopeSpans>();
      for (const span of ss.spans) {
        const key = span.traceId.toHex();
        let scope = scopes.get(key);
        if (!scope) {
          let resource = resources.get(key);
          if (!resource) {
            resource = ResourceSpans.create({ schemaUrl: rs.schemaUrl });
            rs.resource.copyTo(resource.resource);
            resources.set(key, resource);
            let g = groups.get(key);
            if (!g) groups.set(key, (g = { id: span.traceId, resourceSpans: [], spans: 0 }));
            g.resourceSpans.push(resource);
          }
          scope = ScopeSpans.create({ schemaUrl: ss.schemaUrl });
          ss.scope.copyTo(scope.scope);
          resource.scopeSpans.push(scope);
          scopes.set(key, scope);
        }
        scope.spans.push(span);
        groups.get(key)!.spans++;
      }
    }
  }
  return groups;
}

const FINAL: Record<Decision, { sampled: string; decision: string }> = {
  sampled: { sampled: 'true', decision: 'sampled' },
  inverted_sampled: { sampled: 'true', decision: 'sampled' },
  not_sampled: { sampled: 'false', decision: 'not_sampled' },
  inverted_not_sampled: { sampled: 'false', decision: 'not_sampled' },
  dropped: { sampled: 'false', decision: 'dropped' },
};

interface Policy {
  readonly name: string;
  /** The `policy` label: `<component name>.<policy name>` for a named processor, as upstream. */
  readonly label: string;
  readonly evaluator: Evaluator;
}

class TailSamplingProcessor implements Processor<Traces> {
  readonly capabilities = { mutatesData: true };
  private readonly policies: Policy[];
  /** Every trace held, oldest first (the eviction order). */
  private readonly traces = new Map<string, TraceEntry>();
  /** Undecided traces in arrival order, from `head` on. */
  private pending: TraceEntry[] = [];
  private head = 0;
  private readonly sampledCache: DecisionCache;
  private readonly notSampledCache: DecisionCache;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly counters = new Map<string, Counter>();
  private readonly labels: { processor: string };

  constructor(
    private readonly set: CreateSettings,
    private readonly cfg: TailSamplingConfig,
    private readonly next: Consumer<Traces>,
  ) {
    const env = (name: string): PolicyEnv => ({ logger: set.logger.with({ policy: name }), now: () => Date.now() });
    const prefix = set.id.name === '' ? '' : `${set.id.name}.`;
    const policies = cfg.policies.map((p) => ({ name: p.name, label: prefix + p.name, evaluator: p.create(env(p.name)), drop: p.type === 'drop' }));
    // A drop decision overrides every other, so drop policies run first.
    this.policies = [...policies.filter((p) => p.drop), ...policies.filter((p) => !p.drop)];
    this.sampledCache = new DecisionCache(cfg.decision_cache.sampled_cache_size);
    this.notSampledCache = new DecisionCache(cfg.decision_cache.non_sampled_cache_size);
    this.labels = { processor: set.id.toString() };
    set.metrics.gauge('otelcol_processor_tail_sampling_sampling_traces_on_memory', 'Tracks the number of traces current on memory', this.labels, () => this.traces.size);
  }

  start(): Promise<void> {
    const tick = Math.min(1000, Math.max(10, this.cfg.decision_wait));
    this.timer ??= setInterval(() => this.decideDue(Date.now() - this.cfg.decision_wait), tick);
    return Promise.resolve();
  }

  async shutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.cfg.drop_pending_traces_on_shutdown) {
      const left = this.pending.length - this.head;
      if (left > 0) this.set.logger.info('Dropping traces pending a decision at shutdown', { traces: left });
      this.pending = [];
      this.head = 0;
    } else {
      this.decideDue(Infinity);
    }
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  consume(td: Traces): Promise<void> {
    const out = Traces.create();
    // Spans released at once carry the request's client info; decided traces go on without any, as upstream.
    copyClientInfo(td, out);
    for (const [key, g] of groupByTrace(td)) {
      if (this.sampledCache.has(key)) {
        out.resourceSpans.push(...g.resourceSpans);
        this.count('otelcol_processor_tail_sampling_early_releases_from_cache_decision', 'Number of spans that were able to be immediately released due to a decision cache hit.', { sampled: 'true' }, g.spans);
        continue;
      }
      if (this.notSampledCache.has(key)) {
        this.count('otelcol_processor_tail_sampling_early_releases_from_cache_decision', 'Number of spans that were able to be immediately released due to a decision cache hit.', { sampled: 'false' }, g.spans);
        continue;
      }
      const entry = this.traces.get(key) ?? this.admit(key, g.id);
      if (entry.decision === undefined) {
        entry.resourceSpans.push(...g.resourceSpans);
        entry.spanCount += g.spans;
      } else if (entry.decision === 'sampled') {
        // A late span of a kept trace follows the decision.
        out.resourceSpans.push(...g.resourceSpans);
      }
    }
    return out.resourceSpans.length > 0 ? this.send(out) : Promise.resolve();
  }

  /** Starts holding a new trace, evicting the oldest one when `num_traces` are held. */
  private admit(key: string, id: TraceId): TraceEntry {
    if (this.traces.size >= this.cfg.num_traces) {
      const [oldKey, old] = this.traces.entries().next().value!;
      this.traces.delete(oldKey);
      // Its entry waits in `pending` until its decision time, without the spans.
      old.resourceSpans = [];
      if (old.decision === undefined) this.count('otelcol_processor_tail_sampling_sampling_trace_dropped_too_early', 'Count of traces that needed to be dropped before the configured wait time', {}, 1);
    }
    const entry: TraceEntry = { key, id, arrival: Date.now(), resourceSpans: [], spanCount: 0 };
    this.traces.set(key, entry);
    this.pending.push(entry);
    this.count('otelcol_processor_tail_sampling_new_trace_id_received', 'Counts the arrival of new traces', {}, 1);
    return entry;
  }

  /** Decides the pending traces that arrived at or before `arrivedBy` and sends the kept ones. */
  private decideDue(arrivedBy: number): void {
    const out = Traces.create();
    while (this.head < this.pending.length && this.pending[this.head]!.arrival <= arrivedBy) {
      const entry = this.pending[this.head++]!;
      // Evicted meanwhile (the entry is no longer the one held).
      if (this.traces.get(entry.key) !== entry) continue;
      const sampled = this.decide(entry) === 'sampled';
      entry.decision = sampled ? 'sampled' : 'not_sampled';
      if (sampled) out.resourceSpans.push(...entry.resourceSpans);
      entry.resourceSpans = [];
      const cache = sampled ? this.sampledCache : this.notSampledCache;
      cache.put(entry.key);
      // A cached decision outlives the entry, which can go at once.
      if (cache.size > 0) this.traces.delete(entry.key);
    }
    if (this.head > 1024 && this.head * 2 > this.pending.length) {
      this.pending = this.pending.slice(this.head);
      this.head = 0;
    }
    if (out.resourceSpans.length > 0) void this.send(out);
  }

  /** Upstream's combination of the policies' decisions (see the file comment). */
  private decide(entry: TraceEntry): Decision {
    const trace = { traceId: entry.id, resourceSpans: entry.resourceSpans, spanCount: entry.spanCount };
    const seen = new Set<Decision>();
    for (const p of this.policies) {
      let d: Decision;
      try {
        d = p.evaluator.evaluate(trace);
      } catch (err) {
        this.count('otelcol_processor_tail_sampling_sampling_policy_evaluation_error', 'Count of sampling policy evaluation errors', { policy: p.label }, 1);
        this.set.logger.debug('Sampling policy error', { policy: p.name, error: errorMessage(err) });
        continue;
      }
      this.count('otelcol_processor_tail_sampling_count_traces_sampled', 'Count of traces that were sampled or not per sampling policy', { policy: p.label, ...FINAL[d] }, 1);
      seen.add(d);
      if (d === 'dropped' || (this.cfg.sample_on_first_match && d === 'sampled')) break;
    }
    let final: Decision = 'not_sampled';
    if (seen.has('dropped')) final = 'dropped';
    else if (seen.has('inverted_not_sampled')) final = 'not_sampled';
    else if (seen.has('sampled') || (seen.has('inverted_sampled') && !seen.has('not_sampled'))) final = 'sampled';
    this.count('otelcol_processor_tail_sampling_global_count_traces_sampled', 'Global count of traces that were sampled or not by at least one policy', FINAL[final], 1);
    return final;
  }

  private send(td: Traces): Promise<void> {
    const spans = td.spanCount();
    const p = this.next.consume(td).catch((err: unknown) => this.set.logger.warn('Error sending spans to destination', { error: errorMessage(err), spans }));
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return p;
  }

  private count(name: string, help: string, labels: Record<string, string>, n: number): void {
    const key = `${name}\u0000${JSON.stringify(labels)}`;
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = this.set.metrics.counter(name, help, { ...this.labels, ...labels })));
    c.add(n);
  }
}

export const tailSamplingProcessorFactory: ProcessorFactory<TailSamplingConfig> = {
  kind: 'processor',
  type: 'tail_sampling',
  description: 'Holds spans by trace for decision_wait, then keeps or drops whole traces by policies (status code, latency, attributes, OTTL conditions, rates…).',
  stability: 'beta',
  config,
  createTraces: (set: CreateSettings, cfg: TailSamplingConfig, next: Consumer<Traces>): Processor<Traces> => new TailSamplingProcessor(set, cfg, next),
};
