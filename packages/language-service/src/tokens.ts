/**
 * The token stream the cursor scanner and the semantic tokens work on: core's `tokenize` with
 * name runs joined (`IsMatch`, not `Is`+`Match`… runs), punctuation told apart, and the strings
 * core reports as errors (unterminated, single-quoted) kept as string tokens. Offsets are file
 * offsets.
 */
import { tokenize } from '@ottl/core';

export type TokenKind =
  | 'name'
  | 'string'
  | 'number'
  | 'bool'
  | 'not'
  | 'and'
  | 'or'
  | 'comparison'
  | 'math'
  | 'arrow'
  | '='
  | '('
  | ')'
  | '['
  | ']'
  | '{'
  | '}'
  | ':'
  | ','
  | '.';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** A string without its closing quote. */
  readonly open?: boolean;
}

const KINDS: Readonly<Record<string, TokenKind>> = {
  Lowercase: 'name',
  Uppercase: 'name',
  Underscore: 'name',
  String: 'string',
  Int: 'number',
  Float: 'number',
  Bytes: 'number',
  Boolean: 'bool',
  OpNot: 'not',
  OpAnd: 'and',
  OpOr: 'or',
  OpComparison: 'comparison',
  OpAddSub: 'math',
  OpMultDiv: 'math',
  Arrow: 'arrow',
  Equal: '=',
  LParen: '(',
  RParen: ')',
  LBrace: '{',
  RBrace: '}',
  Colon: ':',
};

/** The tokens of `text`, which starts at file offset `offset`. Never throws. */
export function lexTokens(text: string, offset = 0): Token[] {
  const { tokens, diagnostics } = tokenize(text, { offset });
  const out: Token[] = [];
  for (const t of tokens) {
    const kind = KINDS[t.type] ?? (t.text as TokenKind);
    const start = t.range.start.offset;
    const end = t.range.end.offset;
    const prev = out[out.length - 1];
    if (kind === 'name' && prev?.kind === 'name' && prev.end === start) {
      out[out.length - 1] = { kind, text: prev.text + t.text, start: prev.start, end };
    } else {
      out.push({ kind, text: t.text, start, end });
    }
  }
  for (const d of diagnostics) {
    if (d.code !== 'unterminated-string' && d.code !== 'single-quoted-string') continue;
    const start = d.range.start.offset;
    const end = d.range.end.offset;
    const image = text.slice(start - offset, end - offset);
    const open = d.code === 'unterminated-string' || image.length < 2 || !image.endsWith("'");
    out.push({ kind: 'string', text: image, start, end, open });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** True for a name token spelled `word` (`where`, `nil`, `context`). */
export function isWord(token: Token | undefined, word: string): boolean {
  return token !== undefined && token.kind === 'name' && token.text === word;
}
