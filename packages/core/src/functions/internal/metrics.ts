/**
 * What the transform processor's metric functions share (upstream
 * `processor/transformprocessor/internal/metrics` helpers and `coreinternal/aggregateutil`):
 * temporality arguments, the points of any metric kind, and grouping/merging data points for the
 * aggregation functions. Works on live `@ottl/pdata` objects.
 */
import {
  AggregationTemporality,
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  Metric,
  MetricType,
  NumberDataPoint,
  PMap,
  type SummaryDataPoint,
} from '@ottl/pdata';
import { dataPointsOf as metricPoints } from '../../contexts/metric.js';
import type { DataPoint, MetricTransformContext } from '../../contexts/types.js';
import type { BoundArg, Invocation, ParamDef, TransformContext } from '../../types/signature.js';
import { OttlCreateError, OttlError } from '../../types/values.js';

/** The metric (and its live sibling list) a metric-context or datapoint-context item belongs to. */
export function metricOf(ctx: TransformContext): MetricTransformContext {
  const c = ctx as unknown as MetricTransformContext;
  if (!(c.metric instanceof Metric)) throw new OttlError(`${ctx.context} context has no metric`);
  return c;
}

/** `"delta"` / `"cumulative"` as the OTLP value; anything else is a configuration error. */
export function parseTemporality(text: string): number {
  if (text === 'delta') return AggregationTemporality.DELTA;
  if (text === 'cumulative') return AggregationTemporality.CUMULATIVE;
  throw new OttlCreateError(`unknown aggregation temporality: ${text}`);
}

const TYPE_NAMES = ['Empty', 'Gauge', 'Sum', 'Histogram', 'ExponentialHistogram', 'Summary'];

/** Go's `pmetric.MetricType.String()`. */
function metricTypeName(metric: Metric): string {
  return TYPE_NAMES[metric.type] ?? 'Empty';
}

export type AnyDataPoint = DataPoint;

/** The live data points of a metric of any kind (empty for a metric without data). */
export function dataPointsOf(metric: Metric): AnyDataPoint[] {
  return metricPoints(metric) ?? [];
}

/**
 * Upstream `getAggregationTemporality` for the extract functions: histograms' own temporality,
 * cumulative for summaries (OpenMetrics), unspecified (0) for other kinds.
 */
export function extractTemporality(metric: Metric): number {
  switch (metric.type) {
    case MetricType.HISTOGRAM:
      return metric.histogram!.aggregationTemporality;
    case MetricType.EXPONENTIAL_HISTOGRAM:
      return metric.exponentialHistogram!.aggregationTemporality;
    case MetricType.SUMMARY:
      return AggregationTemporality.CUMULATIVE;
    default:
      return AggregationTemporality.UNSPECIFIED;
  }
}

/** Upstream's error for extract functions applied to a metric without counts and sums. */
export function invalidMetricTypeError(name: string, metric: Metric): OttlError {
  return new OttlError(
    `${name} requires an input metric of type Histogram, ExponentialHistogram or Summary, got ${metricTypeName(metric)}`,
  );
}

/** A new Sum metric named `name`, with the source's description, the given unit and settings. */
export function newSumMetric(source: Metric, name: string, unit: string, temporality: number, monotonic: boolean): Metric {
  const m = Metric.create();
  m.name = name;
  m.description = source.description;
  m.unit = unit;
  const sum = m.setEmptySum();
  sum.aggregationTemporality = temporality;
  sum.isMonotonic = monotonic;
  return m;
}

/** A number point carrying `from`'s attributes (copied) and timestamps. */
export function pointFrom(from: AnyDataPoint): NumberDataPoint {
  const dp = NumberDataPoint.create();
  from.attributes.copyTo(dp.attributes);
  dp.startTimeUnixNano = from.startTimeUnixNano;
  dp.timeUnixNano = from.timeUnixNano;
  return dp;
}

// ---------------------------------------------------------------------------------------------
// Counts and sums as Sum metrics (extract_count_metric, extract_sum_metric,
// convert_summary_count_val_to_sum, convert_summary_sum_val_to_sum)

/** A point that carries a count and a sum. */
export type CountedPoint = HistogramDataPoint | ExponentialHistogramDataPoint | SummaryDataPoint;

/** The trailing parameters `monotonic, suffix?` of the functions that write counts or sums as a Sum. */
export function monotonicSuffixParams(defaultSuffix: string): ParamDef[] {
  return [
    { name: 'monotonic', kind: { kind: 'literal', type: 'bool' }, description: 'Whether the new Sum is monotonic.' },
    { name: 'suffix', kind: { kind: 'literal', type: 'string' }, optional: true, default: '`' + defaultSuffix + '`', description: 'Appended to the metric name.' },
  ];
}

/** A number point holding `from`'s count as an int, with `from`'s attributes (copied) and timestamps. */
export function countPoint(from: CountedPoint): NumberDataPoint {
  const p = pointFrom(from);
  p.intValue = BigInt.asIntN(64, from.count);
  return p;
}

/** A number point holding `from`'s sum (0 when it has none) as a double, with `from`'s attributes (copied) and timestamps. */
export function sumPoint(from: CountedPoint): NumberDataPoint {
  const p = pointFrom(from);
  p.doubleValue = from.sum ?? 0;
  return p;
}

/**
 * The statement of `extract_count_metric` / `extract_sum_metric` (`args`: monotonic, suffix?):
 * appends a Sum `<name><suffix>` with the source's {@link extractTemporality} and unit
 * `unit(source)`, holding `point(p)` for every source point `p` it returns a point for; nothing is
 * appended when there is none. Throws upstream's error when the metric is not a Histogram,
 * ExponentialHistogram or Summary.
 */
export function extractToSum(
  name: string,
  args: readonly BoundArg[],
  defaultSuffix: string,
  unit: (source: Metric) => string,
  point: (from: CountedPoint) => NumberDataPoint | undefined,
): Invocation {
  const monotonic = args[0] as boolean;
  const suffix = (args[1] as string | undefined) ?? defaultSuffix;
  return (ctx) => {
    const { metric, metrics } = metricOf(ctx);
    const temporality = extractTemporality(metric);
    if (temporality === 0) throw invalidMetricTypeError(name, metric);
    const out = newSumMetric(metric, metric.name + suffix, unit(metric), temporality, monotonic);
    for (const dp of dataPointsOf(metric) as CountedPoint[]) {
      const p = point(dp);
      if (p !== undefined) out.sum!.dataPoints.push(p);
    }
    if (out.sum!.dataPoints.length > 0) metrics.push(out);
    return null;
  };
}

/**
 * The statement of `convert_summary_count_val_to_sum` / `convert_summary_sum_val_to_sum` (`args`:
 * stringAggTemp, monotonic, suffix?): for a Summary metric, appends a Sum `<name><suffix>` with the
 * source's unit holding `point(p)` for every summary point; other metric kinds are left alone.
 * Throws OttlCreateError for a temporality other than `delta` or `cumulative`.
 */
export function summaryToSum(
  args: readonly BoundArg[],
  defaultSuffix: string,
  point: (from: SummaryDataPoint) => NumberDataPoint,
): Invocation {
  const temporality = parseTemporality(args[0] as string);
  const monotonic = args[1] as boolean;
  const suffix = (args[2] as string | undefined) ?? defaultSuffix;
  return (ctx) => {
    const { metric, metrics } = metricOf(ctx);
    if (metric.type !== MetricType.SUMMARY) return null;
    const out = newSumMetric(metric, metric.name + suffix, metric.unit, temporality, monotonic);
    metrics.push(out);
    for (const dp of metric.summary!.dataPoints) out.sum!.dataPoints.push(point(dp));
    return null;
  };
}

// ---------------------------------------------------------------------------------------------
// Aggregation (aggregateutil)

const AGGREGATION_FUNCTIONS = ['sum', 'mean', 'min', 'max', 'median', 'count'] as const;
type AggregationFunction = (typeof AGGREGATION_FUNCTIONS)[number];

export function parseAggregationFunction(text: string): AggregationFunction {
  if ((AGGREGATION_FUNCTIONS as readonly string[]).includes(text)) return text as AggregationFunction;
  throw new OttlCreateError(
    `invalid aggregation function: 'unsupported function: '${text}'', valid options: ${AGGREGATION_FUNCTIONS.join(', ')}`,
  );
}

/** Go's JSON for a map's raw form (sorted keys), for grouping keys. */
function attributesKey(attrs: PMap): string {
  return JSON.stringify(attrs.toRaw(), (_k, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

function groupKey(dp: AnyDataPoint, delta: boolean): string {
  const parts: unknown[] = [attributesKey(dp.attributes), dp.timeUnixNano.toString()];
  if (dp instanceof HistogramDataPoint) {
    parts.push(...dp.explicitBounds);
    if (delta) parts.push(dp.startTimeUnixNano.toString());
    parts.push(dp.min !== undefined, dp.max !== undefined, dp.flags);
  } else if (dp instanceof ExponentialHistogramDataPoint) {
    parts.push(dp.scale, dp.min !== undefined, dp.max !== undefined, dp.flags, dp.negative.offset, dp.positive.offset);
    if (delta) parts.push(dp.startTimeUnixNano.toString());
  } else if (delta) {
    parts.push(dp.startTimeUnixNano.toString());
  }
  return JSON.stringify(parts);
}

function isDelta(metric: Metric): boolean {
  switch (metric.type) {
    case MetricType.SUM:
      return metric.sum!.aggregationTemporality === AggregationTemporality.DELTA;
    case MetricType.HISTOGRAM:
      return metric.histogram!.aggregationTemporality === AggregationTemporality.DELTA;
    case MetricType.EXPONENTIAL_HISTOGRAM:
      return metric.exponentialHistogram!.aggregationTemporality === AggregationTemporality.DELTA;
    default:
      return false;
  }
}

function doubleOf(dp: NumberDataPoint): number {
  return dp.valueType === 'int' ? Number(dp.intValue) : dp.doubleValue;
}

function intOf(dp: NumberDataPoint): bigint {
  return dp.valueType === 'double' ? BigInt(Math.trunc(dp.doubleValue)) : dp.intValue;
}

function mergeNumbers(group: NumberDataPoint[], fn: AggregationFunction): NumberDataPoint {
  const dp = group[0]!;
  const n = group.length;
  if (dp.valueType === 'double') {
    const values = [dp.doubleValue];
    for (const o of group.slice(1)) {
      const v = doubleOf(o);
      if (fn === 'sum' || fn === 'mean') dp.doubleValue += v;
      else if (fn === 'max') dp.doubleValue = Math.max(dp.doubleValue, v);
      else if (fn === 'min') dp.doubleValue = Math.min(dp.doubleValue, v);
      else if (fn === 'median') values.push(v);
      else dp.doubleValue = n;
    }
    if (fn === 'mean') dp.doubleValue /= n;
    if (fn === 'median' && n > 1) {
      values.sort((a, b) => a - b);
      const mid = Math.floor(n / 2);
      dp.doubleValue = n % 2 !== 0 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
    }
  } else if (dp.valueType === 'int') {
    const values = [dp.intValue];
    for (const o of group.slice(1)) {
      const v = intOf(o);
      if (fn === 'sum' || fn === 'mean') dp.intValue = BigInt.asIntN(64, dp.intValue + o.intValue);
      else if (fn === 'max') dp.intValue = v > dp.intValue ? v : dp.intValue;
      else if (fn === 'min') dp.intValue = v < dp.intValue ? v : dp.intValue;
      else if (fn === 'median') values.push(v);
      else dp.intValue = BigInt(n);
    }
    if (fn === 'median' && n > 1) {
      values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const mid = Math.floor(n / 2);
      dp.intValue = n % 2 !== 0 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2n;
    }
    if (fn === 'mean') dp.intValue /= BigInt(n);
  }
  for (const o of group.slice(1)) if (o.startTimeUnixNano < dp.startTimeUnixNano) dp.startTimeUnixNano = o.startTimeUnixNano;
  return dp;
}

function mergeHistograms(group: HistogramDataPoint[]): HistogramDataPoint {
  const dp = group[0]!;
  const counts = dp.bucketCounts;
  for (const o of group.slice(1)) {
    if (o.count === 0n) continue;
    dp.count += o.count;
    dp.sum = (dp.sum ?? 0) + (o.sum ?? 0);
    if (dp.min !== undefined && dp.min > (o.min ?? 0)) dp.min = o.min ?? 0;
    if (dp.max !== undefined && dp.max < (o.max ?? 0)) dp.max = o.max ?? 0;
    o.bucketCounts.forEach((c, b) => {
      counts[b] = (counts[b] ?? 0n) + c;
    });
    dp.exemplars.push(...o.exemplars.splice(0));
    if (o.startTimeUnixNano < dp.startTimeUnixNano) dp.startTimeUnixNano = o.startTimeUnixNano;
  }
  return dp;
}

function mergeExponential(group: ExponentialHistogramDataPoint[]): ExponentialHistogramDataPoint {
  const dp = group[0]!;
  for (const o of group.slice(1)) {
    if (o.count === 0n) continue;
    dp.count += o.count;
    dp.sum = (dp.sum ?? 0) + (o.sum ?? 0);
    dp.zeroCount += o.zeroCount;
    if (dp.min !== undefined && dp.min > (o.min ?? 0)) dp.min = o.min ?? 0;
    if (dp.max !== undefined && dp.max < (o.max ?? 0)) dp.max = o.max ?? 0;
    for (const side of ['negative', 'positive'] as const) {
      const into = dp[side].bucketCounts;
      o[side].bucketCounts.forEach((c, b) => {
        if (b < into.length) into[b] = into[b]! + c;
        else into.push(c);
      });
    }
    dp.exemplars.push(...o.exemplars.splice(0));
    if (o.startTimeUnixNano < dp.startTimeUnixNano) dp.startTimeUnixNano = o.startTimeUnixNano;
  }
  return dp;
}

/**
 * Upstream `GroupDataPoints` + `MergeDataPoints`: points with equal attributes and timestamp (and
 * start time for delta temporality; bounds/scale/flags for histograms) are merged into the first
 * of each group with `fn` (histograms always add). Groups keep the order of their first point.
 */
export function aggregateDataPoints(metric: Metric, fn: AggregationFunction): void {
  const points = dataPointsOf(metric);
  const delta = isDelta(metric);
  const groups = new Map<string, AnyDataPoint[]>();
  for (const dp of points) {
    const key = groupKey(dp, delta);
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [dp]);
    else g.push(dp);
  }
  const merged: AnyDataPoint[] = [];
  for (const g of groups.values()) {
    const first = g[0]!;
    if (first instanceof NumberDataPoint) merged.push(mergeNumbers(g as NumberDataPoint[], fn));
    else if (first instanceof HistogramDataPoint) merged.push(mergeHistograms(g as HistogramDataPoint[]));
    else if (first instanceof ExponentialHistogramDataPoint) merged.push(mergeExponential(g as ExponentialHistogramDataPoint[]));
  }
  points.splice(0, points.length, ...(merged as never[]));
}
