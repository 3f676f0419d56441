/**
 * `convert_summary_quantile_val_to_gauge(attributeKey?, suffix?)` (upstream transform processor
 * `internal/metrics/func_convert_summary_quantile_val_to_gauge.go`, metric context): for a Summary,
 * appends a Gauge `<name><suffix>` (default `.quantiles`) with one point per quantile of each
 * summary point, the quantile stored as a double attribute (default key `quantile`).
 */
import { Metric, MetricType } from '@ottl/pdata';
import { metricOf, pointFrom } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'convert_summary_quantile_val_to_gauge',
  params: [
    { name: 'attributeKey', kind: { kind: 'literal', type: 'string' }, optional: true, default: '`quantile`', description: 'Attribute receiving the quantile.' },
    { name: 'suffix', kind: { kind: 'literal', type: 'string' }, optional: true, default: '`.quantiles`', description: 'Appended to the metric name.' },
  ],
  returns: 'void',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Adds a Gauge with one point per Summary quantile (metric context).',
    description: 'Each new point copies the summary point\'s attributes and timestamps and adds the quantile attribute. Other metric kinds are ignored.',
    examples: [{ code: 'convert_summary_quantile_val_to_gauge("q", ".q") where metric.name == "rpc.duration"', note: 'transform processor, metric context' }],
  },
  create(args) {
    const key = (args[0] as string | undefined) ?? 'quantile';
    const suffix = (args[1] as string | undefined) ?? '.quantiles';
    return (ctx) => {
      const { metric, metrics } = metricOf(ctx);
      if (metric.type !== MetricType.SUMMARY) return null;
      const out = Metric.create();
      out.name = metric.name + suffix;
      out.description = metric.description;
      out.unit = metric.unit;
      const gauge = out.setEmptyGauge();
      metrics.push(out);
      for (const dp of metric.summary!.dataPoints) {
        for (const q of dp.quantileValues) {
          const p = pointFrom(dp);
          p.attributes.set(key, q.quantile);
          p.doubleValue = q.value;
          gauge.dataPoints.push(p);
        }
      }
      return null;
    };
  },
};
