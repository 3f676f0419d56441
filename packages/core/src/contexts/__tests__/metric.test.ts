import {
  Exemplar,
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  Metric,
  NumberDataPoint,
  ResourceMetrics,
  ScopeMetrics,
  SpanId,
  SummaryDataPoint,
  ValueAtQuantile,
} from '@ottl/pdata';
import { describe, expect, it } from 'vitest';
import { dataPointContext } from '../datapoint.js';
import { exemplarContext } from '../exemplar.js';
import { metricContext } from '../metric.js';
import { getContextSchema } from '../registry.js';
import type { DataPoint } from '../types.js';
import { errorOf, get, set, toJson } from './harness.js';

function containers() {
  const rm = ResourceMetrics.create({ resource: { attributes: { r: 'x' } } });
  const sm = ScopeMetrics.create({ scope: { name: 'lib' } });
  rm.scopeMetrics.push(sm);
  return { rm, sm };
}

function sumMetric() {
  const { rm, sm } = containers();
  const metric = Metric.create({ name: 'requests', description: 'd', unit: '1' });
  const sum = metric.setEmptySum();
  sum.aggregationTemporality = 2;
  sum.isMonotonic = true;
  sum.dataPoints.push(
    NumberDataPoint.create({ intValue: 5n, attributes: { a: 'b' }, timeUnixNano: 10n, startTimeUnixNano: 5n }),
  );
  sm.metrics.push(metric);
  return { rm, sm, metric };
}

describe('metric context', () => {
  it('reads metric paths', () => {
    const { rm, sm, metric } = sumMetric();
    const ctx = metricContext(rm, sm, metric);
    expect(ctx.metrics).toBe(sm.metrics);
    const paths = ['name', 'description', 'unit', 'type', 'aggregation_temporality', 'is_monotonic', 'metadata'];
    expect(Object.fromEntries(paths.map((p) => [p, toJson(get(ctx, p))]))).toEqual({
      name: 'requests',
      description: 'd',
      unit: '1',
      type: 2,
      aggregation_temporality: 2,
      is_monotonic: true,
      metadata: {},
    });
    expect(get(ctx, 'data_points')).toBe(metric.sum!.dataPoints);
  });

  it('writes metric paths; type is not settable; inapplicable kinds ignore writes', () => {
    const { rm, sm, metric } = sumMetric();
    const ctx = metricContext(rm, sm, metric);
    set(ctx, 'name', 'renamed');
    set(ctx, 'type', 1n);
    set(ctx, 'aggregation_temporality', 1n);
    set(ctx, 'is_monotonic', false);
    expect([metric.name, metric.type, metric.sum!.aggregationTemporality, metric.sum!.isMonotonic]).toEqual([
      'renamed',
      2,
      1,
      false,
    ]);
    const gauge = Metric.create({ name: 'g' });
    gauge.setEmptyGauge();
    const gctx = metricContext(rm, sm, gauge);
    expect(get(gctx, 'aggregation_temporality')).toBe(null);
    expect(get(gctx, 'is_monotonic')).toBe(null);
    set(gctx, 'is_monotonic', true);
    expect(errorOf(() => set(gctx, 'is_monotonic', 'yes'))).toBe('expects bool but got string');
  });

  it('replaces data points with copies of points of the same kind', () => {
    const a = sumMetric();
    const b = sumMetric();
    b.metric.sum!.dataPoints.push(NumberDataPoint.create({ doubleValue: 1.5 }));
    const ctx = metricContext(a.rm, a.sm, a.metric);
    set(ctx, 'data_points', b.metric.sum!.dataPoints);
    expect(a.metric.sum!.dataPoints).toHaveLength(2);
    expect(a.metric.sum!.dataPoints[1]).not.toBe(b.metric.sum!.dataPoints[1]);
    const h = Metric.create({ name: 'h' });
    h.setEmptyHistogram();
    expect(errorOf(() => set(metricContext(a.rm, a.sm, h), 'data_points', b.metric.sum!.dataPoints))).toBe(
      'expects pmetric.HistogramDataPointSlice but got []interface {}',
    );
  });

  it('has the metric enums', () => {
    const enums = getContextSchema('metric').enums;
    expect(enums.get('METRIC_DATA_TYPE_EXPONENTIAL_HISTOGRAM')).toBe(4n);
    expect(enums.get('AGGREGATION_TEMPORALITY_CUMULATIVE')).toBe(2n);
    expect(enums.has('FLAG_NONE')).toBe(false);
    expect(getContextSchema('datapoint').enums.get('FLAG_NO_RECORDED_VALUE')).toBe(1n);
    expect(getContextSchema('exemplar').enums.get('METRIC_DATA_TYPE_SUM')).toBe(2n);
  });
});

describe('datapoint context', () => {
  function pointsOfEveryKind(): { kind: string; dp: DataPoint; metric: Metric }[] {
    const gauge = Metric.create({ name: 'g' });
    gauge.setEmptyGauge().dataPoints.push(NumberDataPoint.create({ doubleValue: 2.5, flags: 1 }));
    const hist = Metric.create({ name: 'h' });
    hist
      .setEmptyHistogram()
      .dataPoints.push(HistogramDataPoint.create({ count: 3n, sum: 6, bucketCounts: [1n, 2n], explicitBounds: [1] }));
    const exp = Metric.create({ name: 'e' });
    exp
      .setEmptyExponentialHistogram()
      .dataPoints.push(
        ExponentialHistogramDataPoint.create({ count: 4n, scale: 2, zeroCount: 1n, positive: { offset: 1, bucketCounts: [3n] } }),
      );
    const summary = Metric.create({ name: 's' });
    summary
      .setEmptySummary()
      .dataPoints.push(SummaryDataPoint.create({ count: 2n, sum: 9, quantileValues: [ValueAtQuantile.create({ quantile: 0.5, value: 4 })] }));
    return [
      { kind: 'number', dp: gauge.gauge!.dataPoints[0]!, metric: gauge },
      { kind: 'histogram', dp: hist.histogram!.dataPoints[0]!, metric: hist },
      { kind: 'exponential', dp: exp.exponentialHistogram!.dataPoints[0]!, metric: exp },
      { kind: 'summary', dp: summary.summary!.dataPoints[0]!, metric: summary },
    ];
  }

  const PATHS = [
    'value_double',
    'value_int',
    'count',
    'sum',
    'bucket_counts',
    'explicit_bounds',
    'scale',
    'zero_count',
    'positive.offset',
    'positive.bucket_counts',
    'negative.offset',
    'flags',
    'quantile_values',
    'exemplars',
  ];

  it('reads every path for every point kind (nil where it does not apply)', () => {
    const { rm, sm } = containers();
    const table = Object.fromEntries(
      pointsOfEveryKind().map(({ kind, dp, metric }) => {
        const ctx = dataPointContext(rm, sm, metric, dp);
        return [kind, Object.fromEntries(PATHS.map((p) => [p, toJson(get(ctx, p))]))];
      }),
    );
    expect(table).toEqual({
      number: {
        value_double: { $double: 2.5 },
        value_int: 0,
        count: null,
        sum: null,
        bucket_counts: null,
        explicit_bounds: null,
        scale: null,
        zero_count: null,
        'positive.offset': null,
        'positive.bucket_counts': null,
        'negative.offset': null,
        flags: 1,
        quantile_values: null,
        exemplars: [],
      },
      histogram: {
        value_double: null,
        value_int: null,
        count: 3,
        sum: { $double: 6 },
        bucket_counts: [1, 2],
        explicit_bounds: [{ $double: 1 }],
        scale: null,
        zero_count: null,
        'positive.offset': null,
        'positive.bucket_counts': null,
        'negative.offset': null,
        flags: 0,
        quantile_values: null,
        exemplars: [],
      },
      exponential: {
        value_double: null,
        value_int: null,
        count: 4,
        sum: { $double: 0 },
        bucket_counts: null,
        explicit_bounds: null,
        scale: 2,
        zero_count: 1,
        'positive.offset': 1,
        'positive.bucket_counts': [3],
        'negative.offset': 0,
        flags: 0,
        quantile_values: null,
        exemplars: [],
      },
      summary: {
        value_double: null,
        value_int: null,
        count: 2,
        sum: { $double: 9 },
        bucket_counts: null,
        explicit_bounds: null,
        scale: null,
        zero_count: null,
        'positive.offset': null,
        'positive.bucket_counts': null,
        'negative.offset': null,
        flags: 0,
        quantile_values: [{ $opaque: 'ValueAtQuantile' }],
        exemplars: null,
      },
    });
  });

  it('writes applicable paths and ignores inapplicable ones after the type check', () => {
    const { rm, sm } = containers();
    const [num, hist, exp] = pointsOfEveryKind();
    const nctx = dataPointContext(rm, sm, num!.metric, num!.dp);
    set(nctx, 'value_int', 7n);
    set(nctx, 'count', 100n);
    expect(get(nctx, 'value_int')).toBe(7n);
    expect(get(nctx, 'count')).toBe(null);
    expect(errorOf(() => set(nctx, 'count', 1.5))).toBe('expects int64 but got float64');
    expect(errorOf(() => set(nctx, 'value_double', 1n))).toBe('expects float64 but got int64');

    const hctx = dataPointContext(rm, sm, hist!.metric, hist!.dp);
    set(hctx, 'bucket_counts', [4n, 5n, 6n]);
    set(hctx, 'explicit_bounds', [1.5, 2.5]);
    set(hctx, 'value_double', 3.5);
    expect(toJson([get(hctx, 'bucket_counts'), get(hctx, 'explicit_bounds'), get(hctx, 'value_double')])).toEqual([
      [4, 5, 6],
      [{ $double: 1.5 }, { $double: 2.5 }],
      null,
    ]);
    expect(errorOf(() => set(hctx, 'bucket_counts', [1.5]))).toBe('expects []uint64 but got []interface {}');
    expect(errorOf(() => set(hctx, 'explicit_bounds', 'x'))).toBe('expects []float64 but got string');
    set(hctx, 'explicit_bounds', null);
    expect(get(hctx, 'explicit_bounds')).toEqual([]);

    const ectx = dataPointContext(rm, sm, exp!.metric, exp!.dp);
    set(ectx, 'negative.bucket_counts', [9n]);
    set(ectx, 'positive.offset', -3n);
    set(ectx, 'scale', 5n);
    expect(toJson([get(ectx, 'negative.bucket_counts'), get(ectx, 'positive.offset'), get(ectx, 'scale')])).toEqual([
      [9],
      -3,
      5,
    ]);
  });

  it('reaches the metric as an ancestor', () => {
    const { rm, sm, metric } = sumMetric();
    const ctx = dataPointContext(rm, sm, metric, metric.sum!.dataPoints[0]!);
    expect(get(ctx, 'metric.name')).toBe('requests');
    set(ctx, 'metric.description', 'from a point', true);
    expect(metric.description).toBe('from a point');
    expect(get(ctx, 'attributes["a"]')).toBe('b');
    expect(toJson(get(ctx, 'start_time'))).toEqual({ $time: '5' });
  });
});

describe('exemplar context', () => {
  it('reads and writes exemplar paths', () => {
    const { rm, sm, metric } = sumMetric();
    const dp = metric.sum!.dataPoints[0]!;
    const ex = Exemplar.create({ doubleValue: 0.25, timeUnixNano: 3n, filteredAttributes: { f: 'v' } });
    dp.exemplars.push(ex);
    const ctx = exemplarContext(rm, sm, metric, dp, ex);
    expect(toJson(get(ctx, 'double_value'))).toEqual({ $double: 0.25 });
    expect(get(ctx, 'filtered_attributes["f"]')).toBe('v');
    expect(get(ctx, 'datapoint.value_int')).toBe(5n);
    expect(get(ctx, 'metric.name')).toBe('requests');
    set(ctx, 'int_value', 2n);
    set(ctx, 'span_id.string', '0102030405060708');
    expect([ex.valueType, ex.intValue, ex.spanId.equals(SpanId.fromHex('0102030405060708'))]).toEqual(['int', 2n, true]);
  });
});

