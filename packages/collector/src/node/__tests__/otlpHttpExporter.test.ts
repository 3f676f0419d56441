import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { decodeLogsProto } from '@ottl/pdata';
import { logBodies, makeLogs, until } from '../../__tests__/helpers.js';
import { startYaml } from './harness.js';

let backend: Server | undefined;
let agent: Awaited<ReturnType<typeof startYaml>> | undefined;
afterEach(async () => {
  await agent?.shutdown();
  agent = undefined;
  await new Promise<void>((r) => (backend ? backend.close(() => r()) : r()));
  backend = undefined;
});

/** A backend answering with the given statuses in turn (then 200), recording what it got. */
async function fakeBackend(statuses: number[]) {
  const got: { path: string; headers: Record<string, unknown>; bodies: unknown[] }[] = [];
  backend = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      got.push({ path: req.url!, headers: { auth: req.headers['authorization'], type: req.headers['content-type'] }, bodies: logBodies(decodeLogsProto(body)) });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, status === 503 ? { 'Retry-After': '0', 'Content-Type': 'application/json' } : { 'Content-Type': 'application/json' });
      res.end(status === 200 ? '{}' : JSON.stringify({ code: 3, message: `status ${status}` }));
    });
  });
  await new Promise<void>((r) => backend!.listen(0, '127.0.0.1', r));
  return { got, url: `http://127.0.0.1:${(backend.address() as { port: number }).port}` };
}

const agentYaml = (url: string, retry = '{ initial_interval: 10ms, max_interval: 20ms }') => `
receivers:
  nop:
exporters:
  otlphttp:
    endpoint: ${url}
    headers: { authorization: "Bearer \${env:TOKEN}" }
    retry_on_failure: ${retry}
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], exporters: [otlphttp] }
`;

describe('otlphttp exporter', () => {
  it('sends gzip protobuf with headers to /v1/logs and retries 503', async () => {
    const b = await fakeBackend([503, 503]);
    agent = await startYaml(agentYaml(b.url), [], { TOKEN: 's3cret' });
    await agent.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['x'] }]));
    await until(() => agent!.collector.metrics.total('otelcol_exporter_sent_log_records') === 1);
    await agent.shutdown();
    expect(b.got).toEqual(Array(3).fill({ path: '/v1/logs', headers: { auth: 'Bearer s3cret', type: 'application/x-protobuf' }, bodies: ['x'] }));
    expect(agent.collector.metrics.total('otelcol_exporter_sent_log_records')).toBe(1);
  });

  it('shutdown cuts a retry backoff short: the last attempt reaches the recovered backend', async () => {
    const b = await fakeBackend([503]);
    agent = await startYaml(agentYaml(b.url, '{ initial_interval: 30s }'), [], { TOKEN: 't' });
    await agent.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['x'] }]));
    await until(() => agent!.logs.entries.some((e) => e.message.startsWith('Exporting failed. Will retry')));
    const began = Date.now();
    await agent.shutdown();
    expect(Date.now() - began).toBeLessThan(5000);
    expect(b.got.map((g) => g.bodies)).toEqual([['x'], ['x']]);
    expect(agent.collector.metrics.total('otelcol_exporter_sent_log_records')).toBe(1);
  });

  it('drops the data on a 400 without retrying, with the backend message in the log', async () => {
    const b = await fakeBackend([400]);
    agent = await startYaml(agentYaml(b.url), [], { TOKEN: 't' });
    await agent.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['bad'] }]));
    await agent.shutdown();
    expect(b.got.length).toBe(1);
    expect(agent.collector.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(1);
    expect(agent.logs.entries.find((e) => e.message.startsWith('Exporting failed. Dropping data'))?.fields['error']).toBe(
      `error exporting items, request to ${b.url}/v1/logs responded with HTTP Status Code 400, Message=status 400`,
    );
  });
});
