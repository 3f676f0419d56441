// A real Prometheus server scrapes the collector's telemetry endpoint; the test reads
// otelcol_receiver_accepted_spans back through Prometheus' HTTP API. Prometheus must be installed
// (`.ci/run` installs the Debian package); without it this test fails on purpose.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeTracesProto } from '@ottl/pdata';
import { makeTraces } from '../../__tests__/helpers.js';
import { addressOf, grpcExport, startYaml } from './harness.js';
import type { RunningCollector } from '../run.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let prom: ChildProcess | undefined;
let collector: RunningCollector | undefined;
const dir = mkdtempSync(join(tmpdir(), 'ottl-prom-'));

afterAll(async () => {
  if (prom && prom.exitCode === null) {
    const exited = new Promise((r) => prom!.once('exit', r));
    prom.kill('SIGTERM');
    await exited;
  }
  await collector?.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

async function query(promAddr: string, q: string): Promise<number | undefined> {
  const res = await fetch(`http://${promAddr}/api/v1/query?query=${encodeURIComponent(q)}`);
  const body = (await res.json()) as { status: string; data: { result: { value: [number, string] }[] } };
  const v = body.data.result[0]?.value[1];
  return v === undefined ? undefined : Number(v);
}

describe('self-telemetry scraped by Prometheus', () => {
  it('exposes otelcol_receiver_accepted_spans and friends to a real Prometheus', async () => {
    const which = spawnSync('prometheus', ['--version'], { encoding: 'utf8' });
    if (which.error || which.status !== 0) {
      throw new Error('the `prometheus` binary is not installed: run `.ci/run` (it installs the Debian package) or `apt-get install -y prometheus`');
    }
    const metricsPort = await freePort();
    collector = await startYaml(
      `
receivers:
  otlp:
    protocols:
      grpc: { endpoint: 127.0.0.1:0 }
processors:
  batch: { timeout: 10ms }
exporters:
  debug:
service:
  telemetry:
    metrics:
      address: 127.0.0.1:${metricsPort}
  pipelines:
    traces: { receivers: [otlp], processors: [batch], exporters: [debug] }
`,
    );
    for (let i = 0; i < 5; i++) {
      const r = await grpcExport(addressOf(collector, 'otlp grpc'), 'opentelemetry.proto.collector.trace.v1.TraceService', encodeTracesProto(makeTraces([{ spans: ['a', 'b', 'c'] }])));
      expect(r.code).toBe(0);
    }
    const text = await (await fetch(`http://${addressOf(collector, 'metrics')}/metrics`)).text();
    expect(text).toContain('# TYPE otelcol_receiver_accepted_spans counter');
    expect(text).toMatch(/otelcol_receiver_accepted_spans\{service_name="otelcol",service_version="[^"]+",receiver="otlp",transport="grpc"\} 15/);
    expect(text).toMatch(/otelcol_process_cpu_seconds\{[^}]*\} \d/);

    const promPort = await freePort();
    writeFileSync(
      join(dir, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: otelcol\n    static_configs:\n      - targets: ['127.0.0.1:${metricsPort}']\n`,
    );
    const promAddr = `127.0.0.1:${promPort}`;
    prom = spawn('prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=${promAddr}`], { stdio: 'ignore' });
    const deadline = Date.now() + 45_000;
    let accepted: number | undefined;
    while (Date.now() < deadline) {
      accepted = await query(promAddr, 'sum(otelcol_receiver_accepted_spans)').catch(() => undefined);
      if (accepted === 15) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(accepted).toBe(15);
    expect(await query(promAddr, 'sum(otelcol_exporter_sent_spans)')).toBe(15);
    expect(await query(promAddr, 'sum(otelcol_processor_incoming_items{processor="batch"})')).toBe(15);
    expect(await query(promAddr, 'count(otelcol_processor_batch_batch_send_size_bucket)')).toBeGreaterThan(0);
  }, 60_000);
});
