// Two collectors chained (otlp / otlphttp exporter → otlp receiver) deliver every record exactly
// once; with the backend down, the sending queue holds the data and retries deliver it later.
import { afterEach, describe, expect, it } from 'vitest';
import { captureExporter, logBodies, makeLogs, makeTraces, spanNames, until } from '../../__tests__/helpers.js';
import { addressOf, captureBackendYaml, freePort, startYaml } from './harness.js';
import { validateConfig } from '../../service/collector.js';
import { nodeComponents } from '../components.js';
import type { RunningCollector } from '../run.js';

const running: RunningCollector[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.shutdown();
});

const backendYaml = (port = 0) => captureBackendYaml(`{ endpoint: 127.0.0.1:${port} }`, '{ endpoint: 127.0.0.1:0 }');

/** An agent exporting logs over gRPC to `port` with the given `sending_queue` and `retry_on_failure`. */
const agentYaml = (port: number, queue: string, retry: string) => `
receivers:
  nop:
exporters:
  otlp:
    endpoint: 127.0.0.1:${port}
    tls: { insecure: true }
    timeout: 2s
    sending_queue: ${queue}
    retry_on_failure: ${retry}
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], exporters: [otlp] }
`;

/** Waits 15–45 s before its first retry. */
const slowRetryAgentYaml = (port: number) => agentYaml(port, '{ num_consumers: 1 }', '{ initial_interval: 30s }');

/** Pushes two requests (3 records) while the backend is down; resolves once the first waits for its retry. */
async function pushAndWaitForRetry(agent: Awaited<ReturnType<typeof startYaml>>): Promise<void> {
  await agent.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['a', 'b'] }]));
  await agent.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['c'] }]));
  await until(() => agent.logs.entries.some((e) => e.message.startsWith('Exporting failed. Will retry')));
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

  it('shutdown does not wait out a retry backoff: with the backend still down, what is left is counted and logged as dropped', async () => {
    const agent = await startYaml(slowRetryAgentYaml(await freePort()));
    running.push(agent);
    await pushAndWaitForRetry(agent);
    const began = Date.now();
    await agent.shutdown();
    expect(Date.now() - began).toBeLessThan(5000);
    expect(agent.collector.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(3);
    expect(agent.logs.entries.filter((e) => e.message === 'Exporting failed. Dropping data. Reason: interrupted due to shutdown').map((e) => e.fields['dropped_items'])).toEqual([2, 1]);
  });

  it('shutdown does not wait out a retry backoff: a backend that came back gets everything', async () => {
    const port = await freePort();
    const agent = await startYaml(slowRetryAgentYaml(port));
    running.push(agent);
    await pushAndWaitForRetry(agent);
    const cap = captureExporter();
    running.push(await startYaml(backendYaml(port), [cap.factory]));
    const began = Date.now();
    await agent.shutdown();
    expect(Date.now() - began).toBeLessThan(5000);
    expect(cap.received.logs.flatMap(logBodies)).toEqual(['a', 'b', 'c']);
    expect(agent.collector.metrics.total('otelcol_exporter_sent_log_records')).toBe(3);
    expect(agent.collector.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(0);
  });

  it('queues while the backend is unreachable, retries, and delivers everything once it returns', async () => {
    const port = await freePort();
    const agent = await startYaml(agentYaml(port, '{ num_consumers: 2, queue_size: 100 }', '{ initial_interval: 50ms, max_interval: 200ms, max_elapsed_time: 60s }'));
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

  it('with sending_queue.batch, the otlp exporter sends queued requests merged, split at max_size', async () => {
    const cap = captureExporter();
    const backend = await startYaml(backendYaml(), [cap.factory]);
    running.push(backend);
    const agent = await startYaml(agentYaml(Number(addressOf(backend, 'otlp grpc').split(':').pop()), '{ num_consumers: 1, batch: { min_size: 4, max_size: 5, flush_timeout: 10s } }', '{ enabled: false }'));
    running.push(agent);
    for (const bodies of [['a', 'b'], ['c'], ['d', 'e', 'f', 'g', 'h', 'i', 'j'], ['k']]) await agent.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies }]));
    await until(() => cap.received.logs.length === 2);
    await agent.shutdown();
    expect(cap.received.logs.map((d) => logBodies(d).join(''))).toEqual(['abcde', 'fghij', 'k']);
    expect(agent.collector.metrics.total('otelcol_exporter_sent_log_records')).toBe(11);
  });
});

describe('sending_queue.batch config', () => {
  it('reports a bad sizer and max_size below min_size at their line:column', () => {
    const r = validateConfig({ sources: [{ name: 'c.yaml', text: agentYaml(4317, '\n      batch: { min_size: 10, max_size: 5, sizer: requests }', '{}') }] }, nodeComponents(), () => undefined);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([
      'error 10:50 exporters.otlp.sending_queue.batch.sizer: a batch is sized in items or bytes, not requests',
      'error 10:40 exporters.otlp.sending_queue.batch.max_size: max_size must be greater or equal to min_size',
    ]);
  });
});
