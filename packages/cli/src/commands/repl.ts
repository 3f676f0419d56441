/**
 * `ottl repl [INPUTS…]`: an interactive session over sample records (OTLP files, or one empty
 * record): statements run on the current record and show what changed, conditions and values are
 * evaluated; Tab completes through @ottl/language-service; history is kept in ~/.ottl_history (or
 * $OTTL_HISTORY) on a terminal. Without a terminal it reads inputs line by line from stdin and
 * prints only results (for scripts and tests).
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { colorOption, contextOption, examples, featureGatesOption, parseGates, type CommonOptions } from '../cli/common.js';
import { styleFor } from '../render/style.js';
import { Environments } from '../rules/environments.js';
import { needsMore, ReplSession } from '../repl/session.js';

interface ReplOptions extends CommonOptions {
  history: boolean;
}

const HISTORY_LIMIT = 1000;

function historyFile(): string {
  return process.env['OTTL_HISTORY'] ?? join(homedir(), '.ottl_history');
}

function loadHistory(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter((l) => l !== '').slice(-HISTORY_LIMIT).reverse();
  } catch {
    return [];
  }
}

export async function runRepl(files: readonly string[], opts: ReplOptions): Promise<number> {
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const style = styleFor(process.stdout, opts.color);
  const session = new ReplSession(new Environments(parseGates(opts.featureGates)), style, opts.context);
  process.stdout.write((await session.load(files)) + '\n');
  if (interactive) process.stdout.write(style.dim('OTTL REPL: type a statement, condition or value; :help for commands, Tab to complete, Ctrl+D to leave') + '\n');
  const useHistory = interactive && opts.history;
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    ...(useHistory ? { history: loadHistory(historyFile()), historySize: HISTORY_LIMIT } : {}),
    ...(interactive
      ? {
          completer: (line: string): [string[], string] => {
            const { from, inserts } = session.completions(line);
            return [inserts, line.slice(from)];
          },
        }
      : {}),
  });
  const prompt = (more: boolean) => {
    if (!interactive) return;
    rl.setPrompt(more ? '... ' : session.prompt);
    rl.prompt();
  };
  let buffer = '';
  prompt(false);
  for await (const line of rl) {
    // A command ends an unfinished input: what was typed so far is evaluated first.
    if (buffer !== '' && line.trimStart().startsWith(':')) {
      process.stdout.write((await session.handle(buffer)).output);
      buffer = '';
    }
    buffer = buffer === '' ? line : `${buffer}\n${line}`;
    if (needsMore(buffer)) {
      prompt(true);
      continue;
    }
    const input = buffer;
    buffer = '';
    if (useHistory && input.trim() !== '') {
      try {
        appendFileSync(historyFile(), input.replace(/\n/g, ' ') + '\n');
      } catch {
        // History is a convenience; an unwritable file does not stop the session.
      }
    }
    const { output, quit } = await session.handle(input);
    process.stdout.write(output);
    if (quit) break;
    prompt(false);
  }
  rl.close();
  if (buffer.trim() !== '') process.stdout.write((await session.handle(buffer)).output);
  return 0;
}

export function registerReplCommand(program: Command): Command {
  return program
    .command('repl')
    .description('interactive OTTL: run statements on sample records, evaluate conditions and values, with completion')
    .argument('[inputs...]', 'OTLP files with sample records (default: one empty record)')
    .addOption(contextOption('the context to start in (default: from the data: log, span or datapoint)'))
    .option('--no-history', 'do not read or write the history file (~/.ottl_history, or $OTTL_HISTORY)')
    .addOption(featureGatesOption())
    .addOption(colorOption())
    .addHelpText(
      'after',
      examples([
        '$ ottl repl examples/cli/data/logs.json',
        '  ottl(log 1/4)> set(attributes["env"], "prod")',
        '  log.attributes["env"]: (absent) → "prod"',
        '  ottl(log 1/4)> Len(body)',
        '  36',
        '  ottl(log 1/4)> :next',
        '$ printf \'body\\n:next\\nbody\\n\' | ottl repl logs.json      # scripted: one input per line',
      ]),
    )
    .action(async (files: string[], opts: ReplOptions) => {
      process.exitCode = await runRepl(files, opts);
    });
}
