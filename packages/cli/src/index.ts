// Public API of @ottl/cli: the program with every command registered (for tests and embedding).
import { createRequire } from 'node:module';
import { Command } from 'commander';
import { registerCollectorCommand } from './commands/collector.js';
import { registerCheckCommand } from './commands/check.js';
import { registerFmtCommand } from './commands/fmt.js';
import { registerRunCommand } from './commands/run.js';
import { registerTraceCommand } from './commands/trace.js';
import { registerTestCommand } from './commands/test.js';
import { registerDocsCommand } from './commands/docs.js';
import { registerReplCommand } from './commands/repl.js';

export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/**
 * The `ottl` program with its commands. Usage errors throw commander's `CommanderError` (the
 * program exits through `exitOverride`), so the binary can map them to exit status 2.
 */
export function createProgram(): Command {
  const program = new Command('ottl')
    .description('OpenTelemetry Transformation Language toolchain: check, format, run, trace and test OTTL rules')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  registerCheckCommand(program);
  registerFmtCommand(program);
  registerRunCommand(program);
  registerTraceCommand(program);
  registerTestCommand(program);
  registerReplCommand(program);
  registerDocsCommand(program);
  registerCollectorCommand(program);
  return program;
}

export { registerCollectorCommand, registerCheckCommand, registerFmtCommand, registerRunCommand, registerTraceCommand, registerTestCommand, registerReplCommand, registerDocsCommand };
export { CliError } from './cli/common.js';
