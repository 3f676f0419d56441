// Test-only helpers for network tests: a collector from YAML on ephemeral ports, raw OTLP calls.
import * as grpc from '@grpc/grpc-js';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { request as httpsRequest } from 'node:https';
import { gzipSync } from 'node:zlib';
import { defaultComponents } from '../../components.js';
import { makeComponents } from '../../component/components.js';
import type { Factory } from '../../component/component.js';
import { createMemoryLogger } from '../../logger.js';
import { nodeFactories } from '../components.js';
import { startCollector, type RunningCollector } from '../run.js';

export { defaultComponents };

/** Starts a collector from YAML (with `extra` factories); ports should be 0 (ephemeral). */
export async function startYaml(yaml: string, extra: Factory[] = [], env: Record<string, string> = {}): Promise<RunningCollector & { logs: ReturnType<typeof createMemoryLogger> }> {
  const logs = createMemoryLogger('debug');
  const running = await startCollector([{ name: 'test.yaml', text: yaml }], { components: makeComponents(nodeFactories(), extra), logger: logs, env: (n) => env[n], shutdownTimeoutMs: 20_000 });
  return Object.assign(running, { logs });
}

/** The bound address of a collector endpoint by name (`otlp grpc`, `otlp http`, `health_check`, `metrics`). */
/** A backend config: an otlp receiver with the given `grpc` and `http` blocks; every logs and traces request goes to the `capture` exporter. */
export const captureBackendYaml = (grpc: string, http: string): string => `
receivers:
  otlp:
    protocols:
      grpc: ${grpc}
      http: ${http}
exporters:
  capture:
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [otlp], exporters: [capture] }
    traces: { receivers: [otlp], exporters: [capture] }
`;

export function addressOf(running: RunningCollector, name: string, id?: string): string {
  const e = running.endpoints().find((x) => x.endpoint.name === name && (id === undefined || x.id === id));
  if (!e) throw new Error(`no endpoint ${name}${id ? ` of ${id}` : ''}: ${JSON.stringify(running.endpoints())}`);
  return e.endpoint.address;
}

/** A TCP port on 127.0.0.1 that was free a moment ago (for a backend started later). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP request; with `tls`, over HTTPS trusting `tls.ca` and presenting `tls.cert`/`tls.key` if given. */
export function httpCall(address: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: Uint8Array | string; gzip?: boolean; tls?: { ca: Buffer; cert?: Buffer; key?: Buffer } } = {}): Promise<HttpReply> {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  let body = options.body === undefined ? undefined : typeof options.body === 'string' ? Buffer.from(options.body) : Buffer.from(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (options.gzip && body) {
    body = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
  }
  return new Promise((resolve, reject) => {
    const send = options.tls ? httpsRequest : request;
    const req = send({ host: host === '0.0.0.0' ? '127.0.0.1' : host, port, path, method: options.method ?? 'POST', headers, ...options.tls }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One raw OTLP gRPC Export call (plaintext unless `credentials` say otherwise), with `metadata` as request headers. */
export function grpcExport(address: string, service: string, body: Uint8Array, options: { gzip?: boolean; credentials?: grpc.ChannelCredentials; metadata?: Record<string, string> } = {}): Promise<{ code: number; details: string }> {
  const client = new grpc.Client(address, options.credentials ?? grpc.credentials.createInsecure(), options.gzip ? { 'grpc.default_compression_algorithm': 2 } : {});
  return new Promise((resolve) => {
    const metadata = new grpc.Metadata();
    for (const [k, v] of Object.entries(options.metadata ?? {})) metadata.add(k, v);
    client.makeUnaryRequest(
      `/${service}/Export`,
      (b: Buffer) => b,
      (b: Buffer) => b,
      Buffer.from(body),
      metadata,
      (err: grpc.ServiceError | null) => {
        client.close();
        resolve(err ? { code: err.code, details: err.details } : { code: 0, details: '' });
      },
    );
  });
}
