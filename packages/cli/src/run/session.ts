/**
 * What `run`, `trace` and `repl` share: their rule options, loading the rules (printing the
 * diagnostics on stderr), and the stage pipeline with its runtime reporter.
 */
import { Option, type Command } from 'commander';
import { countSeverities, renderFileDiagnostics, summaryLine, type ContextName, type ErrorMode, type Style } from '@ottl/core';
import type { Signal } from '@ottl/collector';
import { CliError, colorOption, contextOption, errorModeOption, featureGatesOption, parseGates } from '../cli/common.js';
import { styleFor, type ColorChoice } from '../render/style.js';
import { Environments } from '../rules/environments.js';
import { loadRules } from '../rules/load.js';
import { RulePipeline } from '../rules/pipeline.js';
import type { DataFormat } from '../data/input.js';
import { RuntimeReporter } from './reporter.js';

export interface RuleCliOptions {
  expression?: string[];
  rules?: string;
  processor?: string[];
  pipeline?: string;
  context?: ContextName;
  errorMode?: ErrorMode;
  featureGates?: string;
  color?: ColorChoice;
  signal?: Signal;
  inputFormat?: DataFormat;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds the options that say which rules to apply and how to read the input. */
export function addRuleOptions(cmd: Command): Command {
  return cmd
    .option('-e, --expression <statement>', 'an OTTL statement to apply (repeatable; one group, run in order)', collect)
    .option('-r, --rules <file>', 'a .ottl rule file, or a collector .yaml whose transform/filter processors to apply')
    .option('--processor <id>', 'with a collector .yaml: apply this processor (repeatable, in order; default: every transform and filter processor)', collect)
    .option('--pipeline <name>', 'with a collector .yaml: apply the transform and filter processors of this pipeline, in its order')
    .addOption(contextOption('context of -e statements and of rule files without a declaration (default: inferred from path prefixes)'))
    .addOption(errorModeOption())
    .addOption(new Option('--signal <signal>', 'signal of protobuf input (JSON input names its own)').choices(['logs', 'traces', 'metrics', 'profiles']))
    .addOption(new Option('--input-format <format>', 'input encoding (default: by file extension, else `{` means JSON)').choices(['json', 'proto']))
    .addOption(featureGatesOption())
    .addOption(colorOption());
}

export interface Session {
  readonly pipeline: RulePipeline;
  readonly reporter: RuntimeReporter;
  readonly stderrStyle: Style;
}

/**
 * Loads the rules; on errors prints their diagnostics on stderr and returns undefined (exit 1).
 * Warnings are printed and the session goes on.
 */
export function openSession(opts: RuleCliOptions): Session | undefined {
  const stderrStyle = styleFor(process.stderr, opts.color);
  const reporter = new RuntimeReporter(process.stderr, stderrStyle);
  const envs = new Environments(parseGates(opts.featureGates), reporter.core);
  const loaded = loadRules(
    {
      ...(opts.expression ? { expressions: opts.expression } : {}),
      ...(opts.rules !== undefined ? { rules: opts.rules } : {}),
      ...(opts.processor ? { processors: opts.processor } : {}),
      ...(opts.pipeline !== undefined ? { pipeline: opts.pipeline } : {}),
      ...(opts.context ? { context: opts.context } : {}),
      ...(opts.errorMode ? { errorMode: opts.errorMode } : {}),
    },
    envs,
  );
  if (loaded.problems.length > 0) {
    let text = '';
    for (const p of loaded.problems) text += renderFileDiagnostics(p.diagnostics, p.file, stderrStyle);
    const counts = countSeverities(loaded.problems.flatMap((p) => p.diagnostics));
    process.stderr.write(text + summaryLine(counts, loaded.problems.length) + '\n');
  }
  if (loaded.stages.length === 0) {
    if (loaded.problems.some((p) => p.diagnostics.some((d) => d.severity === 'error'))) return undefined;
    throw new CliError('the rules hold no statements to apply');
  }
  return { pipeline: new RulePipeline(loaded.stages, reporter.collector), reporter, stderrStyle };
}
