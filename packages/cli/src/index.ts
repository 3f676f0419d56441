// Public API of @ottl/cli: the program with every command registered (for tests and embedding).
import { createRequire } from 'node:module';
import { Command } from 'commander';
import { registerCollectorCommand } from './commands/collector.js';

export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** The `ottl` program with its commands. */
export function createProgram(): Command {
  const program = new Command('ottl').description('OpenTelemetry Transformation Language toolchain').version(VERSION);
  registerCollectorCommand(program);
  return program;
}

export { registerCollectorCommand };
