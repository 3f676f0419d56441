// `ottl collector` with sending_queue.storage: records acknowledged while the backend is down
// survive a SIGKILL of the collector and reach the backend once a new collector runs on the same
// directory. The backend never accepted anything before the kill, so each record arrives exactly
// once (in general delivery is at least once).
import { afterAll, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startCollectorProcess, until, type CollectorProcess } from './processes.js';

const dir = mkdtempSync(join(tmpdir(), 'ottl-pq-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `ottl collector` with `yaml`; resolves once it is ready. */
function collector(name: string, yaml: string): Promise<CollectorProcess> {
  const cfg = join(dir, `${name}.yaml`);
  writeFileSync(cfg, yaml);
  return startCollectorProcess(name, [cfg], children);
}

it('a SIGKILLed collector loses none of the records it acknowledged: a new one on the same directory delivers them', async () => {
  const backendPort = await freePort();
  const agentYaml = `receivers:
  otlp:
    protocols:
      http: { endpoint: 127.0.0.1:0 }
exporters:
  otlp:
    endpoint: 127.0.0.1:${backendPort}
    tls: { insecure: true }
    timeout: 1s
    sending_queue: { storage: file_storage }
    retry_on_failure: { initial_interval: 50ms, max_interval: 200ms }
extensions:
  file_storage: { directory: ${join(dir, 'queue')}, create_directory: true }
service:
  extensions: [file_storage]
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [otlp], exporters: [otlp] }
`;
  const agent = await collector('agent', agentYaml);
  const http = /otlp http\s+http:\/\/(127\.0\.0\.1:\d+)/.exec(agent.stdout())![1]!;
  const sent: string[] = [];
  for (let i = 0; i < 20; i++) {
    const bodies = Array.from({ length: 5 }, (_, j) => `r${i}-${j}`);
    sent.push(...bodies);
    const body = { resourceLogs: [{ scopeLogs: [{ logRecords: bodies.map((b) => ({ body: { stringValue: b } })) }] }] };
    const res = await fetch(`http://${http}/v1/logs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
  }
  agent.child.kill('SIGKILL');
  await agent.exited;

  const out = join(dir, 'backend.jsonl');
  const backend = await collector(
    'backend',
    `receivers:\n  otlp:\n    protocols:\n      grpc: { endpoint: 127.0.0.1:${backendPort} }\nexporters:\n  file: { path: ${out}, flush_interval: 0s }\nservice:\n  telemetry: { metrics: { level: none } }\n  pipelines:\n    logs: { receivers: [otlp], exporters: [file] }\n`,
  );
  const received = () =>
    (existsSync(out) ? readFileSync(out, 'utf8') : '')
      .split('\n')
      .filter((l) => l !== '')
      .flatMap((l) => (JSON.parse(l) as { resourceLogs: { scopeLogs: { logRecords: { body: { stringValue: string } }[] }[] }[] }).resourceLogs)
      .flatMap((r) => r.scopeLogs.flatMap((s) => s.logRecords.map((lr) => lr.body.stringValue)));
  const again = await collector('agent-again', agentYaml);
  await until(() => received().length >= sent.length, 'the backend to receive every record');
  again.child.kill('SIGTERM');
  await again.exited;
  backend.child.kill('SIGTERM');
  await backend.exited;
  // Ten queue consumers send concurrently: the order may change, the records may not.
  expect(received().sort()).toEqual(sent.sort());
}, 20_000);
