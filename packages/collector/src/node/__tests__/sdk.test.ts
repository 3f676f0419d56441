// A real client: the OpenTelemetry JS SDK exports traces, metrics and logs over OTLP/gRPC,
// OTLP/HTTP protobuf and OTLP/HTTP JSON into the otlp receiver; a transform rewrites them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { LoggerProvider, SimpleLogRecordProcessor, type LogRecordExporter } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import { OTLPTraceExporter as TraceGrpc } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as TraceProto } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPTraceExporter as TraceJson } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPLogExporter as LogGrpc } from '@opentelemetry/exporter-logs-otlp-grpc';
import { OTLPLogExporter as LogProto } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPLogExporter as LogJson } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPMetricExporter as MetricGrpc } from '@opentelemetry/exporter-metrics-otlp-grpc';
import { OTLPMetricExporter as MetricProto } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPMetricExporter as MetricJson } from '@opentelemetry/exporter-metrics-otlp-http';
import { captureExporter } from '../../__tests__/helpers.js';
import { addressOf, startYaml } from './harness.js';
import type { RunningCollector } from '../run.js';

const yaml = `
receivers:
  otlp:
    protocols:
      grpc: { endpoint: 127.0.0.1:0 }
      http: { endpoint: 127.0.0.1:0 }
processors:
  transform:
    trace_statements:
      - set(span.attributes["transformed"], Concat([resource.attributes["service.name"], span.name], "/"))
    log_statements:
      - set(log.body, Concat(["[", log.severity_text, "] ", log.body], ""))
      - set(log.attributes["transformed"], true)
    metric_statements:
      - set(datapoint.attributes["transformed"], metric.name)
exporters:
  capture:
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    traces: { receivers: [otlp], processors: [transform], exporters: [capture] }
    metrics: { receivers: [otlp], processors: [transform], exporters: [capture] }
    logs: { receivers: [otlp], processors: [transform], exporters: [capture] }
`;

const cap = captureExporter();
let running: RunningCollector;
beforeAll(async () => {
  running = await startYaml(yaml, [cap.factory]);
});
afterAll(async () => {
  await running.shutdown();
});

type Transport = 'grpc' | 'http/protobuf' | 'http/json';

function exporters(t: Transport): { spans: SpanExporter; logs: LogRecordExporter; metrics: PushMetricExporter } {
  const grpcUrl = `http://${addressOf(running, 'otlp grpc')}`;
  const http = `http://${addressOf(running, 'otlp http')}`;
  switch (t) {
    case 'grpc':
      return { spans: new TraceGrpc({ url: grpcUrl }), logs: new LogGrpc({ url: grpcUrl }), metrics: new MetricGrpc({ url: grpcUrl }) };
    case 'http/protobuf':
      return { spans: new TraceProto({ url: `${http}/v1/traces` }), logs: new LogProto({ url: `${http}/v1/logs` }), metrics: new MetricProto({ url: `${http}/v1/metrics` }) };
    case 'http/json':
      return { spans: new TraceJson({ url: `${http}/v1/traces` }), logs: new LogJson({ url: `${http}/v1/logs` }), metrics: new MetricJson({ url: `${http}/v1/metrics` }) };
  }
}

describe('OpenTelemetry JS SDK → otlp receiver → transform', () => {
  it.each(['grpc', 'http/protobuf', 'http/json'] as const)('delivers traces, metrics and logs over %s', async (transport) => {
    const resource = resourceFromAttributes({ 'service.name': `svc-${transport}` });
    const ex = exporters(transport);
    const tracer = new BasicTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(ex.spans)] });
    const loggers = new LoggerProvider({ resource, processors: [new SimpleLogRecordProcessor({ exporter: ex.logs })] });
    const meters = new MeterProvider({ resource, readers: [new PeriodicExportingMetricReader({ exporter: ex.metrics, exportIntervalMillis: 3_600_000 })] });

    const span = tracer.getTracer('test').startSpan('checkout', { attributes: { items: 3 } });
    span.end();
    loggers.getLogger('test').emit({ body: 'payment accepted', severityText: 'INFO', severityNumber: 9, attributes: { order: 42 } });
    meters.getMeter('test').createCounter('orders').add(5, { region: 'eu' });

    // Shutting down flushes each provider once (a cumulative metric flushed twice would be exported twice).
    await Promise.all([tracer.shutdown(), loggers.shutdown(), meters.shutdown()]);

    const svc = `svc-${transport}`;
    const spans = cap.received.traces
      .flatMap((td) => td.resourceSpans)
      .filter((rs) => rs.resource.attributes.get('service.name') === svc)
      .flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => ({ name: s.name, attributes: s.attributes.toRaw() }))));
    expect(spans).toEqual([{ name: 'checkout', attributes: { items: 3n, transformed: `${svc}/checkout` } }]);

    const logs = cap.received.logs
      .flatMap((ld) => ld.resourceLogs)
      .filter((rl) => rl.resource.attributes.get('service.name') === svc)
      .flatMap((rl) => rl.scopeLogs.flatMap((sl) => sl.logRecords.map((lr) => ({ body: lr.body, severity: lr.severityNumber, attributes: lr.attributes.toRaw() }))));
    expect(logs).toEqual([{ body: '[INFO] payment accepted', severity: 9, attributes: { order: 42n, transformed: true } }]);

    const points = cap.received.metrics
      .flatMap((md) => md.resourceMetrics)
      .filter((rm) => rm.resource.attributes.get('service.name') === svc)
      .flatMap((rm) => rm.scopeMetrics.flatMap((sm) => sm.metrics.flatMap((m) => (m.sum?.dataPoints ?? []).map((dp) => ({ metric: m.name, value: dp.intValue !== 0n ? dp.intValue : dp.doubleValue, attributes: dp.attributes.toRaw() })))));
    expect(points).toEqual([{ metric: 'orders', value: expect.anything(), attributes: { region: 'eu', transformed: 'orders' } }]);
    expect(Number(points[0]!.value)).toBe(5);
  });
});
