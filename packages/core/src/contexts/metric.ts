/**
 * The `metric` path table (reference §6.10), the metric enums, and the metric TransformContext
 * builder.
 */
import {
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  MetricType,
  NumberDataPoint,
  PMap,
  SummaryDataPoint,
  type Metric,
  type ResourceMetrics,
  type ScopeMetrics,
} from '@ottl/pdata';
import type { Value } from '../types/values.js';
import {
  expectSetBool,
  expectSetInt,
  instanceOf,
  mapField,
  pathTable,
  replaceStructArray,
  stringField,
  type FieldDef,
  type PathTable,
} from './fields.js';
import type { DataPoint, MetricTransformContext } from './types.js';

/** `AGGREGATION_TEMPORALITY_*` and `METRIC_DATA_TYPE_*` (metric, datapoint, exemplar contexts). */
export const metricEnums: ReadonlyMap<string, bigint> = new Map([
  ['AGGREGATION_TEMPORALITY_UNSPECIFIED', 0n],
  ['AGGREGATION_TEMPORALITY_DELTA', 1n],
  ['AGGREGATION_TEMPORALITY_CUMULATIVE', 2n],
  ['METRIC_DATA_TYPE_NONE', 0n],
  ['METRIC_DATA_TYPE_GAUGE', 1n],
  ['METRIC_DATA_TYPE_SUM', 2n],
  ['METRIC_DATA_TYPE_HISTOGRAM', 3n],
  ['METRIC_DATA_TYPE_EXPONENTIAL_HISTOGRAM', 4n],
  ['METRIC_DATA_TYPE_SUMMARY', 5n],
]);

/** The live data point array of a metric (its kind's), or undefined for a metric without data. */
export function dataPointsOf(metric: Metric): DataPoint[] | undefined {
  switch (metric.type) {
    case MetricType.GAUGE:
      return metric.gauge!.dataPoints;
    case MetricType.SUM:
      return metric.sum!.dataPoints;
    case MetricType.HISTOGRAM:
      return metric.histogram!.dataPoints;
    case MetricType.EXPONENTIAL_HISTOGRAM:
      return metric.exponentialHistogram!.dataPoints;
    case MetricType.SUMMARY:
      return metric.summary!.dataPoints;
    default:
      return undefined;
  }
}

/** The metric's data holding a temporality (sum, histogram, exponential histogram), if any. */
function temporalData(metric: Metric): { aggregationTemporality: number } | undefined {
  return metric.sum ?? metric.histogram ?? metric.exponentialHistogram;
}

const POINT_KINDS = {
  [MetricType.GAUGE]: { is: instanceOf(NumberDataPoint), goName: 'pmetric.NumberDataPointSlice' },
  [MetricType.SUM]: { is: instanceOf(NumberDataPoint), goName: 'pmetric.NumberDataPointSlice' },
  [MetricType.HISTOGRAM]: { is: instanceOf(HistogramDataPoint), goName: 'pmetric.HistogramDataPointSlice' },
  [MetricType.EXPONENTIAL_HISTOGRAM]: {
    is: instanceOf(ExponentialHistogramDataPoint),
    goName: 'pmetric.ExponentialHistogramDataPointSlice',
  },
  [MetricType.SUMMARY]: { is: instanceOf(SummaryDataPoint), goName: 'pmetric.SummaryDataPointSlice' },
} as const;

const dataPointsField: FieldDef<MetricTransformContext> = {
  doc: "the metric's data points (of its kind); setting replaces them with copies of points of the same kind",
  type: 'opaque',
  get: (ctx) => dataPointsOf(ctx.metric) ?? null,
  set: (ctx, v: Value) => {
    const type = ctx.metric.type;
    if (type === MetricType.NONE) return;
    const kind = POINT_KINDS[type];
    replaceStructArray(dataPointsOf(ctx.metric)!, v, kind.is as (x: unknown) => x is DataPoint, kind.goName);
  },
};

export const metricTable: PathTable<MetricTransformContext> = pathTable('metric', {
  name: stringField('the metric name', (ctx) => ctx.metric.name, (ctx, v) => (ctx.metric.name = v)),
  description: stringField(
    'the metric description',
    (ctx) => ctx.metric.description,
    (ctx, v) => (ctx.metric.description = v),
  ),
  unit: stringField('the metric unit', (ctx) => ctx.metric.unit, (ctx, v) => (ctx.metric.unit = v)),
  type: {
    doc: 'the metric data type (METRIC_DATA_TYPE_* enums); setting it does nothing (use the convert_* functions)',
    type: 'int',
    get: (ctx) => BigInt(ctx.metric.type),
    set: () => {},
  },
  aggregation_temporality: {
    doc: 'the aggregation temporality (AGGREGATION_TEMPORALITY_* enums) of sums and histograms; nil for other kinds, where setting does nothing',
    type: 'int',
    get: (ctx) => {
      const d = temporalData(ctx.metric);
      return d === undefined ? null : BigInt(d.aggregationTemporality);
    },
    set: (ctx, v) => {
      const t = Number(BigInt.asIntN(32, expectSetInt(v)));
      const d = temporalData(ctx.metric);
      if (d !== undefined) d.aggregationTemporality = t;
    },
  },
  is_monotonic: {
    doc: 'whether a sum is monotonic; nil for other kinds, where setting does nothing',
    type: 'bool',
    get: (ctx) => ctx.metric.sum?.isMonotonic ?? null,
    set: (ctx, v) => {
      const b = expectSetBool(v);
      const sum = ctx.metric.sum;
      if (sum !== undefined) sum.isMonotonic = b;
    },
  },
  data_points: dataPointsField,
  metadata: mapField('the metric metadata', (ctx) => ctx.metric.metadata),
});

/** A `metric` context for one metric of `scopeMetrics` (whose live `metrics` array it carries). */
export function metricContext(
  resourceMetrics: ResourceMetrics,
  scopeMetrics: ScopeMetrics,
  metric: Metric,
): MetricTransformContext {
  return {
    context: 'metric',
    cache: new PMap(),
    resource: resourceMetrics.resource,
    resourceContainer: resourceMetrics,
    scope: scopeMetrics.scope,
    scopeContainer: scopeMetrics,
    metric,
    metrics: scopeMetrics.metrics,
  };
}
