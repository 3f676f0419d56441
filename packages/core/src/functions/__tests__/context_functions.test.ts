import { describe, expect, test } from 'vitest';
import {
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  Metric,
  MetricType,
  NumberDataPoint,
  PMap,
  Span,
  SpanId,
  SummaryDataPoint,
  ValueAtQuantile,
} from '@ottl/pdata';
import { FUNCTIONS } from '../catalog/time_xml_context.js';
import type { BoundArg, ContextName, TransformContext } from '../../types/signature.js';
import { OttlCreateError } from '../../types/values.js';
import { lit } from './harness.js';
import { conformanceCases } from './conformanceCalls.js';

const def = (name: string) => {
  const d = FUNCTIONS.find((f) => f.name === name);
  if (d === undefined) throw new Error(`no ${name}`);
  return d;
};

function metricCtx(metric: Metric, metrics: Metric[] = [metric], context: ContextName = 'metric', extra = {}): TransformContext {
  return { context, cache: new PMap(), metric, metrics, ...extra };
}

function run(name: string, args: BoundArg[], ctx: TransformContext): unknown {
  return def(name).create(args, { context: ctx.context, featureGates: new Set() })(ctx);
}

function gauge(name: string, points: [Record<string, string>, number | bigint][]): Metric {
  const m = Metric.create({ name, description: 'd', unit: 'By' });
  const g = m.setEmptyGauge();
  for (const [attrs, v] of points) {
    const dp = NumberDataPoint.create({ attributes: attrs, timeUnixNano: 10n, startTimeUnixNano: 5n });
    if (typeof v === 'bigint') dp.intValue = v;
    else dp.doubleValue = v;
    g.dataPoints.push(dp);
  }
  return m;
}

function histogram(name: string): Metric {
  const m = Metric.create({ name, description: 'latency', unit: 'ms' });
  const h = m.setEmptyHistogram();
  h.aggregationTemporality = 1;
  h.dataPoints.push(
    HistogramDataPoint.create({
      attributes: { route: '/a' },
      timeUnixNano: 20n,
      count: 10n,
      sum: 55,
      explicitBounds: [1, 5, 10],
      bucketCounts: [1n, 4n, 4n, 1n],
      max: 12,
    }),
    HistogramDataPoint.create({ attributes: { route: '/b' }, timeUnixNano: 20n, count: 2n, explicitBounds: [1], bucketCounts: [1n, 1n] }),
  );
  return m;
}

function summary(name: string): Metric {
  const m = Metric.create({ name, unit: 's' });
  m.setEmptySummary().dataPoints.push(
    SummaryDataPoint.create({
      attributes: { a: 'x' },
      count: 4n,
      sum: 2.5,
      timeUnixNano: 7n,
      quantileValues: [ValueAtQuantile.create({ quantile: 0.5, value: 0.4 }), ValueAtQuantile.create({ quantile: 0.99, value: 1.5 })],
    }),
  );
  return m;
}

const raw = (m: Metric) => ({
  name: m.name,
  type: m.type,
  points: (m.gauge ?? m.sum)?.dataPoints.map((p) => ({
    attrs: p.attributes.toRaw(),
    value: p.valueType === 'int' ? p.intValue : p.doubleValue,
    start: p.startTimeUnixNano,
    time: p.timeUnixNano,
  })),
});

describe('metric conversions', () => {
  test('convert_sum_to_gauge and back keep the points', () => {
    const m = gauge('g', [[{ a: '1' }, 1.5]]);
    run('convert_gauge_to_sum', ['cumulative', true], metricCtx(m));
    expect(m.type).toBe(MetricType.SUM);
    expect(m.sum!.aggregationTemporality).toBe(2);
    expect(m.sum!.isMonotonic).toBe(true);
    run('convert_sum_to_gauge', [], metricCtx(m));
    expect(raw(m)).toEqual({ name: 'g', type: MetricType.GAUGE, points: [{ attrs: { a: '1' }, value: 1.5, start: 5n, time: 10n }] });
    expect(() => def('convert_gauge_to_sum').create(['sometimes', true], { context: 'metric', featureGates: new Set() })).toThrow(
      'unknown aggregation temporality: sometimes',
    );
  });

  test('extract_count_metric and extract_sum_metric append Sums', () => {
    const h = histogram('lat');
    const metrics = [h];
    run('extract_count_metric', [true], metricCtx(h, metrics));
    run('extract_sum_metric', [false, '.total'], metricCtx(h, metrics));
    expect(metrics.map(raw)).toEqual([
      raw(h),
      { name: 'lat_count', type: MetricType.SUM, points: [{ attrs: { route: '/a' }, value: 10n, start: 0n, time: 20n }, { attrs: { route: '/b' }, value: 2n, start: 0n, time: 20n }] },
      { name: 'lat.total', type: MetricType.SUM, points: [{ attrs: { route: '/a' }, value: 55, start: 0n, time: 20n }] },
    ]);
    expect(metrics[1]!.unit).toBe('1');
    expect(metrics[1]!.sum!.aggregationTemporality).toBe(1);
    expect(() => run('extract_sum_metric', [true], metricCtx(gauge('g', [])))).toThrow(
      'extract_sum_metric requires an input metric of type Histogram, ExponentialHistogram or Summary, got Gauge',
    );
  });

  test('summary conversions', () => {
    const s = summary('rpc');
    const metrics = [s];
    run('convert_summary_count_val_to_sum', ['delta', true], metricCtx(s, metrics, 'datapoint'));
    run('convert_summary_sum_val_to_sum', ['cumulative', false, '_s'], metricCtx(s, metrics, 'datapoint'));
    run('convert_summary_quantile_val_to_gauge', [], metricCtx(s, metrics));
    expect(metrics.slice(1).map(raw)).toEqual([
      { name: 'rpc_count', type: MetricType.SUM, points: [{ attrs: { a: 'x' }, value: 4n, start: 0n, time: 7n }] },
      { name: 'rpc_s', type: MetricType.SUM, points: [{ attrs: { a: 'x' }, value: 2.5, start: 0n, time: 7n }] },
      {
        name: 'rpc.quantiles',
        type: MetricType.GAUGE,
        points: [
          { attrs: { a: 'x', quantile: 0.5 }, value: 0.4, start: 0n, time: 7n },
          { attrs: { a: 'x', quantile: 0.99 }, value: 1.5, start: 0n, time: 7n },
        ],
      },
    ]);
  });

  test('copy_metric and scale_metric', () => {
    const g = gauge('g', [[{}, 3n], [{}, 1.5]]);
    const metrics = [g];
    run('copy_metric', [lit('g2'), undefined, lit('ms')], metricCtx(g, metrics));
    run('scale_metric', [1000.5, lit('ms')], metricCtx(g, metrics));
    expect(metrics.map((m) => [m.name, m.unit, m.gauge!.dataPoints.map((p) => (p.valueType === 'int' ? p.intValue : p.doubleValue))])).toEqual([
      ['g', 'ms', [3001n, 1500.75]],
      ['g2', 'ms', [3n, 1.5]],
    ]);
    const h = histogram('h');
    run('scale_metric', [2], metricCtx(h));
    expect(h.histogram!.dataPoints[0]!.explicitBounds).toEqual([2, 10, 20]);
    expect(h.histogram!.dataPoints[0]!.sum).toBe(110);
  });
});

describe('aggregation', () => {
  test('aggregate_on_attributes merges points that coincide after dropping keys', () => {
    const g = gauge('g', [[{ host: 'a', cpu: '0' }, 1], [{ host: 'a', cpu: '1' }, 5], [{ host: 'b', cpu: '0' }, 2]]);
    run('aggregate_on_attributes', ['max', ['host']], metricCtx(g));
    expect(raw(g).points!.map((p) => [p.attrs, p.value])).toEqual([[{ host: 'a' }, 5], [{ host: 'b' }, 2]]);
    const m = gauge('m', [[{ x: '1' }, 1n], [{ x: '2' }, 2n], [{ x: '3' }, 4n]]);
    run('aggregate_on_attributes', ['median', []], metricCtx(m));
    expect(raw(m).points!.map((p) => p.value)).toEqual([2n]);
    expect(() => def('aggregate_on_attributes').create(['avg'], { context: 'metric', featureGates: new Set() })).toThrow(OttlCreateError);
    expect(() => run('aggregate_on_attributes', ['sum'], metricCtx(summary('s')))).toThrow('does not support aggregating Summary');
  });

  test('aggregate_on_attribute_value renames values, then merges', () => {
    const g = gauge('g', [[{ state: 'idle' }, 1], [{ state: 'wait' }, 2], [{ state: 'user' }, 4]]);
    run('aggregate_on_attribute_value', ['sum', 'state', ['idle', 'wait'], 'other'], metricCtx(g));
    expect(raw(g).points!.map((p) => [p.attrs, p.value])).toEqual([[{ state: 'other' }, 3], [{ state: 'user' }, 4]]);
  });
});

describe('histograms', () => {
  test('extract_percentile_metric interpolates within buckets', () => {
    const h = histogram('lat');
    const metrics = [h];
    run('extract_percentile_metric', [50], metricCtx(h, metrics));
    const p = metrics[1]!;
    expect(p.name).toBe('lat_p50');
    expect(p.description).toBe('latency (p50)');
    // route /a: target 5 of 10; cumulative 1, 5 → second bucket (1, 5], ratio 4/4 → 5.
    expect(p.gauge!.dataPoints.map((d) => d.doubleValue)).toEqual([5, 1]);
    const s = summary('s');
    run('extract_percentile_metric', [99, '_p99'], metricCtx(s, [s]));
    expect(() => run('extract_percentile_metric', [90], metricCtx(s, [s]))).toThrow('percentile p90 not found in summary metric, available quantiles: [50 99]');
    expect(() => def('extract_percentile_metric').create([101], { context: 'metric', featureGates: new Set() })).toThrow(OttlCreateError);
  });

  test('merge_histogram_buckets removes a bound and merges its bucket upward', () => {
    const h = histogram('h');
    const dp = h.histogram!.dataPoints[0]!;
    run('merge_histogram_buckets', [5], metricCtx(h, [h], 'datapoint', { dataPoint: dp }));
    expect([dp.explicitBounds, dp.bucketCounts]).toEqual([[1, 10], [1n, 8n, 1n]]);
    run('merge_histogram_buckets', [7], metricCtx(h, [h], 'datapoint', { dataPoint: dp }));
    expect(dp.explicitBounds).toEqual([1, 10]);
  });

  test('convert_exponential_histogram_to_histogram keeps the total count', () => {
    const m = Metric.create({ name: 'e' });
    const e = m.setEmptyExponentialHistogram();
    e.aggregationTemporality = 2;
    // scale 0: bucket i covers (2^i, 2^(i+1)].
    e.dataPoints.push(
      ExponentialHistogramDataPoint.create({
        count: 10n,
        zeroCount: 1n,
        scale: 0,
        positive: { offset: 0, bucketCounts: [2n, 3n, 4n] },
        attributes: { k: 'v' },
      }),
    );
    e.dataPoints[0]!.negative.bucketCounts.push(0n);
    run('convert_exponential_histogram_to_histogram', ['upper', [2, 4, 8]], metricCtx(m));
    expect(m.type).toBe(MetricType.HISTOGRAM);
    const dp = m.histogram!.dataPoints[0]!;
    expect(dp.explicitBounds).toEqual([2, 4, 8]);
    expect(dp.bucketCounts).toEqual([3n, 3n, 4n, 0n]);
    expect(dp.attributes.toRaw()).toEqual({ k: 'v' });
    expect(m.histogram!.aggregationTemporality).toBe(2);
    expect(() => def('convert_exponential_histogram_to_histogram').create(['upper', [2, 1]], { context: 'metric', featureGates: new Set() })).toThrow(
      OttlCreateError,
    );
  });
});

describe('filter and span functions', () => {
  test('HasAttrKeyOnDatapoint / HasAttrOnDatapoint look at every point', () => {
    const g = gauge('g', [[{ a: 'x' }, 1], [{ b: 'y' }, 2]]);
    expect(run('HasAttrKeyOnDatapoint', ['b'], metricCtx(g))).toBe(true);
    expect(run('HasAttrKeyOnDatapoint', ['c'], metricCtx(g))).toBe(false);
    expect(run('HasAttrOnDatapoint', ['a', 'x'], metricCtx(g))).toBe(true);
    expect(run('HasAttrOnDatapoint', ['a', 'y'], metricCtx(g))).toBe(false);
  });

  const spanCtx = (span: Span): TransformContext => ({ context: 'span', cache: new PMap(), span });
  test.each(conformanceCases(['IsRootSpan']).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const init = (c as unknown as { span_init: { parent_span_id: { $spanId: string } } }).span_init;
    const span = Span.create({ parentSpanId: SpanId.fromHex(init.parent_span_id.$spanId) });
    expect(run('IsRootSpan', [], spanCtx(span))).toBe(c.expect.value);
  });
});

describe('set_semconv_span_name', () => {
  const rename = (kind: number, name: string, attributes: Record<string, unknown>, original?: string) => {
    const span = Span.create({ kind, name, attributes: attributes as never });
    const args: BoundArg[] = original === undefined ? ['1.37.0'] : ['1.37.0', original];
    run('set_semconv_span_name', args, { context: 'span', cache: new PMap(), span });
    return [span.name, span.attributes.toRaw()];
  };
  test.each([
    [2, 'GET /users/1', { 'http.request.method': 'GET', 'http.route': '/users/{id}' }, 'GET /users/{id}'],
    [2, 'x', { 'http.method': '_OTHER' }, 'HTTP'],
    [3, 'call', { 'http.request.method': 'POST', 'url.template': '/v1/{id}' }, 'POST /v1/{id}'],
    [3, 'call', { 'rpc.system': 'grpc', 'rpc.service': 'pkg.Svc', 'rpc.method': 'Get' }, 'pkg.Svc/Get'],
    [3, 'q', { 'db.system.name': 'postgresql', 'db.operation.name': 'SELECT', 'db.namespace': 'shop', 'db.collection.name': 'orders' }, 'SELECT shop.orders'],
    [3, 'q', { 'db.system': 'redis', 'server.address': 'cache', 'server.port': 6379n }, 'cache:6379'],
    [4, 'send', { 'messaging.system': 'kafka', 'messaging.operation.name': 'publish', 'messaging.destination.name': 'orders' }, 'publish orders'],
    [5, 'recv', { 'messaging.system': 'rabbitmq', 'messaging.destination.temporary': true }, '(temporary)'],
    [1, 'internal work', { 'http.request.method': 'GET' }, 'internal work'],
  ])('kind %i %j', (kind, name, attributes, expected) => {
    expect(rename(kind, name, attributes)[0]).toBe(expected);
  });
  test('keeps the original name only when it changes', () => {
    expect(rename(2, 'GET /a/1', { 'http.request.method': 'GET', 'http.route': '/a/{id}' }, 'orig')[1]).toMatchObject({ orig: 'GET /a/1' });
    expect(rename(2, 'GET', { 'http.request.method': 'GET' }, 'orig')[1]).not.toHaveProperty('orig');
    expect(() => def('set_semconv_span_name').create(['1.20.0'], { context: 'span', featureGates: new Set() })).toThrow(
      'unsupported semconv version: 1.20.0',
    );
    expect(() => def('set_semconv_span_name').create(['1.37.0', ''], { context: 'span', featureGates: new Set() })).toThrow(
      'originalSpanNameAttribute cannot be an empty string',
    );
  });
});
