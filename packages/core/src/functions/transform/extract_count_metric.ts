/**
 * `extract_count_metric(monotonic, suffix?)` (upstream transform processor
 * `internal/metrics/func_extract_count_metric.go`, metric context): appends a Sum metric
 * `<name><suffix>` (default `_count`, unit `1`) holding the count of every point of a Histogram,
 * ExponentialHistogram or Summary. Later statements of the group see the new metric too.
 */
import { countPoint, extractToSum, monotonicSuffixParams } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';

const NAME = 'extract_count_metric';

export const definition: FunctionDef = {
  name: NAME,
  params: monotonicSuffixParams('_count'),
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
    return extractToSum(NAME, args, '_count', () => '1', countPoint);
  },
};
