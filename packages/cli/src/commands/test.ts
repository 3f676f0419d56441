/**
 * `ottl test [FILES…]`: runs rule unit tests (`*.ottltest.yaml`, found recursively under the
 * folders given, default the current folder), prints each test with ✓ or ✗, a diff on failure,
 * and the final line `N passed, M failed`. Exit 1 when a test fails or a test file cannot run.
 */
import { Command } from 'commander';
import { CliError, colorOption, examples, expandPaths, featureGatesOption, parseGates, type CommonOptions } from '../cli/common.js';
import { renderFileDiagnostics } from '@ottl/core';
import { styleFor } from '../render/style.js';
import { unifiedDiff } from '../text/diff.js';
import { runTestFile } from '../testing/runner.js';

interface TestOptions extends CommonOptions {
  filter?: string;
}

const TEST_FILE = /\.ottltest\.ya?ml$/i;

export async function runTests(paths: readonly string[], opts: TestOptions): Promise<number> {
  const files = expandPaths(paths.length > 0 ? paths : ['.'], (name) => TEST_FILE.test(name));
  if (files.length === 0) throw new CliError(`no *.ottltest.yaml files under ${paths.length > 0 ? paths.join(', ') : 'the current folder'}`);
  const style = styleFor(process.stdout, opts.color);
  let passed = 0;
  let failed = 0;
  let broken = 0;
  for (const path of files) {
    const result = await runTestFile(path, { featureGates: parseGates(opts.featureGates), ...(opts.filter !== undefined ? { filter: opts.filter } : {}) });
    let out = `${style.bold(path)}\n`;
    for (const p of result.problems) out += renderFileDiagnostics(p.diagnostics, p.file, style);
    if (result.error !== undefined) {
      broken++;
      out += `  ${style.red('✗')} ${result.error}\n`;
    }
    for (const t of result.tests) {
      if (t.failures.length === 0) {
        passed++;
        out += `  ${style.green('✓')} ${t.name}\n`;
        continue;
      }
      failed++;
      out += `  ${style.red('✗')} ${t.name}\n`;
      for (const f of t.failures) {
        out += f.message.split('\n').map((l) => `      ${l}`).join('\n') + '\n';
        if (f.expected !== undefined && f.actual !== undefined) {
          const diff = unifiedDiff(f.expected, f.actual, { from: 'expected', to: 'actual', style });
          out += diff.split('\n').filter((l) => l !== '').map((l) => `      ${l}`).join('\n') + '\n';
        }
      }
    }
    process.stdout.write(out);
  }
  const tail = broken > 0 ? `, ${broken} test file${broken === 1 ? '' : 's'} could not run` : '';
  const line = `${passed} passed, ${failed} failed${tail}`;
  process.stdout.write(`\n${failed > 0 || broken > 0 ? style.red(line) : style.green(line)}\n`);
  return failed > 0 || broken > 0 ? 1 : 0;
}

export function registerTestCommand(program: Command): Command {
  return program
    .command('test')
    .description('run rule unit tests (*.ottltest.yaml): input records, rules, expected output or OTTL assertions')
    .argument('[files...]', 'test files, or folders to search for *.ottltest.yaml (default: the current folder)')
    .option('--filter <text>', 'run only the tests whose name contains this text')
    .addOption(featureGatesOption())
    .addOption(colorOption())
    .addHelpText(
      'after',
      examples([
        '$ ottl test                                  # every *.ottltest.yaml under the current folder',
        '$ ottl test examples/cli/tests/redact.ottltest.yaml',
        '$ ottl test --filter password tests/',
        '',
        'A test file:',
        '  rules: ../rules/redact.ottl          # or statements: [...], or processors: {transform: ...}, or a collector .yaml',
        '  tests:',
        '    - name: masks passwords',
        '      input:  { logs: [ { body: "login password=hunter2" } ] }',
        '      expect: { logs: [ { body: "login password=***" } ] }',
        '      assert: [ \'body == "login password=***"\' ]',
      ]),
    )
    .action(async (files: string[], opts: TestOptions) => {
      process.exitCode = await runTests(files, opts);
    });
}
