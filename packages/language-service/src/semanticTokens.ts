/**
 * Semantic tokens. OTTL's token classes map onto standard LSP token types, so every theme colours
 * them without configuration:
 *
 * | OTTL | LSP type |
 * |---|---|
 * | editor (`set`) | `method` |
 * | converter (`IsMatch`, also a converter passed by name) | `function` |
 * | path segment (`attributes`) | `property` |
 * | context (`resource.`, the name in `context: log`) | `namespace` |
 * | enum symbol (`SPAN_KIND_SERVER`) | `enumMember` |
 * | keyword (`where and or not true false nil`, `context`) | `keyword` |
 * | string, bytes/number literals | `string`, `number` |
 * | operator (`== != < <= > >= + - * / = =>`) | `operator` |
 * | comment (`# …`) | `comment` |
 * | named-argument name (`replacement=`) | `parameter` |
 *
 * The one modifier, `declaration`, marks the context name of a `context:` declaration.
 * Classification is lexical (a name before `(` is a call, …), so it works on incomplete text.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type DocumentModel } from './document.js';
import type { LanguageServiceOptions } from './options.js';
import { ALL_PATH_CONTEXT_NAMES } from './paths.js';
import { lexTokens, type Token } from './tokens.js';

/** What each OTTL token class is reported as (see the module comment). */
export const OTTL_SEMANTIC_TOKEN_TYPES = {
  editor: 'method',
  converter: 'function',
  path: 'property',
  context: 'namespace',
  enum: 'enumMember',
  keyword: 'keyword',
  string: 'string',
  number: 'number',
  operator: 'operator',
  comment: 'comment',
  parameter: 'parameter',
} as const;

export type OttlTokenClass = keyof typeof OTTL_SEMANTIC_TOKEN_TYPES;

const CLASSES = Object.keys(OTTL_SEMANTIC_TOKEN_TYPES) as OttlTokenClass[];

/** The legend to announce in the server capabilities; token type indices follow its order. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: CLASSES.map((c) => OTTL_SEMANTIC_TOKEN_TYPES[c]),
  tokenModifiers: ['declaration'],
};

const DECLARATION = 1;

interface Classified {
  readonly start: number;
  readonly end: number;
  readonly cls: OttlTokenClass;
  readonly modifiers: number;
}

const KEYWORD_NAMES: ReadonlySet<string> = new Set(['where', 'nil']);

function classifyName(model: DocumentModel, tokens: readonly Token[], i: number): OttlTokenClass | undefined {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (next?.kind === '(' && t.text !== 'where') return /^[a-z]/.test(t.text) ? 'editor' : 'converter';
  if (KEYWORD_NAMES.has(t.text)) return 'keyword';
  if (next?.kind === '=') return 'parameter';
  if (/^[A-Z]/.test(t.text)) return model.functions.has(t.text) ? 'converter' : 'enum';
  if (prev?.kind !== '.' && next?.kind === '.' && ALL_PATH_CONTEXT_NAMES.includes(t.text)) return 'context';
  return 'path';
}

function classify(model: DocumentModel, tokens: readonly Token[]): Classified[] {
  const out: Classified[] = model.comments.map((c) => ({ start: c.start.offset, end: c.end.offset, cls: 'comment', modifiers: 0 }));
  const decl = model.declaration?.range.start.offset;
  tokens.forEach((t, i) => {
    let cls: OttlTokenClass | undefined;
    let modifiers = 0;
    switch (t.kind) {
      case 'name':
        if (t.start === decl) {
          cls = 'context';
          modifiers = DECLARATION;
        } else if (t.text === 'context' && tokens[i + 1]?.kind === ':' && tokens[i + 2]?.start === decl) {
          cls = 'keyword';
        } else {
          cls = classifyName(model, tokens, i);
        }
        break;
      case 'string':
        cls = 'string';
        break;
      case 'number':
        cls = 'number';
        break;
      case 'bool':
      case 'not':
      case 'and':
      case 'or':
        cls = 'keyword';
        break;
      case 'comparison':
      case 'math':
      case '=':
      case 'arrow':
        cls = 'operator';
        break;
      default:
        break;
    }
    if (cls !== undefined) out.push({ start: t.start, end: t.end, cls, modifiers });
  });
  return out.sort((a, b) => a.start - b.start);
}

/** The document's semantic tokens in the LSP relative encoding, one line per token piece. */
export function getSemanticTokens(doc: TextDocument, options: LanguageServiceOptions = {}): SemanticTokens {
  const model = analyzeDocument(doc, options);
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const t of classify(model, lexTokens(model.code))) {
    const type = CLASSES.indexOf(t.cls);
    // A token never spans lines in the encoding: a string with a raw line break is cut per line.
    let from = t.start;
    while (from < t.end) {
      const nl = model.code.indexOf('\n', from);
      const to = nl >= 0 && nl < t.end ? nl : t.end;
      if (to > from) {
        const p = doc.positionAt(from);
        data.push(p.line - line, p.line === line ? p.character - character : p.character, to - from, type, t.modifiers);
        line = p.line;
        character = p.character;
      }
      from = to + 1;
    }
  }
  return { data };
}
