/**
 * `convert_gauge_to_sum(stringAggTemp, monotonic)` (upstream transform processor
 * `internal/metrics/func_convert_gauge_to_sum.go`, metric context): turns a Gauge into a Sum with
 * the same data points; other metrics are unchanged.
 */
import { MetricType } from '@ottl/pdata';
import { metricOf, parseTemporality } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'convert_gauge_to_sum',
  params: [
    { name: 'stringAggTemp', kind: { kind: 'literal', type: 'string' }, description: '`"cumulative"` or `"delta"`.' },
    { name: 'monotonic', kind: { kind: 'literal', type: 'bool' }, description: 'Whether the new Sum is monotonic.' },
  ],
  returns: 'void',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Converts a Gauge metric to a Sum with the given temporality and monotonicity (metric context).',
    failures: ['A temporality other than `cumulative` or `delta` fails when the statement is parsed (`unknown aggregation temporality: …`).'],
    examples: [{ code: 'convert_gauge_to_sum("cumulative", false) where metric.name == "system.cpu.time"', note: 'transform processor, metric context' }],
  },
  create(args) {
    const temporality = parseTemporality(args[0] as string);
    const monotonic = args[1] as boolean;
    return (ctx) => {
      const { metric } = metricOf(ctx);
      if (metric.type !== MetricType.GAUGE) return null;
      const points = metric.gauge!.dataPoints.splice(0);
      const sum = metric.setEmptySum();
      sum.aggregationTemporality = temporality;
      sum.isMonotonic = monotonic;
      sum.dataPoints.push(...points);
      return null;
    };
  },
};
