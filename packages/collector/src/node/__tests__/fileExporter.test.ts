import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeLogsJson, decodeLogsProto } from '@ottl/pdata';
import { logBodies, makeLogs } from '../../__tests__/helpers.js';
import { startYaml } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'ottl-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const yaml = (path: string, extra: string) => `
receivers:
  nop:
exporters:
  file:
    path: ${path}
${extra}
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], exporters: [file] }
`;

describe('file exporter', () => {
  it('writes one OTLP/JSON request per line and flushes at shutdown', async () => {
    const path = join(dir, 'out.jsonl');
    const c = await startYaml(yaml(path, '    flush_interval: 1h'));
    await c.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['a', 'b'] }]));
    await c.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['c'] }]));
    await c.shutdown();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => logBodies(decodeLogsJson(l)))).toEqual([['a', 'b'], ['c']]);
  });

  it('writes length-prefixed protobuf with format: proto', async () => {
    const path = join(dir, 'out.bin');
    const c = await startYaml(yaml(path, '    format: proto'));
    await c.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['p'] }]));
    await c.shutdown();
    const buf = readFileSync(path);
    const len = buf.readUInt32BE(0);
    expect(buf.length).toBe(4 + len);
    expect(logBodies(decodeLogsProto(buf.subarray(4)))).toEqual(['p']);
  });

  it('rotates by size and keeps at most max_backups files', async () => {
    const sub = mkdtempSync(join(dir, 'rot-'));
    const path = join(sub, 'telemetry.jsonl');
    const c = await startYaml(yaml(path, '    flush_interval: 0s\n    rotation: { max_megabytes: 1, max_backups: 2 }'));
    const big = 'x'.repeat(300_000);
    for (let i = 0; i < 12; i++) {
      await c.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: [`${i}:${big}`] }]));
      await new Promise((r) => setTimeout(r, 2)); // distinct rotation timestamps
    }
    await c.shutdown();
    const files = readdirSync(sub).sort();
    expect(files.length).toBe(3);
    expect(files).toContain('telemetry.jsonl');
    expect(files.filter((f) => /^telemetry-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}\.jsonl$/.test(f)).length).toBe(2);
    const last = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect((logBodies(decodeLogsJson(last[last.length - 1]!))[0] as string).startsWith('11:')).toBe(true);
  });

  it('a failed rotation fails the consume that needed it; once the directory is back, the next write reopens the file', async () => {
    const sub = mkdtempSync(join(dir, 'rotfail-'));
    const path = join(sub, 'telemetry.jsonl');
    const c = await startYaml(yaml(path, '    flush_interval: 0s\n    rotation: { max_megabytes: 1 }'));
    const big = 'x'.repeat(300_000);
    const write = (i: number) => c.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: [`${i}:${big}`] }])).then(() => 'written', (e: unknown) => (e as Error).message);
    for (let i = 0; i < 3; i++) expect(await write(i)).toBe('written');
    // A file where the directory was: renaming and reopening fail, even for root.
    rmSync(sub, { recursive: true });
    writeFileSync(sub, '');
    expect(await write(3)).toMatch(/^ENOTDIR: not a directory, rename /);
    expect(await write(4)).toMatch(/^(ENOTDIR|EEXIST)\b/);
    rmSync(sub);
    mkdirSync(sub);
    expect(await write(5)).toBe('written');
    expect(await write(6)).toBe('written');
    await c.shutdown();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (logBodies(decodeLogsJson(l))[0] as string).split(':')[0])).toEqual(['5', '6']);
    expect(c.collector.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(2);
    expect(c.collector.metrics.total('otelcol_exporter_sent_log_records')).toBe(5);
  });

  it('logs and counts a failed timed flush instead of leaving an unhandled rejection; later writes are still tried', async () => {
    const c = await startYaml(yaml('/dev/full', '    flush_interval: 5ms'));
    await c.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['a', 'b'] }]));
    await new Promise((r) => setTimeout(r, 40));
    await c.collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['c'] }]));
    await c.shutdown();
    const failed = c.logs.entries.filter((e) => e.message === 'Exporting failed. Dropping data.');
    expect(failed.map((e) => e.fields?.['dropped_items'])).toEqual([2, 1]);
    expect(String(failed[0]!.fields?.['error'])).toContain('ENOSPC');
    expect(c.collector.metrics.total('otelcol_exporter_send_failed_log_records')).toBe(3);
    expect(c.collector.metrics.total('otelcol_exporter_sent_log_records')).toBe(0);
  });

  it('rejects unsupported options at config time', async () => {
    await expect(startYaml(yaml(join(dir, 'z'), '    compression: zstd'))).rejects.toThrow('zstd compression is not supported by this file exporter');
  });
});
