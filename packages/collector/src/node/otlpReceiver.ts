/**
 * `otlp` receiver: OTLP over gRPC (`:4317`, gzip) and HTTP (`:4318`, protobuf and JSON, gzip,
 * body size limit, CORS), each over TLS when it has a `tls` block (mutual TLS with
 * `client_ca_file`), one server per protocol shared by every signal created from the same config
 * (the Collector's otlpreceiver).
 *
 * Answers: a decode error is HTTP 400 / gRPC INVALID_ARGUMENT with the decoder's message; a
 * retryable pipeline error (memory limiter, full queue) HTTP 503 / gRPC UNAVAILABLE; a permanent
 * pipeline error HTTP 400 / gRPC INVALID_ARGUMENT. Only signals with a pipeline are served (others
 * get HTTP 404 / gRPC UNIMPLEMENTED).
 *
 * Every request carries its client info (`../client/clientInfo.ts`): the peer's IP address; the
 * headers (gRPC metadata, HTTP headers, plus `host`) as `metadata` only with `include_metadata`;
 * over gRPC, the request's metadata for components that read the incoming gRPC context.
 */
import * as grpc from '@grpc/grpc-js';
import { createServer, type IncomingMessage, type RequestListener, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createGunzip, createInflate } from 'node:zlib';
import { SIGNALS, type Signal } from '../component/componentId.js';
import { SharedComponents, type Component, type CreateSettings, type Endpoint, type ReceiverFactory, type SignalData } from '../component/component.js';
import { int, list, string, struct, bool, type Infer, raw } from '../config/schema.js';
import { attachClientInfo, newMetadata, type ClientInfo, type Metadata } from '../client/clientInfo.js';
import { errorMessage, isPermanent, type Consumer } from '../consumer/consumer.js';
import type { Logger } from '../logger.js';
import { SIGNAL_OPS, type SignalOps } from '../signals.js';
import { receiverTelemetry, type ReceiverTelemetry } from '../telemetry/componentTelemetry.js';
import { encodeStatus } from './protoLite.js';
import { acceptedUnused, formatHostPort, listenEndpoint, parseHostPort, presentBlock, tlsServerConfig, tlsServerOptions, type TlsServerOptions } from './netConfig.js';

const MIB = 1024 * 1024;

const grpcConfig = struct({
  endpoint: listenEndpoint('localhost:4317'),
  transport: string('tcp'),
  max_recv_msg_size_mib: int(4, { min: 0 }),
  max_concurrent_streams: int(0, { min: 0 }),
  include_metadata: bool(false),
  tls: presentBlock(tlsServerConfig),
  ...acceptedUnused,
});

const corsConfig = struct({ allowed_origins: list(string()), allowed_headers: list(string()), max_age: int(0, { min: 0 }) });

const httpConfig = struct({
  endpoint: listenEndpoint('localhost:4318'),
  traces_url_path: string('/v1/traces'),
  metrics_url_path: string('/v1/metrics'),
  logs_url_path: string('/v1/logs'),
  profiles_url_path: string('/v1development/profiles'),
  max_request_body_size: int(20 * MIB, { min: 0 }),
  include_metadata: bool(false),
  cors: presentBlock(corsConfig),
  tls: presentBlock(tlsServerConfig),
  response_headers: raw(),
  compression_algorithms: raw(),
  ...acceptedUnused,
});

const config = struct(
  {
    protocols: struct({ grpc: presentBlock(grpcConfig), http: presentBlock(httpConfig) }),
  },
  {
    check: (c, ctx, node) => {
      if (!c.protocols.grpc && !c.protocols.http) {
        ctx.issues.add('config-error', `${ctx.path}.protocols`, node?.loc ?? ctx.loc, 'must specify at least one protocol when using the OTLP receiver', {
          hint: 'add protocols: { grpc: , http: } (an empty block enables a protocol with its defaults)',
        });
      }
    },
  },
);

export type OtlpReceiverConfig = Infer<typeof config>;

type AnyConsumer = Consumer<unknown>;

interface Route {
  readonly ops: SignalOps<unknown>;
  readonly next: AnyConsumer;
  readonly grpcTel: ReceiverTelemetry;
  readonly httpTel: ReceiverTelemetry;
}

const GRPC_INVALID_ARGUMENT = 3;
const GRPC_UNAVAILABLE = 14;
const EMPTY = Buffer.alloc(0);

class OtlpReceiver implements Component {
  private readonly routes = new Map<Signal, Route>();
  private grpcServer: grpc.Server | undefined;
  private httpServer: HttpServer | undefined;
  private grpcAddress: string | undefined;
  private httpAddress: string | undefined;
  /** HTTP requests being handled; shutdown closes kept-alive connections once none is left. */
  private httpInFlight = 0;
  private httpIdle: (() => void) | undefined;
  private readonly logger: Logger;
  /** YAML path of this receiver's config, quoted in startup errors. */
  private readonly path: string;

  constructor(
    private readonly cfg: OtlpReceiverConfig,
    set: CreateSettings,
  ) {
    this.logger = set.logger;
    this.path = `receivers.${set.id}`;
  }

  register(signal: Signal, next: AnyConsumer, set: CreateSettings): void {
    this.routes.set(signal, {
      ops: SIGNAL_OPS[signal] as SignalOps<unknown>,
      next,
      grpcTel: receiverTelemetry(set.metrics, set.id, 'grpc', signal),
      httpTel: receiverTelemetry(set.metrics, set.id, 'http', signal),
    });
  }

  endpoints(): Endpoint[] {
    const out: Endpoint[] = [];
    if (this.grpcAddress) out.push({ name: 'otlp grpc', address: this.grpcAddress });
    if (this.httpAddress) out.push({ name: 'otlp http', address: this.httpAddress });
    return out;
  }

  async start(): Promise<void> {
    const { grpc: g, http: h } = this.cfg.protocols;
    if (g) await this.startGrpc(g);
    if (h) {
      try {
        await this.startHttp(h);
      } catch (err) {
        await this.shutdown();
        throw err;
      }
    }
  }

  async shutdown(): Promise<void> {
    const tasks: Promise<void>[] = [];
    if (this.grpcServer) {
      const s = this.grpcServer;
      this.grpcServer = undefined;
      // Finishes the calls in flight (their data reaches the pipeline) and refuses new ones.
      tasks.push(new Promise((resolve) => s.tryShutdown(() => resolve())));
    }
    if (this.httpServer) {
      const s = this.httpServer;
      this.httpServer = undefined;
      tasks.push(new Promise((resolve) => s.close(() => resolve())));
      // Requests in flight finish (their data reaches the pipeline); then no connection is kept.
      const closeAll = () => s.closeAllConnections();
      if (this.httpInFlight === 0) closeAll();
      else this.httpIdle = closeAll;
    }
    await Promise.all(tasks);
  }

  private async startGrpc(g: NonNullable<OtlpReceiverConfig['protocols']['grpc']>): Promise<void> {
    const options: grpc.ServerOptions = { 'grpc.max_receive_message_length': g.max_recv_msg_size_mib > 0 ? g.max_recv_msg_size_mib * MIB : 4 * MIB };
    if (g.max_concurrent_streams > 0) options['grpc.max_concurrent_streams'] = g.max_concurrent_streams;
    const server = new grpc.Server(options);
    for (const [signal, route] of this.routes) {
      const service = route.ops.grpcService;
      const def: grpc.ServiceDefinition = {
        Export: {
          path: `/${service}/Export`,
          requestStream: false,
          responseStream: false,
          requestSerialize: (b: Buffer) => b,
          requestDeserialize: (b: Buffer) => b,
          responseSerialize: (b: Buffer) => b,
          responseDeserialize: (b: Buffer) => b,
        },
      };
      server.addService(def, { Export: (call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => this.grpcExport(signal, route, call, g.include_metadata, cb) });
    }
    const credentials = g.tls ? new TlsServerCredentials(await tlsServerOptions(g.tls, `${this.path}.protocols.grpc.tls`)) : grpc.ServerCredentials.createInsecure();
    const hp = parseHostPort(g.endpoint)!;
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(formatHostPort(hp.host, hp.port), credentials, (err, p) => (err ? reject(new Error(`otlp receiver: cannot listen for gRPC on ${g.endpoint}: ${err.message}`)) : resolve(p))),
    );
    widenFlowControlWindows(server);
    this.grpcServer = server;
    this.grpcAddress = formatHostPort(hp.host, port);
    this.logger.info('Starting GRPC server', { endpoint: this.grpcAddress });
  }

  private grpcExport(signal: Signal, route: Route, call: grpc.ServerUnaryCall<Buffer, Buffer>, includeMetadata: boolean, cb: grpc.sendUnaryData<Buffer>): void {
    let data: unknown;
    try {
      data = route.ops.decodeProto(call.request);
    } catch (err) {
      cb({ code: GRPC_INVALID_ARGUMENT, details: `invalid ${signal} request: ${errorMessage(err)}` });
      return;
    }
    attachClientInfo(data as object, grpcClientInfo(call, includeMetadata));
    const n = route.ops.count(data);
    route.next.consume(data).then(
      () => {
        route.grpcTel.accepted(n);
        cb(null, EMPTY);
      },
      (err: unknown) => {
        const permanent = isPermanent(err);
        if (permanent) route.grpcTel.failed(n);
        else route.grpcTel.refused(n);
        cb({ code: permanent ? GRPC_INVALID_ARGUMENT : GRPC_UNAVAILABLE, details: errorMessage(err) });
      },
    );
  }

  private async startHttp(h: NonNullable<OtlpReceiverConfig['protocols']['http']>): Promise<void> {
    const paths = new Map<string, Signal>();
    const urlPath = { traces: h.traces_url_path, metrics: h.metrics_url_path, logs: h.logs_url_path, profiles: h.profiles_url_path };
    for (const s of SIGNALS) if (this.routes.has(s)) paths.set(urlPath[s].startsWith('/') ? urlPath[s] : `/${urlPath[s]}`, s);
    const handler: RequestListener = (req, res) => {
      this.httpInFlight++;
      res.once('close', () => {
        if (--this.httpInFlight === 0) this.httpIdle?.();
      });
      this.handleHttp(h, paths, req, res).catch((err: unknown) => {
        this.logger.error('OTLP/HTTP request failed', { error: err });
        if (!res.headersSent) reply(res, 500, 'json', 13, 'internal error');
      });
    };
    const server: HttpServer = h.tls ? createHttpsServer(await tlsServerOptions(h.tls, `${this.path}.protocols.http.tls`), handler) : createServer(handler);
    server.keepAliveTimeout = 65_000;
    const hp = parseHostPort(h.endpoint)!;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err) => reject(new Error(`otlp receiver: cannot listen for HTTP on ${h.endpoint}: ${err.message}`)));
      server.listen(hp.port, hp.host, () => resolve());
    });
    this.httpServer = server;
    this.httpAddress = formatHostPort(hp.host, (server.address() as AddressInfo).port);
    this.logger.info('Starting HTTP server', { endpoint: this.httpAddress });
  }

  private async handleHttp(h: NonNullable<OtlpReceiverConfig['protocols']['http']>, paths: Map<string, Signal>, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    const cors = h.cors;
    const allowedOrigin = origin !== undefined && cors ? corsOrigin(cors.allowed_origins, origin) : undefined;
    if (allowedOrigin) {
      res.setHeader('Access-Control-Allow-Origin', allowedOrigin);
      res.setHeader('Vary', 'Origin');
    }
    const path = (req.url ?? '/').split('?')[0]!;
    const signal = paths.get(path);
    if (req.method === 'OPTIONS' && cors && signal) {
      if (!allowedOrigin) return void res.writeHead(403).end();
      const headers = ['Content-Type', 'Content-Encoding', ...cors.allowed_headers].join(', ');
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] && cors.allowed_headers.includes('*') ? req.headers['access-control-request-headers'] : headers);
      if (cors.max_age > 0) res.setHeader('Access-Control-Max-Age', String(cors.max_age));
      return void res.writeHead(204).end();
    }
    if (!signal) return reply(res, 404, 'json', 5, `${path} not found`), req.resume(), undefined;
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      req.resume();
      return reply(res, 405, 'json', 12, `${req.method} method not allowed, supported: [POST]`);
    }
    const ctype = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const format = ctype === 'application/x-protobuf' || ctype === 'application/protobuf' ? 'proto' : ctype === 'application/json' ? 'json' : undefined;
    if (!format) {
      req.resume();
      return reply(res, 415, 'json', 3, `${ctype || 'missing'} content type not supported, supported: [application/json, application/x-protobuf]`);
    }
    const route = this.routes.get(signal)!;
    let body: Buffer;
    try {
      body = await readBody(req, h.max_request_body_size);
    } catch (err) {
      return reply(res, err instanceof BodyError ? err.status : 400, format, 3, errorMessage(err));
    }
    let data: unknown;
    try {
      data = format === 'proto' ? route.ops.decodeProto(body) : route.ops.decodeJson(body);
    } catch (err) {
      return reply(res, 400, format, 3, `invalid ${signal} request: ${errorMessage(err)}`);
    }
    attachClientInfo(data as object, { addr: unmapIPv4(req.socket.remoteAddress), metadata: h.include_metadata ? newMetadata(Object.entries(req.headersDistinct)) : NO_METADATA });
    const n = route.ops.count(data);
    try {
      await route.next.consume(data);
    } catch (err) {
      const permanent = isPermanent(err);
      if (permanent) route.httpTel.failed(n);
      else route.httpTel.refused(n);
      if (!permanent) res.setHeader('Retry-After', '1');
      return reply(res, permanent ? 400 : 503, format, permanent ? 3 : 14, errorMessage(err));
    }
    route.httpTel.accepted(n);
    res.writeHead(200, { 'Content-Type': format === 'proto' ? 'application/x-protobuf' : 'application/json' });
    res.end(format === 'proto' ? EMPTY : '{}');
  }
}

const NO_METADATA: Metadata = new Map();

/**
 * A gRPC call's client info. Without `include_metadata` its metadata is converted only when a
 * component reads `grpc` (the legacy routing processor), so requests nothing inspects pay nothing.
 */
function grpcClientInfo(call: grpc.ServerUnaryCall<Buffer, Buffer>, includeMetadata: boolean): ClientInfo {
  const addr = peerIp(call.getPeer());
  const { metadata } = call;
  const host = call.getHost();
  if (includeMetadata) {
    const md = grpcMetadata(metadata, host);
    return { addr, metadata: md, grpc: md };
  }
  let md: Metadata | undefined;
  return {
    addr,
    metadata: NO_METADATA,
    get grpc() {
      return (md ??= grpcMetadata(metadata, host));
    },
  };
}

/** The call's metadata (binary values as latin1 strings), with `host` from `:authority` when the client sent no `host`. */
function grpcMetadata(metadata: grpc.Metadata, host: string): Metadata {
  const md = newMetadata(Object.entries(metadata.toJSON()).map(([k, vs]) => [k, vs.map((v) => (typeof v === 'string' ? v : v.toString('latin1')))]));
  if (!md.has('host') && host) md.set('host', [host]);
  return md;
}

/** The IP address of a grpc-js peer (`1.2.3.4:port`, `::1:port`, `[::1]:port`). */
function peerIp(peer: string): string {
  const i = peer.lastIndexOf(':');
  const ip = i > 0 && /^\d+$/.test(peer.slice(i + 1)) ? peer.slice(0, i) : peer;
  return unmapIPv4(ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip);
}

/** An IPv4 client of a dual-stack listener as the Collector names it (`1.2.3.4`, not `::ffff:1.2.3.4`). */
function unmapIPv4<S extends string | undefined>(ip: S): S {
  return (ip?.startsWith('::ffff:') && ip.includes('.') ? ip.slice('::ffff:'.length) : ip) as S;
}

/**
 * gRPC server credentials from Node's TLS options as they are: grpc-js' `createSsl` takes no
 * versions or cipher suites. grpc-js passes both option objects to `http2.createSecureServer`.
 */
class TlsServerCredentials extends grpc.ServerCredentials {
  constructor(options: TlsServerOptions) {
    const { requestCert, rejectUnauthorized, ...context } = options;
    super({ requestCert, rejectUnauthorized }, context);
  }

  _equals(other: grpc.ServerCredentials): boolean {
    return other === this;
  }
}

/** HTTP/2 flow-control window the gRPC server advertises per connection and per stream. */
const GRPC_WINDOW = 8 * MIB;

/**
 * grpc-js servers keep HTTP/2's default 64 KiB windows, which stall senders of large OTLP requests
 * while the event loop is busy. grpc-js has no option for it, so its (private) HTTP/2 servers get
 * a session listener that widens the windows; if grpc-js changes shape this does nothing.
 */
function widenFlowControlWindows(server: grpc.Server): void {
  const servers = (server as unknown as { http2Servers?: Map<import('node:events').EventEmitter, unknown> }).http2Servers;
  if (!(servers instanceof Map)) return;
  for (const h2 of servers.keys()) {
    h2.on('session', (session: import('node:http2').ServerHttp2Session) => {
      try {
        session.setLocalWindowSize(GRPC_WINDOW);
        session.settings({ initialWindowSize: GRPC_WINDOW });
      } catch {
        // A session closing while it starts keeps the defaults.
      }
    });
  }
}

function corsOrigin(allowed: readonly string[], origin: string): string | undefined {
  for (const a of allowed) {
    if (a === '*') return '*';
    if (a.includes('*')) {
      const re = new RegExp('^' + a.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
      if (re.test(origin)) return origin;
    } else if (a === origin) return origin;
  }
  return undefined;
}

function reply(res: ServerResponse, status: number, format: 'proto' | 'json', code: number, message: string): void {
  if (format === 'proto') {
    res.writeHead(status, { 'Content-Type': 'application/x-protobuf' });
    res.end(encodeStatus(code, message));
  } else {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ code, message }));
  }
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the body, inflating gzip/deflate, refusing more than `limit` bytes before or after inflating. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const enc = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (limit > 0 && declared > limit) {
    req.resume();
    return Promise.reject(new BodyError(413, `request body too large: ${declared} bytes, the limit is ${limit}`));
  }
  let stream: NodeJS.ReadableStream = req;
  if (enc === 'gzip' || enc === 'x-gzip') stream = req.pipe(createGunzip());
  else if (enc === 'deflate') stream = req.pipe(createInflate());
  else if (enc !== 'identity' && enc !== '') {
    req.resume();
    return Promise.reject(new BodyError(400, `unsupported Content-Encoding ${JSON.stringify(enc)}, supported: gzip, deflate`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      req.resume();
      reject(e);
    };
    stream.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (limit > 0 && size > limit) return fail(new BodyError(413, `request body too large: more than ${limit} bytes`));
      chunks.push(c);
    });
    stream.on('end', () => !failed && resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    stream.on('error', (e: Error) => fail(new BodyError(400, `cannot read the request body: ${e.message}`)));
    req.on('error', (e: Error) => fail(new BodyError(400, `cannot read the request body: ${e.message}`)));
  });
}

const shared = new SharedComponents<OtlpReceiverConfig, OtlpReceiver>();

function create<S extends Signal>(signal: S) {
  return (set: CreateSettings, cfg: OtlpReceiverConfig, next: Consumer<SignalData[S]>): Component =>
    shared.get(cfg, () => new OtlpReceiver(cfg, set), (r) => r.register(signal, next as AnyConsumer, set));
}

export const otlpReceiverFactory: ReceiverFactory<OtlpReceiverConfig> = {
  kind: 'receiver',
  type: 'otlp',
  description: 'Receives OTLP over gRPC (:4317) and HTTP (:4318, protobuf or JSON).',
  stability: 'stable',
  config,
  createTraces: create('traces'),
  createMetrics: create('metrics'),
  createLogs: create('logs'),
  createProfiles: create('profiles'),
};
