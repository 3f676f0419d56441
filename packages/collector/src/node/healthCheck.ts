/**
 * `health_check` extension: an HTTP endpoint (default `localhost:13133`, path `/`) answering 200
 * `{"status":"Server available",…}` while the collector runs and 503 otherwise (the Collector's
 * healthcheckextension, v1 behaviour).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CollectorState, CreateSettings, Endpoint, Extension, ExtensionFactory, Host } from '../component/component.js';
import { raw, string, struct, type Infer } from '../config/schema.js';
import { formatHostPort, listenEndpoint, parseHostPort, tlsServerConfig, presentBlock } from './netConfig.js';

const config = struct({
  endpoint: listenEndpoint('localhost:13133'),
  path: string('/'),
  response_body: presentBlock(struct({ healthy: string(''), unhealthy: string('') })),
  check_collector_pipeline: raw(),
  tls: presentBlock(tlsServerConfig),
});

export type HealthCheckConfig = Infer<typeof config>;

class HealthCheck implements Extension {
  private server: Server | undefined;
  private address: string | undefined;
  private readonly since = new Date();

  constructor(
    private readonly cfg: HealthCheckConfig,
    private readonly set: CreateSettings,
  ) {}

  endpoints(): Endpoint[] {
    return this.address ? [{ name: 'health_check', address: this.address }] : [];
  }

  async start(host: Host): Promise<void> {
    const path = this.cfg.path.startsWith('/') ? this.cfg.path : `/${this.cfg.path}`;
    const server = createServer((req, res) => {
      if ((req.url ?? '/').split('?')[0] !== path || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404).end();
        return;
      }
      const state: CollectorState = host.state();
      const ok = state === 'running';
      const body = ok
        ? this.cfg.response_body?.healthy || JSON.stringify({ status: 'Server available', upSince: this.since.toISOString(), uptime: `${((Date.now() - this.since.getTime()) / 1000).toFixed(3)}s` })
        : this.cfg.response_body?.unhealthy || JSON.stringify({ status: 'Server not available', upSince: this.since.toISOString(), uptime: `${((Date.now() - this.since.getTime()) / 1000).toFixed(3)}s` });
      res.writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    const hp = parseHostPort(this.cfg.endpoint)!;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e) => reject(new Error(`health_check: cannot listen on ${this.cfg.endpoint}: ${e.message}`)));
      server.listen(hp.port, hp.host, resolve);
    });
    this.server = server;
    this.address = formatHostPort(hp.host, (server.address() as AddressInfo).port);
    this.set.logger.info('Health Check server started', { endpoint: this.address });
  }

  async shutdown(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    const closed = new Promise<void>((resolve) => s.close(() => resolve()));
    s.closeAllConnections();
    await closed;
  }
}

export const healthCheckExtensionFactory: ExtensionFactory<HealthCheckConfig> = {
  kind: 'extension',
  type: 'health_check',
  description: 'Answers HTTP health probes: 200 while the collector runs, 503 otherwise.',
  stability: 'beta',
  config,
  create: (set, cfg) => new HealthCheck(cfg, set),
};
