/**
 * `aggregate_on_attribute_value(aggregationFunction, attribute, values, newValue)` (upstream transform
 * processor `internal/metrics/func_agregate_on_attribute_value_metrics.go`, metric context):
 * renames the listed values of one attribute to `newValue`, then merges points that became
 * identical with `function`.
 */
import { aggregateDataPoints, dataPointsOf, metricOf, parseAggregationFunction } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'aggregate_on_attribute_value',
  params: [
    { name: 'aggregationFunction', kind: { kind: 'literal', type: 'string' }, description: '`sum`, `mean`, `min`, `max`, `median` or `count`.' },
    { name: 'attribute', kind: { kind: 'literal', type: 'string' }, description: 'The attribute key.' },
    { name: 'values', kind: { kind: 'literalList', type: 'string' }, description: 'The values to merge.' },
    { name: 'newValue', kind: { kind: 'literal', type: 'string' }, description: 'The value they are renamed to.' },
  ],
  returns: 'void',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Merges data points whose attribute has one of the given values under a new value (metric context).',
    description: 'Works on Sum, Gauge, Histogram and ExponentialHistogram; histograms are always summed.',
    failures: ['An unknown function fails when the statement is parsed (`invalid aggregation function: …`).'],
    examples: [
      {
        code: 'aggregate_on_attribute_value("sum", "state", ["idle", "wait"], "other") where metric.name == "system.cpu.time"',
        note: 'transform processor, metric context',
      },
    ],
  },
  create(args) {
    const fn = parseAggregationFunction(args[0] as string);
    const attribute = args[1] as string;
    const values = args[2] as readonly string[];
    const newValue = args[3] as string;
    return (ctx) => {
      const { metric } = metricOf(ctx);
      for (const dp of dataPointsOf(metric)) {
        const v = dp.attributes.get(attribute);
        // pcommon `Str()` of a non-string value is "".
        if (v !== undefined && values.includes(typeof v === 'string' ? v : '')) dp.attributes.set(attribute, newValue);
      }
      aggregateDataPoints(metric, fn);
      return null;
    };
  },
};
