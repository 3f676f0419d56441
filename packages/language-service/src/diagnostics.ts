/**
 * Diagnostics of a document: syntax (every entry), the context (declaration, inference), then the
 * checker and function creation (entries without syntax errors, once the context is known) —
 * what `ottl check` reports, in the core shape or as LSP diagnostics.
 */
import type { Diagnostic as CoreDiagnostic, Range as CoreRange, Severity } from '@ottl/core';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type DocumentModel, type Entry } from './document.js';
import { environmentFor, type LanguageServiceOptions } from './options.js';
import { coreRange, lspRange } from './positions.js';

/**
 * What an LSP diagnostic of this service carries in `data`: the core diagnostic's caret label,
 * hint and fix (as LSP edits of the same document). Code actions read it back.
 */
export interface OttlDiagnosticData {
  readonly label?: string;
  readonly hint?: string;
  readonly fix?: TextEdit[];
}

/** `source` of every LSP diagnostic this service produces. */
export const DIAGNOSTIC_SOURCE = 'ottl';

/** The checker's diagnostics of one entry, moved from entry-relative to file positions. */
function checkEntry(model: DocumentModel, entry: Entry): CoreDiagnostic[] {
  const { context, prefixed, options, doc } = model;
  if (context === undefined) return [];
  const env = environmentFor(options, context);
  const common = { context, pathContextNames: prefixed };
  const found =
    entry.kind === 'statement'
      ? env.compileStatements([entry.text], common).diagnostics
      : entry.kind === 'condition'
        ? env.compileConditions([entry.text], common).diagnostics
        : env.compileValueExpression(entry.text, common).diagnostics;
  const move = (r: CoreRange): CoreRange => coreRange(doc, r.start.offset + entry.start, r.end.offset + entry.start);
  return found.map((d) => ({
    ...d,
    range: move(d.range),
    ...(d.related ? { related: d.related.map((x) => ({ ...x, range: move(x.range) })) } : {}),
    ...(d.fix ? { fix: d.fix.map((f) => ({ ...f, range: move(f.range) })) } : {}),
  }));
}

/**
 * Every diagnostic of the document in the core shape (ranges in the document: offsets and 1-based
 * line:column), in source order — for renderers such as the CLI's.
 */
export function documentDiagnostics(doc: TextDocument, options: LanguageServiceOptions = {}): CoreDiagnostic[] {
  const model = analyzeDocument(doc, options);
  const out = [...model.diagnostics];
  const seen = new Set(out.map(key));
  for (const entry of model.entries) {
    if (entry.ast === undefined || entry.hasErrors) continue;
    for (const d of checkEntry(model, entry)) {
      // Compiling parses again: its syntax warnings are already in the list.
      if (!seen.has(key(d))) out.push(d);
    }
  }
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

function key(d: CoreDiagnostic): string {
  return `${d.code}:${d.range.start.offset}:${d.range.end.offset}`;
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * An LSP diagnostic: `code` (the registry code), `severity`, `range`, `message` and
 * `source: "ottl"`; the core `related` ranges become `relatedInformation`, followed by the hint
 * as one more entry at the diagnostic's own range (`hint: …`), so editors show it; `data` holds
 * {@link OttlDiagnosticData}.
 */
export function toLspDiagnostic(doc: TextDocument, d: CoreDiagnostic): Diagnostic {
  const range = lspRange(doc, d.range);
  const related: DiagnosticRelatedInformation[] = (d.related ?? []).map((r) => ({
    location: { uri: doc.uri, range: lspRange(doc, r.range) },
    message: r.message,
  }));
  if (d.hint !== undefined) related.push({ location: { uri: doc.uri, range }, message: `hint: ${d.hint}` });
  const data: OttlDiagnosticData = {
    ...(d.label !== undefined ? { label: d.label } : {}),
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
    ...(d.fix ? { fix: d.fix.map((f) => ({ range: lspRange(doc, f.range), newText: f.newText })) } : {}),
  };
  return {
    range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    data,
  };
}

/** The document's diagnostics as LSP diagnostics (see {@link toLspDiagnostic}). */
export function getDiagnostics(doc: TextDocument, options: LanguageServiceOptions = {}): Diagnostic[] {
  return documentDiagnostics(doc, options).map((d) => toLspDiagnostic(doc, d));
}
