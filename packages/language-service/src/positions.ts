/**
 * Conversions between core positions (0-based UTF-16 offsets with 1-based line:column) and LSP
 * positions (0-based line:character, UTF-16), through the document's own line index.
 */
import type { Position as CorePosition, Range as CoreRange } from '@ottl/core';
import type { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The core position of a document offset. */
export function corePosition(doc: TextDocument, offset: number): CorePosition {
  const p = doc.positionAt(offset);
  return { offset: doc.offsetAt(p), line: p.line + 1, column: p.character + 1 };
}

/** The core range of document offsets `[start, end)`. */
export function coreRange(doc: TextDocument, start: number, end: number): CoreRange {
  return { start: corePosition(doc, start), end: corePosition(doc, end) };
}

/** The LSP range of a core range (by its offsets). */
export function lspRange(doc: TextDocument, range: CoreRange): Range {
  return { start: doc.positionAt(range.start.offset), end: doc.positionAt(range.end.offset) };
}

/** The LSP range of document offsets `[start, end)`. */
export function lspRangeOf(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** True when offset `at` lies in `[range.start, range.end]` (the end counts: a cursor after a word is on it). */
export function touches(range: CoreRange, at: number): boolean {
  return range.start.offset <= at && at <= range.end.offset;
}
