/**
 * Quick fixes for this service's diagnostics: the diagnostic's own `fix` edits (`=` → `==`, add
 * the context prefix, close a string, `&&` → `and`…), and one replacement per did-you-mean
 * suggestion of its hint (unknown functions, paths, enums, named arguments, contexts).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, getDiagnostics, type OttlDiagnosticData } from './diagnostics.js';
import type { LanguageServiceOptions } from './options.js';

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** The suggestions of a `did you mean `a`, `b` or `c`?` hint. */
export function didYouMeanSuggestions(hint: string | undefined): string[] {
  const m = hint !== undefined ? /^did you mean (.+)\?$/.exec(hint) : null;
  if (!m) return [];
  const names = [...m[1]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!);
  // Only a plain list of names: the text between them is `, ` and ` or `.
  return m[1]!.replace(/`[^`]+`/g, '').replace(/, | or /g, '') === '' ? names : [];
}

function code(text: string): string {
  return text.includes('`') ? `\`\`${text}\`\`` : `\`${text}\``;
}

function fixTitle(doc: TextDocument, edits: readonly TextEdit[], hint: string | undefined): string {
  if (edits.length === 1) {
    const old = doc.getText(edits[0]!.range);
    const text = edits[0]!.newText;
    if (old.length <= 30 && text.length <= 30) {
      if (old === '') return `Insert ${code(text)}`;
      if (text !== '') return `Replace ${code(old)} with ${code(text)}`;
    }
  }
  return hint !== undefined ? hint.charAt(0).toUpperCase() + hint.slice(1) : 'Apply the suggested fix';
}

function action(doc: TextDocument, title: string, diagnostic: Diagnostic, edits: TextEdit[], isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [doc.uri]: edits } } };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The quick fixes for `diagnostics` (the client's, for `range`): those of this service
 * (`source: "ottl"`) that overlap `range`. Their fixes come from `data`
 * ({@link OttlDiagnosticData}); a diagnostic the client returned without `data` is matched by code
 * and range against the document's current diagnostics.
 */
export function getCodeActions(doc: TextDocument, range: Range, diagnostics: readonly Diagnostic[], options: LanguageServiceOptions = {}): CodeAction[] {
  let current: Diagnostic[] | undefined;
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || !overlaps(d.range, range)) continue;
    let data = d.data as OttlDiagnosticData | undefined;
    if (data === undefined) {
      current ??= getDiagnostics(doc, options);
      data = current.find((c) => c.code === d.code && sameRange(c.range, d.range))?.data as OttlDiagnosticData | undefined;
    }
    if (data?.fix && data.fix.length > 0) {
      out.push(action(doc, fixTitle(doc, data.fix, data.hint), d, data.fix, true));
      continue;
    }
    // A suggestion replaces the name under the diagnostic; one with a context prefix
    // (`span.name`) only where the name starts the path.
    const old = doc.getText(d.range);
    if (!NAME.test(old)) continue;
    const startsPath = doc.getText({ start: { line: d.range.start.line, character: Math.max(0, d.range.start.character - 1) }, end: d.range.start }) !== '.';
    didYouMeanSuggestions(data?.hint)
      .filter((s) => NAME.test(s) || (startsPath && /^[a-z_]+(\.[a-z_0-9]+)+$/.test(s)))
      .forEach((s, i) => out.push(action(doc, `Change to ${code(s)}`, d, [{ range: d.range, newText: s }], i === 0)));
  }
  return out;
}
