/**
 * Test harness for checker rules (graphql-js style): text in, compact diagnostics out.
 * Each diagnostic prints as `severity code line:col-line:col message [hint: …]`.
 */
import { functionsForContext } from '../../functions/registry.js';
import { getContextSchema } from '../../contexts/registry.js';
import { parseCondition, parseStatement, parseValueExpression } from '../../language/parse.js';
import type { ContextName } from '../../types/signature.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { CheckKind } from '../analysis.js';
import { checkAst } from '../check.js';
import type { CheckRule } from '../rule.js';
import { specifiedRules } from '../specifiedRules.js';

export interface HarnessOptions {
  readonly kind?: CheckKind;
  readonly context?: ContextName;
  readonly prefixed?: boolean;
  readonly gates?: readonly string[];
}

export function compact(d: Diagnostic): string {
  const r = d.range;
  const at = `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
  return `${d.severity} ${d.code} ${at} ${d.message}${d.hint ? ` [hint: ${d.hint}]` : ''}`;
}

/** The diagnostics `rules` (default: all) report for `text`, which must parse without error. */
export function check(text: string, rules: readonly CheckRule[] = specifiedRules, options: HarnessOptions = {}): string[] {
  const kind = options.kind ?? 'statement';
  const context = options.context ?? 'log';
  const parsed = kind === 'statement' ? parseStatement(text) : kind === 'condition' ? parseCondition(text) : parseValueExpression(text);
  const syntax = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.ast || syntax.length > 0) throw new Error(`test text does not parse: ${syntax.map((d) => d.message).join('; ')}`);
  const gates = new Set(options.gates ?? []);
  const { diagnostics } = checkAst(
    parsed.ast,
    kind,
    {
      functions: new Map(functionsForContext(context, { gates }).map((d) => [d.name, d])),
      schema: getContextSchema(context),
      prefixed: options.prefixed ?? false,
      featureGates: gates,
    },
    rules,
  );
  return diagnostics.map(compact);
}
