/**
 * `.ottl` rule files compiled into one statement program: the file's syntax diagnostics, its
 * context (declared `context: log`, else the caller's, else inferred from path prefixes), then
 * the checker's. Statements with syntax errors are left out of checking so the others still are.
 */
import {
  CONTEXT_NAMES,
  didYouMeanHint,
  isContextName,
  parseRuleFile,
  suggestNames,
  type ContextName,
  type ErrorMode,
  type StatementProgram,
  type LineIndex,
} from '@ottl/core';
import { sliceOrigin } from '@ottl/collector';
import type { Environments } from './environments.js';
import { ALL_CONTEXTS, compileGroup, type PlacedDiagnostic, type SourceText } from './group.js';

export interface RuleFileOptions {
  /** The context for a file that declares none (legacy, unprefixed paths allowed). */
  readonly context?: ContextName;
  readonly errorMode?: ErrorMode;
  /** Contexts inference may pick (default: all). */
  readonly allowed?: readonly ContextName[];
}

export interface CompiledRuleFile {
  readonly context?: ContextName;
  /** Present when the file has no error. */
  readonly program?: StatementProgram;
  readonly statements: readonly SourceText[];
  readonly diagnostics: PlacedDiagnostic[];
}

export function compileRuleFile(text: string, lines: LineIndex, envs: Environments, options: RuleFileOptions = {}): CompiledRuleFile {
  const parsed = parseRuleFile(text);
  const diagnostics: PlacedDiagnostic[] = [...parsed.diagnostics];
  let context = options.context;
  if (parsed.context !== undefined) {
    if (isContextName(parsed.context)) context = parsed.context;
    else {
      const hint = didYouMeanHint(suggestNames(parsed.context, CONTEXT_NAMES));
      diagnostics.push({
        code: 'unknown-context',
        severity: 'error',
        message: `there is no context named \`${parsed.context}\``,
        range: parsed.contextRange!,
        label: 'unknown context',
        hint: hint ?? `valid contexts: ${CONTEXT_NAMES.join(', ')}`,
      });
    }
  }
  const statements: SourceText[] = parsed.statements
    .filter((s) => !s.hasErrors)
    .map((s) => ({ text: s.text, origin: sliceOrigin(s.range.start.offset, s.text.length) }));
  if (statements.length === 0 || diagnostics.some((d) => d.code === 'unknown-context')) return { ...(context ? { context } : {}), statements, diagnostics };
  const group = compileGroup(
    {
      kind: 'statement',
      texts: statements,
      ...(context ? { context } : {}),
      allowed: options.allowed ?? ALL_CONTEXTS,
      functions: 'transform',
      ...(options.errorMode ? { errorMode: options.errorMode } : {}),
    },
    envs,
    lines,
  );
  diagnostics.push(...group.diagnostics);
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return {
    ...(group.context ? { context: group.context } : {}),
    ...(ok && group.program ? { program: group.program } : {}),
    statements,
    diagnostics,
  };
}
