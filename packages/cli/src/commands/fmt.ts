/**
 * `ottl fmt FILES… | -`: formats `.ottl` rule files and the OTTL inside Collector YAML files in
 * place; `-` formats standard input to standard output. `--check` changes nothing and exits 1
 * when a file would change.
 */
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { CliError, examples, expandPaths, readTextFile } from '../cli/common.js';
import { fileKindOf, type FileKind } from '../check/checkFile.js';
import { formatSource } from '../fmt/format.js';
import { readStdinText } from '../cli/stdin.js';

interface FmtOptions {
  check?: boolean;
  stdinKind: FileKind;
}

export async function runFmt(files: readonly string[], opts: FmtOptions): Promise<number> {
  if (files.length === 1 && files[0] === '-') {
    const text = await readStdinText();
    const result = formatSource(text, opts.stdinKind);
    for (const p of result.problems) process.stderr.write(`ottl fmt: <stdin>: ${p}\n`);
    if (opts.check) return result.text === text ? 0 : 1;
    process.stdout.write(result.text);
    return result.problems.length > 0 ? 1 : 0;
  }
  if (files.includes('-')) throw new CliError('`-` (standard input) cannot be combined with files');
  const paths = expandPaths(files, (name) => fileKindOf(name) !== undefined);
  let changed = 0;
  let failed = 0;
  for (const path of paths) {
    const kind = fileKindOf(path);
    if (!kind) throw new CliError(`cannot format ${path}: expected a .ottl rule file or a .yaml/.yml collector configuration`);
    const text = readTextFile(path);
    const result = formatSource(text, kind);
    for (const p of result.problems) process.stderr.write(`ottl fmt: ${path}: ${p}\n`);
    if (result.problems.length > 0) failed++;
    if (result.text === text) continue;
    changed++;
    if (opts.check) process.stdout.write(`would reformat ${path}\n`);
    else {
      try {
        writeFileSync(path, result.text);
      } catch (err) {
        throw new CliError(`cannot write ${path}: ${err instanceof Error ? err.message : String(err)}`);
      }
      process.stdout.write(`formatted ${path}\n`);
    }
  }
  const unchanged = paths.length - changed;
  const verb = opts.check ? 'would be reformatted' : 'reformatted';
  process.stderr.write(`${changed} file${changed === 1 ? '' : 's'} ${verb}, ${unchanged} unchanged\n`);
  return (opts.check && changed > 0) || failed > 0 ? 1 : 0;
}

export function registerFmtCommand(program: Command): Command {
  return program
    .command('fmt')
    .description('format .ottl rule files and the OTTL statements inside Collector YAML, in place')
    .argument('<files...>', '.ottl and .yaml/.yml files, folders, or - for standard input')
    .option('--check', 'change nothing; exit 1 when a file would be reformatted (CI)')
    .addOption(new Option('--stdin-kind <kind>', 'what standard input holds').choices(['ottl', 'yaml']).default('ottl'))
    .addHelpText(
      'after',
      examples([
        '$ ottl fmt rules/                          # format every .ottl and .yaml under rules/',
        '$ ottl fmt --check rules/ collector.yaml   # list files that need formatting, exit 1 if any',
        '$ cat redact.ottl | ottl fmt -             # format standard input to standard output',
        '$ ottl fmt --stdin-kind yaml - < collector.yaml',
      ]),
    )
    .action(async (files: string[], opts: FmtOptions) => {
      process.exitCode = await runFmt(files, opts);
    });
}
