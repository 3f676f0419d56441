/**
 * The collector's own metrics over HTTP in the Prometheus text format (`GET /metrics`, default
 * `localhost:8888`), including the Collector's process metrics (`otelcol_process_*`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MetricsRegistry } from '../telemetry/metrics.js';
import { formatHostPort, parseHostPort } from './netConfig.js';

/** Registers `otelcol_process_uptime`, `_cpu_seconds`, `_memory_rss` and the runtime heap gauges. */
export function registerProcessMetrics(metrics: MetricsRegistry): void {
  const started = Date.now();
  metrics.gauge('otelcol_process_uptime', 'Uptime of the process [s]', {}, () => (Date.now() - started) / 1000);
  metrics.gauge('otelcol_process_cpu_seconds', 'Total CPU user and system time in seconds [s]', {}, () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  });
  metrics.gauge('otelcol_process_memory_rss', 'Total physical memory (resident set size) [By]', {}, () => process.memoryUsage().rss);
  metrics.gauge('otelcol_process_runtime_heap_alloc_bytes', 'Bytes of allocated heap objects [By]', {}, () => process.memoryUsage().heapUsed);
  metrics.gauge('otelcol_process_runtime_total_sys_memory_bytes', 'Total bytes of memory obtained from the OS [By]', {}, () => process.memoryUsage().heapTotal + process.memoryUsage().external);
}

export interface TelemetryServer {
  readonly address: string;
  close(): Promise<void>;
}

/** Serves `metrics` on `endpoint` (`host:port`; port 0 picks a free one). */
export async function startTelemetryServer(metrics: MetricsRegistry, endpoint: string): Promise<TelemetryServer> {
  const hp = parseHostPort(endpoint);
  if (!hp) throw new Error(`invalid telemetry metrics address ${JSON.stringify(endpoint)}; write host:port`);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
    res.end(metrics.renderPrometheus());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`cannot serve telemetry metrics on ${endpoint}: ${e.message}`)));
    server.listen(hp.port, hp.host, resolve);
  });
  return {
    address: formatHostPort(hp.host, (server.address() as AddressInfo).port),
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}
