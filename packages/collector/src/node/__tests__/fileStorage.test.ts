// file_storage and sending_queue.storage: bad references stop startup at their line:column; with
// the backend down, what the exporter accepted is kept on disk across a restart and delivered once
// the backend is up.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureExporter, logBodies, makeLogs, until } from '../../__tests__/helpers.js';
import { validateConfig } from '../../service/collector.js';
import { nodeComponents } from '../components.js';
import type { RunningCollector } from '../run.js';
import { freePort, startYaml } from './harness.js';

const root = mkdtempSync(join(tmpdir(), 'ottl-fs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const running: RunningCollector[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.shutdown();
});

function diagnostics(text: string): string[] {
  const r = validateConfig({ sources: [{ name: 'c.yaml', text }] }, nodeComponents(), () => undefined);
  return r.diagnostics.map((d) => `${d.severity} ${d.range.start.line}:${d.range.start.column} ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`);
}

const withStorage = (storage: string, extensions: string, enabled: string) => `receivers:
  nop:
exporters:
  otlp:
    endpoint: 127.0.0.1:4317
    sending_queue:
      storage: ${storage}
extensions:
${extensions}
service:
  extensions: [${enabled}]
  pipelines:
    logs: { receivers: [nop], exporters: [otlp] }
`;

describe('file_storage config', () => {
  it('reports a storage reference that is unknown, not a storage extension or not enabled, at its line:column', () => {
    const exts = `  file_storage: { directory: ${root} }\n  health_check:`;
    expect(diagnostics(withStorage('file_storag', exts, 'file_storage, health_check'))).toEqual([
      'error 7:16 exporters.otlp.sending_queue.storage: references extension "file_storag" which is not configured (hint: did you mean `file_storage`?)',
    ]);
    expect(diagnostics(withStorage('health_check', exts, 'file_storage, health_check'))).toEqual([
      'error 7:16 exporters.otlp.sending_queue.storage: extension "health_check" is not a storage extension (hint: storage extensions configured: file_storage)',
    ]);
    expect(diagnostics(withStorage('file_storage', exts, 'health_check'))).toEqual([
      'error 7:16 exporters.otlp.sending_queue.storage: storage extension "file_storage" is not enabled (hint: add file_storage to service.extensions)',
    ]);
    expect(diagnostics(withStorage('file_storage', exts, 'file_storage, health_check'))).toEqual([]);
  });

  it('a missing directory is an error unless create_directory is set', () => {
    const missing = join(root, 'not', 'there');
    expect(diagnostics(withStorage('file_storage', `  file_storage:\n    directory: ${missing}`, 'file_storage'))).toEqual([
      `error 10:16 extensions.file_storage.directory: directory "${missing}" does not exist (hint: create it, or set create_directory: true)`,
    ]);
    expect(diagnostics(withStorage('file_storage', `  file_storage:\n    directory: ${missing}\n    create_directory: true`, 'file_storage'))).toEqual([]);
  });
});

describe('persistent sending queue', () => {
  it('keeps accepted requests on disk while the backend is down, and sends them exactly once after a restart', async () => {
    const port = await freePort();
    const dir = join(root, 'queue');
    const agentYaml = `
receivers:
  nop:
exporters:
  otlp:
    endpoint: 127.0.0.1:${port}
    tls: { insecure: true }
    timeout: 1s
    sending_queue: { storage: file_storage/q, num_consumers: 1, queue_size: 3 }
    retry_on_failure: { initial_interval: 20ms, max_interval: 50ms }
extensions:
  file_storage/q: { directory: ${dir}, create_directory: true }
service:
  extensions: [file_storage/q]
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], exporters: [otlp] }
`;
    const agent = await startYaml(agentYaml);
    const push = (bodies: string[]) => agent.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies }]));
    await push(['a', 'b']);
    await push(['c']);
    await push(['d']);
    // queue_size 3 (requests): the fourth is refused, as by the in-memory queue.
    await expect(push(['e'])).rejects.toThrow('sending queue is full');
    await until(() => agent.logs.entries.some((e) => e.message.startsWith('Exporting failed. Will retry')));
    await agent.shutdown();
    expect(agent.collector.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(0);
    expect(agent.logs.entries.some((e) => e.message === 'Exporting interrupted by shutdown; the request stays in the persistent queue')).toBe(true);
    expect(readdirSync(join(dir, 'exporter_otlp__logs')).filter((f) => f.endsWith('.seg'))).toHaveLength(1);

    const cap = captureExporter();
    const backend = await startYaml(
      `receivers:\n  otlp:\n    protocols:\n      grpc: { endpoint: 127.0.0.1:${port} }\nexporters:\n  capture:\nservice:\n  telemetry: { metrics: { level: none } }\n  pipelines:\n    logs: { receivers: [otlp], exporters: [capture] }\n`,
      [cap.factory],
    );
    running.push(backend);
    const again = await startYaml(agentYaml);
    running.push(again);
    await until(() => cap.received.logs.flatMap(logBodies).length >= 4);
    await again.shutdown();
    expect(cap.received.logs.map(logBodies)).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(again.logs.entries.find((e) => e.message === 'Sending the requests left in the persistent queue')?.fields).toMatchObject({ requests: 3, items: 4 });
    // Everything was acknowledged: a third start has nothing to send.
    const third = await startYaml(agentYaml);
    running.push(third);
    expect(third.logs.entries.some((e) => e.message === 'Sending the requests left in the persistent queue')).toBe(false);
  });

  it('a request the backend rejects for good is dropped from the store, not sent again after a restart', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(body.includes('"bad"') ? 400 : 200, { 'Content-Type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const yaml = `
receivers:
  nop:
exporters:
  otlphttp:
    endpoint: http://127.0.0.1:${(server.address() as AddressInfo).port}
    encoding: json
    compression: none
    sending_queue: { storage: file_storage }
extensions:
  file_storage: { directory: ${join(root, 'permanent')}, create_directory: true }
service:
  extensions: [file_storage]
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], exporters: [otlphttp] }
`;
      const agent = await startYaml(yaml);
      await agent.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['bad'] }]));
      await agent.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['good'] }]));
      await until(() => agent.collector.metrics.total('otelcol_exporter_sent_log_records') + agent.collector.metrics.total('otelcol_exporter_send_failed_log_records') === 2);
      await agent.shutdown();
      expect(agent.collector.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(1);
      const again = await startYaml(yaml);
      running.push(again);
      expect(again.logs.entries.some((e) => e.message === 'Sending the requests left in the persistent queue')).toBe(false);
      await again.shutdown();
      expect(bodies.map((b) => (b.includes('"bad"') ? 'bad' : 'good')).sort()).toEqual(['bad', 'good']);
    } finally {
      server.close();
    }
  });

  it('a second collector on the same directory does not start while the first runs, and names the holder', async () => {
    const dir = join(root, 'locked');
    const yaml = `
receivers:
  nop:
exporters:
  otlp:
    endpoint: 127.0.0.1:1
    sending_queue: { storage: file_storage }
extensions:
  file_storage: { directory: ${dir}, create_directory: true, timeout: 10ms }
service:
  extensions: [file_storage]
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], exporters: [otlp] }
`;
    const first = await startYaml(yaml);
    await expect(startYaml(yaml)).rejects.toThrow(`the persistent queue in ${join(dir, 'exporter_otlp__logs')} is in use by process ${process.pid} (this collector)`);
    await first.shutdown();
    running.push(await startYaml(yaml));
  });
});
