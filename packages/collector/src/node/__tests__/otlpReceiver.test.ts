import { afterEach, describe, expect, it } from 'vitest';
import { encodeLogsProto, encodeTracesProto } from '@ottl/pdata';
import { captureExporter, logBodies, makeLogs, makeTraces, spanNames } from '../../__tests__/helpers.js';
import { decodeStatusMessage } from '../protoLite.js';
import { addressOf, captureBackendYaml, grpcExport, httpCall, startYaml } from './harness.js';
import type { RunningCollector } from '../run.js';
import { genericProcessorFactory } from '../../component/define.js';
import { struct } from '../../config/schema.js';
import { Agent, request } from 'node:http';

const yaml = captureBackendYaml('{ endpoint: 127.0.0.1:0 }', '{ endpoint: 127.0.0.1:0, max_request_body_size: 20000, cors: { allowed_origins: ["https://*.example.com"], max_age: 60 } }');

let running: RunningCollector | undefined;
afterEach(async () => {
  await running?.shutdown();
  running = undefined;
});

describe('otlp receiver', () => {
  it('accepts protobuf over HTTP (plain and gzip) and gRPC (plain and gzip)', async () => {
    const cap = captureExporter();
    running = await startYaml(yaml, [cap.factory]);
    const http = addressOf(running, 'otlp http');
    const grpcAddr = addressOf(running, 'otlp grpc');
    const proto = encodeLogsProto(makeLogs([{ bodies: ['h1'] }]));
    const r1 = await httpCall(http, '/v1/logs', { headers: { 'Content-Type': 'application/x-protobuf' }, body: proto });
    expect([r1.status, r1.headers['content-type'], r1.body.length]).toEqual([200, 'application/x-protobuf', 0]);
    const r2 = await httpCall(http, '/v1/logs', { headers: { 'Content-Type': 'application/x-protobuf' }, body: encodeLogsProto(makeLogs([{ bodies: ['h2'] }])), gzip: true });
    expect(r2.status).toBe(200);
    expect(await grpcExport(grpcAddr, 'opentelemetry.proto.collector.logs.v1.LogsService', encodeLogsProto(makeLogs([{ bodies: ['g1'] }])))).toEqual({ code: 0, details: '' });
    expect(await grpcExport(grpcAddr, 'opentelemetry.proto.collector.trace.v1.TraceService', encodeTracesProto(makeTraces([{ spans: ['s1'] }])), { gzip: true })).toEqual({ code: 0, details: '' });
    expect(cap.received.logs.map(logBodies)).toEqual([['h1'], ['h2'], ['g1']]);
    expect(cap.received.traces.map(spanNames)).toEqual([['s1']]);
    expect(running.collector.metrics.total('otelcol_receiver_accepted_log_records', { transport: 'http' })).toBe(2);
    expect(running.collector.metrics.total('otelcol_receiver_accepted_spans', { transport: 'grpc' })).toBe(1);
  });

  it('answers bad requests with 400 / INVALID_ARGUMENT and a message while good requests go through', async () => {
    const cap = captureExporter();
    running = await startYaml(yaml, [cap.factory]);
    const http = addressOf(running, 'otlp http');
    const grpcAddr = addressOf(running, 'otlp grpc');
    const garbage = Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 1, 2]);
    const good = (i: number) => encodeLogsProto(makeLogs([{ bodies: [`ok${i}`] }]));
    const calls = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => httpCall(http, '/v1/logs', { headers: { 'Content-Type': 'application/x-protobuf' }, body: good(i) }).then((r) => r.status)),
      ...Array.from({ length: 20 }, (_, i) => grpcExport(grpcAddr, 'opentelemetry.proto.collector.logs.v1.LogsService', good(100 + i)).then((r) => r.code)),
      httpCall(http, '/v1/logs', { headers: { 'Content-Type': 'application/x-protobuf' }, body: garbage }),
      grpcExport(grpcAddr, 'opentelemetry.proto.collector.logs.v1.LogsService', garbage),
    ]);
    const badHttp = calls[40] as { status: number; body: Buffer };
    const badGrpc = calls[41] as { code: number; details: string };
    expect(calls.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(calls.slice(20, 40)).toEqual(Array(20).fill(0));
    expect(badHttp.status).toBe(400);
    expect(decodeStatusMessage(badHttp.body)).toMatch(/^invalid logs request: /);
    expect(badGrpc.code).toBe(3);
    expect(badGrpc.details).toMatch(/^invalid logs request: /);
    expect(cap.received.logs.flatMap(logBodies).sort()).toEqual([...Array.from({ length: 20 }, (_, i) => `ok${i}`), ...Array.from({ length: 20 }, (_, i) => `ok${100 + i}`)].sort());
  });

  it('enforces method, content type, body size and CORS', async () => {
    running = await startYaml(yaml, [captureExporter().factory]);
    const http = addressOf(running, 'otlp http');
    const get = await httpCall(http, '/v1/logs', { method: 'GET' });
    expect([get.status, get.headers['allow']]).toEqual([405, 'POST']);
    const text = await httpCall(http, '/v1/logs', { headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    expect([text.status, JSON.parse(text.body.toString()).message]).toEqual([415, 'text/plain content type not supported, supported: [application/json, application/x-protobuf]']);
    const big = await httpCall(http, '/v1/logs', { headers: { 'Content-Type': 'application/x-protobuf' }, body: new Uint8Array(30000) });
    expect(big.status).toBe(413);
    const bomb = await httpCall(http, '/v1/logs', { headers: { 'Content-Type': 'application/x-protobuf' }, body: new Uint8Array(200000), gzip: true });
    expect(bomb.status).toBe(413);
    const none = await httpCall(http, '/v1/metrics', { headers: { 'Content-Type': 'application/x-protobuf' }, body: '' });
    expect(none.status).toBe(404);
    const pre = await httpCall(http, '/v1/logs', { method: 'OPTIONS', headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'POST' } });
    expect([pre.status, pre.headers['access-control-allow-origin'], pre.headers['access-control-max-age']]).toEqual([204, 'https://app.example.com', '60']);
    const denied = await httpCall(http, '/v1/logs', { method: 'OPTIONS', headers: { Origin: 'https://evil.test' } });
    expect(denied.status).toBe(403);
  });

  it('answers 503 / UNAVAILABLE when the pipeline refuses (memory limiter)', async () => {
    running = await startYaml(
      yaml.replace('exporters:\n  capture:', 'processors:\n  memory_limiter: { check_interval: 1h, limit_mib: 1, spike_limit_mib: 0 }\nexporters:\n  capture:').replace('logs: { receivers: [otlp], exporters', 'logs: { receivers: [otlp], processors: [memory_limiter], exporters'),
      [captureExporter().factory],
    );
    const body = encodeLogsProto(makeLogs([{ bodies: ['x'] }]));
    const r = await httpCall(addressOf(running, 'otlp http'), '/v1/logs', { headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect([r.status, r.headers['retry-after'], JSON.parse(r.body.toString())]).toEqual([503, '1', { code: 14, message: 'data refused due to high memory usage' }]);
    expect(await grpcExport(addressOf(running, 'otlp grpc'), 'opentelemetry.proto.collector.logs.v1.LogsService', body)).toEqual({ code: 14, details: 'data refused due to high memory usage' });
    expect(running.collector.metrics.total('otelcol_receiver_refused_log_records')).toBe(1);
  });

  it('finishes requests in flight at shutdown and does not wait for idle keep-alive connections', async () => {
    const cap = captureExporter();
    const slow = genericProcessorFactory({
      type: 'slow',
      description: 'delays every request',
      stability: 'development',
      config: struct({}),
      signals: ['logs'],
      create: (_set, _cfg, next) => ({
        capabilities: { mutatesData: false },
        start: async () => {},
        shutdown: async () => {},
        consume: (d) => new Promise((r) => setTimeout(r, 300)).then(() => next.consume(d)),
      }),
    });
    running = await startYaml(yaml.replace('exporters:\n  capture:', 'processors:\n  slow:\nexporters:\n  capture:').replace('logs: { receivers: [otlp], exporters', 'logs: { receivers: [otlp], processors: [slow], exporters'), [cap.factory, slow]);
    const [host, port] = addressOf(running, 'otlp http').split(':');
    const agent = new Agent({ keepAlive: true });
    const post = (body: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host, port: Number(port), path: '/v1/logs', method: 'POST', agent, headers: { 'Content-Type': 'application/x-protobuf' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        });
        req.on('error', reject);
        req.end(encodeLogsProto(makeLogs([{ bodies: [body] }])));
      });
    expect(await post('first')).toBe(200); // leaves an idle keep-alive connection
    const inFlight = post('in flight');
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await running.shutdown();
    running = undefined;
    expect(await inFlight).toBe(200);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(cap.received.logs.map(logBodies)).toEqual([['first'], ['in flight']]);
    agent.destroy();
  });
});
