/**
 * Formatting: the canonical layout of `formatRuleFile` (core), as one edit over the part of the
 * document that changes.
 */
import { formatRuleFile } from '@ottl/core';
import type { TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageServiceOptions } from './options.js';
import { lspRangeOf } from './positions.js';

/**
 * The edits that give a rule file its canonical layout: none when it has it already (or when the
 * document holds conditions or values, which have no canonical file layout), else one edit
 * replacing the changed span. Statements with errors are kept as written (see `formatRuleFile`).
 * The formatter only moves whole tokens and comments and changes blanks, so the span's ends never
 * fall inside a character.
 */
export function formatDocument(doc: TextDocument, options: LanguageServiceOptions = {}): TextEdit[] {
  if ((options.kind ?? 'statements') !== 'statements') return [];
  const text = doc.getText();
  const formatted = formatRuleFile(text);
  if (formatted === text) return [];
  let head = 0;
  while (head < text.length && head < formatted.length && text.charCodeAt(head) === formatted.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < text.length - head &&
    tail < formatted.length - head &&
    text.charCodeAt(text.length - 1 - tail) === formatted.charCodeAt(formatted.length - 1 - tail)
  ) {
    tail++;
  }
  return [{ range: lspRangeOf(doc, head, text.length - tail), newText: formatted.slice(head, formatted.length - tail) }];
}
