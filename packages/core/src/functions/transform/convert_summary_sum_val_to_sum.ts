/**
 * `convert_summary_sum_val_to_sum(stringAggTemp, monotonic, suffix?)` (upstream transform
 * processor `internal/metrics/func_convert_summary_sum_val_to_sum.go`, datapoint context): for a
 * Summary metric, appends a Sum metric `<name><suffix>` (default `_sum`) with the sum of every
 * summary point. Like upstream, it runs once per data point of the group, so a metric with several
 * points gets one new metric per point unless a condition prevents it.
 */
import { monotonicSuffixParams, sumPoint, summaryToSum } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'convert_summary_sum_val_to_sum',
  params: [
    { name: 'stringAggTemp', kind: { kind: 'literal', type: 'string' }, description: '`"cumulative"` or `"delta"`.' },
    ...monotonicSuffixParams('_sum'),
  ],
  returns: 'void',
  contexts: ['datapoint'],
  doc: {
    category: 'context',
    summary: 'Adds a Sum metric with the sum of a Summary metric\'s points (datapoint context).',
    description:
      'The new metric keeps the name (plus suffix), description and unit and copies attributes and ' +
      'timestamps of each point. Other metric kinds are ignored.',
    failures: ['A temporality other than `cumulative` or `delta` fails when the statement is parsed.'],
    examples: [
      {
        code: 'convert_summary_sum_val_to_sum("delta", true) where metric.name == "rpc.duration"',
        note: 'transform processor, datapoint context',
      },
    ],
  },
  create(args) {
    return summaryToSum(args, '_sum', sumPoint);
  },
};
