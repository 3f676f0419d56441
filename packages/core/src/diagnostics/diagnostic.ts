/**
 * The one diagnostic shape shared by the parser, the checker, the CLI, the language server and the
 * playground (see shared docs/diagnostics.md). Producers return diagnostics; they never throw them.
 */

/** A point in a source text: 0-based UTF-16 `offset`, 1-based `line` and `column` (UTF-16 units). */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open range `[start, end)` in a source text. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

import type { DiagnosticCode } from './codes.js';

export interface RelatedInformation {
  readonly range: Range;
  readonly message: string;
}

/** A text edit that applies a hint; offsets refer to the same source as the diagnostic's range. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface Diagnostic {
  /** Stable kebab-case code from {@link DIAGNOSTIC_CODES}; never reused for another meaning. */
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** One sentence in OTTL's own terms: what is wrong. */
  readonly message: string;
  readonly range: Range;
  /** A few words printed under the caret. */
  readonly label?: string;
  /** An instruction: how to fix it. */
  readonly hint?: string;
  readonly related?: readonly RelatedInformation[];
  readonly fix?: readonly TextEdit[];
}
