/**
 * `otlp` (gRPC) and `otlphttp` exporters (the Collector's otlpexporter and otlphttpexporter), both
 * built on the exporter helper: sending queue, retry with backoff, timeout, headers, gzip.
 *
 * Retryable answers: gRPC UNAVAILABLE, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED, ABORTED, CANCELLED,
 * OUT_OF_RANGE, DATA_LOSS; HTTP 429, 502, 503, 504 (honouring Retry-After) and connection errors.
 * Everything else is permanent and the data is dropped (counted in
 * `otelcol_exporter_send_failed_*`).
 */
import * as grpc from '@grpc/grpc-js';
import { request as httpRequest, Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { createSecureContext } from 'node:tls';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import type { Signal } from '../component/componentId.js';
import type { CreateSettings, Exporter, SignalData } from '../component/component.js';
import { genericExporterFactory } from '../component/define.js';
import { defaults, duration, oneOf, raw, record, requiredString, string, struct, type Infer } from '../config/schema.js';
import { PermanentError } from '../consumer/consumer.js';
import { ExporterHelper, ThrottleError, helperFields, helperStorageRefs } from '../exporters/exporterHelper.js';
import type { SignalOps } from '../signals.js';
import { decodePartialSuccess, decodeStatusMessage } from './protoLite.js';
import { acceptedUnused, compressionField, presentBlock, tlsClientConfig, tlsClientOptions, type TlsClientConfig } from './netConfig.js';

const gzip = promisify(gzipCb);

const SIGNALS_ALL = ['traces', 'metrics', 'logs', 'profiles'] as readonly Signal[];

const grpcExporterConfig = struct({
  endpoint: requiredString('endpoint'),
  tls: presentBlock(tlsClientConfig),
  headers: record(string()),
  compression: compressionField,
  balancer_name: string(),
  authority: string(),
  // Accepted for compatibility: requests fail fast while the backend is down and are retried.
  wait_for_ready: raw(),
  ...acceptedUnused,
  ...helperFields,
});

export type OtlpExporterConfig = Infer<typeof grpcExporterConfig>;

/** The `tls` block of an exporter that has none: TLS with the system CAs and upstream's defaults. */
const defaultTls = defaults(tlsClientConfig);

/** gRPC status codes the Collector retries. */
const RETRYABLE_GRPC = new Set([1, 4, 8, 10, 11, 14, 15]);

/** Parses `host:port`, `dns:///host:port` or `http(s)://host:port` into a gRPC target and whether TLS is implied. */
function grpcTarget(endpoint: string): { target: string; scheme?: 'http' | 'https' } {
  const m = /^(https?):\/\/([^/]+)\/?$/.exec(endpoint);
  if (m) return { target: m[2]!, scheme: m[1] as 'http' | 'https' };
  return { target: endpoint };
}

async function grpcCredentials(endpoint: string, tls: TlsClientConfig, where: string): Promise<grpc.ChannelCredentials> {
  const { scheme } = grpcTarget(endpoint);
  if (scheme === 'http' || tls.insecure) return grpc.credentials.createInsecure();
  const { rejectUnauthorized, ...context } = await tlsClientOptions(tls, where);
  return grpc.credentials.createFromSecureContext(createSecureContext(context), rejectUnauthorized ? {} : { rejectUnauthorized, checkServerIdentity: () => undefined });
}

function otlpGrpcExporter<S extends Signal>(set: CreateSettings, cfg: OtlpExporterConfig, ops: SignalOps<SignalData[S]>): Exporter<SignalData[S]> {
  let connect: ((extra?: grpc.ChannelOptions) => grpc.Client) | undefined;
  let client: grpc.Client | undefined;
  let retired: grpc.Client | undefined;
  const path = `/${ops.grpcService}/Export`;
  const metadata = new grpc.Metadata();
  for (const [k, v] of Object.entries(cfg.headers)) metadata.set(k.toLowerCase(), v);
  const send = (data: SignalData[S], abort: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const encoded = ops.encodeProto(data);
      // A view, not a copy, of the encoded request.
      const body = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
      const call = client!.makeUnaryRequest(
        path,
        (b: Buffer) => b,
        (b: Buffer) => b,
        body,
        metadata,
        { deadline: Date.now() + (cfg.timeout > 0 ? cfg.timeout : 3_600_000) },
        (err: grpc.ServiceError | null, res?: Buffer) => {
          abort.removeEventListener('abort', cancel);
          if (!err) {
            warnPartialSuccess(set, res);
            return resolve();
          }
          const msg = `rpc error: code = ${grpc.status[err.code] ?? err.code} desc = ${err.details}`;
          if (RETRYABLE_GRPC.has(err.code)) reject(new Error(msg));
          else reject(new PermanentError(msg));
        },
      );
      const cancel = () => call.cancel();
      abort.addEventListener('abort', cancel, { once: true });
    });
  return new ExporterHelper(set, cfg, ops, send, {
    start: async () => {
      const options: grpc.ChannelOptions = {
        'grpc.max_send_message_length': -1,
        'grpc.max_receive_message_length': -1,
        'grpc.primary_user_agent': `${set.buildInfo.command}/${set.buildInfo.version}`,
        // Reconnect soon after a backend comes back, so queued data flows again within seconds.
        'grpc.initial_reconnect_backoff_ms': 250,
        'grpc.max_reconnect_backoff_ms': 5000,
        // Batches are often megabytes: a wide HTTP/2 window keeps them flowing.
        'grpc-node.flow_control_window': 8 * 1024 * 1024,
      };
      if (cfg.compression === 'gzip') options['grpc.default_compression_algorithm'] = 2;
      if (cfg.tls?.server_name_override) options['grpc.ssl_target_name_override'] = cfg.tls.server_name_override;
      if (cfg.authority) options['grpc.default_authority'] = cfg.authority;
      const credentials = await grpcCredentials(cfg.endpoint, cfg.tls ?? defaultTls, `exporters.${set.id}.tls`);
      connect = (extra = {}) => new grpc.Client(grpcTarget(cfg.endpoint).target, credentials, { ...options, ...extra });
      client = connect();
    },
    // A channel waiting out its reconnect backoff fails calls at once, even when the backend is back:
    // the last attempts go through a fresh channel, which connects now (or fails fast if still down).
    draining: () => {
      if (client?.getChannel().getConnectivityState(false) !== grpc.connectivityState.TRANSIENT_FAILURE) return;
      retired = client;
      // Its own subchannel: channels to one target share a subchannel, backoff included, by default.
      client = connect!({ 'grpc.use_local_subchannel_pool': 1 });
    },
    shutdown: async () => {
      retired?.close();
      client?.close();
    },
  });
}

/** Logs the backend's partial success (some items rejected) from an export response. */
function warnPartialSuccess(set: CreateSettings, res: Uint8Array | undefined): void {
  const ps = res && decodePartialSuccess(res);
  if (ps && (ps.rejected > 0 || ps.message !== '')) set.logger.warn('Partial success response', { message: ps.message, dropped_items: ps.rejected });
}

export const otlpExporterFactory = genericExporterFactory({
  type: 'otlp',
  description: 'Sends OTLP over gRPC, with a sending queue, retries and gzip.',
  stability: 'stable',
  config: grpcExporterConfig,
  signals: SIGNALS_ALL,
  storageRefs: helperStorageRefs,
  create: otlpGrpcExporter,
});

const httpExporterConfig = struct(
  {
    endpoint: string(),
    traces_endpoint: string(),
    metrics_endpoint: string(),
    logs_endpoint: string(),
    profiles_endpoint: string(),
    encoding: oneOf(['proto', 'json'] as const, 'proto'),
    tls: presentBlock(tlsClientConfig),
    headers: record(string()),
    compression: compressionField,
    proxy_url: string(),
    // Accepted for compatibility: connections are kept alive by Node's agent.
    max_idle_conns: raw(),
    idle_conn_timeout: raw(),
    ...acceptedUnused,
    ...helperFields,
    timeout: duration(30_000),
  },
  {
    check: (c, ctx, node) => {
      const urls = [c.endpoint, c.traces_endpoint, c.metrics_endpoint, c.logs_endpoint, c.profiles_endpoint].filter((u) => u !== '');
      if (urls.length === 0) ctx.issues.add('config-error', `${ctx.path}.endpoint`, node?.loc ?? ctx.loc, 'at least one endpoint must be specified', { hint: 'for example endpoint: http://localhost:4318' });
      for (const u of urls) {
        if (!/^https?:\/\/[^/]+/.test(u)) ctx.issues.add('config-error', `${ctx.path}.endpoint`, node?.loc ?? ctx.loc, `invalid endpoint URL ${JSON.stringify(u)}`, { hint: 'write a URL with http:// or https://' });
      }
    },
  },
);

export type OtlpHttpExporterConfig = Infer<typeof httpExporterConfig>;

function otlpHttpExporter<S extends Signal>(set: CreateSettings, cfg: OtlpHttpExporterConfig, ops: SignalOps<SignalData[S]>): Exporter<SignalData[S]> {
  const signal = set.signal as S;
  const override = { traces: cfg.traces_endpoint, metrics: cfg.metrics_endpoint, logs: cfg.logs_endpoint, profiles: cfg.profiles_endpoint }[signal];
  const url = new URL(override !== '' ? override : cfg.endpoint.replace(/\/$/, '') + ops.httpPath);
  const https = url.protocol === 'https:';
  let agent: HttpAgent | HttpsAgent | undefined;
  const json = cfg.encoding === 'json';
  const send = async (data: SignalData[S], abort: AbortSignal): Promise<void> => {
    let body: Uint8Array = json ? Buffer.from(ops.encodeJson(data)) : ops.encodeProto(data);
    const headers: Record<string, string> = {
      ...cfg.headers,
      'Content-Type': json ? 'application/json' : 'application/x-protobuf',
      'User-Agent': `${set.buildInfo.command}/${set.buildInfo.version}`,
    };
    if (cfg.compression === 'gzip') {
      body = await gzip(body);
      headers['Content-Encoding'] = 'gzip';
    }
    const res = await new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const req = (https ? httpsRequest : httpRequest)(url, { method: 'POST', headers: { ...headers, 'Content-Length': String(body.length) }, agent, signal: abort }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks) }));
        r.on('error', reject);
      });
      req.on('error', (e) => reject(new Error(`error exporting items, request to ${url.href} responded with error: ${e.message}`)));
      req.end(body);
    });
    if (res.status >= 200 && res.status < 300) {
      if (!json) warnPartialSuccess(set, res.body);
      return;
    }
    const msg = `error exporting items, request to ${url.href} responded with HTTP Status Code ${res.status}${statusMessage(res.body, res.headers['content-type'])}`;
    if (res.status === 429 || res.status === 502 || res.status === 503 || res.status === 504) {
      const after = retryAfterMs(res.headers['retry-after']);
      throw after !== undefined ? new ThrottleError(msg, after) : new Error(msg);
    }
    throw new PermanentError(msg);
  };
  return new ExporterHelper(set, cfg, ops, send, {
    start: async () => {
      agent = https ? new HttpsAgent({ keepAlive: true, ...(await tlsClientOptions(cfg.tls ?? defaultTls, `exporters.${set.id}.tls`)) }) : new HttpAgent({ keepAlive: true });
    },
    shutdown: async () => agent?.destroy(),
  });
}

function statusMessage(body: Buffer, ctype: string | undefined): string {
  if (body.length === 0) return '';
  let m: unknown;
  if (ctype?.includes('json')) {
    try {
      m = (JSON.parse(body.toString('utf8')) as { message?: unknown }).message;
    } catch {
      m = undefined;
    }
  } else if (ctype?.includes('protobuf')) m = decodeStatusMessage(body);
  return typeof m === 'string' && m !== '' ? `, Message=${m}` : '';
}

function retryAfterMs(h: string | undefined): number | undefined {
  if (!h) return undefined;
  const secs = Number(h);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(h);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export const otlpHttpExporterFactory = genericExporterFactory({
  type: 'otlphttp',
  description: 'Sends OTLP over HTTP (protobuf or JSON), with a sending queue, retries and gzip.',
  stability: 'stable',
  config: httpExporterConfig,
  signals: SIGNALS_ALL,
  storageRefs: helperStorageRefs,
  create: otlpHttpExporter,
});
