/**
 * `aggregate_on_attributes(aggregationFunction, attributes?)` (upstream transform processor
 * `internal/metrics/func_aggregate_on_attributes_metrics.go`, metric context): keeps only the
 * listed attribute keys on every data point (all when omitted, none for `[]`), then merges points
 * that became identical with `function`. Histograms always add.
 */
import { MetricType } from '@ottl/pdata';
import { aggregateDataPoints, dataPointsOf, metricOf, parseAggregationFunction } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';

export const definition: FunctionDef = {
  name: 'aggregate_on_attributes',
  params: [
    { name: 'aggregationFunction', kind: { kind: 'literal', type: 'string' }, description: '`sum`, `mean`, `min`, `max`, `median` or `count`.' },
    {
      name: 'attributes',
      kind: { kind: 'literalList', type: 'string' },
      optional: true,
      default: 'all keys',
      description: 'The attribute keys to keep.',
    },
  ],
  returns: 'void',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Reduces data point attributes to the given keys and merges the points that coincide (metric context).',
    description:
      'Points are merged when their remaining attributes and timestamp agree (and start time for ' +
      'delta temporality, bounds or scale for histograms). Works on Sum, Gauge, Histogram and ' +
      'ExponentialHistogram; histograms are always summed.',
    failures: [
      'An unknown function fails when the statement is parsed (`invalid aggregation function: …`).',
      'Summary metrics: `aggregate_on_attributes does not support aggregating Summary metrics`.',
    ],
    examples: [{ code: 'aggregate_on_attributes("sum", ["host"]) where metric.name == "system.cpu.time"', note: 'transform processor, metric context' }],
  },
  create(args) {
    const fn = parseAggregationFunction(args[0] as string);
    const keep = args[1] as readonly string[] | undefined;
    return (ctx) => {
      const { metric } = metricOf(ctx);
      if (metric.type === MetricType.SUMMARY) {
        throw new OttlError('aggregate_on_attributes does not support aggregating Summary metrics');
      }
      if (keep !== undefined) {
        for (const dp of dataPointsOf(metric)) dp.attributes.removeIf((k) => !keep.includes(k));
      }
      aggregateDataPoints(metric, fn);
      return null;
    };
  },
};
