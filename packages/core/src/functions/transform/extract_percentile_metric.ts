/**
 * `extract_percentile_metric(percentile, suffix?)` (upstream transform processor
 * `internal/metrics/func_extract_percentile_metric.go`, metric context): appends a Gauge
 * `<name><suffix>` (default `_p<percentile>`) with an estimate of the percentile of every point of
 * a Histogram (linear interpolation in the bucket; the last bucket uses `max` when set), an
 * ExponentialHistogram (logarithmic interpolation) or a Summary (the exact quantile, which must
 * exist). Points with no observations give NaN.
 */
import {
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  Metric,
  MetricType,
  type Buckets,
  type SummaryDataPoint,
} from '@ottl/pdata';
import { dataPointsOf, invalidMetricTypeError, metricOf, pointFrom } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';
import { OttlCreateError, OttlError } from '../../types/values.js';
import { formatGoFloat } from '../../types/convert.js';

const NAME = 'extract_percentile_metric';

function lerp(lower: number, upper: number, ratio: number): number {
  return lower + ratio * (upper - lower);
}

function logLerp(lower: number, upper: number, ratio: number): number {
  const a = Math.log2(lower);
  const b = Math.log2(upper);
  return 2 ** (a + (b - a) * ratio);
}

/** Lower bound of exponential bucket `index` at `scale` (OTLP data model formulas). */
function bucketBound(index: number, scale: number): number {
  return scale <= 0 ? 2 ** (index * 2 ** -scale) : Math.exp(index * Math.LN2 * 2 ** -scale);
}

function target(count: bigint, percentile: number): bigint {
  return BigInt(Math.ceil(Number(count) * (percentile / 100)));
}

function histogramPercentile(dp: HistogramDataPoint, p: number): number {
  const counts = dp.bucketCounts;
  const bounds = dp.explicitBounds;
  if (dp.count === 0n || counts.length === 0 || bounds.length === 0) return NaN;
  const want = target(dp.count, p);
  let cumulative = 0n;
  for (let i = 0; i < counts.length; i++) {
    const before = cumulative;
    cumulative += counts[i]!;
    if (cumulative < want) continue;
    let lower: number;
    let upper: number;
    if (i === 0) {
      lower = 0;
      upper = bounds[0]!;
    } else {
      lower = bounds[i - 1]!;
      if (i < bounds.length) upper = bounds[i]!;
      else if (dp.max !== undefined && dp.max > lower) upper = dp.max;
      else return lower;
    }
    return lerp(lower, upper, Number(want - before) / Number(counts[i]!));
  }
  throw new OttlError(
    `percentile p${p.toFixed(2)} not found in histogram buckets: targetCount=${want}, totalCount=${dp.count}, ` +
      `total cumulative count=${cumulative} (malformed data: cumulative count doesn't reach target)`,
  );
}

function exponentialPercentile(dp: ExponentialHistogramDataPoint, p: number): number {
  const neg: Buckets = dp.negative;
  const pos: Buckets = dp.positive;
  if (dp.count === 0n || (neg.bucketCounts.length === 0 && pos.bucketCounts.length === 0 && dp.zeroCount === 0n)) return NaN;
  const want = target(dp.count, p);
  let cumulative = 0n;
  for (let i = 0; i < neg.bucketCounts.length; i++) {
    const before = cumulative;
    cumulative += neg.bucketCounts[i]!;
    if (cumulative >= want) {
      const index = neg.offset + i;
      const ratio = (Number(want) - Number(before)) / Number(neg.bucketCounts[i]!);
      return -logLerp(bucketBound(index, dp.scale), bucketBound(index + 1, dp.scale), 1 - ratio);
    }
  }
  const afterZero = cumulative + dp.zeroCount;
  if (afterZero >= want) {
    let lower = -dp.zeroThreshold;
    let upper = dp.zeroThreshold;
    if (neg.bucketCounts.length === 0 && pos.bucketCounts.length !== 0) lower = 0;
    if (pos.bucketCounts.length === 0 && neg.bucketCounts.length !== 0) upper = 0;
    return lerp(lower, upper, Number(want - cumulative) / Number(dp.zeroCount));
  }
  cumulative = afterZero;
  for (let i = 0; i < pos.bucketCounts.length; i++) {
    const before = cumulative;
    cumulative += pos.bucketCounts[i]!;
    if (cumulative >= want) {
      const index = pos.offset + i;
      const ratio = Number(want - before) / Number(pos.bucketCounts[i]!);
      return logLerp(bucketBound(index, dp.scale), bucketBound(index + 1, dp.scale), ratio);
    }
  }
  throw new OttlError(
    `percentile p${p.toFixed(2)} not found in positive buckets for exponential histogram: targetCount=${want}, ` +
      `total count=${cumulative} (malformed data: cumulative count doesn't reach target count corresponding to percentile)`,
  );
}

function summaryPercentile(dp: SummaryDataPoint, p: number): number {
  const q = dp.quantileValues.find((v) => v.quantile === p / 100);
  if (q !== undefined) return q.value;
  const available = dp.quantileValues.map((v) => formatGoFloat(v.quantile * 100)).join(' ');
  throw new OttlError(`percentile p${formatGoFloat(p)} not found in summary metric, available quantiles: [${available}]`);
}

export const definition: FunctionDef = {
  name: NAME,
  params: [
    { name: 'percentile', kind: { kind: 'literal', type: 'float' }, description: 'Between 0 and 100.' },
    { name: 'suffix', kind: { kind: 'literal', type: 'string' }, optional: true, default: '`_p<percentile>`', description: 'Appended to the metric name.' },
  ],
  returns: 'void',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Adds a Gauge estimating a percentile of each Histogram, ExponentialHistogram or Summary point (metric context).',
    description:
      'Histogram values are interpolated linearly within the bucket holding the percentile (the first bucket starts at 0); ' +
      'exponential histograms interpolate logarithmically; summaries must hold that exact quantile. The new metric\'s ' +
      'description is `<description> (p<percentile>)`; nothing is added when the source has no points.',
    failures: [
      'A percentile outside 0–100 fails when the statement is parsed.',
      'Other metric kinds: `extract_percentile_metric requires an input metric of type …`; a summary without the quantile, or malformed buckets, fail at run time.',
    ],
    examples: [{ code: 'extract_percentile_metric(99.0) where metric.name == "http.server.duration"', note: 'transform processor, metric context' }],
  },
  create(args) {
    const percentile = args[0] as number;
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new OttlCreateError(`percentile must be between 0 and 100, got ${percentile.toFixed(6)}`);
    }
    const suffix = (args[1] as string | undefined) ?? `_p${formatGoFloat(percentile)}`;
    return (ctx) => {
      const { metric, metrics } = metricOf(ctx);
      if (metric.type !== MetricType.HISTOGRAM && metric.type !== MetricType.EXPONENTIAL_HISTOGRAM && metric.type !== MetricType.SUMMARY) {
        throw invalidMetricTypeError(NAME, metric);
      }
      const out = Metric.create();
      out.description = `${metric.description} (p${formatGoFloat(percentile)})`;
      out.name = metric.name + suffix;
      out.unit = metric.unit;
      const gauge = out.setEmptyGauge();
      for (const dp of dataPointsOf(metric)) {
        const value =
          dp instanceof HistogramDataPoint
            ? histogramPercentile(dp, percentile)
            : dp instanceof ExponentialHistogramDataPoint
              ? exponentialPercentile(dp, percentile)
              : summaryPercentile(dp as SummaryDataPoint, percentile);
        const point = pointFrom(dp);
        point.doubleValue = value;
        gauge.dataPoints.push(point);
      }
      if (gauge.dataPoints.length > 0) metrics.push(out);
      return null;
    };
  },
};
