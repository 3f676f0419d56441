/**
 * The OTTL grammar as one Chevrotain `CstParser` (pure: it only builds a CST; `cstToAst.ts` turns
 * that into the AST of `ast.ts` and reports what the grammar accepts loosely).
 *
 * One flat expression rule serves booleans and values; the AST step applies the precedence
 * `or < and < not < comparison < + - < * /`. Which shapes may stand where (a bare path is not a
 * condition, `"a" + 1` is not arithmetic, a comparison is not an argument…) is decided by the
 * CST→AST step, which can then explain the mistake instead of failing with "unexpected token". The grammar also accepts a few wrong shapes
 * on purpose so one mistake does not hide the next: `=` as a comparison operator, a signed number
 * right after an operand (`1-1`), missing commas between arguments and list items, and keys after
 * an editor call. Upstream's productions are in `grammar/ottl.ebnf`.
 */
import { CstParser } from 'chevrotain';
import type { CstNode, IOrAlt, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import {
  ALL_TOKEN_TYPES,
  AmpersandAnd,
  Arrow,
  BooleanLiteral,
  Bytes,
  Colon,
  Comma,
  Dot,
  Equal,
  Float,
  Int,
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
  StringLiteral,
  Underscore,
  Uppercase,
  isWord,
} from './tokens.js';

/**
 * What a syntax error is about, carried from the error message provider to the diagnostic builder
 * (Chevrotain only passes a message string along, so the parser encodes this as JSON in it).
 */
export interface SyntaxErrorInfo {
  readonly kind: 'mismatch' | 'no-alternative' | 'redundant';
  readonly message: string;
  /** The token type that was expected (mismatch only). */
  readonly expected?: string;
  /** The still-open delimiter the expected token would close, as a 0-based offset. */
  readonly openedAt?: number;
  readonly label: string;
  readonly hint?: string;
  /** A more specific diagnostic code than the generic syntax-error codes. */
  readonly code?: DiagnosticCode;
}

const CLOSERS: ReadonlyMap<TokenType, TokenType> = new Map([
  [RParen, LParen],
  [RBracket, LBracket],
  [RBrace, LBrace],
]);

const CLOSER_OF_OPENER: ReadonlySet<TokenType> = new Set(CLOSERS.values());

const TOKEN_DESCRIPTIONS: Readonly<Record<string, string>> = {
  RParen: "')'",
  LParen: "'('",
  RBracket: "']'",
  LBracket: "'['",
  RBrace: "'}'",
  LBrace: "'{'",
  Colon: "':'",
  Comma: "','",
  Dot: "'.'",
  Arrow: "'=>'",
  Equal: "'='",
  Lowercase: 'a lower-case name',
  Uppercase: 'an upper-case name',
  String: 'a string',
};

/** How a found token reads in a message: `'where'`, or `end of input`. */
function describeToken(token: IToken | undefined): string {
  if (token === undefined || token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset)) return 'end of input';
  return `'${token.image}'`;
}

function isEof(token: IToken): boolean {
  return token.tokenType.name === 'EOF';
}

/**
 * Finds the delimiter that is still open at `before` (an index into `tokens`) and that `closer`
 * would close; returns its index.
 */
function findOpener(tokens: readonly IToken[], before: number, closer: TokenType): number | undefined {
  const opener = CLOSERS.get(closer);
  if (opener === undefined) return undefined;
  let depth = 0;
  for (let i = before - 1; i >= 0; i--) {
    const t = tokens[i]!.tokenType;
    if (t === closer) depth++;
    else if (t === opener) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

function positionText(token: IToken): string {
  return `${token.startLine}:${token.startColumn}`;
}

/** Builds Chevrotain error messages in OTTL terms (see docs/diagnostics.md, "Wording"). */
class OttlErrorMessages implements IParserErrorMessageProvider {
  constructor(private readonly parser: () => OttlParser) {}

  private indexOf(token: IToken): number {
    const tokens = this.parser().input;
    const i = tokens.indexOf(token);
    return i < 0 ? tokens.length : i;
  }

  buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
    const { expected, actual, previous, ruleName } = options;
    const found = describeToken(actual);
    const tokens = this.parser().input;
    const at = isEof(actual) ? tokens.length : this.indexOf(actual);
    const openerIndex = findOpener(tokens, at, expected);
    const opener = openerIndex === undefined ? undefined : tokens[openerIndex]!;
    const want = TOKEN_DESCRIPTIONS[expected.name] ?? expected.name;
    let message: string;
    let label = `expected ${want}`;
    let hint: string | undefined;
    if (opener !== undefined) {
      const before = openerIndex! > 0 ? tokens[openerIndex! - 1]! : undefined;
      const what =
        expected === RParen &&
        before !== undefined &&
        (before.tokenType === Lowercase || before.tokenType === Uppercase) &&
        !isWord(before, 'where')
          ? `the call to ${before.image} (opened at ${positionText(opener)})`
          : expected === RParen
            ? `the parenthesis opened at ${positionText(opener)}`
            : expected === RBrace
              ? `the map opened at ${positionText(opener)}`
              : ruleName === 'key'
                ? `the key opened at ${positionText(opener)}`
                : `the list opened at ${positionText(opener)}`;
      message = `expected ${want} to close ${what}, found ${found}`;
      if (expected === RParen && ruleName === 'invocation' && !isEof(actual) && actual.tokenType !== RBracket) {
        hint = 'separate arguments with commas and close the call with )';
      }
    } else if (expected === Lowercase && previous?.tokenType === Dot) {
      message = `expected a path segment name after '.', found ${found}`;
      label = 'expected a name';
    } else if (expected === StringLiteral && ruleName === 'mapItem') {
      message = `expected a string key in the map literal, found ${found}`;
      hint = 'map keys are double-quoted strings: {"key": value}';
      label = 'expected a string key';
    } else if (expected === Colon) {
      message = `expected ':' after the map key, found ${found}`;
    } else {
      message = `expected ${want}, found ${found}`;
    }
    return encode({ kind: 'mismatch', message, expected: expected.name, openedAt: opener?.startOffset, label, hint });
  }

  buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
    const { firstRedundant, ruleName } = options;
    const what = ruleName === 'valueExpression' ? 'value' : ruleName;
    const t = firstRedundant.tokenType;
    if (t === RParen || t === RBracket || t === RBrace) {
      return encode({
        kind: 'redundant',
        message: `unexpected '${firstRedundant.image}': nothing is open for it to close`,
        label: 'unmatched',
        hint: `remove it, or add the missing opening ${t === RParen ? '(' : t === RBracket ? '[' : '{'}`,
      });
    }
    const hint =
      ruleName === 'statement' && firstRedundant.tokenType !== Lowercase
        ? 'a statement is one editor call, optionally followed by where and a condition'
        : ruleName === 'statement'
          ? "a condition after the call must start with 'where'"
          : undefined;
    return encode({
      kind: 'redundant',
      message: `unexpected ${describeToken(firstRedundant)} after the end of the ${what}`,
      label: 'unexpected',
      hint,
    });
  }

  buildNoViableAltMessage(options: { actual: IToken[]; previous: IToken; ruleName: string }): string {
    const { actual, previous, ruleName } = options;
    // With LL(k) lookahead, an opening delimiter followed by the end of input has no viable
    // alternative either; the end of input is what to report then.
    const opensAtEnd = actual.length > 1 && CLOSER_OF_OPENER.has(actual[0]!.tokenType) && isEof(actual[1]!);
    const found = opensAtEnd ? 'end of input' : describeToken(actual[0]);
    const prev = previous !== undefined && !Number.isNaN(previous.startOffset) ? previous : undefined;
    if (ruleName === 'invocation') {
      return encode({
        kind: 'no-alternative',
        message: `expected an editor call such as set(...), found ${found}`,
        label: 'expected an editor name',
      });
    }
    if (ruleName === 'lambdaParam') {
      return encode({
        kind: 'no-alternative',
        message: `expected a lambda parameter name, found ${found}`,
        label: 'expected a parameter',
      });
    }
    let after = '';
    let expected = 'a value';
    if (prev !== undefined) {
      if (isWord(prev, 'where')) {
        return encode({
          kind: 'no-alternative',
          message: `expected a condition after 'where', found ${found}`,
          label: 'expected a condition',
          hint: 'write a condition after where, e.g. where attributes["k"] == "v", or remove where',
          code: 'missing-condition',
        });
      } else if (prev.tokenType === OpAnd || prev.tokenType === OpOr || prev.tokenType === OpNot) {
        expected = 'a condition';
        after = ` after '${prev.image}'`;
      } else if (
        prev.tokenType === OpComparison ||
        prev.tokenType === OpAddSub ||
        prev.tokenType === OpMultDiv ||
        prev.tokenType === Equal ||
        prev.tokenType === Comma ||
        prev.tokenType === Colon ||
        prev.tokenType === Arrow
      ) {
        after = ` after '${prev.image}'`;
      }
    }
    const a0 = actual[0];
    const hint =
      a0 !== undefined && a0.tokenType === RParen && prev?.tokenType === Comma
        ? 'remove the trailing comma'
        : a0 !== undefined && a0.tokenType === OpNot && prev?.tokenType === OpNot
          ? 'not applies once; to negate twice write not (not …)'
        : a0 !== undefined && a0.tokenType === OpComparison && a0.image === '=>'
          ? 'write >= for "greater than or equal"'
          : undefined;
    return encode({
      kind: 'no-alternative',
      message: `expected ${expected}${after}, found ${found}`,
      label: `expected ${expected}`,
      hint,
    });
  }

  buildEarlyExitMessage(options: { actual: IToken[] }): string {
    return encode({
      kind: 'no-alternative',
      message: `unexpected ${describeToken(options.actual[0])}`,
      label: 'unexpected',
    });
  }
}

function encode(info: SyntaxErrorInfo): string {
  return JSON.stringify(info);
}

/** Reads back what {@link OttlErrorMessages} put into a Chevrotain error message. */
export function decodeSyntaxError(message: string): SyntaxErrorInfo {
  try {
    return JSON.parse(message) as SyntaxErrorInfo;
  } catch {
    return { kind: 'no-alternative', message, label: 'syntax error' };
  }
}

/** The binary operators of the flat expression rule (categories included: `&&` is an `OpAnd`). */
const BINARY_OPERATORS: ReadonlySet<TokenType> = new Set([OpOr, PipeOr, OpAnd, AmpersandAnd, OpComparison, Equal, OpAddSub, OpMultDiv]);

/** An `Int` or `Float` token that starts with a sign (the lexer folds signs into numbers). */
function isSignedNumber(t: IToken): boolean {
  return (t.tokenType === Int || t.tokenType === Float) && (t.image[0] === '-' || t.image[0] === '+');
}

export type EntryRule = 'statement' | 'condition' | 'valueExpression';

/** The OTTL parser. Use the shared {@link ottlParser} instance; it is reset on every input. */
export class OttlParser extends CstParser {
  // Alternatives of the hottest ORs, built once (Chevrotain's recommended optimisation).
  private binaryAlts?: IOrAlt<void>[];
  private operatorAlts?: IOrAlt<void>[];
  private primaryAlts?: IOrAlt<void>[];

  constructor() {
    super(ALL_TOKEN_TYPES as TokenType[], {
      recoveryEnabled: true,
      maxLookahead: 3,
      errorMessageProvider: new OttlErrorMessages(() => this),
    });
    this.performSelfAnalysis();
  }

  /** `invocation ( "where" expression )?` */
  statement = this.RULE('statement', () => {
    this.SUBRULE(this.invocation);
    this.OPTION({
      GATE: () => isWord(this.LA(1), 'where'),
      DEF: () => {
        this.CONSUME(Lowercase, { LABEL: 'where' });
        this.SUBRULE(this.expression);
      },
    });
  });

  condition = this.RULE('condition', () => {
    this.SUBRULE(this.expression);
  });

  valueExpression = this.RULE('valueExpression', () => {
    this.SUBRULE(this.expression);
  });

  /**
   * `"not"* primary ( operator "not"* primary | signedNumber )*` — operands and operators in a
   * flat list; `cstToAst.ts` applies the precedence `or < and < not < comparison < + - < * /`
   * (one flat rule instead of one rule per level keeps parsing fast). `signedNumber` is a primary
   * that starts with a signed number right after an operand (`1-1` lexes as `1`, `-1`); the AST
   * step reports it and reads it as a subtraction.
   */
  expression = this.RULE('expression', () => {
    this.MANY(() => this.CONSUME(OpNot, { LABEL: 'not' }));
    this.SUBRULE(this.primary, { LABEL: 'operand' });
    this.MANY2({
      GATE: () => {
        const t = this.LA(1);
        return BINARY_OPERATORS.has(t.tokenType) || isSignedNumber(t);
      },
      DEF: () => {
        this.OR(
          (this.binaryAlts ??= [
            {
              ALT: () => {
                this.OR2(
                  (this.operatorAlts ??= [
                    { ALT: () => this.CONSUME(OpOr, { LABEL: 'operator' }) },
                    { ALT: () => this.CONSUME(OpAnd, { LABEL: 'operator' }) },
                    { ALT: () => this.CONSUME(OpComparison, { LABEL: 'operator' }) },
                    { ALT: () => this.CONSUME(Equal, { LABEL: 'operator' }) },
                    { ALT: () => this.CONSUME(OpAddSub, { LABEL: 'operator' }) },
                    { ALT: () => this.CONSUME(OpMultDiv, { LABEL: 'operator' }) },
                  ]),
                );
                this.MANY3(() => this.CONSUME2(OpNot, { LABEL: 'not' }));
                this.SUBRULE2(this.primary, { LABEL: 'operand' });
              },
            },
            { ALT: () => this.SUBRULE3(this.primary, { LABEL: 'operand' }) },
          ]),
        );
      },
    });
  });

  primary = this.RULE('primary', () => {
    this.OR(
      (this.primaryAlts ??= [
        { ALT: () => this.SUBRULE(this.parenOrLambda) },
        { ALT: () => this.CONSUME(StringLiteral) },
        { ALT: () => this.CONSUME(Int) },
        { ALT: () => this.CONSUME(Float) },
        { ALT: () => this.CONSUME(Bytes) },
        { ALT: () => this.CONSUME(BooleanLiteral) },
        { ALT: () => this.SUBRULE(this.list) },
        { ALT: () => this.SUBRULE(this.map) },
        { ALT: () => this.SUBRULE(this.invocation) },
        { ALT: () => this.SUBRULE(this.path) },
        { ALT: () => this.CONSUME(Uppercase, { LABEL: 'symbol' }) },
      ]),
    );
  });

  /** `lambda | "(" expression ")"` — a lambda when `( name, … ) =>` follows. */
  parenOrLambda = this.RULE('parenOrLambda', () => {
    this.OR([
      { GATE: () => this.lambdaAhead(), ALT: () => this.SUBRULE(this.lambda), IGNORE_AMBIGUITIES: true },
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(RParen);
        },
      },
    ]);
  });

  /** `name "(" ( argument ( ","? argument )* )? ")" key*` — editors and converters alike. */
  invocation = this.RULE('invocation', () => {
    this.OR([{ ALT: () => this.CONSUME(Lowercase, { LABEL: 'name' }) }, { ALT: () => this.CONSUME(Uppercase, { LABEL: 'name' }) }]);
    this.CONSUME(LParen);
    this.OPTION(() => {
      this.SUBRULE(this.argument);
      this.MANY({
        GATE: () => this.nextItemAhead(),
        DEF: () => {
          this.OPTION2(() => this.CONSUME(Comma));
          this.SUBRULE2(this.argument);
        },
      });
    });
    this.CONSUME(RParen);
    this.MANY2(() => this.SUBRULE(this.key));
  });

  /** `( Lowercase "=" )? expression` */
  argument = this.RULE('argument', () => {
    this.OPTION({
      GATE: () => this.LA(2).tokenType === Equal,
      DEF: () => {
        this.CONSUME(Lowercase, { LABEL: 'name' });
        this.CONSUME(Equal);
      },
    });
    this.SUBRULE(this.expression);
  });

  /**
   * `Lowercase key* ( "." Lowercase key* )*` — `nil` is a one-segment path here; the AST step
   * reads it as the nil literal (upstream matches `nil` by text).
   */
  path = this.RULE('path', () => {
    this.CONSUME(Lowercase, { LABEL: 'name' });
    this.MANY(() => this.SUBRULE(this.key));
    this.MANY2(() => {
      this.CONSUME(Dot);
      this.CONSUME2(Lowercase, { LABEL: 'name' });
      this.MANY3(() => this.SUBRULE2(this.key));
    });
  });

  /** `"[" expression "]"` */
  key = this.RULE('key', () => {
    this.CONSUME(LBracket);
    this.SUBRULE(this.expression);
    this.CONSUME(RBracket);
  });

  /** `"[" ( expression ( ","? expression )* )? "]"` */
  list = this.RULE('list', () => {
    this.CONSUME(LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY({
        GATE: () => this.nextItemAhead(),
        DEF: () => {
          this.OPTION2(() => this.CONSUME(Comma));
          this.SUBRULE2(this.expression);
        },
      });
    });
    this.CONSUME(RBracket);
  });

  /** `"{" ( mapItem ","? )* "}"` */
  map = this.RULE('map', () => {
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.SUBRULE(this.mapItem);
      this.OPTION(() => this.CONSUME(Comma));
    });
    this.CONSUME(RBrace);
  });

  /** `String ":" expression` */
  mapItem = this.RULE('mapItem', () => {
    this.CONSUME(StringLiteral);
    this.CONSUME(Colon);
    this.SUBRULE(this.expression);
  });

  /** `"(" ( lambdaParam ( "," lambdaParam )* )? ")" "=>" expression` */
  lambda = this.RULE('lambda', () => {
    this.CONSUME(LParen);
    this.OPTION(() => {
      this.SUBRULE(this.lambdaParam);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.lambdaParam);
      });
    });
    this.CONSUME(RParen);
    this.CONSUME(Arrow);
    this.SUBRULE(this.expression);
  });

  lambdaParam = this.RULE('lambdaParam', () => {
    this.OR([{ ALT: () => this.CONSUME(Lowercase) }, { ALT: () => this.CONSUME(Underscore) }]);
  });

  /**
   * Whether another argument or list item follows: after a comma always; without one (a missing
   * comma, reported later) unless the next word is `where`, which more likely means the closing
   * parenthesis is missing.
   */
  private nextItemAhead(): boolean {
    const t = this.LA(1);
    return t.tokenType === Comma || !isWord(t, 'where');
  }

  /** True when the next tokens read `( name, name… ) =>`, i.e. a lambda rather than a parenthesis. */
  private lambdaAhead(): boolean {
    if (this.LA(1).tokenType !== LParen) return false;
    let i = 2;
    let t = this.LA(i);
    if (t.tokenType !== RParen) {
      for (;;) {
        if (t.tokenType !== Lowercase && t.tokenType !== Underscore) return false;
        t = this.LA(++i);
        if (t.tokenType === RParen) break;
        if (t.tokenType !== Comma) return false;
        t = this.LA(++i);
      }
    }
    return this.LA(i + 1).tokenType === Arrow;
  }

  /**
   * Recovery may invent only closing delimiters: an invented operator or comma would make the
   * AST step report errors about code nobody wrote.
   */
  override canTokenTypeBeInsertedInRecovery(tokType: TokenType): boolean {
    return CLOSERS.has(tokType);
  }

  /** Parses `tokens` with the given entry rule; the CST may be partial when errors were recovered. */
  parseTokens(tokens: IToken[], entry: EntryRule): CstNode {
    this.input = tokens;
    return this[entry]();
  }
}

/** The one shared parser instance (Chevrotain parsers are built once and reused). */
export const ottlParser = new OttlParser();
