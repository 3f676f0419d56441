/**
 * `scale_metric(multiplier, unit?)` (upstream transform processor `internal/metrics/func_scale.go`,
 * metric context): multiplies the values of a Gauge or Sum (ints truncated toward zero), the sum,
 * min, max, bounds and exemplars of a Histogram, and the sum and quantile values of a Summary.
 */
import { MetricType, type Exemplar, type NumberDataPoint } from '@ottl/pdata';
import { metricOf } from '../internal/metrics.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';
import { floatToInt64 } from '../../types/convert.js';

function scaleNumber(dp: NumberDataPoint | Exemplar, multiplier: number): void {
  if (dp.valueType === 'int') dp.intValue = floatToInt64(Number(dp.intValue) * multiplier);
  else if (dp.valueType === 'double') dp.doubleValue *= multiplier;
}

export const definition: FunctionDef = {
  name: 'scale_metric',
  params: [
    { name: 'multiplier', kind: { kind: 'literal', type: 'float' }, description: 'The multiplier.' },
    { name: 'unit', kind: { kind: 'getter', type: 'string' }, optional: true, description: 'The new unit.' },
  ],
  returns: 'void',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Multiplies the values of a metric by a multiplier and optionally sets its unit (metric context).',
    failures: ['Exponential histograms: `exponential histograms are not supported by the \'scale_metric\' function`.'],
    examples: [{ code: 'scale_metric(1000.0, "ms") where metric.unit == "s"', note: 'transform processor, metric context' }],
  },
  create(args) {
    const multiplier = args[0] as number;
    const unit = args[1] as Getter<string> | undefined;
    return (ctx) => {
      const { metric } = metricOf(ctx);
      const newUnit = unit?.get(ctx);
      switch (metric.type) {
        case MetricType.GAUGE:
        case MetricType.SUM:
          for (const dp of (metric.gauge ?? metric.sum)!.dataPoints) scaleNumber(dp, multiplier);
          break;
        case MetricType.HISTOGRAM:
          for (const dp of metric.histogram!.dataPoints) {
            if (dp.sum !== undefined) dp.sum *= multiplier;
            if (dp.min !== undefined) dp.min *= multiplier;
            if (dp.max !== undefined) dp.max *= multiplier;
            dp.explicitBounds.forEach((b, i, bounds) => (bounds[i] = b * multiplier));
            for (const ex of dp.exemplars) scaleNumber(ex, multiplier);
          }
          break;
        case MetricType.SUMMARY:
          for (const dp of metric.summary!.dataPoints) {
            dp.sum *= multiplier;
            for (const q of dp.quantileValues) q.value *= multiplier;
          }
          break;
        case MetricType.EXPONENTIAL_HISTOGRAM:
          throw new OttlError("exponential histograms are not supported by the 'scale_metric' function");
        default:
          throw new OttlError(`unsupported metric type: 'Empty'`);
      }
      if (newUnit !== undefined) metric.unit = newUnit;
      return null;
    };
  },
};
