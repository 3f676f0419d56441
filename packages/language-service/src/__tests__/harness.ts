/**
 * Test helpers: a document with a `|` cursor marker in, compact JSON out.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface Marked {
  readonly doc: TextDocument;
  readonly text: string;
  readonly offset: number;
  readonly position: Position;
}

/** The document of `marked` without its `|`, and the cursor there. */
export function marked(marked: string): Marked {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker in the test text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const doc = document(text);
  return { doc, text, offset, position: doc.positionAt(offset) };
}

export function document(text: string): TextDocument {
  return TextDocument.create('file:///test.ottl', 'ottl', 1, text);
}

/** `line:character-line:character`, 0-based as in LSP. */
export function rangeText(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The first `n` of `labels` and how many there are in all. */
export function firstOf(labels: readonly string[], n = 12): string {
  return labels.slice(0, n).join(' ') + (labels.length > n ? ` … (${labels.length})` : '');
}
