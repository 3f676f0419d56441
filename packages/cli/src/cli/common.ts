/**
 * What every `ottl` command shares: the usage/I-O error that exits with status 2, reading files,
 * expanding folders, and the options several commands take (`--color`, `--context`,
 * `--error-mode`, `--feature-gates`).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Option } from 'commander';
import { CONTEXT_NAMES, type ContextName, type ErrorMode } from '@ottl/core';
import type { ColorChoice } from '../render/style.js';

/** A usage or I/O problem: the command stops, prints `ottl <command>: message` and exits 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EISDIR') return 'is a directory';
  if (e?.code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(err);
}

export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${reason(err)}`);
  }
}

export function readBinaryFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${reason(err)}`);
  }
}

/**
 * The files named, with each folder replaced by the files under it (recursively, sorted by path)
 * whose names pass `accept`. Missing paths are a CliError.
 */
export function expandPaths(paths: readonly string[], accept: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && accept(entry.name)) out.push(p);
    }
  };
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (err) {
      throw new CliError(`cannot read ${p}: ${reason(err)}`);
    }
    if (isDir) walk(p);
    else out.push(p);
  }
  return out;
}

export const colorOption = () =>
  new Option('--color <when>', 'colour the output: auto (on a TTY without NO_COLOR), always, never').choices(['auto', 'always', 'never']).default('auto');

export const contextOption = (what: string) => new Option('--context <name>', what).choices([...CONTEXT_NAMES]);

export const errorModeOption = () =>
  new Option('--error-mode <mode>', 'what a failing statement does: propagate (stop), ignore (log, go on), silent (go on)').choices(['propagate', 'ignore', 'silent']);

export const featureGatesOption = () =>
  new Option('--feature-gates <gates>', 'comma-separated OTTL feature gates to enable (e.g. ottl.functions.enableLambda)');

export interface CommonOptions {
  color?: ColorChoice;
  context?: ContextName;
  errorMode?: ErrorMode;
  featureGates?: string;
}

export function parseGates(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Lines of `--help` text listing examples (`$ ottl …  # what it does`). */
export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}
