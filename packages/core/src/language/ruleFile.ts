/**
 * Rule files (`.ottl`): several statements in one file, with comments and an optional context
 * declaration. The format is specified in `grammar/rule-files.md`:
 *
 * - `#` starts a comment that runs to the end of the line (outside strings);
 * - the first line that is not blank or a comment may declare the context: `context: log`;
 * - each statement starts on a new line with its editor call (`name(`); it continues onto the
 *   next lines until a line starts with another call at bracket depth 0 after a complete line
 *   (one that does not end with an operator, `where`, `not`, a comma, `.`, `:` or `=>`);
 * - a line that starts in column 1 with a call always starts a new statement, so an unclosed
 *   bracket cannot swallow the rest of the file (indent continuation lines).
 *
 * Ranges in the results point into the file.
 */
import type { IToken } from 'chevrotain';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type { StatementNode } from './ast.js';
import { lexDiagnostics, parseLexed } from './parse.js';
import { PositionMapper, rangeOf } from './positions.js';
import { printStatement } from './printer.js';
import {
  AmpersandAnd,
  Arrow,
  BangNot,
  Colon,
  Comma,
  Dot,
  Equal,
  LBrace,
  LBracket,
  LParen,
  Lowercase,
  OpAddSub,
  OpAnd,
  OpComparison,
  OpMultDiv,
  OpNot,
  OpOr,
  PipeOr,
  RBrace,
  RBracket,
  RParen,
  Uppercase,
  isWord,
  lex,
} from './tokens.js';
import type { TokenType } from 'chevrotain';

export interface RuleFileStatement {
  /** Present when the statement could be parsed (possibly with errors; see the diagnostics). */
  readonly ast?: StatementNode;
  /** The statement's source text, comments blanked out, so it parses on its own. */
  readonly text: string;
  readonly range: Range;
  /** True when the file's diagnostics include an error on this statement's lines. */
  readonly hasErrors: boolean;
}

export interface RuleFileComment {
  /** The comment including its `#`. */
  readonly text: string;
  readonly range: Range;
}

export interface RuleFileResult {
  /** The declared context name (`context: log`); whether it names a known context is not checked here. */
  readonly context?: string;
  readonly contextRange?: Range;
  readonly statements: RuleFileStatement[];
  readonly comments: RuleFileComment[];
  /** All diagnostics of the file, in source order. */
  readonly diagnostics: Diagnostic[];
}

/** Tokens after which a line break never ends a statement (error tokens included: `&&` is `and`). */
const CONTINUE_AFTER: ReadonlySet<TokenType> = new Set([
  OpOr,
  PipeOr,
  OpAnd,
  AmpersandAnd,
  OpNot,
  BangNot,
  OpComparison,
  Equal,
  OpAddSub,
  OpMultDiv,
  Comma,
  Dot,
  Colon,
  Arrow,
]);
const OPENERS: ReadonlySet<TokenType> = new Set([LParen, LBracket, LBrace]);
const CLOSERS: ReadonlySet<TokenType> = new Set([RParen, RBracket, RBrace]);

/** A call (`name(`), what a statement starts with, or `context:`, what a declaration starts with. */
function startsUnit(tokens: readonly IToken[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1]?.tokenType;
  if (t.tokenType !== Lowercase && t.tokenType !== Uppercase) return false;
  // `where (` opens a parenthesised condition, not a call.
  return next === LParen ? !isWord(t, 'where') : next === Colon && isWord(t, 'context');
}

/** Splits the file's tokens into statements (see the module comment for the rules). */
function splitStatements(tokens: readonly IToken[]): IToken[][] {
  const units: IToken[][] = [];
  let current: IToken[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = current[current.length - 1];
    if (prev !== undefined && t.startLine! > prev.endLine! && startsUnit(tokens, i)) {
      const continues = t.startColumn !== 1 && (depth > 0 || CONTINUE_AFTER.has(prev.tokenType) || isWord(prev, 'where'));
      if (!continues) {
        units.push(current);
        current = [];
        depth = 0;
      }
    }
    if (OPENERS.has(t.tokenType)) depth++;
    else if (CLOSERS.has(t.tokenType) && depth > 0) depth--;
    current.push(t);
  }
  if (current.length > 0) units.push(current);
  return units;
}

function isContextDeclaration(unit: readonly IToken[]): boolean {
  return unit.length >= 2 && isWord(unit[0]!, 'context') && unit[1]!.tokenType === Colon;
}

/** Parses a rule file. Never throws; every problem is a diagnostic with a range in the file. */
export function parseRuleFile(text: string): RuleFileResult {
  const pos = new PositionMapper(text);
  const lexed = lex(text, 'ruleFile');
  const diagnostics: Diagnostic[] = lexDiagnostics(lexed.errors, pos);
  const comments = lexed.comments.map((c) => ({ text: c.image, range: pos.tokenRange(c) }));
  const commentSpans = lexed.comments.map((c) => ({ start: c.startOffset, end: c.startOffset + c.image.length }));
  const units = splitStatements(lexed.tokens);
  const statements: RuleFileStatement[] = [];
  let context: string | undefined;
  let contextRange: Range | undefined;
  units.forEach((unit, index) => {
    const range = rangeOf(pos.start(unit[0]!), pos.after(unit[unit.length - 1]!));
    if (isContextDeclaration(unit)) {
      const name = unit[2];
      if (index === 0 && unit.length === 3 && name!.tokenType === Lowercase && !/[A-Z]/.test(name!.image)) {
        context = name!.image;
        contextRange = pos.tokenRange(name!);
      } else {
        diagnostics.push({
          code: 'invalid-context-declaration',
          severity: 'error',
          message: index === 0 ? 'a context declaration is `context: <name>`' : 'the context can only be declared before the first statement',
          range,
          label: 'context declaration',
          hint: index === 0 ? 'write e.g. context: log' : 'move it to the top of the file',
        });
      }
      return;
    }
    const result = parseLexed({ tokens: unit }, 'statement', pos, (b, cst) => b.statement(cst));
    diagnostics.push(...result.diagnostics);
    statements.push({ ...(result.ast ? { ast: result.ast } : {}), text: blankSpans(text, commentSpans, range.start.offset, range.end.offset), range, hasErrors: false });
  });
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const errorLines = diagnostics.filter((d) => d.severity === 'error').map((d) => d.range.start.line);
  for (let i = 0; i < statements.length; i++) {
    const { start, end } = statements[i]!.range;
    if (errorLines.some((l) => l >= start.line && l <= end.line)) statements[i] = { ...statements[i]!, hasErrors: true };
  }
  return {
    ...(context !== undefined ? { context, contextRange: contextRange! } : {}),
    statements,
    comments,
    diagnostics,
  };
}

/**
 * `text[from, to)` with every `[start, end)` offset span of `spans` (sorted, non-overlapping, in
 * file offsets) replaced by as many spaces, so offsets in the result stay aligned with the file.
 * Linear in the text length. Rule-file comments are blanked this way before statements are parsed.
 */
export function blankSpans(
  text: string,
  spans: readonly { readonly start: number; readonly end: number }[],
  from = 0,
  to = text.length,
): string {
  let out = '';
  let at = from;
  for (const { start, end } of spans) {
    const s = Math.max(start, at);
    const e = Math.min(end, to);
    if (e <= s) continue;
    out += text.slice(at, s) + ' '.repeat(e - s);
    at = e;
  }
  return out + text.slice(at, to);
}

interface Block {
  readonly startLine: number;
  readonly endLine: number;
  readonly text: string;
}

/**
 * Formats a rule file into its one canonical layout: the context declaration first, one statement
 * per line in canonical form (literal spellings kept), comments kept — a comment inside a
 * multi-line statement moves to its own line before the statement, a comment after a statement
 * stays at the end of its line — at most one blank line between blocks, a final newline.
 * A statement with errors is kept as written. `formatRuleFile(formatRuleFile(s))` equals
 * `formatRuleFile(s)`.
 */
export function formatRuleFile(text: string): string {
  const parsed = parseRuleFile(text);
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const used = new Set<RuleFileComment>();
  const trailingOf = (line: number, afterOffset: number): RuleFileComment | undefined => {
    const c = parsed.comments.find((x) => x.range.start.line === line && x.range.start.offset >= afterOffset);
    if (c) used.add(c);
    return c;
  };
  if (parsed.context !== undefined) {
    const line = parsed.contextRange!.start.line;
    const trailing = trailingOf(line, parsed.contextRange!.end.offset);
    blocks.push({ startLine: line, endLine: line, text: `context: ${parsed.context}${trailing ? ` ${trailing.text.trimEnd()}` : ''}` });
  }
  for (const s of parsed.statements) {
    const { start, end } = s.range;
    if (s.ast === undefined || s.hasErrors) {
      // Kept as written: its lines, comments and all.
      for (const c of parsed.comments) if (c.range.start.line >= start.line && c.range.start.line <= end.line) used.add(c);
      blocks.push({ startLine: start.line, endLine: end.line, text: lines.slice(start.line - 1, end.line).join('\n').trimEnd() });
      continue;
    }
    const inner = parsed.comments.filter((c) => c.range.start.offset > start.offset && c.range.start.offset < end.offset);
    for (const c of inner) {
      used.add(c);
      blocks.push({ startLine: start.line, endLine: start.line, text: c.text.trimEnd() });
    }
    const trailing = trailingOf(end.line, end.offset);
    blocks.push({
      startLine: start.line,
      endLine: end.line,
      text: printStatement(s.ast, { keepRaw: true }) + (trailing ? ` ${trailing.text.trimEnd()}` : ''),
    });
  }
  for (const c of parsed.comments) {
    if (!used.has(c)) blocks.push({ startLine: c.range.start.line, endLine: c.range.start.line, text: c.text.trimEnd() });
  }
  blocks.sort((a, b) => a.startLine - b.startLine);
  let out = '';
  let prevEnd: number | undefined;
  for (const b of blocks) {
    if (prevEnd !== undefined) out += b.startLine - prevEnd >= 2 && hasBlankLine(lines, prevEnd, b.startLine) ? '\n\n' : '\n';
    out += b.text;
    prevEnd = Math.max(prevEnd ?? 0, b.endLine);
  }
  return out === '' ? '' : out + '\n';
}

/** True when a line strictly between `afterLine` and `beforeLine` (1-based) is blank. */
function hasBlankLine(lines: readonly string[], afterLine: number, beforeLine: number): boolean {
  for (let l = afterLine + 1; l < beforeLine; l++) if (lines[l - 1]!.trim() === '') return true;
  return false;
}
