/**
 * `ottl check FILES…`: diagnostics for `.ottl` rule files and Collector YAML files (folders are
 * searched for both). Exit status: 0 without errors (warnings are shown; with `--strict` they fail
 * too), 1 with errors, 2 on a usage or I/O error.
 */
import { Command, Option } from 'commander';
import { Environments } from '../rules/environments.js';
import { CliError, colorOption, contextOption, examples, expandPaths, featureGatesOption, parseGates, readTextFile, type CommonOptions } from '../cli/common.js';
import { checkSource, fileKindOf, type FileCheck } from '../check/checkFile.js';
import { countSeverities, diagnosticJson, renderFileDiagnostics, summaryLine } from '@ottl/core';
import { styleFor } from '../render/style.js';

interface CheckCommandOptions extends CommonOptions {
  format: 'text' | 'json';
  strict?: boolean;
}

export function runCheck(files: readonly string[], opts: CheckCommandOptions): number {
  const paths = expandPaths(files, (name) => fileKindOf(name) !== undefined);
  const envs = new Environments(parseGates(opts.featureGates));
  const results: FileCheck[] = paths.map((path) => {
    const kind = fileKindOf(path);
    if (!kind) throw new CliError(`cannot check ${path}: expected a .ottl rule file or a .yaml/.yml collector configuration`);
    return checkSource(path, readTextFile(path), kind, { envs, env: (n) => process.env[n], ...(opts.context ? { context: opts.context } : {}) });
  });
  const counts = countSeverities(results.flatMap((r) => r.diagnostics));
  if (opts.format === 'json') {
    const lines = results.flatMap((r) => r.diagnostics.map((d) => JSON.stringify({ ...diagnosticJson(d, r.name), ...(d.path !== undefined ? { path: d.path } : {}) })));
    if (lines.length > 0) process.stdout.write(lines.join('\n') + '\n');
  } else {
    const style = styleFor(process.stdout, opts.color);
    let text = '';
    for (const r of results) text += renderFileDiagnostics(r.diagnostics, { name: r.name, lines: r.lines }, style);
    const withProblems = results.filter((r) => r.diagnostics.length > 0).length;
    text += withProblems > 0 ? summaryLine(counts, withProblems) : `no problems in ${results.length} file${results.length === 1 ? '' : 's'}`;
    process.stdout.write(text + '\n');
  }
  return counts.errors > 0 || (opts.strict && counts.warnings > 0) ? 1 : 0;
}

export function registerCheckCommand(program: Command): Command {
  return program
    .command('check')
    .description('check OTTL in .ottl rule files and Collector YAML (transform, filter, routing, tail_sampling)')
    .argument('<files...>', '.ottl and .yaml/.yml files, or folders to search for them')
    .addOption(new Option('--format <format>', 'output: text for people, json for tools (one diagnostic per line)').choices(['text', 'json']).default('text'))
    .option('--strict', 'warnings fail the check too')
    .addOption(contextOption('context of .ottl files that declare none (default: inferred from path prefixes)'))
    .addOption(featureGatesOption())
    .addOption(colorOption())
    .addHelpText(
      'after',
      examples([
        '$ ottl check rules/redact.ottl                 # one rule file',
        '$ ottl check collector.yaml rules/             # a collector config and every .ottl/.yaml under rules/',
        '$ ottl check --format json rules/ | jq .code   # for tools: one JSON object per diagnostic',
        '$ ottl check --strict collector.yaml           # warnings fail too (CI)',
      ]),
    )
    .action((files: string[], opts: CheckCommandOptions) => {
      process.exitCode = runCheck(files, opts);
    });
}
