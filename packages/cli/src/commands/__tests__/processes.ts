// Test-only helpers for running the built `ottl collector` as child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const bin = resolve(import.meta.dirname, '../../../dist/bin.js');

/** Throws unless the CLI was built (`npm test` builds it first). */
export function requireBuilt(): void {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: build first (npm run build); npm test does`);
}

/** A TCP port on 127.0.0.1 that was free a moment ago (for a process started later). */
export function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

/** Resolves once `cond()` holds; rejects naming `what` after `ms`. */
export async function until(cond: () => boolean, what: string, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface CollectorProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

/**
 * Starts `ottl collector --config …` for each of `configs`, with `env` added to this process's
 * environment; resolves once it printed that it is ready, rejects with its stderr if it exited.
 * The process is pushed onto `children` before waiting, so a test can kill what it started.
 */
export async function startCollectorProcess(name: string, configs: string[], children: ChildProcess[], env: Record<string, string> = {}): Promise<CollectorProcess> {
  requireBuilt();
  const child = spawn(process.execPath, [bin, 'collector', ...configs.flatMap((c) => ['--config', c])], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await until(() => out.includes('Press Ctrl+C to stop.') || child.exitCode !== null, `${name} to start`);
  if (child.exitCode !== null) throw new Error(`${name} exited: ${err}`);
  return { child, stdout: () => out, stderr: () => err, exited };
}
