/**
 * `ottl collector`: run a collector from otelcol-format config files, validate them, or list the
 * components of this build.
 *
 *   ottl collector --config FILE [--config FILE…]            run until SIGINT/SIGTERM, then drain
 *   ottl collector validate --config FILE [--format json]    check configs, print diagnostics
 *   ottl collector components [--format json]                list receivers, processors, exporters…
 */
import { Command, Option } from 'commander';
import {
  ConfigError,
  createLineLogger,
  factorySignals,
  listFactories,
  renderConfigDiagnostics,
  type ConfigDiagnostic,
  type Factory,
} from '@ottl/collector';
import { nodeComponents, readConfigFiles, runUntilSignal, startCollector, validateConfigFiles } from '@ottl/collector/node';
import { styleFor } from '../render/style.js';

interface ConfigOptions {
  config?: string[];
  format?: 'text' | 'json';
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

const configOption = () => new Option('-c, --config <file...>', 'configuration file(s), merged in order (repeatable)');

function printDiagnosticsJson(diagnostics: readonly ConfigDiagnostic[]): void {
  for (const d of diagnostics) process.stdout.write(JSON.stringify(d) + '\n');
}

async function run(opts: ConfigOptions): Promise<void> {
  const write = (l: string) => void process.stderr.write(l);
  let running;
  try {
    running = await startCollector(await readConfigFiles(opts.config ?? []), {
      // --log-level wins over service.telemetry.logs.level.
      makeLogger: (logs) => createLineLogger(write, { level: opts.logLevel ?? logs.level, format: logs.encoding }),
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`ottl collector: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
    return;
  }
  const lines = running.endpoints().map(({ id, endpoint }) => {
    const http = endpoint.name !== 'otlp grpc';
    const suffix = endpoint.name === 'metrics' ? '/metrics' : '';
    return `  ${endpoint.name.padEnd(14)} ${http ? 'http://' : ''}${endpoint.address}${suffix}${id !== endpoint.name && id !== 'telemetry' ? `   (${id})` : ''}`;
  });
  process.stdout.write(`ottl collector running (config: ${(opts.config ?? []).join(', ')})\n${lines.join('\n')}\nPress Ctrl+C to stop.\n`);
  process.exitCode = await runUntilSignal(running);
}

async function validate(opts: ConfigOptions): Promise<void> {
  let result;
  try {
    result = await validateConfigFiles(opts.config ?? []);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    if (opts.format === 'json') printDiagnosticsJson(err.diagnostics);
    else process.stderr.write(err.message + '\n');
    process.exitCode = 1;
    return;
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (opts.format === 'json') printDiagnosticsJson(result.diagnostics);
  else if (result.diagnostics.length > 0) process.stderr.write(renderConfigDiagnostics(result.diagnostics, result.sources, styleFor(process.stderr)) + '\n');
  else process.stdout.write(`${(opts.config ?? []).join(', ')}: configuration is valid\n`);
  process.exitCode = errors.length > 0 ? 1 : 0;
}

function signalsOf(f: Factory): string {
  if (f.kind === 'extension') return '';
  if (f.kind === 'connector') return f.supports.every(([a, b]) => a === b) ? `${f.supports.map(([a]) => a).join(', ')} (same signal)` : f.supports.map(([a, b]) => `${a}→${b}`).join(', ');
  return factorySignals(f).join(', ');
}

function components(opts: ConfigOptions): void {
  const all = listFactories(nodeComponents());
  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify(all.map((f) => ({ kind: f.kind, type: f.type, stability: f.stability, signals: signalsOf(f), description: f.description })), null, 2) + '\n');
    return;
  }
  const out: string[] = [];
  // Columns as wide as their longest entry, so every description starts in the same column.
  const width = (f: (x: (typeof all)[number]) => string) => Math.max(...all.map((x) => f(x).length));
  const [tw, sw, gw] = [width((x) => x.type), width((x) => x.stability), width(signalsOf)];
  for (const kind of ['receiver', 'processor', 'exporter', 'connector', 'extension'] as const) {
    out.push(`${kind}s:`);
    for (const f of all.filter((x) => x.kind === kind)) {
      out.push(`  ${f.type.padEnd(tw)}  ${f.stability.padEnd(sw)}  ${signalsOf(f).padEnd(gw)}  ${f.description}`.replace(/\s+$/, ''));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

export function registerCollectorCommand(program: Command): Command {
  const cmd = program
    .command('collector')
    .description('run an OpenTelemetry Collector-compatible pipeline (OTLP in, OTTL transform/filter, OTLP/debug/file out)')
    .addOption(configOption())
    .addOption(new Option('--log-level <level>', 'log level (default: service.telemetry.logs.level, else info)').choices(['debug', 'info', 'warn', 'error']))
    .action((opts: ConfigOptions) => run(opts));
  cmd
    .command('validate')
    .description('check configuration files and print every problem')
    .addOption(configOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    // `--config` may be written before or after `validate`; both reach it.
    .action((_opts: ConfigOptions, c: Command) => validate(c.optsWithGlobals<ConfigOptions>()));
  cmd
    .command('components')
    .description('list the components of this build')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((_opts: ConfigOptions, c: Command) => components(c.optsWithGlobals<ConfigOptions>()));
  return cmd;
}
