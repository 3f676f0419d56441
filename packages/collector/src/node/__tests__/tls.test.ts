// TLS on the otlp receiver (gRPC and HTTPS, mutual TLS) and on the otlp / otlphttp exporters, with
// a throwaway CA, server certificate (localhost, 127.0.0.1) and client certificate made by the
// openssl CLI; min_version / max_version / cipher_suites as negotiated; config errors.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as grpc from '@grpc/grpc-js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type ConnectionOptions } from 'node:tls';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { encodeLogsProto } from '@ottl/pdata';
import { captureExporter, logBodies, makeLogs, makeTraces, spanNames } from '../../__tests__/helpers.js';
import { validateConfig } from '../../service/collector.js';
import { nodeComponents } from '../components.js';
import type { RunningCollector } from '../run.js';
import { addressOf, captureBackendYaml, grpcExport, httpCall, startYaml } from './harness.js';

const LOGS_SERVICE = 'opentelemetry.proto.collector.logs.v1.LogsService';

let dir = '';
const file = (name: string) => join(dir, name);
const pem = (name: string) => readFileSync(file(name));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ottl-tls-'));
  const cert = (name: string, subject: string, ...extra: string[]) =>
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', subject, '-keyout', `${name}.key`, '-out', `${name}.crt`, ...extra], { cwd: dir, stdio: 'pipe' });
  cert('ca', '/CN=ottl test CA');
  const signed = ['-CA', 'ca.crt', '-CAkey', 'ca.key', '-addext', 'basicConstraints=critical,CA:FALSE'];
  cert('server', '/CN=localhost', ...signed, '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1');
  cert('client', '/CN=ottl test client', ...signed);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const running: RunningCollector[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.shutdown();
});

async function start(yaml: string, extra: Parameters<typeof startYaml>[1] = []): Promise<Awaited<ReturnType<typeof startYaml>>> {
  const r = await startYaml(yaml, extra);
  running.push(r);
  return r;
}

/** The receiver's `tls` block: the server certificate, plus `more` YAML fields (flow style). */
const serverTls = (more = '') => `{ cert_file: ${file('server.crt')}, key_file: ${file('server.key')}${more} }`;

const backendYaml = (grpcTls: string, httpTls: string) => captureBackendYaml(`{ endpoint: 127.0.0.1:0, tls: ${grpcTls} }`, `{ endpoint: 127.0.0.1:0, tls: ${httpTls} }`);

/** The receiver's gRPC address by host name (with an IP address, grpc-js sends it as the TLS server name, which Node deprecates). */
const grpcAt = (r: RunningCollector) => addressOf(r, 'otlp grpc').replace(/^127\.0\.0\.1:/, 'localhost:');

/** Settles with the negotiated protocol and cipher suite (IANA name), or rejects with the handshake error. */
function handshake(address: string, options: ConnectionOptions): Promise<{ protocol: string | null; cipher: string | undefined }> {
  const [host, port] = address.split(':');
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port: Number(port), ca: pem('ca.crt'), ...options }, () => {
      resolve({ protocol: socket.getProtocol(), cipher: socket.getCipher().standardName });
      socket.end();
    });
    socket.on('error', reject);
  });
}

describe('TLS', () => {
  it('the OpenTelemetry JS SDK exports spans over gRPC with TLS to the otlp receiver', async () => {
    const cap = captureExporter();
    const backend = await start(backendYaml(serverTls(), serverTls()), [cap.factory]);
    const exporter = new OTLPTraceExporter({ url: `https://${grpcAt(backend)}`, credentials: grpc.credentials.createSsl(pem('ca.crt')) });
    const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    tracer.getTracer('test').startSpan('over tls').end();
    await tracer.shutdown();
    expect(cap.received.traces.flatMap(spanNames)).toEqual(['over tls']);
  });

  it('otlp and otlphttp exporters deliver to a receiver requiring client certificates; clients without one are refused', async () => {
    const cap = captureExporter();
    const mtls = serverTls(`, client_ca_file: ${file('ca.crt')}`);
    const backend = await start(backendYaml(mtls, mtls), [cap.factory]);
    const clientTls = `{ ca_file: ${file('ca.crt')}, cert_file: ${file('client.crt')}, key_file: ${file('client.key')} }`;
    const agent = await startYaml(`
receivers:
  nop:
exporters:
  otlp:
    endpoint: ${grpcAt(backend)}
    tls: ${clientTls}
  otlphttp:
    endpoint: https://${addressOf(backend, 'otlp http')}
    tls: ${clientTls}
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], exporters: [otlp] }
    traces: { receivers: [nop], exporters: [otlphttp] }
`);
    await agent.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['via grpc'] }]));
    await agent.collector.consumer('nop', 'traces').consume(makeTraces([{ spans: ['via https'] }]));
    await agent.shutdown(); // drains the sending queues
    expect(cap.received.logs.flatMap(logBodies)).toEqual(['via grpc']);
    expect(cap.received.traces.flatMap(spanNames)).toEqual(['via https']);
    expect(agent.collector.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(0);

    const body = encodeLogsProto(makeLogs([{ bodies: ['no certificate'] }]));
    const refused = await grpcExport(grpcAt(backend), LOGS_SERVICE, body, { credentials: grpc.credentials.createSsl(pem('ca.crt')) });
    expect(refused.code).toBe(grpc.status.UNAVAILABLE);
    await expect(httpCall(addressOf(backend, 'otlp http'), '/v1/logs', { headers: { 'Content-Type': 'application/x-protobuf' }, body, tls: { ca: pem('ca.crt') } })).rejects.toThrow();
    const withCert = await grpcExport(grpcAt(backend), LOGS_SERVICE, encodeLogsProto(makeLogs([{ bodies: ['client certificate'] }])), {
      credentials: grpc.credentials.createSsl(pem('ca.crt'), pem('client.key'), pem('client.crt')),
    });
    expect(withCert.code).toBe(grpc.status.OK);
    expect(cap.received.logs.flatMap(logBodies)).toEqual(['via grpc', 'client certificate']);
  });

  it('the HTTPS receiver accepts protobuf from a client trusting the CA and refuses plaintext', async () => {
    const cap = captureExporter();
    const backend = await start(backendYaml(serverTls(), serverTls()), [cap.factory]);
    const http = addressOf(backend, 'otlp http');
    const body = encodeLogsProto(makeLogs([{ bodies: ['over https'] }]));
    const ok = await httpCall(http, '/v1/logs', { headers: { 'Content-Type': 'application/x-protobuf' }, body, tls: { ca: pem('ca.crt') } });
    expect([ok.status, ok.headers['content-type']]).toEqual([200, 'application/x-protobuf']);
    await expect(httpCall(http, '/v1/logs', { headers: { 'Content-Type': 'application/x-protobuf' }, body })).rejects.toThrow();
    expect(await grpcExport(grpcAt(backend), LOGS_SERVICE, body)).toMatchObject({ code: grpc.status.UNAVAILABLE });
    expect(cap.received.logs.flatMap(logBodies)).toEqual(['over https']);
  });

  it('applies min_version, max_version and cipher_suites on the receiver and on both exporters', async () => {
    const cap = captureExporter();
    const limited = serverTls(', max_version: "1.2", cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]');
    const backend = await start(backendYaml(limited, limited), [cap.factory]);
    const [grpcAddr, httpAddr] = [grpcAt(backend), addressOf(backend, 'otlp http')];
    expect(await handshake(httpAddr, {})).toEqual({ protocol: 'TLSv1.2', cipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256' });
    expect(await handshake(grpcAddr, { ALPNProtocols: ['h2'] })).toEqual({ protocol: 'TLSv1.2', cipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256' });
    await expect(handshake(httpAddr, { ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' })).rejects.toThrow();

    const ca = file('ca.crt');
    const direct = '{ enabled: false }';
    const agent = await start(`
receivers:
  nop/match:
  nop/cipher:
  nop/version:
  nop/skip_verify:
exporters:
  otlp/match:
    endpoint: ${grpcAddr}
    tls: { ca_file: ${ca}, cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_AES_128_GCM_SHA256] }
    sending_queue: ${direct}
    retry_on_failure: ${direct}
  otlphttp/cipher:
    endpoint: https://${httpAddr}
    tls: { ca_file: ${ca}, cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384] }
    sending_queue: ${direct}
    retry_on_failure: ${direct}
  otlp/version:
    endpoint: ${grpcAddr}
    tls: { ca_file: ${ca}, min_version: "1.3" }
    sending_queue: ${direct}
    retry_on_failure: ${direct}
  otlp/skip_verify:
    endpoint: ${grpcAddr}
    tls: { insecure_skip_verify: true }
    sending_queue: ${direct}
    retry_on_failure: ${direct}
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs/match: { receivers: [nop/match], exporters: [otlp/match] }
    logs/cipher: { receivers: [nop/cipher], exporters: [otlphttp/cipher] }
    logs/version: { receivers: [nop/version], exporters: [otlp/version] }
    logs/skip_verify: { receivers: [nop/skip_verify], exporters: [otlp/skip_verify] }
`);
    const push = (receiver: string, body: string) => agent.collector.consumer(receiver, 'logs').consume(makeLogs([{ bodies: [body] }]));
    await push('nop/match', 'same suite');
    await expect(push('nop/cipher', 'other suite')).rejects.toThrow(/error exporting items, request to https:\/\/.* responded with error: .*handshake failure/);
    await expect(push('nop/version', 'TLS 1.3 only')).rejects.toThrow(/rpc error: code = UNAVAILABLE/);
    await push('nop/skip_verify', 'unverified');
    expect(cap.received.logs.flatMap(logBodies)).toEqual(['same suite', 'unverified']);
  });

  it('a certificate file that cannot be read stops startup, naming the field and the file', async () => {
    const missing = file('missing.crt');
    await expect(startYaml(backendYaml(`{ cert_file: ${missing}, key_file: ${file('server.key')} }`, serverTls()), [captureExporter().factory])).rejects.toThrow(
      `failed to start receiver "otlp": receivers.otlp.protocols.grpc.tls.cert_file: cannot read ${missing}: ENOENT: no such file or directory, open '${missing}'`,
    );
    await expect(startYaml(backendYaml(serverTls(), `{ cert_file: ${file('client.crt')}, key_file: ${file('server.key')} }`), [captureExporter().factory])).rejects.toThrow(
      /^failed to start receiver "otlp": receivers\.otlp\.protocols\.http\.tls: cannot load the TLS material \(.*client\.crt, .*server\.key\): .*key values mismatch/,
    );
  });

  it('reports bad versions, unknown cipher suites and incomplete certificates with their path and line:column', () => {
    const text = `receivers:
  otlp:
    protocols:
      grpc:
        tls:
          cert_file: server.crt
          key_file: server.key
          min_version: "1.4"
          cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ECDHE-RSA-AES256-GCM-SHA384, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA384, TLS_RSA_WITH_RC4_128_SHA]
      http:
        tls: { cert_file: server.crt }
  otlp/bare:
    protocols: { grpc: { tls: {} } }
exporters:
  otlp:
    endpoint: localhost:4317
    tls: { max_version: 1.1, reload_interval: 1h }
service:
  pipelines:
    logs: { receivers: [otlp], exporters: [otlp] }
`;
    const r = validateConfig({ sources: [{ name: 'tls.yaml', text }] }, nodeComponents());
    expect(r.diagnostics.map((d) => `${d.severity} ${d.file}:${d.range.start.line}:${d.range.start.column} ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`)).toEqual([
      'error tls.yaml:8:24 receivers.otlp.protocols.grpc.tls.min_version: unsupported TLS version "1.4" (hint: write one of "1.0", "1.1", "1.2", "1.3" (1.0 and 1.1 are deprecated))',
      'error tls.yaml:9:66 receivers.otlp.protocols.grpc.tls.cipher_suites[1]: invalid TLS cipher suite "ECDHE-RSA-AES256-GCM-SHA384" (hint: write its Go name `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`)',
      'error tls.yaml:9:95 receivers.otlp.protocols.grpc.tls.cipher_suites[2]: invalid TLS cipher suite "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA384" (hint: did you mean `TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256` or `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384` or `TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256`?)',
      expect.stringMatching(/^error tls\.yaml:9:134 receivers\.otlp\.protocols\.grpc\.tls\.cipher_suites\[3\]: invalid TLS cipher suite "TLS_RSA_WITH_RC4_128_SHA" \(hint: supported: TLS_AES_128_GCM_SHA256, .*\)$/),
      'error tls.yaml:11:27 receivers.otlp.protocols.http.tls.cert_file: a certificate needs its private key (hint: add key_file (or key_pem))',
      'error tls.yaml:13:31 receivers.otlp/bare.protocols.grpc.tls: a TLS server needs a certificate and its private key (hint: add cert_file and key_file (or cert_pem and key_pem), or remove the tls block to serve plaintext)',
      'error tls.yaml:17:25 exporters.otlp.tls.max_version: max_version 1.1 is lower than min_version 1.2 (the default) (hint: raise max_version or lower min_version)',
      'warning tls.yaml:17:47 exporters.otlp.tls.reload_interval: not applied: certificates are read once, at startup',
    ]);
  });
});
