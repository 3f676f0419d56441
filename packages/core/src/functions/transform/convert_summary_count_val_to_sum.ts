/**
 * `convert_summary_count_val_to_sum(stringAggTemp, monotonic, suffix?)` (upstream transform
 * processor `internal/metrics/func_convert_summary_count_val_to_sum.go`, datapoint context): for a
 * Summary metric, appends a Sum metric `<name><suffix>` (default `_count`) with the count of every
 * summary point. Like upstream, it runs once per data point of the group, so a metric with several
 * points gets one new metric per point unless a condition prevents it.
 */
import { MetricType } from '@ottl/pdata';
import { metricOf, newSumMetric, parseTemporality, pointFrom } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'convert_summary_count_val_to_sum',
  params: [
    { name: 'stringAggTemp', kind: { kind: 'literal', type: 'string' }, description: '`"cumulative"` or `"delta"`.' },
    { name: 'monotonic', kind: { kind: 'literal', type: 'bool' }, description: 'Whether the new Sum is monotonic.' },
    { name: 'suffix', kind: { kind: 'literal', type: 'string' }, optional: true, default: '`_count`', description: 'Appended to the metric name.' },
  ],
  returns: 'void',
  contexts: ['datapoint'],
  doc: {
    category: 'context',
    summary: 'Adds a Sum metric with the count of a Summary metric\'s points (datapoint context).',
    description:
      'The new metric keeps the name (plus suffix), description and unit and copies attributes and ' +
      'timestamps of each point. Other metric kinds are ignored.',
    failures: ['A temporality other than `cumulative` or `delta` fails when the statement is parsed.'],
    examples: [
      {
        code: 'convert_summary_count_val_to_sum("delta", true) where metric.name == "rpc.duration"',
        note: 'transform processor, datapoint context',
      },
    ],
  },
  create(args) {
    const temporality = parseTemporality(args[0] as string);
    const monotonic = args[1] as boolean;
    const suffix = (args[2] as string | undefined) ?? '_count';
    return (ctx) => {
      const { metric, metrics } = metricOf(ctx);
      if (metric.type !== MetricType.SUMMARY) return null;
      const out = newSumMetric(metric, metric.name + suffix, metric.unit, temporality, monotonic);
      metrics.push(out);
      for (const dp of metric.summary!.dataPoints) {
        const p = pointFrom(dp);
        p.intValue = BigInt.asIntN(64, dp.count);
        out.sum!.dataPoints.push(p);
      }
      return null;
    };
  },
};
