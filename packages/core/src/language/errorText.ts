/**
 * Upstream-style error texts for a failed parse, for callers that report one error string per
 * statement (the engine's `OttlError`s, logs, conformance checks against upstream messages).
 * Diagnostics stay the primary, structured form; this only renders them the way upstream words
 * its errors: syntax errors wrapped in `statement has invalid syntax: …` (`condition …`,
 * `expression …`), upstream's post-parse errors as they are, all joined with `"; "`.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { quote } from './goString.js';
import type { ParseKind } from './parse.js';

/** Upstream checks these after a successful parse; their messages are not wrapped. */
const POST_PARSE_CODES: ReadonlySet<DiagnosticCode> = new Set(['editor-name-case', 'converter-name-case', 'indexed-editor']);

const SYNTAX_WRAPPERS: Readonly<Record<ParseKind, string>> = {
  statement: 'statement has invalid syntax',
  condition: 'condition has invalid syntax',
  value: 'expression has invalid syntax',
};

const KIND_WORDS: Readonly<Record<ParseKind, string>> = {
  statement: 'statement',
  condition: 'condition',
  value: 'value expression',
};

/**
 * The error diagnostics of one parse as upstream's `parseStatement`/`parseCondition`/
 * `parseValueExpression` error text, or undefined when there are no errors.
 */
export function syntaxErrorText(kind: ParseKind, diagnostics: readonly Diagnostic[]): string | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return undefined;
  return errors
    .map((d) =>
      POST_PARSE_CODES.has(d.code) ? d.message : `${SYNTAX_WRAPPERS[kind]}: ${d.range.start.line}:${d.range.start.column}: ${d.message}`,
    )
    .join('; ');
}

/**
 * Upstream's `Parser.ParseStatement`-style error text: `unable to parse OTTL statement "<text>": …`
 * (`condition`, `value expression`), or undefined when there are no errors.
 */
export function parseErrorText(kind: ParseKind, text: string, diagnostics: readonly Diagnostic[]): string | undefined {
  const inner = syntaxErrorText(kind, diagnostics);
  return inner === undefined ? undefined : `unable to parse OTTL ${KIND_WORDS[kind]} ${quote(text)}: ${inner}`;
}
