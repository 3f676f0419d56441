/**
 * `ottl trace`: like `run`, but instead of the output it prints, for every item and statement,
 * whether the `where` clause matched and which paths changed (before → after); for filters, which
 * items were dropped. `--format json` prints one JSON object per item.
 */
import { Command, Option } from 'commander';
import { readInput } from '../data/input.js';
import { styleFor } from '../render/style.js';
import type { Style } from '@ottl/core';
import { Environments } from '../rules/environments.js';
import { addRuleOptions, openSession, type RuleCliOptions } from '../run/session.js';
import { Tracer, type TraceEntry } from '../run/trace.js';
import { CliError, examples, parseGates } from '../cli/common.js';

interface TraceOptions extends RuleCliOptions {
  format: 'text' | 'json';
  changedOnly?: boolean;
}

export function renderTraceEntry(e: TraceEntry, style: Style): string {
  const head = `${style.bold(`${e.source} request ${e.request} ${e.item}`)} ${style.dim(`(${e.dropped ? e.stage : `${e.context}, ${e.stage}`})`)}`;
  if (e.dropped) {
    const why = e.matched && e.matched.length > 0 ? `: ${e.matched.join('; ')}` : '';
    return `${head}\n  ${style.red('dropped')} by ${e.stage}${why}\n`;
  }
  const lines = [head];
  if (e.skipped) lines.push(`  ${style.dim('group conditions not met: statements skipped')}`);
  for (const s of e.statements) {
    lines.push(`  ${s.index}. ${s.statement}`);
    if (s.where !== undefined) lines.push(`       where: ${s.where ? style.green('matched') : style.yellow('not matched')}`);
    if (s.error !== undefined) lines.push(`       ${style.red('error')}: ${s.error}`);
    for (const c of s.changes) {
      lines.push(`       ${style.cyan(c.path)}: ${c.before ?? style.dim('(absent)')} → ${c.after ?? style.dim('(absent)')}`);
    }
    if (s.changes.length === 0 && s.error === undefined && s.where !== false) lines.push(`       ${style.dim('no change')}`);
  }
  return lines.join('\n') + '\n';
}

export async function runTrace(inputs: readonly string[], opts: TraceOptions): Promise<number> {
  const session = openSession(opts);
  if (!session) return 1;
  const tracer = new Tracer(session.pipeline, new Environments(parseGates(opts.featureGates)));
  const style = styleFor(process.stdout, opts.color);
  const covered = session.pipeline.signals();
  let source = '';
  let request = 0;
  for await (const unit of readInput({ paths: inputs, ...(opts.inputFormat ? { format: opts.inputFormat } : {}), ...(opts.signal ? { signal: opts.signal } : {}) })) {
    if (unit.type === 'request-start') {
      source = unit.source === '-' ? 'stdin' : unit.source;
      request = unit.index + 1;
    } else if (unit.type === 'data') {
      if (!covered.has(unit.signal)) throw new CliError(`the input holds ${unit.signal}, but the rules apply only to ${[...covered].join(', ')}`);
      await tracer.trace(unit.signal, unit.data, { source, request, resourceIndex: unit.resourceIndex }, (e) => {
        if (opts.changedOnly && !e.dropped && !e.statements.some((s) => s.changes.length > 0 || s.error !== undefined)) return;
        process.stdout.write(opts.format === 'json' ? JSON.stringify(e) + '\n' : renderTraceEntry(e, style) + '\n');
      });
    }
  }
  const summary = session.reporter.summary();
  if (summary) process.stderr.write(summary + '\n');
  return 0;
}

export function registerTraceCommand(program: Command): Command {
  const cmd = program
    .command('trace')
    .description('run like `run`, and show per item and statement whether `where` matched and which paths changed')
    .argument('[inputs...]', 'OTLP files or folders; - or nothing: standard input');
  addRuleOptions(cmd)
    .addOption(new Option('--format <format>', 'text for people, json for tools (one object per item)').choices(['text', 'json']).default('text'))
    .option('--changed-only', 'show only items that a statement changed, failed on, or that were dropped')
    .addHelpText(
      'after',
      examples([
        '$ ottl trace -r rules/redact.ottl logs.json',
        `$ ottl trace -e 'set(span.status.code, STATUS_CODE_ERROR) where span.attributes["http.status_code"] >= 500' traces.json`,
        '$ ottl trace -r collector.yaml --pipeline traces --changed-only traces.json',
        '$ ottl trace -r rules.ottl --format json logs.json | jq ".statements[] | select(.error)"',
      ]),
    )
    .action(async (inputs: string[], opts: TraceOptions) => {
      process.exitCode = await runTrace(inputs, opts);
    });
  return cmd;
}
