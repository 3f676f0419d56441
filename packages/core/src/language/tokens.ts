/**
 * The OTTL token definitions, in upstream's first-match order (reference §2.2), and the lexer.
 *
 * Upstream (participle `lexer.MustSimple`) tries its rules in order at each position and the first
 * rule that matches wins; Chevrotain does the same, so the order of {@link TOKEN_ORDER} is the
 * semantics: bytes before floats before ints before strings (numbers absorb a leading sign, so
 * `1-1` is `1` then `-1`), word-bounded `not`/`or`/`and`/`true`/`false`, then operators and
 * punctuation, then `Uppercase`/`Lowercase` runs (`IsMatch` is four runs). `where` and `nil` are
 * plain `Lowercase` tokens the grammar matches by text.
 *
 * Additions over upstream's list, none of which changes what upstream accepts:
 * - `Arrow` (`=>`) and `Underscore` (`_`) for lambdas (newer upstream, alpha);
 * - error tokens that let the parser go on after a common mistake, always reported as errors:
 *   `UnterminatedString` and `SingleQuotedString` (parsed as strings), `&&`/`&` (parsed as `and`),
 *   `||`/`|` (parsed as `or`) and a lone `!` (parsed as `not`); see {@link ERROR_TOKENS};
 * - `Comment` (`# …` to the end of the line), only in the rule-file lexer mode.
 * `Punct` is a category over `Comma`, `Dot`, `LBracket`, `RBracket`.
 */
import { createTokenInstance, createToken, Lexer } from 'chevrotain';
import type { CustomPatternMatcherFunc, IToken, TokenType } from 'chevrotain';

/** True for the ASCII word characters of RE2's `\b` (`[0-9A-Za-z_]`). */
function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  );
}

/** A matcher for `\b(word1|word2…)\b`: a word with a word boundary on both sides. */
function boundedWords(...words: string[]): CustomPatternMatcherFunc {
  return (text, offset) => {
    if (offset > 0 && isWordChar(text.charCodeAt(offset - 1))) return null;
    for (const word of words) {
      if (text.startsWith(word, offset) && !isWordChar(text.charCodeAt(offset + word.length))) {
        return [word];
      }
    }
    return null;
  };
}

export const Bytes = createToken({ name: 'Bytes', pattern: /0x[a-fA-F0-9]+/ });
export const Float = createToken({ name: 'Float', pattern: /[-+]?\d*\.\d+(?:[eE][-+]?\d+)?/ });
export const Int = createToken({ name: 'Int', pattern: /[-+]?\d+/ });
export const StringLiteral = createToken({ name: 'String', pattern: /"(?:\\.|[^\\"])*"/, line_breaks: true });
/** A `"` with no closing quote on its line: reported as `unterminated-string`, parsed as a string. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:\\.|[^\\"\n\r])*/,
  categories: [StringLiteral],
});
/** `'text'`: reported as `single-quoted-string`, parsed as a string. */
export const SingleQuotedString = createToken({
  name: 'SingleQuotedString',
  pattern: /'(?:\\.|[^\\'\n\r])*'?/,
  categories: [StringLiteral],
});
export const OpNot = createToken({
  name: 'OpNot',
  pattern: { exec: boundedWords('not') },
  start_chars_hint: ['n'],
  line_breaks: false,
});
export const OpOr = createToken({
  name: 'OpOr',
  pattern: { exec: boundedWords('or') },
  start_chars_hint: ['o'],
  line_breaks: false,
});
export const OpAnd = createToken({
  name: 'OpAnd',
  pattern: { exec: boundedWords('and') },
  start_chars_hint: ['a'],
  line_breaks: false,
});
/** `&&` or `&`: reported, parsed as `and`. */
export const AmpersandAnd = createToken({ name: 'AmpersandAnd', pattern: /&&?/, categories: [OpAnd] });
/** `||` or `|`: reported, parsed as `or`. */
export const PipeOr = createToken({ name: 'PipeOr', pattern: /\|\|?/, categories: [OpOr] });
/** `!` not followed by `=`: reported, parsed as `not`. */
export const BangNot = createToken({ name: 'BangNot', pattern: '!', categories: [OpNot] });
export const Arrow = createToken({ name: 'Arrow', pattern: '=>' });
export const OpComparison = createToken({ name: 'OpComparison', pattern: /==|!=|>=|<=|>|</ });
export const OpAddSub = createToken({ name: 'OpAddSub', pattern: /[+-]/ });
export const OpMultDiv = createToken({ name: 'OpMultDiv', pattern: /[/*]/ });
export const BooleanLiteral = createToken({
  name: 'Boolean',
  pattern: { exec: boundedWords('true', 'false') },
  start_chars_hint: ['t', 'f'],
  line_breaks: false,
});
export const Equal = createToken({ name: 'Equal', pattern: '=' });
export const LParen = createToken({ name: 'LParen', pattern: '(' });
export const RParen = createToken({ name: 'RParen', pattern: ')' });
export const LBrace = createToken({ name: 'LBrace', pattern: '{' });
export const RBrace = createToken({ name: 'RBrace', pattern: '}' });
export const Colon = createToken({ name: 'Colon', pattern: ':' });
export const Punct = createToken({ name: 'Punct', pattern: Lexer.NA });
export const Comma = createToken({ name: 'Comma', pattern: ',', categories: [Punct] });
export const Dot = createToken({ name: 'Dot', pattern: '.', categories: [Punct] });
export const LBracket = createToken({ name: 'LBracket', pattern: '[', categories: [Punct] });
export const RBracket = createToken({ name: 'RBracket', pattern: ']', categories: [Punct] });
export const Uppercase = createToken({ name: 'Uppercase', pattern: /[A-Z][A-Z0-9_]*/ });
export const Lowercase = createToken({ name: 'Lowercase', pattern: /[a-z][a-z0-9_]*/ });
export const Underscore = createToken({ name: 'Underscore', pattern: '_' });
export const Whitespace = createToken({
  name: 'whitespace',
  pattern: /[ \t\n\f\r]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/** `#` to the end of the line; rule files only (upstream OTTL has no comments). */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: 'comments' });

/** Every token type of a statement, in matching order (first match wins). */
export const TOKEN_ORDER: readonly TokenType[] = [
  Bytes,
  Float,
  Int,
  StringLiteral,
  UnterminatedString,
  SingleQuotedString,
  OpNot,
  OpOr,
  OpAnd,
  Arrow,
  OpComparison,
  OpAddSub,
  OpMultDiv,
  BooleanLiteral,
  Equal,
  LParen,
  RParen,
  LBrace,
  RBrace,
  Colon,
  Comma,
  Dot,
  LBracket,
  RBracket,
  Uppercase,
  Lowercase,
  Underscore,
  AmpersandAnd,
  PipeOr,
  BangNot,
  Whitespace,
];

/** What to tell the user about an error token: message, caret label, hint and replacement text. */
export interface ErrorTokenInfo {
  readonly message: string;
  readonly label: string;
  readonly hint: (image: string) => string;
  readonly fix: (image: string) => string;
}

/** Tokens upstream cannot lex, with what to tell the user; the parser reads them as noted above. */
export const ERROR_TOKENS: ReadonlyMap<TokenType, ErrorTokenInfo> = new Map<TokenType, ErrorTokenInfo>([
  [
    UnterminatedString,
    {
      message: 'this string has no closing quote',
      label: 'unterminated string',
      hint: () => 'close the string with " (write \\" for a quote inside it)',
      fix: (image) => image + '"',
    },
  ],
  [
    SingleQuotedString,
    {
      message: 'OTTL strings use double quotes',
      label: 'single-quoted string',
      hint: (image) => `write ${singleToDoubleQuoted(image)}`,
      fix: (image) => singleToDoubleQuoted(image),
    },
  ],
  [AmpersandAnd, { message: `OTTL has no '&&' operator`, label: 'not an operator', hint: () => 'write and', fix: () => 'and' }],
  [PipeOr, { message: `OTTL has no '||' operator`, label: 'not an operator', hint: () => 'write or', fix: () => 'or' }],
  [BangNot, { message: `OTTL has no '!' operator`, label: 'not an operator', hint: () => 'write not (or != to compare)', fix: () => 'not ' }],
]);

/** `'it\'s'` → `"it's"`: the double-quoted spelling of a single-quoted string token. */
export function singleToDoubleQuoted(image: string): string {
  const inner = image.slice(1, image.length > 1 && image.endsWith("'") ? -1 : undefined).replace(/\\'/g, "'");
  return '"' + inner.replace(/(^|[^\\])"/g, '$1\\"') + '"';
}

/** All token types the parser knows (categories included). */
export const ALL_TOKEN_TYPES: readonly TokenType[] = [...TOKEN_ORDER, Punct, Comment];

export type LexerMode = 'statement' | 'ruleFile';

const lexer = new Lexer(
  {
    modes: {
      statement: [...TOKEN_ORDER],
      ruleFile: [Comment, ...TOKEN_ORDER],
    },
    defaultMode: 'statement',
  },
  { positionTracking: 'full', ensureOptimizations: true },
);

/** A character no token starts with, as found by the lexer. */
export interface LexError {
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly column: number;
}

export interface LexResult {
  /** Tokens for the parser: adjacent `Uppercase`/`Lowercase` runs are already joined into one. */
  readonly tokens: IToken[];
  /** The same tokens before joining, as upstream's lexer produces them. */
  readonly rawTokens: readonly IToken[];
  readonly comments: readonly IToken[];
  readonly errors: readonly LexError[];
}

function isNameRun(token: IToken): boolean {
  return token.tokenType === Uppercase || token.tokenType === Lowercase;
}

/**
 * Joins runs of `Uppercase`/`Lowercase` tokens that touch (no whitespace between them) into one
 * token typed after its first run, so `IsMatch` reaches the parser as one `Uppercase` token with
 * image `IsMatch`. Upstream's grammar glues runs even across whitespace (`Is Match(x)`); this port
 * does not (reference §2.3 leaves that choice open).
 */
function joinNameRuns(tokens: readonly IToken[]): IToken[] {
  const out: IToken[] = [];
  for (const token of tokens) {
    const prev = out.length > 0 ? out[out.length - 1]! : undefined;
    if (prev !== undefined && isNameRun(token) && isNameRun(prev) && prev.endOffset! + 1 === token.startOffset) {
      out[out.length - 1] = createTokenInstance(
        prev.tokenType,
        prev.image + token.image,
        prev.startOffset,
        token.endOffset!,
        prev.startLine!,
        token.endLine!,
        prev.startColumn!,
        token.endColumn!,
      );
    } else {
      out.push(token);
    }
  }
  return out;
}

/** Lexes `text` from offset 0, line 1, column 1. Never throws. */
export function lex(text: string, mode: LexerMode = 'statement'): LexResult {
  const result = lexer.tokenize(text, mode);
  return {
    tokens: joinNameRuns(result.tokens),
    rawTokens: result.tokens,
    comments: result.groups['comments'] ?? [],
    errors: result.errors.map((e) => ({
      offset: e.offset,
      length: e.length,
      line: e.line ?? 1,
      column: e.column ?? 1,
    })),
  };
}

/** True when `token` is a name run (or joined run) spelled `word`, e.g. the `where` keyword. */
export function isWord(token: IToken, word: string): boolean {
  return token.tokenType === Lowercase && token.image === word;
}
