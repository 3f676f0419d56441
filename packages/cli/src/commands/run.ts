/**
 * `ottl run`: applies statements (`-e`, a `.ottl` file, or the transform/filter processors of a
 * Collector YAML file) to OTLP input and writes OTLP out; `--diff` shows what changed instead.
 * Input is streamed resource by resource; a progress bar shows on a TTY.
 */
import { createWriteStream, openSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { Command, Option } from 'commander';
import { SIGNAL_OPS } from '@ottl/collector';
import { CliError, examples } from '../cli/common.js';
import { inputFiles, readInput, RESOURCE_ARRAY_KEY, type DataFormat } from '../data/input.js';
import { OtlpWriter, resourceDiffText } from '../data/output.js';
import { Progress } from '../render/progress.js';
import { styleFor } from '../render/style.js';
import { unifiedDiff } from '../text/diff.js';
import { addRuleOptions, openSession, type RuleCliOptions } from '../run/session.js';
import { runtimeFailure } from '../run/failure.js';

interface RunOptions extends RuleCliOptions {
  output?: string;
  outputFormat: DataFormat;
  pretty?: boolean;
  diff?: boolean;
  progress: boolean;
}

/** Ends an output file; a write that failed on the way (a full disk) is a CliError. */
async function closeOutput(out: Writable, name: string): Promise<void> {
  if (out === process.stdout) return;
  const fail = (err: Error) => new CliError(`cannot write ${name}: ${err.message}`);
  if (out.errored) throw fail(out.errored);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(fail(err)) : resolve())));
}

export async function runRun(inputs: readonly string[], opts: RunOptions): Promise<number> {
  const session = openSession(opts);
  if (!session) return 1;
  const { pipeline, reporter } = session;
  const files = inputFiles(inputs);
  const total = files.every((f) => f.size !== undefined) ? files.reduce((n, f) => n + f.size!, 0) : undefined;
  const progress = new Progress(process.stderr, total, opts.progress);
  let out: Writable = process.stdout;
  if (opts.output !== undefined && !opts.diff) {
    let fd: number;
    try {
      fd = openSync(opts.output, 'w');
    } catch (err) {
      throw new CliError(`cannot write ${opts.output}: ${err instanceof Error ? err.message : String(err)}`);
    }
    out = createWriteStream(opts.output, { fd });
    // Errors are picked up by the next write or at the end (closeOutput).
    out.on('error', () => undefined);
  }
  const writer = new OtlpWriter(out, { format: opts.outputFormat, ...(opts.pretty ? { pretty: true } : {}) });
  const diffStyle = styleFor(process.stdout, opts.color);
  let source = '';
  let request = 0;
  let itemsIn = 0;
  let itemsOut = 0;
  const covered = pipeline.signals();
  try {
    for await (const unit of readInput({
      paths: inputs,
      ...(opts.inputFormat ? { format: opts.inputFormat } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      onBytes: (n) => progress.addBytes(n),
    })) {
      if (unit.type === 'request-start') {
        source = unit.source === '-' ? 'stdin' : unit.source;
        request = unit.index + 1;
        if (!opts.diff) writer.beginRequest();
      } else if (unit.type === 'request-end') {
        if (!opts.diff) await writer.endRequest();
      } else {
        if (!covered.has(unit.signal)) {
          throw new CliError(`the input holds ${unit.signal}, but the rules apply only to ${[...covered].join(', ')}`);
        }
        const ops = SIGNAL_OPS[unit.signal];
        const count = ops.count(unit.data as never);
        itemsIn += count;
        const before = opts.diff ? resourceDiffText(unit.signal, unit.data) : '';
        try {
          await pipeline.apply(unit.signal, unit.data);
        } catch (err) {
          progress.done();
          process.stderr.write(runtimeFailure(err, session.stderrStyle, `${source}, request ${request}`));
          return 1;
        }
        itemsOut += ops.count(unit.data as never);
        progress.addRecords(count);
        if (opts.diff) {
          const after = resourceDiffText(unit.signal, unit.data);
          const where = `${source} request ${request} ${RESOURCE_ARRAY_KEY[unit.signal]}[${unit.resourceIndex}]`;
          const text = unifiedDiff(before, after, { from: `${where} (input)`, to: `${where} (output)`, style: diffStyle });
          if (text !== '') process.stdout.write(text);
        } else await writer.writeData(unit.signal, unit.data);
      }
    }
  } catch (err) {
    if (err instanceof CliError || !(err instanceof Error) || !('code' in err)) throw err;
    throw new CliError(`cannot write ${opts.output ?? 'standard output'}: ${err.message}`);
  } finally {
    progress.done();
  }
  await closeOutput(out, opts.output ?? 'standard output');
  const summary = reporter.summary();
  if (summary) process.stderr.write(summary + '\n');
  if (process.stderr.isTTY) process.stderr.write(`${itemsIn} items in, ${itemsOut} out (${itemsIn - itemsOut} dropped)\n`);
  return 0;
}

export function registerRunCommand(program: Command): Command {
  const cmd = program
    .command('run')
    .description('apply OTTL statements to OTLP data (JSON or protobuf) and write the result')
    .argument('[inputs...]', 'OTLP files or folders (.json, .jsonl, .pb, … optionally .gz); - or nothing: standard input');
  addRuleOptions(cmd)
    .option('-o, --output <file>', 'write the output here (default: standard output)')
    .addOption(new Option('--output-format <format>', 'output encoding').choices(['json', 'proto']).default('json'))
    .option('--pretty', 'indent the JSON output')
    .option('--diff', 'print what the rules changed (a unified diff per resource) instead of the output')
    .option('--no-progress', 'never show the progress bar (it shows only when stderr is a TTY)')
    .addHelpText(
      'after',
      examples([
        `$ ottl run -e 'set(log.attributes["env"], "prod")' logs.json`,
        '$ ottl run -r rules/redact.ottl logs.jsonl > redacted.jsonl',
        '$ ottl run -r collector.yaml --pipeline logs --diff logs.json   # what the pipeline changes',
        '$ ottl run -r collector.yaml --processor transform/redact data/  # every file under data/',
        '$ ottl run -r rules.ottl --signal traces --input-format proto --output-format proto < req.pb > out.pb',
      ]),
    )
    .action(async (inputs: string[], opts: RunOptions) => {
      process.exitCode = await runRun(inputs, opts);
    });
  return cmd;
}
