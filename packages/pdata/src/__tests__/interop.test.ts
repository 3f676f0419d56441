import { describe, expect, it } from 'vitest';
import {
  MetricType,
  PMap,
  PSlice,
  SpanId,
  TraceId,
  decodeLogsJson,
  decodeLogsProto,
  decodeMetricsJson,
  decodeTracesJson,
  logsToJsonObject,
  metricsToJsonObject,
  tracesToJsonObject,
  decodeMetricsProto,
  decodeTracesProto,
  encodeLogsProto,
  encodeMetricsProto,
  encodeTracesProto,
} from '../index.js';
import { LINK_SPAN_ID, LINK_TRACE_ID, SPAN_ID, TRACE_ID, sdkLogs, sdkMetrics, sdkSpans } from './sdk.js';

describe('OpenTelemetry JS SDK → protobuf → pdata', () => {
  it('logs', async () => {
    const logs = decodeLogsProto((await sdkLogs()).proto);
    expect(logs.logRecordCount()).toBe(2);
    const rl = logs.resourceLogs[0]!;
    expect(rl.resource.attributes.toRaw()).toMatchObject({ 'service.name': 'interop', 'host.cores': 8n, 'deploy.canary': true });
    const sl = rl.scopeLogs[0]!;
    expect(sl.scope.name).toBe('interop.logger');
    expect(sl.scope.version).toBe('1.2.3');
    const [a, b] = sl.logRecords;
    expect(a!.timeUnixNano).toBe(1700000000123456789n);
    expect(a!.observedTimeUnixNano).toBe(1700000001000000005n);
    expect(a!.severityNumber).toBe(13);
    expect(a!.severityText).toBe('WARN');
    expect(a!.body).toBe('disk almost full');
    expect(a!.eventName).toBe('disk.event');
    expect(a!.traceId.equals(TraceId.fromHex(TRACE_ID))).toBe(true);
    expect(a!.spanId.equals(SpanId.fromHex(SPAN_ID))).toBe(true);
    expect(a!.flags).toBe(1);
    expect(a!.attributes.toRaw()).toEqual({ 'disk.free': 12.5, 'disk.count': 3n, ok: false, tags: ['a', 'b'] });
    expect(b!.body).toBeInstanceOf(PMap);
    expect((b!.body as PMap).toRaw()).toEqual({ nested: { x: 1n }, list: [1n, 'two'] });
    expect(b!.traceId.isEmpty()).toBe(true);
  });

  it('spans', () => {
    const traces = decodeTracesProto(sdkSpans().proto);
    expect(traces.spanCount()).toBe(1);
    const ss = traces.resourceSpans[0]!.scopeSpans[0]!;
    expect(ss.scope.name).toBe('interop.tracer');
    const span = ss.spans[0]!;
    expect(span.name).toBe('GET /items');
    expect(span.kind).toBe(2);
    expect(span.traceId.toHex()).toBe(TRACE_ID);
    expect(span.parentSpanId.toHex()).toBe(SPAN_ID);
    expect(span.spanId.isEmpty()).toBe(false);
    expect(span.startTimeUnixNano).toBe(1700000000123456789n);
    expect(span.endTimeUnixNano).toBe(1700000001000000000n);
    expect(span.attributes.toRaw()).toEqual({ 'http.method': 'GET', 'http.status_code': 200n, 'http.ratio': 0.25 });
    expect(span.events).toHaveLength(1);
    expect(span.events[0]!.name).toBe('cache.miss');
    expect(span.events[0]!.timeUnixNano).toBe(1700000000500000000n);
    expect(span.events[0]!.attributes.get('key')).toBe('item:1');
    expect(span.links).toHaveLength(1);
    expect(span.links[0]!.traceId.toHex()).toBe(LINK_TRACE_ID);
    expect(span.links[0]!.spanId.toHex()).toBe(LINK_SPAN_ID);
    expect(span.links[0]!.attributes.get('link.kind')).toBe('follows');
    expect(span.status.code).toBe(2);
    expect(span.status.message).toBe('boom');
    // SDK 2.x sets the remote-parent flags: has-is-remote (0x100) | is-remote (0x200) | sampled.
    expect(span.flags & 0xff).toBe(1);
  });

  it('metrics', async () => {
    const metrics = decodeMetricsProto((await sdkMetrics()).proto);
    const ms = metrics.resourceMetrics[0]!.scopeMetrics[0]!.metrics;
    const byName = new Map(ms.map((m) => [m.name, m]));
    const req = byName.get('requests')!;
    expect(req.type).toBe(MetricType.SUM);
    expect(req.description).toBe('requests served');
    expect(req.sum!.isMonotonic).toBe(true);
    expect(req.sum!.aggregationTemporality).toBe(2);
    const p = req.sum!.dataPoints[0]!;
    expect(p.valueType).toBe('double');
    expect(p.doubleValue).toBe(5);
    expect(p.attributes.get('route')).toBe('/a');
    expect(p.timeUnixNano > 1600000000000000000n).toBe(true);
    expect(byName.get('queue.depth')!.sum!.isMonotonic).toBe(false);
    const h = byName.get('latency')!;
    expect(h.type).toBe(MetricType.HISTOGRAM);
    const hp = h.histogram!.dataPoints[0]!;
    expect(hp.count).toBe(1n);
    expect(hp.sum).toBe(12);
    expect(hp.min).toBe(12);
    expect(hp.explicitBounds.length).toBeGreaterThan(3);
    expect(hp.bucketCounts.length).toBe(hp.explicitBounds.length + 1);
    expect(hp.bucketCounts.reduce((x, y) => x + y, 0n)).toBe(1n);
    const e = byName.get('exp.latency')!;
    expect(e.type).toBe(MetricType.EXPONENTIAL_HISTOGRAM);
    const ep = e.exponentialHistogram!.dataPoints[0]!;
    expect(ep.count).toBe(1n);
    expect(ep.positive.bucketCounts.reduce((x, y) => x + y, 0n)).toBe(1n);
    const g = byName.get('temperature')!;
    expect(g.type).toBe(MetricType.GAUGE);
    expect(g.gauge!.dataPoints[0]!.doubleValue).toBe(21.5);
    expect(metrics.dataPointCount()).toBe(5);
  });

  it('re-encodes SDK output byte-for-byte when untouched, and equivalently when touched', async () => {
    for (const [bytes, dec, enc] of [
      [(await sdkLogs()).proto, decodeLogsProto, encodeLogsProto],
      [sdkSpans().proto, decodeTracesProto, encodeTracesProto],
      [(await sdkMetrics()).proto, decodeMetricsProto, encodeMetricsProto],
    ] as const) {
      const d = (dec as (b: Uint8Array) => never)(bytes);
      expect((enc as (x: never) => Uint8Array)(d)).toEqual(bytes);
    }
    const logs = decodeLogsProto((await sdkLogs()).proto);
    logs.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.set('added', 'yes');
    const again = decodeLogsProto(encodeLogsProto(logs));
    const rec = again.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    expect(rec.attributes.get('added')).toBe('yes');
    expect(rec.attributes.get('tags')).toBeInstanceOf(PSlice);
    expect(rec.timeUnixNano).toBe(1700000000123456789n);
  });
});

describe('OpenTelemetry JS SDK → OTLP/JSON → pdata', () => {
  it('decodes the SDK JSON serializer output to the same data as its protobuf output', async () => {
    const logs = await sdkLogs();
    expect(logsToJsonObject(decodeLogsJson(logs.json))).toEqual(logsToJsonObject(decodeLogsProto(logs.proto)));
    const spans = sdkSpans();
    expect(tracesToJsonObject(decodeTracesJson(spans.json))).toEqual(tracesToJsonObject(decodeTracesProto(spans.proto)));
    const metrics = await sdkMetrics();
    expect(metricsToJsonObject(decodeMetricsJson(metrics.json))).toEqual(metricsToJsonObject(decodeMetricsProto(metrics.proto)));
    const span = decodeTracesJson(spans.json).resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(span.startTimeUnixNano).toBe(1700000000123456789n);
    expect(span.traceId.toHex()).toBe(TRACE_ID);
  });
});
