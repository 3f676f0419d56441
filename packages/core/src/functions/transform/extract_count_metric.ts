/**
 * `extract_count_metric(monotonic, suffix?)` (upstream transform processor
 * `internal/metrics/func_extract_count_metric.go`, metric context): appends a Sum metric
 * `<name><suffix>` (default `_count`, unit `1`) holding the count of every point of a Histogram,
 * ExponentialHistogram or Summary. Later statements of the group see the new metric too.
 */
import {
  dataPointsOf,
  extractTemporality,
  invalidMetricTypeError,
  metricOf,
  newSumMetric,
  pointFrom,
} from '../internal/metrics.js';
import type { HistogramDataPoint } from '@ottl/pdata';
import type { FunctionDef } from '../../types/signature.js';

const NAME = 'extract_count_metric';

export const definition: FunctionDef = {
  name: NAME,
  params: [
    { name: 'monotonic', kind: { kind: 'literal', type: 'bool' }, description: 'Whether the new Sum is monotonic.' },
    { name: 'suffix', kind: { kind: 'literal', type: 'string' }, optional: true, default: '`_count`', description: 'Appended to the metric name.' },
  ],
  returns: 'void',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Adds a Sum metric with the counts of a Histogram, ExponentialHistogram or Summary (metric context).',
    description:
      'The new metric copies each point\'s attributes and timestamps and the description; its unit is `1` and its ' +
      'temporality is the source\'s (cumulative for summaries). Nothing is added when the source has no points.',
    failures: ['The metric is not a Histogram, ExponentialHistogram or Summary: `extract_count_metric requires an input metric of type …`.'],
    examples: [{ code: 'extract_count_metric(true) where metric.name == "http.server.duration"', note: 'transform processor, metric context' }],
  },
  create(args) {
    const monotonic = args[0] as boolean;
    const suffix = (args[1] as string | undefined) ?? '_count';
    return (ctx) => {
      const { metric, metrics } = metricOf(ctx);
      const temporality = extractTemporality(metric);
      if (temporality === 0) throw invalidMetricTypeError(NAME, metric);
      const out = newSumMetric(metric, metric.name + suffix, '1', temporality, monotonic);
      for (const dp of dataPointsOf(metric) as HistogramDataPoint[]) {
        const p = pointFrom(dp);
        p.intValue = BigInt.asIntN(64, dp.count);
        out.sum!.dataPoints.push(p);
      }
      if (out.sum!.dataPoints.length > 0) metrics.push(out);
      return null;
    };
  },
};
