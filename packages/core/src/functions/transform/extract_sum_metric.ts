/**
 * `extract_sum_metric(monotonic, suffix?)` (upstream transform processor
 * `internal/metrics/func_extract_sum_metric.go`, metric context): appends a Sum metric
 * `<name><suffix>` (default `_sum`) holding the sum of every point of a Histogram,
 * ExponentialHistogram or Summary; histogram points without a sum are skipped.
 */
import { extractToSum, monotonicSuffixParams, sumPoint } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';

const NAME = 'extract_sum_metric';

export const definition: FunctionDef = {
  name: NAME,
  params: monotonicSuffixParams('_sum'),
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
    return extractToSum(NAME, args, '_sum', (source) => source.unit, (p) => (p.sum === undefined ? undefined : sumPoint(p)));
  },
};
