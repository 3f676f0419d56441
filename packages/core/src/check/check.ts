/**
 * The type checker: analyses a parsed statement, condition or value expression and runs the
 * {@link specifiedRules} over it. Returns the analysis (typed side tables the interpreter,
 * compiler and language service build on) and the diagnostics in source order. Never throws on
 * user input; a result with an error diagnostic must not be executed.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { analyze, type Analysis, type AnalyzeOptions, type AnalyzedRoot, type CheckKind } from './analysis.js';
import type { CheckRule } from './rule.js';
import { specifiedRules } from './specifiedRules.js';

export interface CheckResult {
  readonly analysis: Analysis;
  readonly diagnostics: Diagnostic[];
}

export function checkAst(
  root: AnalyzedRoot,
  kind: CheckKind,
  options: AnalyzeOptions,
  rules: readonly CheckRule[] = specifiedRules,
): CheckResult {
  const analysis = analyze(root, kind, options);
  const diagnostics: Diagnostic[] = [];
  const context = { analysis, report: (d: Diagnostic) => void diagnostics.push(d) };
  for (const rule of rules) rule(context);
  return { analysis, diagnostics: sortDiagnostics(diagnostics) };
}

/** Source order (then errors before warnings), without exact duplicates (same code and range). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...diagnostics]
    .sort((a, b) => a.range.start.offset - b.range.start.offset || rank[a.severity] - rank[b.severity])
    .filter((d) => {
      const key = `${d.code}:${d.range.start.offset}:${d.range.end.offset}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
