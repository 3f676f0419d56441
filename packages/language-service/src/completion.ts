/**
 * Completion: what may be written at the cursor, from {@link cursorContext}, with kinds, details
 * (signatures, path types, enum values) and Markdown documentation.
 */
import {
  CONTEXT_NAMES,
  functionSignature,
  paramKindText,
  quoteString,
  toCamel,
  type FunctionDef,
  type GetterType,
  type ParamDef,
  type PathInfo,
} from '@ottl/core';
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cursorContext, type CallSite, type Expectation } from './cursor.js';
import { analyzeDocument, inComment, textDocument, type DocumentModel } from './document.js';
import { contextMarkdown, enumMarkdown, functionMarkdown, paramMarkdown, pathDetail, pathMarkdown } from './markdown.js';
import type { LanguageServiceOptions } from './options.js';
import { enumFamily, enumsOf, knownKeys, nextSegments, pathContextNames, pathInfo } from './paths.js';
import { lspRangeOf } from './positions.js';

export interface CompletionOptions extends LanguageServiceOptions {
  /**
   * Calls insert the snippet `Name($0)` (for clients with snippet support). Default: plain text
   * `Name(`.
   */
  readonly snippets?: boolean;
}

/** What {@link complete} returns: replace `text.slice(from, to)` by an item's `insertText`. */
export interface CompletionResult {
  readonly from: number;
  readonly to: number;
  readonly items: CompletionItem[];
}

/** Sort groups, best first: the items' `sortText` is the group digit followed by the label. */
const Group = { Preferred: 0, Path: 1, Context: 2, Function: 3, Enum: 4, Literal: 5, NamedArgument: 6, Keyword: 7 } as const;
type Group = (typeof Group)[keyof typeof Group];

/** Asks the client to complete again after a context prefix (`span.`) is inserted. */
const RETRIGGER = { title: 'Complete the path', command: 'editor.action.triggerSuggest' };

function item(label: string, kind: CompletionItemKind, group: Group, extra: Partial<CompletionItem> = {}): CompletionItem {
  return { label, kind, sortText: `${group}${label}`, insertText: label, ...extra };
}

function markdown(value: string): CompletionItem['documentation'] {
  return { kind: 'markdown', value };
}

function isEditorName(name: string): boolean {
  return /^[a-z]/.test(name);
}

function functionItem(def: FunctionDef, options: CompletionOptions, asName = false): CompletionItem {
  const call = options.snippets ? { insertText: `${def.name}($0)`, insertTextFormat: InsertTextFormat.Snippet } : { insertText: `${def.name}(` };
  return item(def.name, isEditorName(def.name) ? CompletionItemKind.Method : CompletionItemKind.Function, Group.Function, {
    detail: functionSignature(def),
    documentation: markdown(functionMarkdown(def)),
    ...(asName ? { insertText: def.name } : call),
  });
}

function segmentItem(name: string, info: PathInfo | undefined, group = Group.Path): CompletionItem {
  return item(name, CompletionItemKind.Field, group, info ? { detail: pathDetail(info), documentation: markdown(pathMarkdown(info)) } : { detail: 'path section' });
}

function contextItem(name: string): CompletionItem {
  return item(name, CompletionItemKind.Module, Group.Context, {
    detail: 'context',
    documentation: markdown(contextMarkdown(name)),
    insertText: `${name}.`,
    command: RETRIGGER,
  });
}

function keywordItem(word: string): CompletionItem {
  return item(word, CompletionItemKind.Keyword, Group.Keyword);
}

const LITERAL_DETAIL: Readonly<Record<string, string>> = { true: 'bool', false: 'bool', nil: 'nil', '""': 'string' };

function literalItems(labels: readonly string[]): CompletionItem[] {
  return labels.map((l) => item(l, CompletionItemKind.Constant, Group.Literal, { detail: LITERAL_DETAIL[l] ?? '' }));
}

function enumItems(model: DocumentModel, family: string | undefined, group: Group): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const [name, value] of enumsOf(model)) {
    if (family !== undefined && !name.startsWith(family)) continue;
    out.push(item(name, CompletionItemKind.EnumMember, group, { detail: `= ${value}`, documentation: markdown(enumMarkdown(name, value)) }));
  }
  return out;
}

/** Where a path may start: the context's own fields (unless prefixes are required), then context prefixes. */
function pathStartItems(model: DocumentModel): CompletionItem[] {
  const own = !model.prefixed && model.schema ? nextSegments(model, []).map((s) => segmentItem(s.name, s.info)) : [];
  return [...own, ...pathContextNames(model).map(contextItem)];
}

function converterItems(model: DocumentModel, options: CompletionOptions, asNames = false): CompletionItem[] {
  return [...model.functions.values()].filter((d) => !isEditorName(d.name)).map((d) => functionItem(d, options, asNames));
}

/** Paths, converters and literals: what any value position takes. */
function valueItems(model: DocumentModel, options: CompletionOptions, literals: readonly string[] = ['true', 'false', 'nil']): CompletionItem[] {
  return [...pathStartItems(model), ...converterItems(model, options), ...literalItems(literals)];
}

const INT_TYPES: ReadonlySet<GetterType> = new Set(['int', 'intlike']);
const STRING_TYPES: ReadonlySet<GetterType> = new Set(['string', 'stringlike']);
const BOOL_TYPES: ReadonlySet<GetterType> = new Set(['bool', 'boollike']);

/** The parameter the argument at the call site binds to, by name or position. */
function paramAt(def: FunctionDef, site: CallSite): ParamDef | undefined {
  if (site.argName !== undefined) return def.params.find((p) => toCamel(p.name) === toCamel(site.argName!));
  return site.named.length > 0 ? undefined : def.params[site.argIndex];
}

/**
 * `name=` items for the parameters the call can still bind by name: after a named argument every
 * parameter not bound yet, otherwise the optional ones (naming lets an argument skip them).
 */
function namedArgumentItems(def: FunctionDef, site: CallSite): CompletionItem[] {
  const positional = site.argIndex - site.named.length;
  const named = new Set(site.named.map(toCamel));
  return def.params
    .filter((p, i) => i >= positional && !named.has(toCamel(p.name)) && (site.named.length > 0 || p.optional))
    .map((p) =>
      item(p.name, CompletionItemKind.Property, Group.NamedArgument, {
        insertText: `${p.name}=`,
        detail: `${p.name}=${paramKindText(p.kind)}`,
        documentation: markdown(paramMarkdown(p)),
      }),
    );
}

/**
 * The string values a parameter documents as its only choices (a description such as
 * "`insert`, `update` or `upsert`"), as string literals.
 */
function documentedChoices(param: ParamDef): CompletionItem[] {
  const d = param.description?.trim();
  if (d === undefined || !/^`[^`]+`(?:, `[^`]+`)*(?: or `[^`]+`)\.?$/.test(d)) return [];
  return [...d.matchAll(/`"?([^`"]+)"?`/g)].map((m, i) =>
    item(quoteString(m[1]!), CompletionItemKind.Value, Group.Preferred, { sortText: `0${i}`, detail: `${param.name} choice` }),
  );
}

function argumentItems(model: DocumentModel, options: CompletionOptions, site: CallSite): CompletionItem[] {
  const def = model.functions.get(site.name);
  if (!def) return valueItems(model, options);
  const names = site.argName === undefined ? namedArgumentItems(def, site) : [];
  const param = paramAt(def, site);
  if (!param) return names;
  const kind = param.kind;
  switch (kind.kind) {
    case 'getsetter':
      return [...pathStartItems(model), ...names];
    case 'getter':
    case 'getterList': {
      const literals = STRING_TYPES.has(kind.type) ? ['""', 'nil'] : BOOL_TYPES.has(kind.type) ? ['true', 'false', 'nil'] : ['true', 'false', 'nil', '""'];
      const enums = INT_TYPES.has(kind.type) ? enumItems(model, undefined, Group.Enum) : [];
      const choices = STRING_TYPES.has(kind.type) ? documentedChoices(param) : [];
      return [...choices, ...valueItems(model, options, literals), ...enums, ...names];
    }
    case 'literal':
      if (kind.type === 'string') return [...documentedChoices(param), ...literalItems(['""']), ...names];
      return [...literalItems(kind.type === 'bool' ? ['true', 'false'] : []), ...names];
    case 'enum':
      return [...enumItems(model, undefined, Group.Preferred), ...names];
    case 'function':
      return [...converterItems(model, options, true), ...names];
    case 'literalList':
    case 'lambda':
      return names;
  }
}

function itemsFor(model: DocumentModel, options: CompletionOptions, expect: Expectation, offset: number): CompletionItem[] {
  switch (expect.kind) {
    case 'statement': {
      const editors = [...model.functions.values()].filter((d) => isEditorName(d.name)).map((d) => functionItem(d, options));
      const declaration =
        expect.firstInFile && model.declaration === undefined
          ? [item('context:', CompletionItemKind.Keyword, Group.Keyword, { insertText: 'context: ', detail: 'declare the context of the statements below' })]
          : [];
      const values = expect.orValue ? [...valueItems(model, options), keywordItem('not')] : [];
      return [...editors, ...values, ...expect.keywords.map(keywordItem), ...declaration];
    }
    case 'value': {
      if (expect.argument) return argumentItems(model, options, expect.argument);
      const items = valueItems(model, options);
      if (expect.compareTo) {
        const info = pathInfo(model, expect.compareTo);
        if (info?.type === 'int') items.unshift(...enumItems(model, enumFamily(info), Group.Preferred));
      }
      if (expect.bool) items.push(keywordItem('not'));
      return items;
    }
    case 'segment':
      return nextSegments(model, expect.names).map((s) => segmentItem(s.name, s.info));
    case 'key': {
      if (!expect.names) return [];
      const info = pathInfo(model, expect.names);
      if (info?.keys === undefined || info.keys.kind === 'list') return [];
      const keys = knownKeys(model, expect.names, offset).map((k, i) =>
        item(quoteString(k), CompletionItemKind.Value, Group.Preferred, { sortText: `0${String(i).padStart(4, '0')}`, detail: `key of ${info.text}` }),
      );
      return [...keys, ...literalItems(['""'])];
    }
    case 'keywords':
      return expect.keywords.map(keywordItem);
    case 'context-name':
      return CONTEXT_NAMES.map((c) => item(c, CompletionItemKind.Module, Group.Context, { detail: 'context', documentation: markdown(contextMarkdown(c)) }));
    case 'none':
      return [];
  }
}

function completionsAt(model: DocumentModel, offset: number, options: CompletionOptions): CompletionResult {
  if (inComment(model, offset)) return { from: offset, to: offset, items: [] };
  const cursor = cursorContext(model, offset);
  return { from: cursor.from, to: cursor.to, items: itemsFor(model, options, cursor.expect, offset) };
}

/**
 * LSP completion at `position`: every candidate (the client filters by what is typed), each with
 * a `textEdit` replacing the word or open string at the cursor.
 */
export function getCompletions(doc: TextDocument, position: Position, options: CompletionOptions = {}): CompletionList {
  const model = analyzeDocument(doc, options);
  const { from, to, items } = completionsAt(model, doc.offsetAt(position), options);
  const range = lspRangeOf(doc, from, to);
  return {
    isIncomplete: false,
    items: items.map((i) => ({ ...i, textEdit: { range, newText: i.insertText ?? i.label } })),
  };
}

/**
 * Completion over plain text, for line editors such as the repl: `offset` is the cursor in
 * `text`; the items are those whose `insertText` starts with `text.slice(from, offset)` (case
 * matters, as in OTTL), best first. Replace `[from, to)` by an item's `insertText` (plain text
 * unless `options.snippets`).
 */
export function complete(text: string, offset: number, options: CompletionOptions = {}): CompletionResult {
  const model = analyzeDocument(textDocument(text), options);
  const result = completionsAt(model, offset, options);
  const typed = text.slice(result.from, offset);
  const items = result.items
    .filter((i) => (i.insertText ?? i.label).startsWith(typed))
    .sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
  return { ...result, items };
}
