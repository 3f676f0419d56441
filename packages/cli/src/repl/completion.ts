/**
 * Completion for OTTL text typed in the REPL: editors at the start of a statement, converters,
 * the current context's paths (unprefixed for its own, prefixed for resource/scope/parents),
 * enum symbols and keywords, filtered by the word before the cursor.
 *
 * This is a stand-in for the language service's completion (the `@ottl/language-service`
 * package does not exist yet); it should move there and the REPL should call that instead.
 */
import type { ContextName, Environment } from '@ottl/core';

export type CompletionKind = 'editor' | 'converter' | 'path' | 'enum' | 'keyword';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  /** A short description (signature, path type). */
  readonly detail?: string;
}

export interface Completion {
  /** Where the replaced word starts in the text. */
  readonly from: number;
  readonly items: readonly CompletionItem[];
}

const KEYWORDS = ['where', 'and', 'or', 'not', 'nil', 'true', 'false'];

/** True when `text` (before the cursor) is inside an unfinished string literal. */
function inString(text: string): boolean {
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && open) i++;
    else if (c === '"') open = !open;
  }
  return open;
}

/** The candidates for the word that ends at `cursor`. */
export function complete(text: string, cursor: number, env: Environment, context: ContextName): Completion {
  const before = text.slice(0, cursor);
  if (inString(before)) return { from: cursor, items: [] };
  const word = /[A-Za-z_][A-Za-z0-9_.]*$/.exec(before)?.[0] ?? '';
  const from = cursor - word.length;
  const atStart = before.slice(0, from).trim() === '';
  // After `.` or `[`, a word continues a path or indexes one; functions do not fit there.
  const prev = before.slice(0, from).trimEnd().slice(-1);
  const items: CompletionItem[] = [];
  const functions = env.functionsFor(context);
  if (!word.includes('.') && prev !== '.') {
    for (const [name, def] of functions) {
      const editor = /^[a-z]/.test(name);
      if (editor && !atStart) continue;
      items.push({ label: name, kind: editor ? 'editor' : 'converter', detail: `${name}(${def.params.map((p) => p.name + (p.optional ? '?' : '')).join(', ')})` });
    }
    const schema = env.contexts.get(context);
    for (const [sym] of schema?.enums ?? []) items.push({ label: sym, kind: 'enum' });
    if (!atStart) for (const k of KEYWORDS) items.push({ label: k, kind: 'keyword' });
  }
  const schema = env.contexts.get(context);
  const seen = new Set<string>();
  for (const p of schema?.listPaths() ?? []) {
    // The context's own paths are offered without their prefix too (legacy paths run in the REPL).
    const forms = p.context === context ? [p.text, p.segments.join('.')] : [p.text];
    for (const label of forms) {
      if (seen.has(label)) continue;
      seen.add(label);
      items.push({ label, kind: 'path', detail: `${p.type}${p.readOnly ? ', read-only' : ''}` });
    }
  }
  let matches = items.filter((i) => i.label.startsWith(word));
  if (matches.length === 0) matches = items.filter((i) => i.label.toLowerCase().startsWith(word.toLowerCase()));
  const order: Record<CompletionKind, number> = { editor: 0, path: 1, converter: 2, enum: 3, keyword: 4 };
  matches.sort((a, b) => order[a.kind] - order[b.kind] || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { from, items: matches };
}
