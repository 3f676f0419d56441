/**
 * `convert_exponential_histogram_to_histogram(distributionFn, explicitBounds)` (upstream transform
 * processor `internal/metrics/func_convert_exponential_hist_to_explicit_hist.go`, metric context):
 * replaces an ExponentialHistogram with an explicit-bounds Histogram. Each exponential bucket's
 * count goes to the explicit bucket holding its `upper` bound or its `midpoint`, is spread evenly
 * (`uniform`) or randomly in proportion to overlap (`random`) over the explicit buckets it
 * overlaps. Positive, negative and zero buckets are converted, so the total count is kept.
 */
import { ExponentialHistogramDataPoint, HistogramDataPoint, MetricType } from '@ottl/pdata';
import { metricOf } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';
import { OttlCreateError } from '../../types/values.js';

const DISTRIBUTIONS = ['upper', 'midpoint', 'uniform', 'random'] as const;
type Distribution = (typeof DISTRIBUTIONS)[number];

/** Explicit bucket i holds (bounds[i-1], bounds[i]]; the last one everything above. */
function bucketOf(value: number, bounds: readonly number[]): number {
  for (let i = 0; i < bounds.length; i++) if (value <= bounds[i]!) return i;
  return bounds.length;
}

function distribute(
  counts: bigint[],
  count: bigint,
  lower: number,
  upper: number,
  bounds: readonly number[],
  how: Distribution,
): void {
  if (count === 0n) return;
  if (how === 'upper') {
    counts[bucketOf(upper, bounds)]! += count;
    return;
  }
  if (how === 'midpoint') {
    counts[bucketOf((lower + upper) / 2, bounds)]! += count;
    return;
  }
  const first = bucketOf(lower, bounds);
  const last = bucketOf(upper, bounds);
  if (first === last) {
    counts[first]! += count;
    return;
  }
  if (how === 'uniform') {
    const n = BigInt(last - first + 1);
    let rest = count % n;
    for (let i = first; i <= last; i++) {
      counts[i]! += count / n + (rest > 0n ? 1n : 0n);
      if (rest > 0n) rest--;
    }
    return;
  }
  // random: proportional to the overlap, rounded down, the remainder placed at random.
  let left = count;
  for (let i = first; i <= last; i++) {
    const lo = Math.max(lower, i === 0 ? lower : bounds[i - 1]!);
    const hi = Math.min(upper, i === bounds.length ? upper : bounds[i]!);
    const share = BigInt(Math.floor(Number(count) * Math.max(0, hi - lo) / (upper - lower)));
    counts[i]! += share;
    left -= share;
  }
  for (; left > 0n; left--) counts[first + Math.floor(Math.random() * (last - first + 1))]! += 1n;
}

/** Lower bound of exponential bucket `index` at `scale`. */
function bound(index: number, scale: number): number {
  return Math.exp(index * Math.LN2 * 2 ** -scale);
}

function convertPoint(dp: ExponentialHistogramDataPoint, bounds: readonly number[], how: Distribution): HistogramDataPoint {
  const counts = Array.from({ length: bounds.length + 1 }, () => 0n);
  dp.positive.bucketCounts.forEach((c, i) => {
    const index = dp.positive.offset + i;
    distribute(counts, c, bound(index, dp.scale), bound(index + 1, dp.scale), bounds, how);
  });
  dp.negative.bucketCounts.forEach((c, i) => {
    const index = dp.negative.offset + i;
    distribute(counts, c, -bound(index + 1, dp.scale), -bound(index, dp.scale), bounds, how);
  });
  counts[bucketOf(0, bounds)]! += dp.zeroCount;
  const out = HistogramDataPoint.create();
  dp.attributes.copyTo(out.attributes);
  out.startTimeUnixNano = dp.startTimeUnixNano;
  out.timeUnixNano = dp.timeUnixNano;
  out.count = dp.count;
  out.sum = dp.sum;
  out.min = dp.min;
  out.max = dp.max;
  out.flags = dp.flags;
  out.exemplars.push(...dp.exemplars.map((e) => e.clone()));
  out.explicitBounds.push(...bounds);
  out.bucketCounts.push(...counts);
  return out;
}

export const definition: FunctionDef = {
  name: 'convert_exponential_histogram_to_histogram',
  params: [
    { name: 'distributionFn', kind: { kind: 'literal', type: 'string' }, description: '`upper`, `midpoint`, `uniform` or `random`.' },
    { name: 'explicitBounds', kind: { kind: 'literalList', type: 'float' }, description: 'Strictly increasing bucket bounds.' },
  ],
  returns: 'void',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Converts an ExponentialHistogram to a Histogram with the given explicit bounds (metric context).',
    description:
      'Lossy and not specified by OpenTelemetry. `upper` and `midpoint` put each exponential bucket in the explicit ' +
      'bucket holding that point, `uniform` spreads it evenly over the buckets it overlaps, `random` in proportion ' +
      'to the overlap with random rounding. Other metric kinds are unchanged.',
    failures: ['An unknown distribution, or empty or unsorted bounds, fail when the statement is parsed.'],
    examples: [
      {
        code: 'convert_exponential_histogram_to_histogram("upper", [10.0, 100.0, 1000.0]) where metric.name == "latency"',
        note: 'transform processor, metric context',
      },
    ],
  },
  create(args) {
    const how = ((args[0] as string) || 'random') as Distribution;
    if (!DISTRIBUTIONS.includes(how)) {
      throw new OttlCreateError(`invalid conversion function: ${how}, must be one of [upper, midpoint, random, uniform]`);
    }
    const bounds = (args[1] as readonly (number | bigint)[]).map(Number);
    if (bounds.length === 0) throw new OttlCreateError('explicit bounds cannot be empty: []');
    if (bounds.some((b, i) => i > 0 && b <= bounds[i - 1]!)) {
      throw new OttlCreateError(`explicit bounds must be strictly increasing: [${bounds.join(' ')}]`);
    }
    return (ctx) => {
      const { metric } = metricOf(ctx);
      if (metric.type !== MetricType.EXPONENTIAL_HISTOGRAM) return null;
      const source = metric.exponentialHistogram!;
      const temporality = source.aggregationTemporality;
      const points = source.dataPoints.map((dp) => convertPoint(dp, bounds, how));
      const histogram = metric.setEmptyHistogram();
      histogram.aggregationTemporality = temporality;
      histogram.dataPoints.push(...points);
      return null;
    };
  },
};
