// Telemetry produced by the OpenTelemetry JS SDK, serialized by its own OTLP serializers.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import {
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { AggregationTemporality, AggregationType, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

export const TRACE_ID = '5b8efff798038103d269b633813fc60c';
export const SPAN_ID = 'eee19b7ec3c1b174';
export const LINK_TRACE_ID = '0102030405060708090a0b0c0d0e0f10';
export const LINK_SPAN_ID = '1112131415161718';

const resource = () => resourceFromAttributes({ 'service.name': 'interop', 'host.cores': 8, 'deploy.canary': true });

export interface Serialized {
  proto: Uint8Array;
  json: string;
}

export async function sdkLogs(): Promise<Serialized> {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ resource: resource(), processors: [new SimpleLogRecordProcessor({ exporter })] });
  const logger = provider.getLogger('interop.logger', '1.2.3');
  const ctx = trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: TraceFlags.SAMPLED });
  logger.emit({
    timestamp: [1700000000, 123456789],
    observedTimestamp: [1700000001, 5],
    severityNumber: SeverityNumber.WARN,
    severityText: 'WARN',
    body: 'disk almost full',
    attributes: { 'disk.free': 12.5, 'disk.count': 3, ok: false, tags: ['a', 'b'] },
    context: ctx,
    eventName: 'disk.event',
  });
  logger.emit({ body: { nested: { x: 1 }, list: [1, 'two'] }, severityNumber: SeverityNumber.INFO, timestamp: [1, 2] });
  await provider.forceFlush();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const records = exporter.getFinishedLogRecords();
  return {
    proto: ProtobufLogsSerializer.serializeRequest(records)!,
    json: new TextDecoder().decode(JsonLogsSerializer.serializeRequest(records)!),
  };
}

export function sdkSpans(): Serialized {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource: resource(), spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('interop.tracer', '0.9.0');
  const parent = trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: TraceFlags.SAMPLED, isRemote: true });
  const span = tracer.startSpan(
    'GET /items',
    {
      kind: SpanKind.SERVER,
      startTime: [1700000000, 123456789],
      attributes: { 'http.method': 'GET', 'http.status_code': 200, 'http.ratio': 0.25 },
      links: [{ context: { traceId: LINK_TRACE_ID, spanId: LINK_SPAN_ID, traceFlags: 0 }, attributes: { 'link.kind': 'follows' } }],
    },
    parent,
  );
  span.addEvent('cache.miss', { key: 'item:1' }, [1700000000, 500000000]);
  span.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
  span.end([1700000001, 0]);
  const spans = exporter.getFinishedSpans();
  return {
    proto: ProtobufTraceSerializer.serializeRequest(spans)!,
    json: new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)!),
  };
}

class TestReader extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export async function sdkMetrics(): Promise<Serialized> {
  const reader = new TestReader({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  const provider = new MeterProvider({
    resource: resource(),
    readers: [reader],
    views: [{ instrumentName: 'exp.latency', aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } }],
  });
  const meter = provider.getMeter('interop.meter', '2.0.0');
  meter.createCounter('requests', { description: 'requests served', unit: '1' }).add(5, { route: '/a' });
  meter.createUpDownCounter('queue.depth').add(-3);
  meter.createHistogram('latency', { unit: 'ms' }).record(12, { route: '/a' });
  meter.createHistogram('exp.latency').record(7);
  meter.createGauge('temperature').record(21.5, { room: 'lab' });
  const { resourceMetrics } = await reader.collect();
  return {
    proto: ProtobufMetricsSerializer.serializeRequest(resourceMetrics)!,
    json: new TextDecoder().decode(JsonMetricsSerializer.serializeRequest(resourceMetrics)!),
  };
}
