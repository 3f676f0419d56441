/**
 * `extract_sum_metric(monotonic, suffix?)` (upstream transform processor
 * `internal/metrics/func_extract_sum_metric.go`, metric context): appends a Sum metric
 * `<name><suffix>` (default `_sum`) holding the sum of every point of a Histogram,
 * ExponentialHistogram or Summary; histogram points without a sum are skipped.
 */
import { MetricType, type HistogramDataPoint } from '@ottl/pdata';
import {
  dataPointsOf,
  extractTemporality,
  invalidMetricTypeError,
  metricOf,
  newSumMetric,
  pointFrom,
} from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';

const NAME = 'extract_sum_metric';

export const definition: FunctionDef = {
  name: NAME,
  params: [
    { name: 'monotonic', kind: { kind: 'literal', type: 'bool' }, description: 'Whether the new Sum is monotonic.' },
    { name: 'suffix', kind: { kind: 'literal', type: 'string' }, optional: true, default: '`_sum`', description: 'Appended to the metric name.' },
  ],
  returns: 'void',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Adds a Sum metric with the sums of a Histogram, ExponentialHistogram or Summary (metric context).',
    description:
      'The new metric keeps the unit and description; its temporality is the source\'s (cumulative for ' +
      'summaries). Points without a sum are skipped; nothing is added when no point remains.',
    failures: ['The metric is not a Histogram, ExponentialHistogram or Summary: `extract_sum_metric requires an input metric of type …`.'],
    examples: [{ code: 'extract_sum_metric(true) where metric.name == "http.server.duration"', note: 'transform processor, metric context' }],
  },
  create(args) {
    const monotonic = args[0] as boolean;
    const suffix = (args[1] as string | undefined) ?? '_sum';
    return (ctx) => {
      const { metric, metrics } = metricOf(ctx);
      const temporality = extractTemporality(metric);
      if (temporality === 0) throw invalidMetricTypeError(NAME, metric);
      const out = newSumMetric(metric, metric.name + suffix, metric.unit, temporality, monotonic);
      const summary = metric.type === MetricType.SUMMARY;
      for (const dp of dataPointsOf(metric) as HistogramDataPoint[]) {
        if (!summary && dp.sum === undefined) continue;
        const p = pointFrom(dp);
        p.doubleValue = dp.sum ?? 0;
        out.sum!.dataPoints.push(p);
      }
      if (out.sum!.dataPoints.length > 0) metrics.push(out);
      return null;
    };
  },
};
