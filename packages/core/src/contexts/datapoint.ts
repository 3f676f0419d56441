/**
 * The `datapoint` path table (reference §6.11), its enums, and the data point TransformContext
 * builder. Paths that do not apply to the point's kind read nil and ignore writes (after checking
 * the value's type, as upstream does).
 */
import {
  Exemplar,
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  NumberDataPoint,
  PMap,
  SummaryDataPoint,
  ValueAtQuantile,
  type Buckets,
  type Metric,
  type ResourceMetrics,
  type ScopeMetrics,
} from '@ottl/pdata';
import type { OttlType } from '../types/signature.js';
import type { Value } from '../types/values.js';
import {
  expectSetFloat,
  expectSetInt,
  instanceOf,
  mapField,
  pathTable,
  expectList,
  isFloat64,
  isInt64,
  replaceArray,
  sameClass,
  setterTypeError,
  timeField,
  toInt64,
  toUint64,
  uint32Field,
  uint64Field,
  type FieldDef,
  type PathTable,
} from './fields.js';
import { metricEnums } from './metric.js';
import type { DataPoint, DataPointTransformContext } from './types.js';

/** Metric enums plus `FLAG_NONE` and `FLAG_NO_RECORDED_VALUE` (datapoint and exemplar contexts). */
export const dataPointEnums: ReadonlyMap<string, bigint> = new Map([
  ...metricEnums,
  ['FLAG_NONE', 0n],
  ['FLAG_NO_RECORDED_VALUE', 1n],
]);

type Ctx = DataPointTransformContext;
type Guard<P extends DataPoint> = (dp: DataPoint) => dp is P;

const isNumber = instanceOf(NumberDataPoint) as Guard<NumberDataPoint>;
const isHistogram = instanceOf(HistogramDataPoint) as Guard<HistogramDataPoint>;
const isExpHistogram = instanceOf(ExponentialHistogramDataPoint) as Guard<ExponentialHistogramDataPoint>;
const isSummary = instanceOf(SummaryDataPoint) as Guard<SummaryDataPoint>;
const isExemplarHolder = (dp: DataPoint): dp is NumberDataPoint | HistogramDataPoint | ExponentialHistogramDataPoint =>
  !isSummary(dp);
const hasCount = (dp: DataPoint): dp is HistogramDataPoint | ExponentialHistogramDataPoint | SummaryDataPoint =>
  !isNumber(dp);

/**
 * A field that exists only for some point kinds: reads nil and ignores writes for the others. `to`
 * checks (and converts) the value before the kind is looked at.
 */
function kindField<P extends DataPoint, T>(
  doc: string,
  type: OttlType,
  applies: Guard<P>,
  read: (dp: P) => Value,
  to: (v: Value) => T,
  write: (dp: P, v: T) => void,
): FieldDef<Ctx> {
  return {
    doc,
    type,
    get: (ctx) => (applies(ctx.dataPoint) ? read(ctx.dataPoint) : null),
    set: (ctx, v) => {
      const t = to(v);
      const dp = ctx.dataPoint;
      if (applies(dp)) write(dp, t);
    },
  };
}


/** A uint64 list (bucket counts) read as int64s and written from a list of ints. */
function bucketCountsField<P extends DataPoint>(doc: string, applies: Guard<P>, counts: (dp: P) => bigint[]): FieldDef<Ctx> {
  return kindField(
    doc,
    'list',
    applies,
    (dp) => counts(dp).map(toInt64),
    (v) => expectList(v, isInt64, '[]uint64').map(toUint64),
    (dp, items) => replaceArray(counts(dp), items),
  );
}

/** The `positive` / `negative` buckets of an exponential histogram point. */
function bucketsField(side: 'positive' | 'negative'): FieldDef<Ctx> {
  const buckets = (dp: ExponentialHistogramDataPoint): Buckets => dp[side];
  return {
    ...kindField(
      `the ${side} buckets of an exponential histogram point`,
      'opaque',
      isExpHistogram,
      buckets,
      (v) => v,
      (dp, v) => {
        const dest = buckets(dp);
        if (!sameClass(v, dest)) throw setterTypeError('pmetric.ExponentialHistogramDataPointBuckets', v);
        if (v !== dest) v.copyTo(dest);
      },
    ),
    sub: {
      offset: kindField(
        `the offset of the ${side} buckets`,
        'int',
        isExpHistogram,
        (dp) => BigInt(buckets(dp).offset),
        (v) => Number(BigInt.asIntN(32, expectSetInt(v))),
        (dp, n) => (buckets(dp).offset = n),
      ),
      bucket_counts: bucketCountsField(`the ${side} bucket counts`, isExpHistogram, (dp) => buckets(dp).bucketCounts),
    },
  };
}

export const dataPointTable: PathTable<Ctx> = pathTable('datapoint', {
  attributes: mapField('the data point attributes', (ctx) => ctx.dataPoint.attributes),
  start_time_unix_nano: uint64Field(
    'the start of the aggregation interval, in nanoseconds since the Unix epoch',
    (ctx) => ctx.dataPoint.startTimeUnixNano,
    (ctx, v) => (ctx.dataPoint.startTimeUnixNano = v),
  ),
  time_unix_nano: uint64Field(
    'the time of the data point, in nanoseconds since the Unix epoch',
    (ctx) => ctx.dataPoint.timeUnixNano,
    (ctx, v) => (ctx.dataPoint.timeUnixNano = v),
  ),
  start_time: timeField(
    'the start of the aggregation interval',
    (ctx) => ctx.dataPoint.startTimeUnixNano,
    (ctx, v) => (ctx.dataPoint.startTimeUnixNano = v),
  ),
  time: timeField(
    'the time of the data point',
    (ctx) => ctx.dataPoint.timeUnixNano,
    (ctx, v) => (ctx.dataPoint.timeUnixNano = v),
  ),
  value_double: kindField(
    'the double value of a number point (gauge, sum); setting makes the value a double',
    'float',
    isNumber,
    (dp) => dp.doubleValue,
    expectSetFloat,
    (dp, f) => (dp.doubleValue = f),
  ),
  value_int: kindField(
    'the int value of a number point (gauge, sum); setting makes the value an int',
    'int',
    isNumber,
    (dp) => dp.intValue,
    expectSetInt,
    (dp, i) => (dp.intValue = i),
  ),
  exemplars: kindField(
    'the exemplars of a number, histogram or exponential histogram point; setting replaces them with copies',
    'opaque',
    isExemplarHolder,
    (dp) => dp.exemplars,
    (v) => expectList(v, instanceOf(Exemplar), 'pmetric.ExemplarSlice'),
    (dp, items) => replaceArray(dp.exemplars, items.map((x) => x.clone())),
  ),
  flags: uint32Field(
    'the data point flags (FLAG_* enums)',
    (ctx) => ctx.dataPoint.flags,
    (ctx, v) => (ctx.dataPoint.flags = v),
  ),
  count: kindField(
    'the count of a histogram, exponential histogram or summary point',
    'int',
    hasCount,
    (dp) => toInt64(dp.count),
    (v) => toUint64(expectSetInt(v)),
    (dp, n) => (dp.count = n),
  ),
  sum: kindField(
    'the sum of a histogram, exponential histogram or summary point',
    'float',
    hasCount,
    (dp) => dp.sum ?? 0,
    expectSetFloat,
    (dp, f) => (dp.sum = f),
  ),
  bucket_counts: bucketCountsField('the bucket counts of a histogram point', isHistogram, (dp) => dp.bucketCounts),
  explicit_bounds: kindField(
    'the explicit bucket bounds of a histogram point',
    'list',
    isHistogram,
    (dp) => dp.explicitBounds.slice(),
    (v) => expectList(v, isFloat64, '[]float64'),
    (dp, items) => replaceArray(dp.explicitBounds, items),
  ),
  scale: kindField(
    'the scale of an exponential histogram point',
    'int',
    isExpHistogram,
    (dp) => BigInt(dp.scale),
    (v) => Number(BigInt.asIntN(32, expectSetInt(v))),
    (dp, n) => (dp.scale = n),
  ),
  zero_count: kindField(
    'the zero count of an exponential histogram point',
    'int',
    isExpHistogram,
    (dp) => toInt64(dp.zeroCount),
    (v) => toUint64(expectSetInt(v)),
    (dp, n) => (dp.zeroCount = n),
  ),
  positive: bucketsField('positive'),
  negative: bucketsField('negative'),
  quantile_values: kindField(
    'the quantile values of a summary point; setting replaces them with copies',
    'opaque',
    isSummary,
    (dp) => dp.quantileValues,
    (v) => expectList(v, instanceOf(ValueAtQuantile), 'pmetric.SummaryDataPointValueAtQuantileSlice'),
    (dp, items) => replaceArray(dp.quantileValues, items.map((x) => x.clone())),
  ),
});

/** A `datapoint` context for `dataPoint`, one of `metric`'s points. */
export function dataPointContext(
  resourceMetrics: ResourceMetrics,
  scopeMetrics: ScopeMetrics,
  metric: Metric,
  dataPoint: DataPoint,
): DataPointTransformContext {
  return {
    context: 'datapoint',
    cache: new PMap(),
    resource: resourceMetrics.resource,
    resourceContainer: resourceMetrics,
    scope: scopeMetrics.scope,
    scopeContainer: scopeMetrics,
    metric,
    metrics: scopeMetrics.metrics,
    dataPoint,
  };
}
