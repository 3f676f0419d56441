// `ottl collector` as a process (the built CLI, as `npm start` runs it): prints its endpoints, takes
// data, and on SIGTERM drains everything it accepted before exiting 0.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const bin = resolve(import.meta.dirname, '../../../dist/bin.js');
const dir = mkdtempSync(join(tmpdir(), 'ottl-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function requireBuilt(): void {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: build first (npm run build); npm test does`);
}

describe('ottl collector', () => {
  it('npm start launches Node with the flags of the ottl shebang line, and that line runs', () => {
    requireBuilt();
    const shebang = readFileSync(bin, 'utf8').split('\n')[0]!;
    const m = /^#!\/usr\/bin\/env -S (node(?: --[\w-]+=\w+)+)$/.exec(shebang);
    expect(m, shebang).not.toBeNull();
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../../package.json'), 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start).toContain(`${m![1]} packages/cli/dist/bin.js collector`);
    const r = spawnSync('/usr/bin/env', ['-S', m![1]!, bin, '--version'], { encoding: 'utf8' });
    expect([r.status, r.stdout.trim()]).toEqual([0, JSON.parse(readFileSync(resolve(bin, '../../package.json'), 'utf8')).version]);
  });

  it('components lists every component, descriptions in one column, and the same list as JSON', () => {
    requireBuilt();
    const text = spawnSync(process.execPath, [bin, 'collector', 'components'], { encoding: 'utf8' }).stdout.split('\n');
    const json = JSON.parse(spawnSync(process.execPath, [bin, 'collector', 'components', '--format', 'json'], { encoding: 'utf8' }).stdout) as { kind: string; type: string; description: string }[];
    expect(json.map((c) => `${c.kind}/${c.type}`)).toEqual(expect.arrayContaining(['processor/tail_sampling', 'processor/probabilistic_sampler', 'connector/routing', 'extension/file_storage']));
    const columns = json.map((c) => {
      const header = text.indexOf(`${c.kind}s:`);
      const line = text.slice(header).find((l) => l.startsWith(`  ${c.type} `))!;
      return line.indexOf(c.description);
    });
    expect(new Set(columns).size).toBe(1);
    expect(columns[0]).toBeGreaterThan(0);
  });

  it('validate prints diagnostics with positions and exits 1; a good config exits 0', () => {
    requireBuilt();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'receivers:\n  otlp:\n    protocols:\n      grpc:\nprocessors:\n  groupbytrace:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      processors: [groupbytrace]\n      exporters: [debug]\n');
    const r = spawnSync(process.execPath, [bin, 'collector', 'validate', '--config', bad, '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const diags = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { code: string; path: string; file: string; range: { start: { line: number; column: number } } });
    expect(diags.map((d) => [d.code, d.path, `${d.range.start.line}:${d.range.start.column}`])).toEqual([['unknown-component', 'processors.groupbytrace', '6:3']]);
    const good = spawnSync(process.execPath, [bin, 'collector', 'validate', '--config', resolve(import.meta.dirname, '../../../../../examples/default/collector.yaml')], { encoding: 'utf8' });
    expect([good.status, good.stdout.trim().endsWith('configuration is valid')]).toEqual([0, true]);
  });

  it('runs until SIGTERM, then drains the batch and the file exporter and exits 0', async () => {
    requireBuilt();
    const out = join(dir, 'out.jsonl');
    const cfg = join(dir, 'run.yaml');
    writeFileSync(
      cfg,
      `receivers:\n  otlp:\n    protocols:\n      http: { endpoint: 127.0.0.1:0 }\nprocessors:\n  batch: { timeout: 1h }\n  transform:\n    log_statements: ['set(log.attributes["via"], "cli")']\nexporters:\n  file: { path: ${out}, flush_interval: 1h }\nextensions:\n  health_check: { endpoint: 127.0.0.1:0 }\nservice:\n  extensions: [health_check]\n  telemetry: { metrics: { address: 127.0.0.1:0 } }\n  pipelines:\n    logs: { receivers: [otlp], processors: [transform, batch], exporters: [file] }\n`,
    );
    const child = spawn(process.execPath, [bin, 'collector', '--config', cfg], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const deadline = Date.now() + 15_000;
    while (!stdout.includes('Press Ctrl+C to stop.') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(stdout).toMatch(/otlp http\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/health_check\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/metrics\s+http:\/\/127\.0\.0\.1:\d+\/metrics/);
    const http = /otlp http\s+http:\/\/(127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
    const body = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: 'held in the batch' } }] }] }] };
    const res = await fetch(`http://${http}/v1/logs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    expect(existsSync(out) ? readFileSync(out, 'utf8') : '').toBe(''); // still in the batch (timeout 1h)
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const line = JSON.parse(readFileSync(out, 'utf8').trim()) as typeof body & { resourceLogs: { scopeLogs: { logRecords: { attributes: unknown }[] }[] }[] };
    expect(line.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]).toEqual({ body: { stringValue: 'held in the batch' }, attributes: [{ key: 'via', value: { stringValue: 'cli' } }] });
  }, 30_000);
});
