/**
 * The shape of a checker rule (graphql-js validation style): a function that inspects one
 * {@link Analysis} and reports diagnostics. Rules never throw and never mutate the analysis.
 */
import type { Diagnostic, Range, Severity } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Analysis } from './analysis.js';

export interface RuleContext {
  readonly analysis: Analysis;
  report(diagnostic: Diagnostic): void;
}

export type CheckRule = (context: RuleContext) => void;

/** A diagnostic with the optional fields left out when undefined. */
export function diagnostic(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  range: Range,
  extra: { label?: string | undefined; hint?: string | undefined } = {},
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { code, severity, message, range };
  if (extra.label !== undefined) d.label = extra.label;
  if (extra.hint !== undefined) d.hint = extra.hint;
  return d;
}

/** `editor` or `converter`, from the case of the name's first letter. */
export function functionKindName(name: string): 'editor' | 'converter' {
  const c = name.charAt(0);
  return c >= 'A' && c <= 'Z' ? 'converter' : 'editor';
}
