/**
 * Checking one file: a `.ottl` rule file, or a Collector YAML file whose transform, filter,
 * routing and tail_sampling sections hold OTTL. Diagnostics point into the file.
 */
import { LineIndex, sortBySource, type ContextName } from '@ottl/core';
import { compileGroup, type PlacedDiagnostic } from '../rules/group.js';
import type { Environments } from '../rules/environments.js';
import { compileRuleFile } from '../rules/ruleFile.js';
import { findCollectorOttl } from '../yaml/collectorOttl.js';
import type { EnvLookup } from '@ottl/collector';

export type FileKind = 'ottl' | 'yaml';

export function fileKindOf(path: string): FileKind | undefined {
  if (/\.ottl$/i.test(path)) return 'ottl';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  return undefined;
}

export interface FileCheck {
  readonly name: string;
  readonly lines: LineIndex;
  /** In source order. */
  readonly diagnostics: PlacedDiagnostic[];
}

export interface CheckOptions {
  readonly envs: Environments;
  /** Context of rule files that declare none. */
  readonly context?: ContextName;
  /** Environment variables for `${env:…}` in YAML. */
  readonly env: EnvLookup;
}

export function checkSource(name: string, text: string, kind: FileKind, options: CheckOptions): FileCheck {
  const lines = new LineIndex(text);
  if (kind === 'ottl') {
    const compiled = compileRuleFile(text, lines, options.envs, options.context ? { context: options.context } : {});
    return { name, lines, diagnostics: sortBySource(compiled.diagnostics) };
  }
  const found = findCollectorOttl(text, lines, options.env);
  const diagnostics: PlacedDiagnostic[] = [...found.diagnostics];
  for (const g of found.groups) diagnostics.push(...compileGroup(g, options.envs, lines).diagnostics);
  return { name, lines, diagnostics: sortBySource(diagnostics) };
}
