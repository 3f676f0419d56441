/**
 * What the runtime needs to know about each signal's data, in one table: counting items the way
 * the Collector's telemetry counts them, cloning, merging and splitting requests for batching,
 * and the OTLP codecs receivers and exporters use.
 */
import {
  Logs,
  Metrics,
  Profiles,
  Traces,
  ResourceLogs,
  ResourceMetrics,
  ResourceSpans,
  ScopeLogs,
  type ExponentialHistogramDataPoint,
  type HistogramDataPoint,
  type LogRecord,
  type NumberDataPoint,
  type Span,
  type SummaryDataPoint,
  ScopeMetrics,
  ScopeSpans,
  Metric,
  ProtoBatch,
  type Resource,
  decodeLogsProto,
  decodeMetricsProto,
  decodeProfilesProto,
  decodeTracesProto,
  encodeLogsProto,
  encodeMetricsProto,
  encodeProfilesProto,
  encodeTracesProto,
  decodeLogsJson,
  decodeMetricsJson,
  decodeProfilesJson,
  decodeTracesJson,
  encodeLogsJson,
  encodeMetricsJson,
  encodeProfilesJson,
  encodeTracesJson,
  type DecodeLimits,
} from '@ottl/pdata';
import type { Signal } from './component/componentId.js';
import type { SignalData } from './component/component.js';
import type { Cloneable } from './consumer/fanout.js';

/** Requests held as protobuf bytes (pdata's `ProtoBatch`), given back joined by `take`. */
export interface Accumulator<T> {
  append(data: T): void;
  take(): T;
}

export interface SignalOps<T> extends Cloneable<T> {
  readonly signal: Signal;
  /** The item noun in telemetry names: `spans`, `metric_points`, `log_records`, `samples`. */
  readonly items: string;
  /** The Collector's item count: spans, metric data points, log records, profile samples. */
  count(data: T): number;
  empty(): T;
  /** The resource-level containers (ResourceSpans, ResourceLogs…), live. */
  resources(data: T): { readonly resource: Resource; readonly schemaUrl: string }[];
  /** True when the request holds no resource at all. */
  isEmpty(data: T): boolean;
  /** Moves every resource of `src` to the end of `dst`, leaving `src` empty. */
  moveAppend(src: T, dst: T): void;
  /**
   * Moves the first `n` items of `src` (in order) into a new request and returns it; resources and
   * scopes split across the two requests are copied. Profiles are never split (returns all of `src`).
   */
  splitOff(src: T, n: number): T;
  /** True when the signal can be split by {@link splitOff} at item granularity. */
  readonly splittable: boolean;
  /**
   * A new accumulator that holds requests as their protobuf encoding (pdata's `ProtoBatch`) and
   * gives them back joined as one request; present exactly when {@link splittable}.
   */
  readonly protoBatch?: () => Accumulator<T>;
  decodeProto(bytes: Uint8Array, limits?: DecodeLimits): T;
  encodeProto(data: T): Uint8Array;
  /** OTLP/JSON from text or UTF-8 bytes. */
  decodeJson(text: string | Uint8Array, limits?: DecodeLimits): T;
  encodeJson(data: T): string;
  /** The OTLP gRPC service (`opentelemetry.proto.collector.trace.v1.TraceService`). */
  readonly grpcService: string;
  /** The default OTLP/HTTP path (`/v1/traces`). */
  readonly httpPath: string;
}

/**
 * The three-level shape resource → scope → items shared by traces and logs (and metrics, whose
 * "items" are metrics holding the counted data points).
 */
interface Shape<R, S, I> {
  resources(d: { [k: string]: unknown }): R[];
  scopes(r: R): S[];
  items(s: S): I[];
  /** A new resource-level container with a copy of `r`'s resource and schema URL and no scopes. */
  resourceLike(r: R): R;
  scopeLike(s: S): S;
  /** Counted units in one item (1 for spans and logs, data points for a metric). */
  weight(i: I): number;
  /** Moves the first `n` (< weight) units of `i` into a new item. */
  splitItem?(i: I, n: number): I;
}

function countWith<R, S, I>(shape: Shape<R, S, I>, resources: R[]): number {
  let n = 0;
  for (const r of resources) for (const s of shape.scopes(r)) for (const i of shape.items(s)) n += shape.weight(i);
  return n;
}

function splitWith<R, S, I>(shape: Shape<R, S, I>, src: R[], dst: R[], n: number): void {
  let left = n;
  let whole = 0;
  while (whole < src.length) {
    const c = countWith(shape, [src[whole]!]);
    if (c > left) break;
    left -= c;
    whole++;
  }
  dst.push(...src.splice(0, whole));
  if (left === 0 || src.length === 0) return;
  const r = src[0]!;
  const nr = shape.resourceLike(r);
  dst.push(nr);
  const scopes = shape.scopes(r);
  let wholeScopes = 0;
  while (wholeScopes < scopes.length) {
    let c = 0;
    for (const i of shape.items(scopes[wholeScopes]!)) c += shape.weight(i);
    if (c > left) break;
    left -= c;
    wholeScopes++;
  }
  shape.scopes(nr).push(...scopes.splice(0, wholeScopes));
  if (left === 0 || scopes.length === 0) return;
  const s = scopes[0]!;
  const ns = shape.scopeLike(s);
  shape.scopes(nr).push(ns);
  const items = shape.items(s);
  let wholeItems = 0;
  while (wholeItems < items.length) {
    const c = shape.weight(items[wholeItems]!);
    if (c > left) break;
    left -= c;
    wholeItems++;
  }
  shape.items(ns).push(...items.splice(0, wholeItems));
  if (left > 0 && items.length > 0 && shape.splitItem) shape.items(ns).push(shape.splitItem(items[0]!, left));
}

const spanShape: Shape<ResourceSpans, ScopeSpans, unknown> = {
  resources: (d) => (d as unknown as Traces).resourceSpans,
  scopes: (r) => r.scopeSpans,
  items: (s) => s.spans,
  resourceLike: (r) => {
    const n = ResourceSpans.create({ schemaUrl: r.schemaUrl });
    r.resource.copyTo(n.resource);
    return n;
  },
  scopeLike: (s) => {
    const n = ScopeSpans.create({ schemaUrl: s.schemaUrl });
    s.scope.copyTo(n.scope);
    return n;
  },
  weight: () => 1,
};

const logShape: Shape<ResourceLogs, ScopeLogs, unknown> = {
  resources: (d) => (d as unknown as Logs).resourceLogs,
  scopes: (r) => r.scopeLogs,
  items: (s) => s.logRecords,
  resourceLike: (r) => {
    const n = ResourceLogs.create({ schemaUrl: r.schemaUrl });
    r.resource.copyTo(n.resource);
    return n;
  },
  scopeLike: (s) => {
    const n = ScopeLogs.create({ schemaUrl: s.schemaUrl });
    s.scope.copyTo(n.scope);
    return n;
  },
  weight: () => 1,
};

type AnyPoints = { dataPoints: unknown[] };

/** The data points array of a metric of any type (empty for a metric without data). */
export function metricPoints(m: Metric): unknown[] {
  const d = (m.gauge ?? m.sum ?? m.histogram ?? m.exponentialHistogram ?? m.summary) as AnyPoints | undefined;
  return d ? d.dataPoints : [];
}

/** A metric with `m`'s identity and type settings and no data points. */
function metricLike(m: Metric): Metric {
  const out = Metric.create({ name: m.name, description: m.description, unit: m.unit });
  m.metadata.copyTo(out.metadata);
  if (m.gauge) out.setEmptyGauge();
  else if (m.sum) {
    const s = out.setEmptySum();
    s.aggregationTemporality = m.sum.aggregationTemporality;
    s.isMonotonic = m.sum.isMonotonic;
  } else if (m.histogram) out.setEmptyHistogram().aggregationTemporality = m.histogram.aggregationTemporality;
  else if (m.exponentialHistogram) out.setEmptyExponentialHistogram().aggregationTemporality = m.exponentialHistogram.aggregationTemporality;
  else if (m.summary) out.setEmptySummary();
  return out;
}

/** A metric with `m`'s identity and type settings and the first `n` data points of `m` moved into it. */
function splitMetric(m: Metric, n: number): Metric {
  const out = metricLike(m);
  metricPoints(out).push(...metricPoints(m).splice(0, n));
  return out;
}

const metricShape: Shape<ResourceMetrics, ScopeMetrics, Metric> = {
  resources: (d) => (d as unknown as Metrics).resourceMetrics,
  scopes: (r) => r.scopeMetrics,
  items: (s) => s.metrics,
  resourceLike: (r) => {
    const n = ResourceMetrics.create({ schemaUrl: r.schemaUrl });
    r.resource.copyTo(n.resource);
    return n;
  },
  scopeLike: (s) => {
    const n = ScopeMetrics.create({ schemaUrl: s.schemaUrl });
    s.scope.copyTo(n.scope);
    return n;
  },
  // A metric without points still travels (and counts as nothing), like the Collector's splitter.
  weight: (m) => metricPoints(m).length,
  splitItem: splitMetric,
};

/** A data point of any metric type. */
export type DataPoint = NumberDataPoint | HistogramDataPoint | ExponentialHistogramDataPoint | SummaryDataPoint;

/** Removes the elements for which `drop` is true, in place, keeping order. */
export function removeIf<T>(arr: T[], drop: (x: T, i: number) => boolean): void {
  let w = 0;
  for (let i = 0; i < arr.length; i++) {
    const x = arr[i]!;
    if (!drop(x, i)) arr[w++] = x;
  }
  arr.length = w;
}

/** Moves the elements of `src` for which `pick` holds to the end of `dst`, keeping their order. */
export function moveIf<T>(src: T[], dst: T[], pick: (x: T) => boolean): void {
  removeIf(src, (x) => {
    if (!pick(x)) return false;
    dst.push(x);
    return true;
  });
}

/**
 * Moves the items of `src` that `take` claims into `dst`, keeping their order: `take` returns true
 * to move an item whole, a new item holding the part it split off, or false. Each resource and
 * scope that gives up items is copied once into `dst` (with its schema URL) and holds everything
 * moved from it; resources and scopes left without items are removed from `src`.
 */
function moveItemsWith<R, S, I>(shape: Shape<R, S, I>, src: R[], dst: R[], take: (r: R, s: S, i: I) => I | boolean): void {
  removeIf(src, (r) => {
    let rOut: R | undefined;
    removeIf(shape.scopes(r), (s) => {
      let sOut: S | undefined;
      removeIf(shape.items(s), (i) => {
        const t = take(r, s, i);
        if (t === false) return false;
        if (sOut === undefined) {
          if (rOut === undefined) dst.push((rOut = shape.resourceLike(r)));
          shape.scopes(rOut).push((sOut = shape.scopeLike(s)));
        }
        shape.items(sOut).push(t === true ? i : (t as I));
        return t === true;
      });
      return shape.items(s).length === 0;
    });
    return shape.scopes(r).length === 0;
  });
}

/** Moves the spans for which `pick` holds from `src` to `dst` (resources and scopes as `moveItemsWith` says). */
export function moveSpansIf(src: Traces, dst: Traces, pick: (rs: ResourceSpans, ss: ScopeSpans, span: Span) => boolean): void {
  moveItemsWith(spanShape, src.resourceSpans, dst.resourceSpans, (rs, ss, span) => pick(rs, ss, span as Span));
}

/** Moves the log records for which `pick` holds from `src` to `dst`. */
export function moveLogRecordsIf(src: Logs, dst: Logs, pick: (rl: ResourceLogs, sl: ScopeLogs, lr: LogRecord) => boolean): void {
  moveItemsWith(logShape, src.resourceLogs, dst.resourceLogs, (rl, sl, lr) => pick(rl, sl, lr as LogRecord));
}

/** Moves the metrics for which `pick` holds from `src` to `dst`. */
export function moveMetricsIf(src: Metrics, dst: Metrics, pick: (rm: ResourceMetrics, sm: ScopeMetrics, m: Metric) => boolean): void {
  moveItemsWith(metricShape, src.resourceMetrics, dst.resourceMetrics, pick);
}

/**
 * Moves the data points for which `pick` holds from `src` to `dst`. A metric giving up some of its
 * points is copied (identity and type settings) to hold them; one giving up all of them moves.
 */
export function moveDataPointsIf(src: Metrics, dst: Metrics, pick: (rm: ResourceMetrics, sm: ScopeMetrics, m: Metric, dp: DataPoint) => boolean): void {
  moveItemsWith(metricShape, src.resourceMetrics, dst.resourceMetrics, (rm, sm, m) => {
    const points = metricPoints(m);
    const hits = points.map((dp) => pick(rm, sm, m, dp as DataPoint));
    const n = hits.filter(Boolean).length;
    if (n === 0 || n === points.length) return n > 0;
    const out = metricLike(m);
    const taken = metricPoints(out);
    removeIf(points, (dp, i) => {
      if (hits[i]) taken.push(dp);
      return hits[i]!;
    });
    return out;
  });
}

function threeLevel<T extends object, R, S, I>(
  shape: Shape<R, S, I>,
  base: Omit<SignalOps<T>, 'resources' | 'isEmpty' | 'moveAppend' | 'splitOff' | 'splittable' | 'clone' | 'markReadOnly'>,
): SignalOps<T> {
  const res = (d: T) => shape.resources(d as unknown as { [k: string]: unknown });
  return {
    ...base,
    splittable: true,
    resources: (d) => res(d) as unknown as { readonly resource: Resource; readonly schemaUrl: string }[],
    isEmpty: (d) => res(d).length === 0,
    moveAppend: (src, dst) => {
      const from = res(src);
      res(dst).push(...from.splice(0, from.length));
    },
    splitOff: (src, n) => {
      const out = base.empty();
      splitWith(shape, res(src), res(out), n);
      return out;
    },
    clone: (d) => (d as unknown as { clone(): T }).clone(),
    markReadOnly: (d) => (d as unknown as { markReadOnly(): void }).markReadOnly(),
  };
}

export const tracesOps: SignalOps<Traces> = threeLevel<Traces, ResourceSpans, ScopeSpans, unknown>(spanShape, {
  signal: 'traces',
  items: 'spans',
  // pdata's counters read lazily decoded requests without marking them changed.
  count: (d) => d.spanCount(),
  empty: () => Traces.create(),
  protoBatch: () => ProtoBatch.traces(),
  decodeProto: decodeTracesProto,
  encodeProto: encodeTracesProto,
  decodeJson: decodeTracesJson,
  encodeJson: encodeTracesJson,
  grpcService: 'opentelemetry.proto.collector.trace.v1.TraceService',
  httpPath: '/v1/traces',
});

export const logsOps: SignalOps<Logs> = threeLevel<Logs, ResourceLogs, ScopeLogs, unknown>(logShape, {
  signal: 'logs',
  items: 'log_records',
  count: (d) => d.logRecordCount(),
  empty: () => Logs.create(),
  protoBatch: () => ProtoBatch.logs(),
  decodeProto: decodeLogsProto,
  encodeProto: encodeLogsProto,
  decodeJson: decodeLogsJson,
  encodeJson: encodeLogsJson,
  grpcService: 'opentelemetry.proto.collector.logs.v1.LogsService',
  httpPath: '/v1/logs',
});

export const metricsOps: SignalOps<Metrics> = threeLevel<Metrics, ResourceMetrics, ScopeMetrics, Metric>(metricShape, {
  signal: 'metrics',
  items: 'metric_points',
  count: (d) => d.dataPointCount(),
  empty: () => Metrics.create(),
  protoBatch: () => ProtoBatch.metrics(),
  decodeProto: decodeMetricsProto,
  encodeProto: encodeMetricsProto,
  decodeJson: decodeMetricsJson,
  encodeJson: encodeMetricsJson,
  grpcService: 'opentelemetry.proto.collector.metrics.v1.MetricsService',
  httpPath: '/v1/metrics',
});

/**
 * Profiles share one dictionary per request, so requests are kept whole: `moveAppend` is only
 * used on an empty destination and `splitOff` returns everything.
 */
export const profilesOps: SignalOps<Profiles> = {
  signal: 'profiles',
  items: 'samples',
  splittable: false,
  count: (d) => d.sampleCount(),
  empty: () => Profiles.create(),
  resources: (d) => d.resourceProfiles,
  isEmpty: (d) => d.resourceProfiles.length === 0,
  moveAppend: (src, dst) => src.moveTo(dst),
  splitOff: (src) => {
    const out = Profiles.create();
    src.moveTo(out);
    return out;
  },
  clone: (d) => d.clone(),
  markReadOnly: (d) => d.markReadOnly(),
  decodeProto: decodeProfilesProto,
  encodeProto: encodeProfilesProto,
  decodeJson: decodeProfilesJson,
  encodeJson: encodeProfilesJson,
  grpcService: 'opentelemetry.proto.collector.profiles.v1development.ProfilesService',
  httpPath: '/v1development/profiles',
};

export const SIGNAL_OPS: { readonly [S in Signal]: SignalOps<SignalData[S]> } = {
  traces: tracesOps,
  metrics: metricsOps,
  logs: logsOps,
  profiles: profilesOps,
};

export function signalOps<S extends Signal>(s: S): SignalOps<SignalData[S]> {
  return SIGNAL_OPS[s] as SignalOps<SignalData[S]>;
}
