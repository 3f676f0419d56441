// Two collectors chained (otlp / otlphttp exporter → otlp receiver) deliver every record exactly
// once; with the backend down, the sending queue holds the data and retries deliver it later.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { captureExporter, logBodies, makeLogs, makeTraces, spanNames } from '../../__tests__/helpers.js';
import { addressOf, startYaml } from './harness.js';
import type { RunningCollector } from '../run.js';

const running: RunningCollector[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.shutdown();
});

const backendYaml = (port = 0) => `
receivers:
  otlp:
    protocols:
      grpc: { endpoint: 127.0.0.1:${port} }
      http: { endpoint: 127.0.0.1:0 }
exporters:
  capture:
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [otlp], exporters: [capture] }
    traces: { receivers: [otlp], exporters: [capture] }
`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function until(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('collector → collector', () => {
  it('delivers every record exactly once over otlp (gRPC) and otlphttp', async () => {
    const cap = captureExporter();
    const backend = await startYaml(backendYaml(), [cap.factory]);
    running.push(backend);
    const agent = await startYaml(`
receivers:
  nop:
processors:
  batch: { send_batch_size: 100, timeout: 50ms }
exporters:
  otlp:
    endpoint: ${addressOf(backend, 'otlp grpc')}
    tls: { insecure: true }
  otlphttp:
    endpoint: http://${addressOf(backend, 'otlp http')}
    encoding: json
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], processors: [batch], exporters: [otlp] }
    traces: { receivers: [nop], processors: [batch], exporters: [otlphttp] }
`);
    const sent: string[] = [];
    const sentSpans: string[] = [];
    const pushes: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) {
      const bodies = Array.from({ length: 7 }, (_, j) => `log-${i}-${j}`);
      sent.push(...bodies);
      pushes.push(agent.collector.consumer('nop', 'logs').consume(makeLogs([{ attrs: { req: i }, bodies }])));
      const spans = Array.from({ length: 3 }, (_, j) => `span-${i}-${j}`);
      sentSpans.push(...spans);
      pushes.push(agent.collector.consumer('nop', 'traces').consume(makeTraces([{ spans }])));
    }
    await Promise.all(pushes);
    await agent.shutdown(); // drains the batch processor and the exporters' queues
    const got = cap.received.logs.flatMap(logBodies) as string[];
    expect(got.length).toBe(sent.length);
    expect([...got].sort()).toEqual([...sent].sort());
    const gotSpans = cap.received.traces.flatMap(spanNames);
    expect([...gotSpans].sort()).toEqual([...sentSpans].sort());
    expect(agent.collector.metrics.total('otelcol_exporter_sent_log_records')).toBe(sent.length);
    expect(agent.collector.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(0);
  });

  it('queues while the backend is unreachable, retries, and delivers everything once it returns', async () => {
    const port = await freePort();
    const agent = await startYaml(`
receivers:
  nop:
exporters:
  otlp:
    endpoint: 127.0.0.1:${port}
    tls: { insecure: true }
    timeout: 2s
    sending_queue: { num_consumers: 2, queue_size: 100 }
    retry_on_failure: { initial_interval: 50ms, max_interval: 200ms, max_elapsed_time: 60s }
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], exporters: [otlp] }
`);
    running.push(agent);
    const sent: string[] = [];
    for (let i = 0; i < 40; i++) {
      const bodies = [`r${i}a`, `r${i}b`];
      sent.push(...bodies);
      await agent.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies }]));
    }
    const queueSize = () => agent.collector.metrics.total('otelcol_exporter_queue_size');
    await until(() => agent.logs.entries.some((e) => e.message.startsWith('Exporting failed. Will retry')), 5000);
    expect(queueSize()).toBeGreaterThan(30);
    expect(agent.collector.metrics.total('otelcol_exporter_queue_capacity')).toBe(100);
    // A full queue refuses more data with a retryable error.
    for (let i = 0; i < 70; i++) await agent.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: [`extra${i}`] }])).then(() => sent.push(`extra${i}`), () => undefined);
    expect(agent.collector.metrics.total('otelcol_exporter_enqueue_failed_log_records')).toBeGreaterThan(0);

    const cap = captureExporter();
    const backend = await startYaml(backendYaml(port), [cap.factory]);
    running.push(backend);
    await until(() => queueSize() === 0 && cap.received.logs.flatMap(logBodies).length >= sent.length, 20_000);
    const got = cap.received.logs.flatMap(logBodies) as string[];
    expect([...got].sort()).toEqual([...sent].sort());
    expect(agent.collector.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(0);
  }, 40_000);
});
