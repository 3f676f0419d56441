/**
 * `convert_sum_to_gauge()` (upstream transform processor `internal/metrics/func_convert_sum_to_gauge.go`,
 * metric context): turns a Sum into a Gauge with the same data points; other metrics are unchanged.
 */
import { MetricType } from '@ottl/pdata';
import { metricOf } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'convert_sum_to_gauge',
  params: [],
  returns: 'void',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Converts a Sum metric to a Gauge, keeping its data points (metric context).',
    description: 'Metrics of other kinds are left unchanged. The conversion may break Gauge semantics.',
    examples: [{ code: 'convert_sum_to_gauge() where metric.name == "system.processes.count"', note: 'transform processor, metric context' }],
  },
  create() {
    return (ctx) => {
      const { metric } = metricOf(ctx);
      if (metric.type !== MetricType.SUM) return null;
      const points = metric.sum!.dataPoints.splice(0);
      metric.setEmptyGauge().dataPoints.push(...points);
      return null;
    };
  },
};
