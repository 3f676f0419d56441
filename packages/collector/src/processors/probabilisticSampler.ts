/**
 * `probabilistic_sampler`: keeps a share of spans and log records, deciding each item on its own
 * (the Collector's probabilisticsamplerprocessor).
 *
 * Modes:
 * - `hash_seed` (default): FNV-1a over the 4 little-endian bytes of `hash_seed` and the trace ID
 *   (logs: or the `from_attribute` value); an item is kept when the low 14 bits of the hash are
 *   below `sampling_percentage × 16384 / 100` (computed in float32 and truncated, as upstream
 *   does). Given the same seed and percentage it keeps exactly the trace IDs the Go Collector keeps.
 * - `proportional` / `equalizing`: consistent sampling (OTEP 235) from the trace ID's last 7
 *   bytes or an incoming `rv`; `proportional` multiplies an incoming threshold's probability by
 *   the ratio, `equalizing` raises thresholds to the configured one.
 *
 * Kept spans carry their sampling threshold (and, in `hash_seed` mode, the randomness used) in
 * the `ot` member of their tracestate; kept log records in the `sampling.threshold` /
 * `sampling.randomness` attributes. Items whose randomness cannot be established (an empty trace
 * ID, an unparsable tracestate, `hash_seed` mode on data already carrying `rv` / `th`) are dropped
 * when `fail_closed` (default) and kept otherwise. Span attribute `sampling.priority` 0 drops a
 * span and > 0 keeps it; the logs attribute named by `sampling_priority` sets the record's own
 * percentage. Decisions are counted in `otelcol_processor_probabilistic_sampler_count_traces_sampled`
 * / `_count_logs_sampled` by `policy` and `sampled`.
 */
import { parseGoFloat } from '@ottl/core';
import { valueAsString, type AttrValue, type LogRecord, type Logs, type PMap, type Span, type Traces } from '@ottl/pdata';
import { noLifecycle, type CreateSettings, type Processor, type ProcessorFactory } from '../component/component.js';
import { bool, int, number, oneOf, string, struct, type Infer } from '../config/schema.js';
import type { Consumer } from '../consumer/consumer.js';
import type { Counter } from '../telemetry/metrics.js';
import { fnv1a32 } from '../internal/fnv.js';
import {
  ALL_PROBABILITIES_RANDOMNESS,
  ALWAYS_SAMPLE,
  MIN_SAMPLING_PROBABILITY,
  NEVER_SAMPLE,
  formatRValue,
  formatTValue,
  parseRValue,
  parseTValue,
  probabilityToThreshold,
  thresholdProbability,
  traceIdRandomness,
} from '../internal/threshold.js';
import { parseW3CTraceState, serializeW3CTraceState, setRandomness, setThreshold } from '../internal/traceState.js';
import { removeIf } from '../signals.js';

const config = struct(
  {
    sampling_percentage: number(0, { min: 0 }),
    hash_seed: int(0, { min: 0, max: 0xffffffff }),
    mode: oneOf(['hash_seed', 'equalizing', 'proportional'] as const, 'hash_seed'),
    fail_closed: bool(true),
    sampling_precision: int(4, { min: 1, max: 14 }),
    attribute_source: oneOf(['traceID', 'record'] as const, 'traceID'),
    from_attribute: string(),
    sampling_priority: string(),
  },
  {
    check: (c, ctx, node) => {
      if (c.sampling_percentage > 0 && Math.fround(c.sampling_percentage) / 100 < MIN_SAMPLING_PROBABILITY) {
        const at = node?.kind === 'map' ? node.entries.get('sampling_percentage')?.node.loc : undefined;
        ctx.issues.add('config-error', `${ctx.path}.sampling_percentage`, at ?? node?.loc ?? ctx.loc, `sampling rate is too small: ${c.sampling_percentage}%`, {
          hint: 'the smallest probability a sampler can express is 2^-56; use 0 to drop everything',
        });
      }
    },
  },
);

export type ProbabilisticSamplerConfig = Infer<typeof config>;

// The hash_seed mode's 14-bit buckets.
const NUM_HASH_BUCKETS = 0x4000;
const PERCENTAGE_SCALE_FACTOR = Math.fround(NUM_HASH_BUCKETS / 100);

/** Conditions that are part of normal operation (logged at debug level, as upstream does). */
const SAMPLER_ERRORS = new Set([
  'missing randomness',
  'inconsistent arriving threshold: item should not have been sampled',
  'item has sampling randomness, equalizing or proportional mode recommended',
  'item has sampling threshold, equalizing or proportional mode recommended',
]);
const [MISSING_RANDOMNESS, INCONSISTENT_THRESHOLD, RANDOMNESS_IN_USE, THRESHOLD_IN_USE] = [...SAMPLER_ERRORS] as [string, string, string, string];
const INCONSISTENT_SAMPLING = 'cannot raise existing sampling probability';

/** The randomness an item is judged by, and the policy name it is counted under. */
interface Randomness {
  readonly value: bigint;
  readonly policy: string;
  readonly missing?: true;
}

const SAMPLING_PRIORITY = 'sampling_priority';
const MISSING: Randomness = { value: ALL_PROBABILITIES_RANDOMNESS, policy: 'missing_randomness', missing: true };

/** Where an item keeps its sampling threshold and randomness (a span's tracestate, a record's attributes). */
interface Carrier {
  threshold(): bigint | undefined;
  randomness(): bigint | undefined;
  setRandomness(r: bigint): void;
  clearThreshold(): void;
  /** Raises the threshold; returns an error when that would raise the item's sampling probability. */
  updateThreshold(th: bigint): string | undefined;
  /** Writes the changes back into the item. */
  commit(): void;
}

interface Extracted {
  rnd: Randomness;
  carrier: Carrier | undefined;
  error?: string;
}

function spanCarrier(span: Span): { carrier: Carrier; error?: string } {
  const ts = parseW3CTraceState(span.traceState);
  const ot = ts.ot;
  const carrier: Carrier = {
    threshold: () => (ot.tvalue !== '' ? ot.threshold : undefined),
    randomness: () => (ot.rvalue !== '' ? ot.randomness : undefined),
    setRandomness: (r) => setRandomness(ot, r),
    clearThreshold: () => {
      ot.tvalue = '';
      ot.threshold = ALWAYS_SAMPLE;
    },
    updateThreshold: (th) => {
      if (ot.tvalue !== '' && ot.threshold > th) return INCONSISTENT_SAMPLING;
      setThreshold(ot, th);
      return undefined;
    },
    commit: () => void (span.traceState = serializeW3CTraceState(ts)),
  };
  return ts.error === undefined ? { carrier } : { carrier, error: ts.error };
}

const THRESHOLD_ATTR = 'sampling.threshold';
const RANDOMNESS_ATTR = 'sampling.randomness';

function stringAttr(attrs: PMap, key: string): string {
  const v = attrs.get(key);
  return typeof v === 'string' ? v : '';
}

function logCarrier(lr: LogRecord): { carrier: Carrier; error?: string } {
  const attrs = lr.attributes;
  let threshold: bigint | undefined;
  let randomness: bigint | undefined;
  let error: string | undefined;
  const tv = stringAttr(attrs, THRESHOLD_ATTR);
  if (tv !== '') {
    const t = parseTValue(tv);
    if (t.error === undefined) threshold = t.value;
    else error = t.error;
  }
  const rv = stringAttr(attrs, RANDOMNESS_ATTR);
  if (rv !== '') {
    const r = parseRValue(rv);
    if (r.error === undefined) randomness = r.value;
    else error ??= r.error;
  }
  const carrier: Carrier = {
    threshold: () => threshold,
    randomness: () => randomness,
    setRandomness: (r) => {
      randomness = r;
      attrs.set(RANDOMNESS_ATTR, formatRValue(r));
    },
    clearThreshold: () => {
      threshold = undefined;
      attrs.remove(THRESHOLD_ATTR);
    },
    updateThreshold: (th) => {
      if (threshold !== undefined && th < threshold) return INCONSISTENT_SAMPLING;
      threshold = th;
      attrs.set(THRESHOLD_ATTR, formatTValue(th));
      return undefined;
    },
    commit: () => {},
  };
  return error === undefined ? { carrier } : { carrier, error };
}

/** The bytes hashed for an attribute value: a bytes value as it is, others as pcommon `Value.AsString`. */
function valueBytes(v: AttrValue): Uint8Array {
  return v instanceof Uint8Array ? v : new TextEncoder().encode(valueAsString(v));
}

/**
 * The hash_seed mode's randomness: R' = 2^14 - 1 - (hash mod 2^14) in the top 14 of 56 bits, so
 * that `R ≥ T` holds exactly when the legacy `hash mod 2^14 < scaled rate` does. The lower bits,
 * written as `rv`, are upstream's too: its "unused 18 bits" are `hash >> (32 - 14)`.
 */
function hashRandomness(bytes: Uint8Array, seed: Uint8Array): bigint {
  const h = fnv1a32(seed, bytes);
  const hashed = BigInt(h & (NUM_HASH_BUCKETS - 1));
  const unused18 = BigInt(h >>> 18);
  const mixed28 = unused18 ^ (unused18 << 10n);
  return ((BigInt(NUM_HASH_BUCKETS - 1) - hashed) << 42n) | (mixed28 << 14n) | hashed;
}

type Mode =
  | { readonly kind: 'never' }
  | { readonly kind: 'hash_seed'; readonly threshold: bigint; readonly seed: Uint8Array }
  | { readonly kind: 'equalizing'; readonly threshold: bigint }
  | { readonly kind: 'proportional'; readonly ratio: number; readonly precision: number };

function makeMode(cfg: ProbabilisticSamplerConfig): Mode {
  const pct = Math.fround(Math.min(cfg.sampling_percentage, 100));
  if (pct === 0) return { kind: 'never' };
  const ratio = Math.max(pct / 100, MIN_SAMPLING_PROBABILITY);
  switch (cfg.mode) {
    case 'equalizing':
      return { kind: 'equalizing', threshold: probabilityToThreshold(ratio, cfg.sampling_precision) ?? ALWAYS_SAMPLE };
    case 'proportional':
      return { kind: 'proportional', ratio, precision: cfg.sampling_precision };
    case 'hash_seed': {
      // Upstream multiplies in float32 and truncates; keeping that keeps its decisions.
      const scaled = Math.trunc(Math.fround(pct * PERCENTAGE_SCALE_FACTOR));
      if (scaled === 0) return { kind: 'never' };
      const seed = new Uint8Array(4);
      new DataView(seed.buffer).setUint32(0, cfg.hash_seed, true);
      return { kind: 'hash_seed', threshold: BigInt(NUM_HASH_BUCKETS - scaled) << 42n, seed };
    }
  }
}

function decide(mode: Mode, carrier: Carrier | undefined): bigint {
  switch (mode.kind) {
    case 'never':
      return NEVER_SAMPLE;
    case 'hash_seed':
      return mode.threshold;
    case 'equalizing': {
      const incoming = carrier?.threshold();
      return incoming !== undefined && mode.threshold < incoming ? incoming : mode.threshold;
    }
    case 'proportional': {
      const incoming = carrier?.threshold();
      // Below the smallest expressible probability the item is not sampled.
      return probabilityToThreshold((incoming === undefined ? 1 : thresholdProbability(incoming)) * mode.ratio, mode.precision) ?? NEVER_SAMPLE;
    }
  }
}

/** In hash_seed mode, randomness already present in the data is left alone and reported. */
function hashSeedCarrier(rnd: Randomness, found: { carrier: Carrier; error?: string }): Extracted {
  if (found.error !== undefined) return { rnd, carrier: undefined, error: found.error };
  const c = found.carrier;
  if (c.randomness() !== undefined) return { rnd, carrier: undefined, error: RANDOMNESS_IN_USE };
  if (c.threshold() !== undefined) return { rnd, carrier: undefined, error: THRESHOLD_IN_USE };
  return { rnd, carrier: c };
}

/** In the consistent modes, an incoming `rv` wins over the trace ID. */
function consistentRandomness(traceId: { isEmpty(): boolean; toBytes(): Uint8Array }, found: { carrier: Carrier; error?: string }): Extracted {
  if (found.error !== undefined) return { rnd: MISSING, carrier: undefined, error: found.error };
  const explicit = found.carrier.randomness();
  if (explicit !== undefined) return { rnd: { value: explicit, policy: 'sampling_randomness' }, carrier: found.carrier };
  if (!traceId.isEmpty()) return { rnd: { value: traceIdRandomness(traceId.toBytes()), policy: 'trace_id_w3c' }, carrier: found.carrier };
  return { rnd: MISSING, carrier: found.carrier };
}

function neverRandomness(found: { carrier: Carrier; error?: string }): Extracted {
  // Never used for the decision; a present value avoids a "missing randomness" error.
  const rnd: Randomness = { value: ALL_PROBABILITIES_RANDOMNESS, policy: SAMPLING_PRIORITY };
  return found.error === undefined ? { rnd, carrier: found.carrier } : { rnd, carrier: undefined, error: found.error };
}

function spanRandomness(mode: Mode, span: Span): Extracted {
  const found = spanCarrier(span);
  if (mode.kind === 'never') return neverRandomness(found);
  if (mode.kind !== 'hash_seed') return consistentRandomness(span.traceId, found);
  const tid = span.traceId;
  const rnd = tid.isEmpty() ? MISSING : { value: hashRandomness(tid.toBytes(), mode.seed), policy: 'trace_id_hash' };
  const out = hashSeedCarrier(rnd, found);
  out.carrier?.setRandomness(rnd.value);
  return out;
}

function logRandomness(mode: Mode, cfg: ProbabilisticSamplerConfig, lr: LogRecord): Extracted {
  const found = logCarrier(lr);
  if (mode.kind === 'never') return neverRandomness(found);
  if (mode.kind !== 'hash_seed') return consistentRandomness(lr.traceId, found);
  let rnd = MISSING;
  if (cfg.attribute_source === 'traceID' && !lr.traceId.isEmpty()) rnd = { value: hashRandomness(lr.traceId.toBytes(), mode.seed), policy: 'trace_id_hash' };
  const attr = cfg.from_attribute === '' ? undefined : lr.attributes.get(cfg.from_attribute);
  if (rnd.missing && attr !== undefined) {
    const bytes = valueBytes(attr);
    if (bytes.length > 0) rnd = { value: hashRandomness(bytes, mode.seed), policy: cfg.from_attribute };
  }
  const out = hashSeedCarrier(rnd, found);
  if (!rnd.missing) out.carrier?.setRandomness(rnd.value);
  return out;
}

/** OpenTracing `sampling.priority`: 0 drops, > 0 keeps, anything else defers. */
function spanPriority(span: Span): 'keep' | 'drop' | undefined {
  const v = span.attributes.get('sampling.priority');
  let n: number;
  if (typeof v === 'bigint' || typeof v === 'number') n = Number(v);
  else if (typeof v === 'string') {
    try {
      n = parseGoFloat(v);
    } catch {
      return undefined;
    }
  } else return undefined;
  return n === 0 ? 'drop' : n > 0 ? 'keep' : undefined;
}

class ProbabilisticSampler {
  private readonly mode: Mode;
  private readonly counters = new Map<string, Counter>();

  constructor(
    private readonly set: CreateSettings,
    private readonly cfg: ProbabilisticSamplerConfig,
    private readonly noun: 'traces' | 'logs',
  ) {
    this.mode = makeMode(cfg);
  }

  keepSpan(span: Span): boolean {
    return this.keep(spanRandomness(this.mode, span), (rnd, threshold) => {
      const p = spanPriority(span);
      if (p === undefined) return [rnd, threshold];
      return [{ value: rnd.value, policy: SAMPLING_PRIORITY }, p === 'keep' ? ALWAYS_SAMPLE : NEVER_SAMPLE];
    });
  }

  keepLog(lr: LogRecord): boolean {
    return this.keep(logRandomness(this.mode, this.cfg, lr), (rnd, threshold) => {
      if (this.cfg.sampling_priority === '') return [rnd, threshold];
      const v = lr.attributes.get(this.cfg.sampling_priority);
      const minProb = typeof v === 'number' || typeof v === 'bigint' ? Number(v) / 100 : 0;
      if (minProb === 0) return [rnd, threshold];
      const t = probabilityToThreshold(minProb, this.cfg.sampling_precision);
      return t === undefined ? [rnd, threshold] : [{ value: rnd.value, policy: SAMPLING_PRIORITY }, t];
    });
  }

  /** Upstream's per-item logic: randomness, consistency check, fail open/closed, priority, decision. */
  private keep({ rnd, carrier, error }: Extracted, priority: (rnd: Randomness, threshold: bigint) => [Randomness, bigint]): boolean {
    let err = error;
    if (err === undefined && rnd.missing) err = MISSING_RANDOMNESS;
    if (err === undefined && carrier) {
      const incoming = carrier.threshold();
      if (incoming !== undefined && rnd.value < incoming) {
        carrier.clearThreshold();
        err = INCONSISTENT_THRESHOLD;
      }
    }
    let threshold: bigint;
    if (err !== undefined) {
      if (SAMPLER_ERRORS.has(err)) this.set.logger.debug(`${this.noun} sampler`, { error: err });
      else this.set.logger.info(`${this.noun} sampler`, { error: err });
      threshold = this.cfg.fail_closed ? NEVER_SAMPLE : ALWAYS_SAMPLE;
    } else {
      threshold = decide(this.mode, carrier);
    }
    const [used, th] = priority(rnd, threshold);
    const sampled = used.value >= th;
    if (sampled && carrier) {
      const e = carrier.updateThreshold(th);
      if (e !== undefined) this.set.logger.debug(`${this.noun} sampler`, { error: e });
      carrier.commit();
    }
    this.count(used.policy, sampled);
    return sampled;
  }

  private count(policy: string, sampled: boolean): void {
    const key = `${policy}\u0000${sampled}`;
    let c = this.counters.get(key);
    if (!c) {
      const name = `otelcol_processor_probabilistic_sampler_count_${this.noun}_sampled`;
      c = this.set.metrics.counter(name, `Count of ${this.noun === 'traces' ? 'spans' : 'logs'} that were sampled or not`, { processor: this.set.id.toString(), policy, sampled: String(sampled) });
      this.counters.set(key, c);
    }
    c.add(1);
  }
}

/** A processor that removes the items `keep` rejects, and the scopes and resources left empty. */
function filtering<T, R, S, I>(next: Consumer<T>, resources: (d: T) => R[], scopes: (r: R) => S[], items: (s: S) => I[], keep: (i: I) => boolean): Processor<T> {
  return {
    ...noLifecycle,
    capabilities: { mutatesData: true },
    consume(data) {
      const rs = resources(data);
      removeIf(rs, (r) => {
        removeIf(scopes(r), (s) => {
          removeIf(items(s), (i) => !keep(i));
          return items(s).length === 0;
        });
        return scopes(r).length === 0;
      });
      return rs.length === 0 ? Promise.resolve() : next.consume(data);
    },
  };
}

export const probabilisticSamplerFactory: ProcessorFactory<ProbabilisticSamplerConfig> = {
  kind: 'processor',
  type: 'probabilistic_sampler',
  description: 'Keeps a percentage of spans and log records, hashing trace IDs like the Collector (hash_seed) or by OTEP 235 thresholds (proportional, equalizing).',
  stability: 'beta',
  config,
  createTraces: (set: CreateSettings, cfg: ProbabilisticSamplerConfig, next: Consumer<Traces>): Processor<Traces> => {
    const sampler = new ProbabilisticSampler(set, cfg, 'traces');
    return filtering(next, (td: Traces) => td.resourceSpans, (rs) => rs.scopeSpans, (ss) => ss.spans, (span) => sampler.keepSpan(span));
  },
  createLogs: (set: CreateSettings, cfg: ProbabilisticSamplerConfig, next: Consumer<Logs>): Processor<Logs> => {
    const sampler = new ProbabilisticSampler(set, cfg, 'logs');
    return filtering(next, (ld: Logs) => ld.resourceLogs, (rl) => rl.scopeLogs, (sl) => sl.logRecords, (lr) => sampler.keepLog(lr));
  },
};
