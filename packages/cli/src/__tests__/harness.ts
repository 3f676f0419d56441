// Test helper: runs the built `ottl` binary (packages/cli/dist/bin.js, built by `npx tsc -b`)
// with colour forced off, and temporary folders for files the tests write.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const BIN = join(ROOT, 'packages/cli/dist/bin.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let built = false;

/** Builds the CLI once if the binary is missing (`npm test` builds everything first). */
function ensureBuilt(): void {
  if (built || existsSync(BIN)) {
    built = true;
    return;
  }
  const r = spawnSync('npx', ['tsc', '-b', 'packages/cli'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stdout}${r.stderr}`);
  built = true;
}

export function ottl(args: readonly string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): Run {
  ensureBuilt();
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env['FORCE_COLOR'];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same with stdout as bytes (protobuf output). */
export function ottlBytes(args: readonly string[], options: { input?: string | Buffer } = {}): { code: number | null; stdout: Buffer; stderr: string } {
  ensureBuilt();
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, input: options.input ?? '', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ottl-cli-test-'));
}
