/**
 * The rules of `run`, `trace`, `test` and `repl`, from one of: `-e` statements, a `.ottl` rule
 * file, or the transform and filter processors of a Collector YAML file (all of them in file
 * order, the ones a pipeline lists, or the ones named). OTTL problems come back as diagnostics
 * placed in their file; nothing runs when there is an error.
 */
import { LineIndex, type ContextName, type ErrorMode, type SourceFile } from '@ottl/core';
import {
  ConfigIssues,
  SIGNALS,
  filterProcessorFactory,
  parseYamlSource,
  transformProcessorFactory,
  sliceOrigin,
  type CfgMap,
  type CfgNode,
  type FilterConfig,
  type Signal,
  type TransformConfig,
  type EnvLookup,
} from '@ottl/collector';
import { CliError, readTextFile } from '../cli/common.js';
import { findCollectorOttl } from '../yaml/collectorOttl.js';
import type { Environments } from './environments.js';
import { ALL_CONTEXTS, compileGroup, type PlacedDiagnostic, type SourceText } from './group.js';
import { signalsOfContext, type Stage } from './pipeline.js';
import { compileRuleFile } from './ruleFile.js';

export interface RuleOptions {
  /** `-e` statements (one group). */
  readonly expressions?: readonly string[];
  /** A `.ottl` rule file or a Collector YAML file. */
  readonly rules?: string;
  /** YAML: the processors to apply, by ID (`transform/redact`), in this order. */
  readonly processors?: readonly string[];
  /** YAML: apply the transform and filter processors of this pipeline (`logs`, `traces/in`), in its order. */
  readonly pipeline?: string;
  /** Context of `-e` statements and of rule files without a declaration (legacy, unprefixed paths). */
  readonly context?: ContextName;
  /** Overrides every group's error mode. */
  readonly errorMode?: ErrorMode;
  readonly env?: EnvLookup;
}

export interface LoadedRules {
  readonly stages: Stage[];
  /** Diagnostics per file; when one is an error, `stages` is empty. */
  readonly problems: { readonly file: SourceFile; readonly diagnostics: readonly PlacedDiagnostic[] }[];
}

/** The name `-e` statements are shown under in diagnostics. */
export const EXPRESSION_SOURCE = '<-e>';

const hasError = (ds: readonly PlacedDiagnostic[]) => ds.some((d) => d.severity === 'error');

export function loadRules(options: RuleOptions, envs: Environments): LoadedRules {
  const exprs = options.expressions ?? [];
  if (exprs.length > 0 && options.rules !== undefined) throw new CliError('give statements with -e or a rules file with -r, not both');
  if (exprs.length === 0 && options.rules === undefined) throw new CliError('no rules: give statements with -e or a .ottl / collector .yaml file with -r');
  if ((options.processors?.length || options.pipeline) && !/\.ya?ml$/i.test(options.rules ?? '')) throw new CliError('--processor and --pipeline select processors of a collector YAML file (-r config.yaml)');
  if (exprs.length > 0) return fromExpressions(exprs, options, envs);
  const path = options.rules!;
  const text = readTextFile(path);
  if (/\.ottl$/i.test(path)) return fromRuleFile(path, text, options, envs);
  if (/\.ya?ml$/i.test(path)) return fromCollectorYaml(path, text, options, envs);
  throw new CliError(`cannot read rules from ${path}: expected a .ottl rule file or a .yaml/.yml collector configuration`);
}

function fromExpressions(exprs: readonly string[], options: RuleOptions, envs: Environments): LoadedRules {
  const text = exprs.join('\n');
  let offset = 0;
  const texts = exprs.map((e) => {
    const t = { text: e, origin: sliceOrigin(offset, e.length) };
    offset += e.length + 1;
    return t;
  });
  return fromStatements({ name: EXPRESSION_SOURCE, lines: new LineIndex(text) }, texts, options, envs);
}

/** Statements written in `file` (`-e`, a test file's `statements`), as one group. */
export function fromStatements(file: SourceFile, texts: readonly SourceText[], options: Pick<RuleOptions, 'context' | 'errorMode'>, envs: Environments): LoadedRules {
  const group = compileGroup(
    {
      kind: 'statement',
      texts,
      ...(options.context ? { context: options.context } : {}),
      allowed: ALL_CONTEXTS,
      functions: 'transform',
      ...(options.errorMode ? { errorMode: options.errorMode } : {}),
    },
    envs,
    file.lines,
  );
  const problems = group.diagnostics.length > 0 ? [{ file, diagnostics: group.diagnostics }] : [];
  if (!group.program) return { stages: [], problems };
  return { stages: [{ kind: 'statements', name: file.name, program: group.program, signals: signalsOfContext(group.program.context) }], problems };
}

export function fromRuleFile(path: string, text: string, options: RuleOptions, envs: Environments): LoadedRules {
  const lines = new LineIndex(text);
  const compiled = compileRuleFile(text, lines, envs, {
    ...(options.context ? { context: options.context } : {}),
    ...(options.errorMode ? { errorMode: options.errorMode } : {}),
  });
  const problems = compiled.diagnostics.length > 0 ? [{ file: { name: path, lines }, diagnostics: compiled.diagnostics }] : [];
  if (!compiled.program) return { stages: [], problems };
  return { stages: [{ kind: 'statements', name: path, program: compiled.program, signals: signalsOfContext(compiled.program.context) }], problems };
}

function mapEntry(node: CfgNode | undefined, key: string): CfgNode | undefined {
  return node?.kind === 'map' ? node.entries.get(key)?.node : undefined;
}

/** The transform and filter processors to apply, in order. */
function selectProcessors(root: CfgMap, options: RuleOptions, path: string): string[] {
  const defined = [...(mapEntry(root, 'processors')?.kind === 'map' ? (mapEntry(root, 'processors') as CfgMap).entries.keys() : [])];
  const usable = (id: string) => /^(transform|filter)(\/|$)/.test(id);
  let ids: string[];
  if (options.processors && options.processors.length > 0) ids = [...options.processors];
  else if (options.pipeline) {
    const pipeline = mapEntry(mapEntry(mapEntry(root, 'service'), 'pipelines'), options.pipeline);
    if (!pipeline) throw new CliError(`${path} has no pipeline ${options.pipeline} under service.pipelines`);
    const list = mapEntry(pipeline, 'processors');
    ids = list?.kind === 'seq' ? list.items.flatMap((n) => (n.kind === 'scalar' && typeof n.value === 'string' ? [n.value] : [])) : [];
    ids = ids.filter(usable);
  } else ids = defined.filter(usable);
  for (const id of ids) {
    if (!defined.includes(id)) throw new CliError(`${path} defines no processor ${id}${defined.length > 0 ? ` (it defines ${defined.join(', ')})` : ''}`);
    if (!usable(id)) throw new CliError(`processor ${id} is not a transform or filter processor; ottl runs only those`);
  }
  if (ids.length === 0) throw new CliError(`${path} has no transform or filter processor to run`);
  return ids;
}

export function fromCollectorYaml(path: string, text: string, options: RuleOptions, envs: Environments): LoadedRules {
  const env = options.env ?? ((n: string) => process.env[n]);
  const lines = new LineIndex(text);
  const file = { name: path, lines };
  const found = findCollectorOttl(text, lines, env);
  const yamlErrors = found.diagnostics.filter((d) => d.code === 'invalid-yaml');
  if (yamlErrors.length > 0) return { stages: [], problems: [{ file, diagnostics: yamlErrors }] };

  const issues = new ConfigIssues();
  const root = parseYamlSource({ name: path, text }, issues, env);
  const ids = selectProcessors(root, options, path);
  const selected = (p: string | undefined) => p !== undefined && ids.some((id) => p === `processors.${id}` || p.startsWith(`processors.${id}.`));
  // Our own check first: it places every OTTL problem exactly in the YAML file.
  const diagnostics: PlacedDiagnostic[] = found.diagnostics.filter((d) => selected(d.path));
  for (const g of found.groups) if (ids.some((id) => g.component === `processors.${id}`)) diagnostics.push(...compileGroup(g, envs, lines).diagnostics);
  if (hasError(diagnostics)) return { stages: [], problems: [{ file, diagnostics }] };

  const stages: Stage[] = [];
  const processors = mapEntry(root, 'processors');
  for (const id of ids) {
    const node = mapEntry(processors, id);
    const ctx = { issues, path: `processors.${id}`, loc: node?.loc };
    if (id.startsWith('transform')) {
      const cfg: TransformConfig = transformProcessorFactory.config.decode(node, ctx);
      if (issues.hasErrors) break;
      for (const signal of SIGNALS as readonly Signal[]) {
        cfg.groups[signal].forEach((g, k) => {
          const out = envs.get('transform', g.context).compileStatements(g.statements, {
            context: g.context,
            pathContextNames: g.prefixed,
            errorMode: options.errorMode ?? g.errorMode,
            ...(g.conditions.length > 0 ? { conditions: g.conditions } : {}),
          });
          if (out.program) stages.push({ kind: 'statements', name: `${id} ${signal} group ${k + 1}`, program: out.program, signals: [signal] });
        });
      }
    } else {
      const cfg: FilterConfig = filterProcessorFactory.config.decode(node, ctx);
      if (issues.hasErrors) break;
      const mode = options.errorMode;
      const withMode = (s: Signal) => cfg.groups[s].map((g) => ({ ...g, errorMode: mode ?? g.errorMode }));
      const config: FilterConfig = { ...cfg, groups: { traces: withMode('traces'), metrics: withMode('metrics'), logs: withMode('logs'), profiles: withMode('profiles') } };
      const signals = (SIGNALS as readonly Signal[]).filter((s) => config.groups[s].length > 0);
      stages.push({ kind: 'filter', name: id, id, config, signals });
    }
  }
  if (issues.hasErrors) return { stages: [], problems: [{ file, diagnostics: issues.list.filter((d) => d.file === undefined || d.file === path) }] };
  return { stages, problems: diagnostics.length > 0 ? [{ file, diagnostics }] : [] };
}
