/**
 * The service's view of a document: its entries (statements, conditions or values) with their
 * recovered ASTs in file coordinates, its comments, the context it runs in and the syntax and
 * context diagnostics. Every feature starts here; nothing here throws on user input.
 */
import {
  CONTEXT_NAMES,
  DEFAULT_CONTEXT_PRIORITY,
  didYouMeanHint,
  getContextSchema,
  inferContext,
  isContextName,
  parseCondition,
  blankSpans,
  parseRuleFile,
  parseStatement,
  parseValueExpression,
  suggestNames,
  type BoolExprNode,
  type ContextName,
  type ContextSchema,
  type Diagnostic,
  type FunctionDef,
  type ParseKind,
  type ParseOptions,
  type ParseResult,
  type Range,
  type StatementNode,
  type ValueNode,
} from '@ottl/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { functionsFor, type DocumentKind, type LanguageServiceOptions } from './options.js';

/** One statement, condition or value expression of the document. */
export interface Entry {
  readonly kind: ParseKind;
  /** The file slice `[start, end)` with comments replaced by spaces: what the parser and checker see. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The recovered AST, ranges in the file; absent when recovery could build none. */
  readonly ast?: StatementNode | BoolExprNode | ValueNode;
  /** True when a syntax error lies on the entry's lines. */
  readonly hasErrors: boolean;
}

export interface DocumentModel {
  readonly doc: TextDocument;
  readonly kind: DocumentKind;
  readonly options: LanguageServiceOptions;
  /** The text with every comment replaced by spaces (offsets unchanged). */
  readonly code: string;
  readonly entries: readonly Entry[];
  readonly comments: readonly Range[];
  /** The `context: <name>` declaration of a rule file, when there is one. */
  readonly declaration?: { readonly name: string; readonly range: Range };
  /** Declared, given or inferred; absent when none of these worked. */
  readonly context?: ContextName;
  readonly schema?: ContextSchema;
  /** Paths must carry a context prefix (see {@link LanguageServiceOptions.pathContextNames}). */
  readonly prefixed: boolean;
  /** The functions callable here (the context's, or those callable everywhere without one). */
  readonly functions: ReadonlyMap<string, FunctionDef>;
  /** Syntax diagnostics, then context problems (unknown declared context, failed inference); file positions. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Conditions and values: one per line, continued on lines that start with a space or a tab.
 * Offsets of the entries are file offsets; trailing blanks are not part of an entry.
 */
function lineEntries(code: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let offset = 0;
  for (const line of code.split('\n')) {
    const content = line.replace(/\s+$/, '');
    if (content.trim() !== '') {
      const continues = /^[ \t]/.test(line) && out.length > 0;
      if (continues) out[out.length - 1]!.end = offset + content.length;
      else out.push({ start: offset, end: offset + content.length });
    }
    offset += line.length + 1;
  }
  return out;
}

function hasError(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** An editor call at the start of a `mixed` entry (`set(`; not `not (`). */
const EDITOR_START = /^\s*(?!(?:not|and|or|where|true|false|nil)\b)[a-z][A-Za-z0-9_]*\s*\(/;

/** True when `text` (a `mixed` entry) is a statement. */
export function startsWithEditor(text: string): boolean {
  return EDITOR_START.test(text);
}

type Parsed = ParseResult<StatementNode | BoolExprNode | ValueNode>;

/**
 * Parses a line entry as its document kind says (see {@link DocumentKind}); a `mixed` entry is a
 * statement when it starts with an editor call, else a value when it parses as one, else a
 * condition.
 */
function parseEntry(text: string, origin: ParseOptions, kind: DocumentKind): { kind: ParseKind; parsed: Parsed } {
  if (kind === 'values') return { kind: 'value', parsed: parseValueExpression(text, origin) };
  if (kind === 'conditions') return { kind: 'condition', parsed: parseCondition(text, origin) };
  if (startsWithEditor(text)) return { kind: 'statement', parsed: parseStatement(text, origin) };
  const value = parseValueExpression(text, origin);
  return hasError(value.diagnostics) ? { kind: 'condition', parsed: parseCondition(text, origin) } : { kind: 'value', parsed: value };
}

let last: { text: string; options: LanguageServiceOptions; model: DocumentModel } | undefined;

/** Analyses a document (the result for the same text and options object is reused). */
export function analyzeDocument(doc: TextDocument, options: LanguageServiceOptions): DocumentModel {
  const text = doc.getText();
  if (last !== undefined && last.text === text && last.options === options && last.model.doc.uri === doc.uri) {
    return last.model.doc === doc ? last.model : { ...last.model, doc };
  }
  const model = build(doc, text, options);
  last = { text, options, model };
  return model;
}

/** A throwaway document for callers that hold only text (the repl). */
export function textDocument(text: string): TextDocument {
  return TextDocument.create('untitled:ottl', 'ottl', 0, text);
}

function build(doc: TextDocument, text: string, options: LanguageServiceOptions): DocumentModel {
  const kind = options.kind ?? 'statements';
  // The rule-file parser lexes comments for every kind; for statements it also splits and parses.
  const ruleFile = parseRuleFile(text);
  const comments = ruleFile.comments.map((c) => c.range);
  const code = blankSpans(text, comments.map((r) => ({ start: r.start.offset, end: r.end.offset })));
  const diagnostics: Diagnostic[] = [];
  let entries: Entry[];
  let declaration: DocumentModel['declaration'];

  if (kind === 'statements') {
    diagnostics.push(...ruleFile.diagnostics);
    entries = ruleFile.statements.map((s) => ({
      kind: 'statement',
      text: s.text,
      start: s.range.start.offset,
      end: s.range.end.offset,
      ...(s.ast ? { ast: s.ast } : {}),
      hasErrors: s.hasErrors,
    }));
    if (ruleFile.context !== undefined) declaration = { name: ruleFile.context, range: ruleFile.contextRange! };
  } else {
    entries = lineEntries(code).map(({ start, end }) => {
      const entryText = code.slice(start, end);
      const p = doc.positionAt(start);
      const { kind: entryKind, parsed } = parseEntry(entryText, { offset: start, line: p.line + 1, column: p.character + 1 }, kind);
      diagnostics.push(...parsed.diagnostics);
      return { kind: entryKind, text: entryText, start, end, ...(parsed.ast ? { ast: parsed.ast } : {}), hasErrors: hasError(parsed.diagnostics) };
    });
  }

  let context: ContextName | undefined;
  let inferred = false;
  if (declaration !== undefined) {
    if (isContextName(declaration.name)) context = declaration.name;
    else {
      diagnostics.push({
        code: 'unknown-context',
        severity: 'error',
        message: `there is no context named \`${declaration.name}\``,
        range: declaration.range,
        label: 'unknown context',
        hint: didYouMeanHint(suggestNames(declaration.name, CONTEXT_NAMES)) ?? `valid contexts: ${CONTEXT_NAMES.join(', ')}`,
      });
    }
  } else if (options.context !== undefined) {
    context = options.context;
  } else {
    inferred = true;
    const asts = entries.filter((e) => e.ast !== undefined && !e.hasErrors).map((e) => e.ast!);
    if (asts.length > 0) {
      const result = inferContext(asts, {
        allowed: CONTEXT_NAMES,
        priority: DEFAULT_CONTEXT_PRIORITY,
        functionsFor: (c) => new Set(functionsFor(options, c).keys()),
      });
      if (result.context !== undefined) context = result.context;
      else diagnostics.push(...result.diagnostics);
    }
  }
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return {
    doc,
    kind,
    options,
    code,
    entries,
    comments,
    ...(declaration ? { declaration } : {}),
    ...(context ? { context, schema: getContextSchema(context) } : {}),
    prefixed: options.pathContextNames ?? inferred,
    functions: functionsFor(options, context),
    diagnostics,
  };
}

/** The entry whose span `[start, end]` holds `offset`, if any. */
export function entryAt(model: DocumentModel, offset: number): Entry | undefined {
  return model.entries.find((e) => e.start <= offset && offset <= e.end);
}

/** True when `offset` is inside a comment (after its `#`). */
export function inComment(model: DocumentModel, offset: number): boolean {
  return model.comments.some((c) => c.start.offset < offset && offset <= c.end.offset);
}
