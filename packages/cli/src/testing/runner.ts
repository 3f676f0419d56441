/**
 * Rule unit tests (`*.ottltest.yaml`):
 *
 * ```yaml
 * rules: ../rules/redact.ottl        # a .ottl file, or a collector .yaml (relative to this file)
 * # select: [transform/redact]       #   with a .yaml: the processors to apply (default: all transform/filter)
 * # pipeline: logs                   #   or: those of this pipeline
 * # statements: [ … ]                # or statements written here (context: for unprefixed paths)
 * # processors: { transform: … }     # or processor configs written here, as in a collector config
 * context: log                       # optional: context of `statements` and `assert`
 * error_mode: propagate              # optional: overrides the rules' error modes
 * tests:
 *   - name: masks passwords
 *     input:  { logs: [ { body: "login password=hunter2" } ] }
 *     expect: { logs: [ { body: "login password=***" } ] }   # the whole output, compared exactly
 *     assert: [ 'body == "login password=***"' ]            # OTTL conditions true for every item
 *     count: 1                                               # items left (after filters)
 *     error: "failed to execute statement"                   # the run must fail with this text
 * ```
 *
 * Each test runs the rules on its own copy of its input. A test passes when every expectation it
 * states holds; a failure says which and shows a diff of expected against actual output.
 */
import { isMap, isSeq, isScalar, parseDocument, type Document } from 'yaml';
import { dirname, resolve } from 'node:path';
import { SIGNAL_OPS, TRANSFORM_CONTEXTS, createLogger, scalarOrigin } from '@ottl/collector';
import { isContextName, LineIndex, type ContextName, type ErrorMode, type SourceFile } from '@ottl/core';
import { CliError, readTextFile } from '../cli/common.js';
import { Environments } from '../rules/environments.js';
import { compileGroup, type PlacedDiagnostic, type SourceText } from '../rules/group.js';
import { fromCollectorYaml, fromRuleFile, fromStatements, type LoadedRules } from '../rules/load.js';
import { RulePipeline, type Stage } from '../rules/pipeline.js';
import { forEachItem, Locator } from '../run/locate.js';
import { prettyData, readTestData, TestDataError, type TestData } from './data.js';

export interface TestFailure {
  readonly message: string;
  /** A unified diff (expected → actual), when the output was compared. */
  readonly expected?: string;
  readonly actual?: string;
}

export interface TestResult {
  readonly name: string;
  readonly failures: readonly TestFailure[];
}

export interface TestFileResult {
  readonly file: string;
  /** Problems that kept the file's tests from running (bad YAML, rules with errors), as diagnostics. */
  readonly problems: readonly { readonly file: SourceFile; readonly diagnostics: readonly PlacedDiagnostic[] }[];
  /** A problem without a position (a missing rules file, a malformed test file). */
  readonly error?: string;
  readonly tests: readonly TestResult[];
}

type Loose = Record<string, unknown>;

function errorModeOf(v: unknown): ErrorMode | undefined {
  if (v === undefined) return undefined;
  const m = String(v).toLowerCase();
  if (m === 'propagate' || m === 'ignore' || m === 'silent') return m;
  throw new TestDataError(`error_mode must be propagate, ignore or silent, not ${String(v)}`);
}

/** The rules a test file names or holds. */
function loadTestRules(path: string, text: string, doc: Document.Parsed, spec: Loose, envs: Environments): LoadedRules {
  const context = spec['context'] === undefined ? undefined : String(spec['context']);
  if (context !== undefined && !isContextName(context)) throw new TestDataError(`unknown context ${context}`);
  const errorMode = errorModeOf(spec['error_mode']);
  const common = { ...(context ? { context: context as ContextName } : {}), ...(errorMode ? { errorMode } : {}) };
  const given = ['rules', 'statements', 'processors'].filter((k) => spec[k] !== undefined);
  if (given.length !== 1) throw new TestDataError(`give exactly one of rules:, statements: or processors: (found ${given.length === 0 ? 'none' : given.join(', ')})`);
  if (spec['rules'] !== undefined) {
    const rulesPath = resolve(dirname(path), String(spec['rules']));
    const rulesText = readTextFile(rulesPath);
    if (/\.ottl$/i.test(rulesPath)) return fromRuleFile(rulesPath, rulesText, common, envs);
    const select = spec['select'];
    return fromCollectorYaml(
      rulesPath,
      rulesText,
      {
        ...common,
        ...(Array.isArray(select) ? { processors: select.map(String) } : typeof select === 'string' ? { processors: [select] } : {}),
        ...(spec['pipeline'] !== undefined ? { pipeline: String(spec['pipeline']) } : {}),
      },
      envs,
    );
  }
  if (spec['processors'] !== undefined) return fromCollectorYaml(path, text, common, envs);
  const node = doc.get('statements', true);
  if (!isSeq(node)) throw new TestDataError('statements: must be a list of OTTL statements');
  const texts: SourceText[] = node.items.map((it) => {
    if (!isScalar(it) || typeof it.value !== 'string') throw new TestDataError('statements: must be a list of strings');
    return { text: it.value, origin: scalarOrigin(text, it) };
  });
  return fromStatements({ name: path, lines: new LineIndex(text) }, texts, common, envs);
}

/** The assertions of a test, compiled in the context they name (or the test file's). */
function compileAssertions(
  nodes: unknown,
  text: string,
  file: SourceFile,
  envs: Environments,
  context: ContextName | undefined,
  signal: TestData['signal'],
): { conditions: { text: string; context: ContextName; evaluate: (ctx: never) => boolean }[]; diagnostics: PlacedDiagnostic[] } {
  const conditions: { text: string; context: ContextName; evaluate: (ctx: never) => boolean }[] = [];
  const diagnostics: PlacedDiagnostic[] = [];
  if (!isSeq(nodes)) throw new TestDataError('assert: must be a list of OTTL conditions');
  for (const it of nodes.items) {
    if (!isScalar(it) || typeof it.value !== 'string') throw new TestDataError('assert: must be a list of strings');
    const g = compileGroup(
      {
        kind: 'condition',
        texts: [{ text: it.value, origin: scalarOrigin(text, it) }],
        ...(context ? { context } : {}),
        allowed: TRANSFORM_CONTEXTS[signal],
        functions: 'transform',
        errorMode: 'propagate',
      },
      envs,
      file.lines,
    );
    diagnostics.push(...g.diagnostics);
    if (g.conditions && g.context) conditions.push({ text: it.value, context: g.context, evaluate: (ctx) => g.conditions!.evaluate(ctx) });
  }
  return { conditions, diagnostics };
}

/** The single context of the rules when they are one statement group (assertions default to it). */
function rulesContext(stages: readonly Stage[]): ContextName | undefined {
  return stages.length === 1 && stages[0]!.kind === 'statements' ? stages[0]!.program.context : undefined;
}

async function runOne(
  t: Loose,
  node: unknown,
  path: string,
  text: string,
  file: SourceFile,
  pipeline: RulePipeline,
  envs: Environments,
  context: ContextName | undefined,
  problems: { file: SourceFile; diagnostics: PlacedDiagnostic[] }[],
): Promise<TestFailure[]> {
  const failures: TestFailure[] = [];
  const input = readTestData(t['input'], path);
  let error: string | undefined;
  try {
    await pipeline.apply(input.signal, input.data);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const wanted = t['error'];
  if (wanted !== undefined) {
    if (error === undefined) failures.push({ message: `expected the run to fail with "${String(wanted)}", but it succeeded` });
    else if (!error.includes(String(wanted))) failures.push({ message: `expected the run to fail with "${String(wanted)}", but it failed with: ${error}` });
    return failures;
  }
  if (error !== undefined) return [{ message: `the run failed: ${error}` }];
  if (t['expect'] !== undefined) {
    const expected = readTestData(t['expect'], path);
    const a = prettyData(input);
    const e = prettyData(expected);
    if (expected.signal !== input.signal) failures.push({ message: `expected ${expected.signal}, but the output holds ${input.signal}` });
    else if (a !== e) failures.push({ message: 'the output differs from expect', expected: e, actual: a });
  }
  if (t['count'] !== undefined) {
    const n = SIGNAL_OPS[input.signal].count(input.data as never);
    if (BigInt(t['count'] as bigint) !== BigInt(n)) failures.push({ message: `expected ${String(t['count'])} items after the run, found ${n}` });
  }
  if (t['assert'] !== undefined) {
    const assertNode = isMap(node) ? node.get('assert', true) : undefined;
    const compiled = compileAssertions(assertNode, text, file, envs, context, input.signal);
    if (compiled.diagnostics.length > 0) problems.push({ file, diagnostics: compiled.diagnostics });
    if (compiled.diagnostics.some((d) => d.severity === 'error')) failures.push({ message: 'an assertion has errors (see above)' });
    const locator = new Locator();
    for (const c of compiled.conditions) {
      const falseFor: string[] = [];
      let items = 0;
      let failed: string | undefined;
      forEachItem(input.signal, c.context, input.data, (ctx) => {
        items++;
        try {
          if (!c.evaluate(ctx as never)) falseFor.push(locator.locate(input.signal, input.data, ctx, 0));
        } catch (err) {
          failed ??= err instanceof Error ? err.message : String(err);
        }
      });
      if (failed !== undefined) failures.push({ message: `assertion failed: ${c.text}\n  ${failed}` });
      else if (items === 0) failures.push({ message: `assertion failed: ${c.text}\n  there is no ${c.context} item left to check` });
      else if (falseFor.length > 0) {
        const shown = falseFor.slice(0, 5).join(', ') + (falseFor.length > 5 ? `, … (${falseFor.length} items)` : '');
        failures.push({ message: `assertion failed: ${c.text}\n  false for ${shown}` });
      }
    }
  }
  if (t['expect'] === undefined && t['assert'] === undefined && t['count'] === undefined) failures.push({ message: 'the test states no expectation (expect:, assert:, count: or error:)' });
  return failures;
}

export interface RunTestsOptions {
  readonly featureGates?: readonly string[];
  /** Only tests whose name contains this text. */
  readonly filter?: string;
}

export async function runTestFile(path: string, options: RunTestsOptions = {}): Promise<TestFileResult> {
  const text = readTextFile(path);
  const lines = new LineIndex(text);
  const file = { name: path, lines };
  const doc = parseDocument(text, { intAsBigInt: true, keepSourceTokens: true });
  if (doc.errors.length > 0) {
    // The first YAML error; the ones after it are mostly its echoes.
    const e = doc.errors[0]!;
    const diagnostics: PlacedDiagnostic[] = [{ code: 'invalid-yaml', severity: 'error', message: e.message.split('\n')[0]!, range: lines.range(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)), label: 'here' }];
    return { file: path, problems: [{ file, diagnostics }], error: 'the test file is not well-formed YAML', tests: [] };
  }
  const spec = doc.toJS() as unknown;
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return { file: path, problems: [], error: 'a test file is a mapping with rules and tests', tests: [] };
  const s = spec as Loose;
  // Runtime errors under ignore are expected in tests; they are not printed.
  const envs = new Environments(options.featureGates ?? []);
  let loaded: LoadedRules;
  try {
    loaded = loadTestRules(path, text, doc, s, envs);
  } catch (err) {
    if (err instanceof TestDataError || err instanceof CliError) return { file: path, problems: [], error: err.message, tests: [] };
    throw err;
  }
  const problems = loaded.problems.map((p) => ({ file: p.file, diagnostics: [...p.diagnostics] }));
  if (loaded.stages.length === 0) return { file: path, problems, error: problems.length > 0 ? 'the rules have errors' : 'the rules hold no statements', tests: [] };
  const testsNode = doc.get('tests', true);
  const tests = s['tests'];
  if (!Array.isArray(tests) || !isSeq(testsNode)) return { file: path, problems, error: 'tests: must be a list of tests', tests: [] };
  const context = s['context'] !== undefined ? (String(s['context']) as ContextName) : rulesContext(loaded.stages);
  const results: TestResult[] = [];
  for (let i = 0; i < tests.length; i++) {
    const t = tests[i] as Loose;
    const name = typeof t?.['name'] === 'string' ? t['name'] : `test ${i + 1}`;
    if (options.filter !== undefined && !name.includes(options.filter)) continue;
    // A fresh pipeline per test: filter processors keep no state, but each test stands alone.
    const pipeline = new RulePipeline(loaded.stages, createLogger(() => undefined, 'error'));
    let failures: TestFailure[];
    try {
      failures = await runOne(t, testsNode.items[i], path, text, file, pipeline, envs, context, problems);
    } catch (err) {
      if (!(err instanceof TestDataError || err instanceof CliError || (err instanceof Error && err.name === 'PdataDecodeError'))) throw err;
      failures = [{ message: err.message }];
    }
    results.push({ name, failures });
  }
  return { file: path, problems, tests: results };
}
