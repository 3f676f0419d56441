/**
 * The Collector's per-component metrics, named as the Collector's Prometheus endpoint names them
 * (without the `_total` suffix, as the seed's PromQL queries use them).
 */
import type { ComponentId, Signal } from '../component/componentId.js';
import { SIGNAL_OPS } from '../signals.js';
import type { Counter, MetricsRegistry } from './metrics.js';

export interface ReceiverTelemetry {
  /** Items pushed into the pipeline successfully. */
  accepted(n: number): void;
  /** Items the pipeline refused (a retryable error went back to the client). */
  refused(n: number): void;
  /** Items that failed for other reasons (a permanent error). */
  failed(n: number): void;
}

export function receiverTelemetry(metrics: MetricsRegistry, id: ComponentId, transport: string, signal: Signal): ReceiverTelemetry {
  const items = SIGNAL_OPS[signal].items;
  const labels = { receiver: id.toString(), transport };
  const counter = (what: string, help: string): Counter => metrics.counter(`otelcol_receiver_${what}_${items}`, help, labels);
  const acc = counter('accepted', `Number of ${items.replace('_', ' ')} successfully pushed into the pipeline.`);
  const ref = counter('refused', `Number of ${items.replace('_', ' ')} that could not be pushed into the pipeline.`);
  const fail = counter('failed', `Number of ${items.replace('_', ' ')} that failed to be processed by the receiver.`);
  return { accepted: (n) => acc.add(n), refused: (n) => ref.add(n), failed: (n) => fail.add(n) };
}

export interface ExporterTelemetry {
  sent(n: number): void;
  sendFailed(n: number): void;
  enqueueFailed(n: number): void;
}

export function exporterTelemetry(metrics: MetricsRegistry, id: ComponentId, signal: Signal): ExporterTelemetry {
  const items = SIGNAL_OPS[signal].items;
  const labels = { exporter: id.toString() };
  const sent = metrics.counter(`otelcol_exporter_sent_${items}`, `Number of ${items.replace('_', ' ')} successfully sent to destination.`, labels);
  const failed = metrics.counter(`otelcol_exporter_send_failed_${items}`, `Number of ${items.replace('_', ' ')} in failed attempts to send to destination.`, labels);
  const enq = metrics.counter(`otelcol_exporter_enqueue_failed_${items}`, `Number of ${items.replace('_', ' ')} failed to be added to the sending queue.`, labels);
  return { sent: (n) => sent.add(n), sendFailed: (n) => failed.add(n), enqueueFailed: (n) => enq.add(n) };
}

/** Registers the queue gauges of one exporter instance. */
export function exporterQueueTelemetry(metrics: MetricsRegistry, id: ComponentId, signal: Signal, size: () => number, capacity: () => number): void {
  const labels = { exporter: id.toString(), data_type: signal };
  metrics.gauge('otelcol_exporter_queue_size', 'Current size of the retry queue (in batches).', labels, size);
  metrics.gauge('otelcol_exporter_queue_capacity', 'Fixed capacity of the retry queue (in batches).', labels, capacity);
}

export interface ProcessorTelemetry {
  incoming(n: number): void;
  outgoing(n: number): void;
}

/** `otelcol_processor_incoming_items` / `otelcol_processor_outgoing_items`, counted by the graph around every processor. */
export function processorTelemetry(metrics: MetricsRegistry, id: ComponentId, signal: Signal): ProcessorTelemetry {
  const labels = { processor: id.toString(), otel_signal: signal };
  const inc = metrics.counter('otelcol_processor_incoming_items', 'Number of items passed to the processor.', labels);
  const out = metrics.counter('otelcol_processor_outgoing_items', 'Number of items emitted from the processor.', labels);
  return { incoming: (n) => inc.add(n), outgoing: (n) => out.add(n) };
}

/** A processor's own counter in the legacy per-item form: `otelcol_processor_refused_spans{processor=…}`. */
export function processorItemCounter(metrics: MetricsRegistry, id: ComponentId, signal: Signal, what: string, help: string): Counter {
  return metrics.counter(`otelcol_processor_${what}_${SIGNAL_OPS[signal].items}`, help, { processor: id.toString() });
}
