/**
 * The front end's entry points: text in, `{ ast?, diagnostics }` out. Never throws on user input.
 *
 * `ast` is present whenever error recovery could build one; a result with any `error` diagnostic
 * must not be executed. Diagnostics come in source order. `options` (offset/line/column) say where
 * the text starts in the file the user edits, and every range is shifted there.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type { BoolExprNode, StatementNode, ValueNode } from './ast.js';
import { AstBuilder } from './cstToAst.js';
import { decodeSyntaxError, ottlParser, type EntryRule } from './parser.js';
import { PositionMapper, emptyRange, isVirtual, rangeOf, type SourceOrigin } from './positions.js';
import { ERROR_TOKENS, SingleQuotedString, UnterminatedString, lex, type LexError, type LexResult } from './tokens.js';

export type ParseOptions = SourceOrigin;

export interface ParseResult<T> {
  readonly ast?: T;
  readonly diagnostics: Diagnostic[];
}

/** The three shapes of OTTL text (reference §1). */
export type ParseKind = 'statement' | 'condition' | 'value';

const CHARACTER_HINTS: Readonly<Record<string, string>> = {
  ';': 'write one statement per entry (or per line in a rule file); no ; is needed',
  '#': 'comments are only allowed in rule files',
  '%': 'OTTL has no modulo operator',
  '`': 'strings use double quotes',
};

/** Diagnostics for characters no token starts with. */
export function lexDiagnostics(errors: readonly LexError[], pos: PositionMapper): Diagnostic[] {
  return errors.map((e) => {
    const chars = pos.text.slice(e.offset, e.offset + e.length);
    const start = pos.at(e.offset, e.line, e.column);
    const end = pos.atOffset(e.offset + e.length);
    const hint = CHARACTER_HINTS[chars] ?? CHARACTER_HINTS[chars[0]!];
    return {
      code: 'invalid-character',
      severity: 'error',
      message: `unexpected character${chars.length > 1 ? 's' : ''} '${chars}'`,
      range: rangeOf(start, end),
      label: 'not part of OTTL',
      ...(hint ? { hint } : {}),
    } satisfies Diagnostic;
  });
}

/** Diagnostics for the error tokens (see `ERROR_TOKENS` in tokens.ts) among `tokens`. */
export function errorTokenDiagnostics(tokens: readonly IToken[], pos: PositionMapper): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of tokens) {
    const info = ERROR_TOKENS.get(t.tokenType);
    if (info === undefined) continue;
    const range = pos.tokenRange(t);
    out.push({
      code: t.tokenType === UnterminatedString ? 'unterminated-string' : t.tokenType === SingleQuotedString ? 'single-quoted-string' : 'invalid-character',
      severity: 'error',
      message: info.message,
      range,
      label: info.label,
      hint: info.hint(t.image),
      fix: [{ range, newText: info.fix(t.image) }],
    });
  }
  return out;
}

const CLOSER_NAMES = new Set(['RParen', 'RBracket', 'RBrace']);

/** Turns the parser's recorded errors into diagnostics (see `parser.ts`, OttlErrorMessages). */
function syntaxDiagnostics(tokens: readonly IToken[], pos: PositionMapper): Diagnostic[] {
  const out: Diagnostic[] = [];
  const last = tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
  // Recovery can report the same spot twice, or the token right after an error again (`== ` then
  // end of input): only the first error of such a cascade is kept.
  let previousIndex = -2;
  let previousGeneric = false;
  for (const error of ottlParser.errors) {
    const info = decodeSyntaxError(error.message);
    const atEnd = isVirtual(error.token) || error.token.tokenType.name === 'EOF';
    const index = atEnd ? tokens.length : tokens.indexOf(error.token);
    if (index === previousIndex && info.kind === 'redundant' && previousGeneric) {
      // "unexpected 'x' after the end of …" says more than a generic "expected a value".
      out.pop();
    } else if (index === previousIndex || index === previousIndex + 1) {
      continue;
    }
    previousIndex = index;
    previousGeneric = info.kind === 'no-alternative' && info.code === undefined;
    const range: Range = atEnd ? emptyRange(last ? pos.after(last) : pos.end()) : pos.tokenRange(error.token);
    const code =
      info.code ??
      (info.expected !== undefined && CLOSER_NAMES.has(info.expected) && info.openedAt !== undefined
        ? 'unclosed-delimiter'
        : atEnd || info.message.endsWith('found end of input')
          ? 'unexpected-end'
          : 'unexpected-token');
    const opener = info.openedAt !== undefined ? tokens.find((t) => t.startOffset === info.openedAt) : undefined;
    out.push({
      code,
      severity: 'error',
      message: info.message,
      range,
      label: info.label,
      ...(info.hint ? { hint: info.hint } : {}),
      ...(opener ? { related: [{ range: pos.tokenRange(opener), message: `'${opener.image}' opened here` }] } : {}),
    });
  }
  return out;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset;
}

/**
 * Runs the parser over already-lexed tokens (of a text or of a whole rule file) and builds the AST.
 * `pos` maps the tokens' coordinates into the file.
 */
export function parseLexed<T>(
  lexed: Pick<LexResult, 'tokens'> & Partial<Pick<LexResult, 'errors'>>,
  entry: EntryRule,
  pos: PositionMapper,
  build: (builder: AstBuilder, cst: CstNode) => T | undefined,
): ParseResult<T> {
  const diagnostics = lexDiagnostics(lexed.errors ?? [], pos);
  diagnostics.push(...errorTokenDiagnostics(lexed.tokens, pos));
  const cst = ottlParser.parseTokens(lexed.tokens, entry);
  const syntax = syntaxDiagnostics(lexed.tokens, pos);
  diagnostics.push(...syntax);
  const built: Diagnostic[] = [];
  const ast = build(new AstBuilder(pos, built), cst);
  // Where the parser already reported a spot, what the AST step says about it is a consequence.
  const reported = new Set(syntax.map((d) => d.range.start.offset));
  diagnostics.push(...built.filter((d) => !reported.has(d.range.start.offset)));
  diagnostics.sort(byPosition);
  return ast === undefined ? { diagnostics } : { ast, diagnostics };
}

function parseText<T>(text: string, entry: EntryRule, options: ParseOptions | undefined, build: (b: AstBuilder, cst: CstNode) => T | undefined): ParseResult<T> {
  return parseLexed(lex(text), entry, new PositionMapper(text, options), build);
}

function firstChild(cst: CstNode): CstNode | undefined {
  return (cst.children['expression'] as CstNode[] | undefined)?.[0];
}

/** Parses a statement: `editor(args…) [where condition]`. */
export function parseStatement(text: string, options?: ParseOptions): ParseResult<StatementNode> {
  return parseText(text, 'statement', options, (b, cst) => b.statement(cst));
}

/** Parses a condition (a boolean expression, as in `where …`, filter or routing conditions). */
export function parseCondition(text: string, options?: ParseOptions): ParseResult<BoolExprNode> {
  return parseText(text, 'condition', options, (b, cst) => {
    const expr = firstChild(cst);
    return expr && b.condition(expr);
  });
}

/** Parses a value expression (a literal, path, converter call, arithmetic, list or map). */
export function parseValueExpression(text: string, options?: ParseOptions): ParseResult<ValueNode> {
  return parseText(text, 'valueExpression', options, (b, cst) => {
    const expr = firstChild(cst);
    const built = expr && b.value(expr);
    if (built === undefined) return undefined;
    const n = built.node;
    return n.kind === 'FunctionName' ? { kind: 'Enum', name: n.name, range: n.range } : n;
  });
}

/** Parses `text` as the given kind. */
export function parse(text: string, kind: ParseKind, options?: ParseOptions): ParseResult<StatementNode | BoolExprNode | ValueNode> {
  return kind === 'statement' ? parseStatement(text, options) : kind === 'condition' ? parseCondition(text, options) : parseValueExpression(text, options);
}

export interface OttlToken {
  /** Upstream's token type name: Lowercase, Uppercase, String, Int, Float, Bytes, OpAnd, Punct… */
  readonly type: string;
  readonly text: string;
  readonly range: Range;
}

const UPSTREAM_TYPE_NAMES: Readonly<Record<string, string>> = {
  Comma: 'Punct',
  Dot: 'Punct',
  LBracket: 'Punct',
  RBracket: 'Punct',
};

/**
 * The token stream of `text` as upstream's lexer produces it: identifiers come as runs
 * (`IsMatch` is Uppercase `I`, Lowercase `s`, Uppercase `M`, Lowercase `atch`), comma, dot and
 * brackets as `Punct`. Text upstream cannot lex (an unterminated or single-quoted string, `&&`,
 * a stray character) gives an error diagnostic instead of a token.
 */
export function tokenize(text: string, options?: ParseOptions): { tokens: OttlToken[]; diagnostics: Diagnostic[] } {
  const pos = new PositionMapper(text, options);
  const lexed = lex(text);
  const diagnostics = lexDiagnostics(lexed.errors, pos);
  diagnostics.push(...errorTokenDiagnostics(lexed.rawTokens, pos));
  const tokens: OttlToken[] = lexed.rawTokens
    .filter((t) => !ERROR_TOKENS.has(t.tokenType))
    .map((t) => ({ type: UPSTREAM_TYPE_NAMES[t.tokenType.name] ?? t.tokenType.name, text: t.image, range: pos.tokenRange(t) }));
  diagnostics.sort(byPosition);
  return { tokens, diagnostics };
}
