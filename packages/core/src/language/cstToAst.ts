/**
 * CST → AST. Builds the nodes of `ast.ts` from the parser's CST and reports everything the grammar
 * accepts loosely on purpose: upstream's post-parse errors (a converter as statement head, an
 * editor as a value, keys on an editor), shapes that are not booleans or not values, bad literals,
 * `=` for `==`, `1-1`, missing commas, chained comparisons and misplaced lambdas.
 *
 * Builders never throw. When part of the CST is missing (error recovery), they build what they can
 * and leave the rest out; any such gap has an error diagnostic already.
 */
import { tokenMatcher } from 'chevrotain';
import type { CstNode, IToken, TokenType } from 'chevrotain';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic, Range, Severity, TextEdit } from '../diagnostics/diagnostic.js';
import type {
  ArgumentNode,
  BoolExprNode,
  CallNode,
  ComparisonOp,
  FunctionNameNode,
  KeyNode,
  LambdaNode,
  ListNode,
  LiteralNode,
  MapEntryNode,
  MapNode,
  MathNode,
  MathOp,
  PathNode,
  PathSegmentNode,
  StatementNode,
  ValueNode,
} from './ast.js';
import { unquote } from './goString.js';
import { emptyRange, isVirtual, rangeOf, type PositionMapper } from './positions.js';
import { Equal, OpAddSub, OpAnd, OpComparison, OpMultDiv, OpOr, SingleQuotedString, singleToDoubleQuoted } from './tokens.js';

const NONE: readonly never[] = [];

function nodes(node: CstNode, key: string): readonly CstNode[] {
  return (node.children[key] as CstNode[] | undefined) ?? NONE;
}

function tokens(node: CstNode, key: string): readonly IToken[] {
  const all = (node.children[key] as IToken[] | undefined) ?? NONE;
  for (const t of all) if (isVirtual(t)) return all.filter((x) => !isVirtual(x));
  return all;
}

function node(node: CstNode, key: string): CstNode | undefined {
  return (node.children[key] as CstNode[] | undefined)?.[0];
}

function token(node: CstNode, key: string): IToken | undefined {
  const t = (node.children[key] as IToken[] | undefined)?.[0];
  return isVirtual(t) ? undefined : t;
}

/** A value together with its outer range (which includes any parentheses around it). */
interface Built<T> {
  readonly node: T;
  readonly range: Range;
}

interface ValueOptions {
  /** A lambda may stand here (a function argument). */
  readonly lambda?: boolean;
  /** A bare converter name may stand here (a function argument). */
  readonly functionName?: boolean;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** An `expression` CST after precedence: which operators apply to which operands. */
type Expr =
  | { readonly t: 'operand'; readonly cst: CstNode; readonly strip?: IToken }
  | { readonly t: 'or' | 'and'; readonly op: IToken; readonly items: readonly (Expr | undefined)[] }
  | { readonly t: 'not'; readonly op: IToken; readonly item: Expr | undefined }
  | { readonly t: 'cmp'; readonly op: IToken; readonly left: Expr | undefined; readonly right: Expr | undefined }
  | { readonly t: 'math'; readonly op: IToken; readonly signed: boolean; readonly left: Expr | undefined; readonly right: Expr | undefined };

/** The offset of the first real token under a CST node. */
function firstOffset(cst: CstNode): number {
  let min = Infinity;
  for (const children of Object.values(cst.children)) {
    const first = children[0];
    if (first === undefined) continue;
    const offset = 'image' in first ? (isVirtual(first) ? Infinity : first.startOffset) : firstOffset(first);
    if (offset < min) min = offset;
  }
  return min;
}

/** The offset of a `key` CST (its `[`). */
function keyOffset(key: CstNode): number {
  const open = (key.children['LBracket'] as IToken[] | undefined)?.[0];
  return open !== undefined && !isVirtual(open) ? open.startOffset : firstOffset(key);
}

/**
 * Recursive descent over a flat operand/operator list: `operators[k]` stands between operands
 * `k` and `k + 1` (null: a signed number directly after operand `k`), `nots[k]` before operand `k`.
 */
class PrecedenceReader {
  private next = 0;
  private notsUsed: Set<number> | undefined;

  constructor(
    private readonly operands: readonly CstNode[],
    private readonly operators: readonly (IToken | null)[],
    private readonly nots: readonly (readonly IToken[])[],
    private readonly sink: { reportNot(not: IToken, repeated: boolean): void; reportChain(op: IToken): void },
  ) {}

  /** The operator after the last operand read; undefined at the end. */
  private peek(): IToken | null | undefined {
    return this.next > 0 && this.next - 1 < this.operators.length ? this.operators[this.next - 1] : undefined;
  }

  or(): Expr | undefined {
    return this.chain('or', OpOr, () => this.and());
  }

  private and(): Expr | undefined {
    return this.chain('and', OpAnd, () => this.not());
  }

  private chain(t: 'or' | 'and', type: TokenType, operand: () => Expr | undefined): Expr | undefined {
    const first = operand();
    let op = this.peek();
    if (!op || !tokenMatcher(op, type)) return first;
    const items = [first];
    const firstOp = op;
    while (op && tokenMatcher(op, type)) {
      items.push(operand());
      op = this.peek();
    }
    return { t, op: firstOp, items };
  }

  private not(): Expr | undefined {
    const nots = this.nots[this.next];
    if (nots === undefined || nots.length === 0) return this.comparison();
    (this.notsUsed ??= new Set()).add(this.next);
    for (const extra of nots.slice(1)) this.sink.reportNot(extra, true);
    return { t: 'not', op: nots[0]!, item: this.comparison() };
  }

  private comparison(): Expr | undefined {
    const left = this.sum();
    const op = this.peek();
    if (!op || !(op.tokenType === OpComparison || op.tokenType === Equal)) return left;
    const right = this.sum();
    for (let more = this.peek(); more && (more.tokenType === OpComparison || more.tokenType === Equal); more = this.peek()) {
      this.sink.reportChain(more);
      this.sum();
    }
    return { t: 'cmp', op, left, right };
  }

  private sum(): Expr | undefined {
    let left = this.product();
    for (let op = this.peek(); op === null || (op !== undefined && op.tokenType === OpAddSub); op = this.peek()) {
      const right = this.product();
      const opToken = op === null ? this.signedNumber(right) : op;
      if (opToken === undefined) return undefined;
      left = { t: 'math', op: opToken, signed: op === null, left, right };
    }
    return left;
  }

  /** The signed number token that starts a product read after a `null` operator. */
  private signedNumber(e: Expr | undefined): IToken | undefined {
    let leftmost = e;
    while (leftmost?.t === 'math') leftmost = leftmost.left;
    return leftmost?.t === 'operand' ? leftmost.strip : undefined;
  }

  private product(): Expr | undefined {
    let left = this.operand();
    for (let op = this.peek(); op && op.tokenType === OpMultDiv; op = this.peek()) {
      left = { t: 'math', op, signed: false, left, right: this.operand() };
    }
    return left;
  }

  private operand(): Expr | undefined {
    const k = this.next;
    const cst = this.operands[k];
    if (cst === undefined) return undefined;
    this.next++;
    if (!this.notsUsed?.has(k)) for (const not of this.nots[k] ?? NONE) this.sink.reportNot(not, false);
    if (k > 0 && this.operators[k - 1] === null) {
      const primary = cst.children;
      const strip = ((primary['Int'] ?? primary['Float']) as IToken[] | undefined)?.[0];
      return strip ? { t: 'operand', cst, strip } : { t: 'operand', cst };
    }
    return { t: 'operand', cst };
  }
}

/** Builds AST nodes from one parse; collects diagnostics into `diagnostics`. */
export class AstBuilder {
  constructor(
    private readonly pos: PositionMapper,
    readonly diagnostics: Diagnostic[],
  ) {}

  private report(
    code: DiagnosticCode,
    message: string,
    range: Range,
    extra: { label?: string; hint?: string; fix?: TextEdit[]; severity?: Severity; related?: Diagnostic['related'] } = {},
  ): void {
    const { severity = 'error', ...rest } = extra;
    this.diagnostics.push({ code, severity, message, range, ...rest });
  }

  private text(range: Range): string {
    return this.pos.slice(range);
  }

  // -------------------------------------------------------------------------------------------
  // Entry points

  statement(cst: CstNode): StatementNode | undefined {
    const inv = node(cst, 'invocation');
    const call = inv && this.invocation(inv, 'statement');
    if (call === undefined) return undefined;
    const whereTok = token(cst, 'where');
    const condCst = node(cst, 'expression');
    const where = condCst && this.condition(condCst);
    const end = where?.range.end ?? (whereTok ? this.pos.after(whereTok) : call.range.end);
    return {
      kind: 'Statement',
      range: rangeOf(call.range.start, end),
      editor: call,
      ...(where ? { where } : {}),
      ...(whereTok ? { whereRange: this.pos.tokenRange(whereTok) } : {}),
    };
  }

  /** A boolean expression (`expression` CST). */
  condition(expr: CstNode): BoolExprNode | undefined {
    return this.bool(this.read(expr));
  }

  /** A value (`expression` CST); reports boolean operators, which values cannot contain. */
  value(expr: CstNode, options: ValueOptions = {}): Built<ValueNode | FunctionNameNode> | undefined {
    return this.valueOf(this.read(expr), options);
  }

  // -------------------------------------------------------------------------------------------
  // Precedence: the flat `expression` CST as a tree

  /** Applies `or < and < not < comparison < + - < * /` to the flat operand/operator list. */
  private read(expr: CstNode): Expr | undefined {
    const operands = nodes(expr, 'operand');
    const operatorTokens = tokens(expr, 'operator');
    const notTokens = tokens(expr, 'not');
    if (operands.length === 0) return undefined;
    let operators: readonly (IToken | null)[] = operatorTokens;
    let nots: readonly (readonly IToken[])[] = NONE;
    if (notTokens.length > 0 || operatorTokens.length < operands.length - 1) {
      // Rare shapes (`not`, or a signed number right after an operand): place them by offset.
      const starts = operands.map((o) => firstOffset(o));
      const placedNots: IToken[][] = operands.map(() => []);
      for (const not of notTokens) {
        const k = starts.findIndex((s) => s > not.startOffset);
        if (k >= 0) placedNots[k]!.push(not);
      }
      nots = placedNots;
      const placed: (IToken | null)[] = [];
      for (let k = 1; k < operands.length; k++) {
        const op = operatorTokens.find((t) => t.startOffset > starts[k - 1]! && t.startOffset < starts[k]!);
        placed.push(op ?? null);
      }
      operators = placed;
    }
    return new PrecedenceReader(operands, operators, nots, this).or();
  }

  /** Reports a misplaced or repeated `not` (called by the precedence reader). */
  reportNot(not: IToken, repeated: boolean): void {
    this.report('unexpected-token', repeated ? "'not' cannot be repeated" : "'not' can only start a condition", this.pos.tokenRange(not), {
      label: repeated ? 'second not' : 'misplaced not',
      hint: repeated ? 'to negate twice, write not (not …)' : 'put not before the whole comparison, e.g. not a == b, or wrap it: a == (not …) is not allowed',
    });
  }

  /** Reports a second comparison operator in a row (called by the precedence reader). */
  reportChain(op: IToken): void {
    this.report('comparison-chain', `comparisons cannot be chained: '${op.image}' follows another comparison`, this.pos.tokenRange(op), {
      label: 'second comparison',
      hint: 'combine two comparisons with and, e.g. a < b and b < c',
    });
  }

  private reportAssignment(op: IToken): void {
    const range = this.pos.tokenRange(op);
    this.report('assignment-in-condition', "'=' is not a comparison operator", range, {
      label: 'did you mean ==?',
      hint: 'write == to compare; = only names an argument',
      fix: [{ range, newText: '==' }],
    });
  }

  // -------------------------------------------------------------------------------------------
  // Booleans

  private bool(e: Expr | undefined): BoolExprNode | undefined {
    if (e === undefined) return undefined;
    switch (e.t) {
      case 'or':
      case 'and': {
        const operands = e.items.map((i) => this.bool(i)).filter((x): x is BoolExprNode => x !== undefined);
        if (operands.length <= 1) return operands[0];
        const range = rangeOf(operands[0]!.range.start, operands[operands.length - 1]!.range.end);
        return e.t === 'or' ? { kind: 'Or', operands, range } : { kind: 'And', operands, range };
      }
      case 'not': {
        const operand = this.bool(e.item);
        return operand && { kind: 'Not', operand, range: rangeOf(this.pos.start(e.op), operand.range.end) };
      }
      case 'cmp': {
        if (e.op.image === '=') this.reportAssignment(e.op);
        const left = this.valueOf(e.left, {});
        const right = this.valueOf(e.right, {});
        if (left === undefined || right === undefined) return undefined;
        return {
          kind: 'Comparison',
          op: (e.op.image === '=' ? '==' : e.op.image) as ComparisonOp,
          opRange: this.pos.tokenRange(e.op),
          left: this.notFunctionName(left),
          right: this.notFunctionName(right),
          range: rangeOf(left.range.start, right.range.end),
        };
      }
      case 'math': {
        const built = this.valueOf(e, {});
        if (built) {
          this.report('non-boolean-condition', 'arithmetic is not a condition', built.range, {
            label: 'a number, not a boolean',
            hint: `compare it, e.g. ${this.text(built.range)} > 0`,
          });
        }
        return undefined;
      }
      case 'operand':
        return this.boolOperand(e.cst);
    }
  }

  /** A primary in boolean position: `true`/`false`, a converter call, or a parenthesised condition. */
  private boolOperand(primary: CstNode): BoolExprNode | undefined {
    const parenOrLambda = node(primary, 'parenOrLambda');
    const inner = parenOrLambda && node(parenOrLambda, 'expression');
    if (inner) return this.condition(inner);
    const bool = token(primary, 'Boolean');
    if (bool) {
      const literal = this.literal(bool);
      return { kind: 'BoolConst', value: literal, range: literal.range };
    }
    const inv = node(primary, 'invocation');
    if (inv) {
      const call = this.invocation(inv, 'value');
      return call && { kind: 'BoolConst', value: call, range: call.range };
    }
    const built = this.primary(primary, {});
    if (built === undefined) return undefined;
    if (built.node.kind === 'Path') {
      const text = this.text(built.range);
      this.report('bare-path-condition', `the path ${text} is not a condition on its own`, built.range, {
        label: 'a path, not a boolean',
        hint: `compare it, e.g. ${text} == true`,
        fix: [{ range: emptyRange(built.range.end), newText: ' == true' }],
      });
    } else if (built.node.kind !== 'Lambda') {
      this.report('non-boolean-condition', `${this.describe(built.node)} is not a condition`, built.range, {
        label: 'not a boolean',
        hint: 'a condition is a comparison (a == b), true or false, a converter call returning a boolean, or those combined with and, or, not',
      });
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Values

  private valueOf(e: Expr | undefined, options: ValueOptions): Built<ValueNode | FunctionNameNode> | undefined {
    if (e === undefined) return undefined;
    switch (e.t) {
      case 'operand':
        return this.primary(e.cst, options, e.strip);
      case 'math': {
        const left = this.mathOperand(this.valueOf(e.left, {}));
        let op: MathOp;
        let opRange: Range;
        if (e.signed) {
          op = e.op.image[0] as MathOp;
          opRange = rangeOf(this.pos.start(e.op), this.pos.inside(e.op, 1));
          if (left !== undefined) this.reportAbsorbedSign(left, e.op);
        } else {
          op = e.op.image as MathOp;
          opRange = this.pos.tokenRange(e.op);
        }
        const right = this.mathOperand(this.valueOf(e.right, {}));
        if (left === undefined || right === undefined) return undefined;
        const math: MathNode = { kind: 'Math', op, opRange, left: left.node, right: right.node, range: rangeOf(left.range.start, right.range.end) };
        return { node: math, range: math.range };
      }
      default: {
        const op = e.op;
        if (op.image === '=') {
          this.reportAssignment(op);
        } else {
          const what = e.t === 'cmp' ? 'a comparison' : `'${op.image}'`;
          this.report('unexpected-token', `${what} cannot be used in a value; it belongs in a condition`, this.pos.tokenRange(op), {
            label: 'only allowed in conditions',
            hint: 'conditions go after where (statements) or in conditions lists; a value here can be a literal, a path, a converter call or arithmetic',
          });
        }
        return undefined;
      }
    }
  }

  private reportAbsorbedSign(left: Built<ValueNode>, signed: IToken): void {
    const sign = signed.image[0]!;
    const number = signed.image.slice(1);
    const leftText = this.text(left.range);
    const shown = leftText.length > 24 ? `…${leftText.slice(-20)}` : leftText;
    const signRange = rangeOf(this.pos.start(signed), this.pos.inside(signed, 1));
    const spaceBefore = signed.startOffset > 0 && /\s/.test(this.pos.text[signed.startOffset - 1] ?? '');
    this.report(
      'sign-absorbed',
      `'${signed.image}' right after a value reads as the number ${signed.image}, not as '${sign}' followed by ${number}`,
      this.pos.tokenRange(signed),
      {
        label: `the number ${signed.image}`,
        hint: `put spaces around the operator: write ${shown} ${sign} ${number}`,
        fix: [{ range: signRange, newText: `${spaceBefore ? '' : ' '}${sign} ` }],
      },
    );
  }

  /** Checks that a value can be an operand of `+ - * /`: a number, a path, a converter call or math. */
  private mathOperand(built: Built<ValueNode | FunctionNameNode> | undefined): Built<ValueNode> | undefined {
    if (built === undefined) return undefined;
    const n = built.node;
    if (n.kind === 'Path' || n.kind === 'Call' || n.kind === 'Math' || (n.kind === 'Literal' && (n.type === 'int' || n.type === 'float'))) {
      return built as Built<ValueNode>;
    }
    this.report('type-mismatch', `${this.describe(n)} cannot be used in arithmetic`, built.range, {
      label: 'not a number',
      hint: 'arithmetic takes numbers, paths, converter calls and parenthesised arithmetic; OTTL has no string concatenation operator (use Concat)',
    });
    return undefined;
  }

  private notFunctionName(built: Built<ValueNode | FunctionNameNode>): ValueNode {
    const n = built.node;
    if (n.kind !== 'FunctionName') return n;
    this.reportFunctionName(n);
    return { kind: 'Enum', name: n.name, range: n.range };
  }

  private reportFunctionName(n: FunctionNameNode): void {
    this.report('unexpected-token', `${n.name} is neither an enum symbol nor a converter call`, n.range, {
      label: 'not a value',
      hint: `call the converter with parentheses, ${n.name}(...); enum symbols are written in capitals, e.g. SPAN_KIND_SERVER`,
    });
  }

  /**
   * A `primary` as a value. `strip` is a signed number token whose sign was read as a binary
   * operator; its literal is built without the sign.
   */
  private primary(primary: CstNode, options: ValueOptions, strip?: IToken): Built<ValueNode | FunctionNameNode> | undefined {
    const ch = primary.children;
    if (ch['invocation']) {
      const call = this.invocation(ch['invocation'][0] as CstNode, 'value');
      return call && { node: call, range: call.range };
    }
    if (ch['path']) {
      const path = this.path(ch['path'][0] as CstNode);
      return path && { node: path, range: path.range };
    }
    const tok = (ch['String'] ?? ch['Int'] ?? ch['Float'] ?? ch['Bytes'] ?? ch['Boolean'])?.[0] as IToken | undefined;
    if (tok !== undefined) {
      if (isVirtual(tok)) return undefined;
      const literal = this.literal(tok, tok === strip);
      return { node: literal, range: literal.range };
    }
    if (ch['symbol']) {
      const sym = ch['symbol'][0] as IToken;
      if (isVirtual(sym)) return undefined;
      const range = this.pos.tokenRange(sym);
      if (/[a-z]/.test(sym.image)) {
        const fn: FunctionNameNode = { kind: 'FunctionName', name: sym.image, range };
        if (!options.functionName) {
          this.reportFunctionName(fn);
          return { node: { kind: 'Enum', name: sym.image, range }, range };
        }
        return { node: fn, range };
      }
      return { node: { kind: 'Enum', name: sym.image, range }, range };
    }
    if (ch['list']) return this.list(ch['list'][0] as CstNode);
    if (ch['map']) return this.map(ch['map'][0] as CstNode);
    const parenOrLambda = ch['parenOrLambda']?.[0] as CstNode | undefined;
    if (parenOrLambda === undefined) return undefined;
    const lambdaCst = node(parenOrLambda, 'lambda');
    if (lambdaCst === undefined) return this.parenValue(parenOrLambda);
    const lambda = this.lambda(lambdaCst);
    if (lambda && !options.lambda) {
      this.report('lambda-not-allowed', 'a lambda can only be passed as a function argument', lambda.range, { label: 'lambda' });
    }
    return lambda && { node: lambda, range: lambda.range };
  }

  /** `( … )` in a value groups arithmetic (upstream: `"(" mathExpression ")"`). */
  private parenValue(paren: CstNode): Built<ValueNode> | undefined {
    const inner = node(paren, 'expression');
    const built = inner && this.mathOperand(this.value(inner));
    const open = token(paren, 'LParen');
    const close = token(paren, 'RParen');
    if (built === undefined) return undefined;
    return {
      node: built.node,
      range: rangeOf(open ? this.pos.start(open) : built.range.start, close ? this.pos.after(close) : built.range.end),
    };
  }

  private describe(n: ValueNode | FunctionNameNode): string {
    switch (n.kind) {
      case 'Literal':
        return n.type === 'nil' ? 'nil' : `the ${n.type} ${n.raw}`;
      case 'Path':
        return 'a path';
      case 'Call':
        return `the call to ${n.name}`;
      case 'Enum':
        return `the enum symbol ${n.name}`;
      case 'List':
        return 'a list';
      case 'Map':
        return 'a map';
      case 'Math':
        return 'arithmetic';
      case 'Lambda':
        return 'a lambda';
      case 'FunctionName':
        return `the function name ${n.name}`;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Literals

  private literal(tok: IToken, stripSign = false): LiteralNode {
    const start = stripSign ? this.pos.inside(tok, 1) : this.pos.start(tok);
    const range = rangeOf(start, this.pos.after(tok));
    const raw = stripSign ? tok.image.slice(1) : tok.image;
    switch (tok.tokenType.name) {
      case 'Int':
        return { kind: 'Literal', type: 'int', value: this.intValue(raw, range), raw, range };
      case 'Float':
        return { kind: 'Literal', type: 'float', value: this.floatValue(raw, range), raw, range };
      case 'Bytes':
        return { kind: 'Literal', type: 'bytes', value: this.bytesValue(raw, range), raw, range };
      case 'Boolean':
        return { kind: 'Literal', type: 'bool', value: raw === 'true', raw, range };
      case 'Lowercase':
        return { kind: 'Literal', type: 'nil', value: null, raw, range };
      default:
        return { kind: 'Literal', type: 'string', value: this.stringValue(tok), raw, range };
    }
  }

  /** Upstream reads ints with Go's `ParseInt(s, 0, 64)`: a leading `0` makes the literal octal. */
  private intValue(raw: string, range: Range): bigint {
    const sign = raw[0] === '-' || raw[0] === '+' ? raw[0] : '';
    const digits = sign ? raw.slice(1) : raw;
    let magnitude: bigint;
    if (digits.length > 1 && digits[0] === '0') {
      if (/[89]/.test(digits)) {
        this.report('invalid-number', `${raw} is not a valid int: a leading 0 makes it octal, which has no digits 8 or 9`, range, {
          label: 'invalid octal number',
          hint: `remove the leading zeros: ${sign}${digits.replace(/^0+/, '') || '0'}`,
        });
        return 0n;
      }
      magnitude = BigInt('0o' + digits);
      this.report('octal-literal', `${raw} is read as an octal number (${sign}${magnitude})`, range, {
        severity: 'warning',
        label: `octal: ${sign}${magnitude}`,
        hint: `write ${sign}${magnitude} for this value, or remove the leading zeros for ${sign}${digits.replace(/^0+/, '') || '0'}`,
      });
    } else {
      magnitude = BigInt(digits);
    }
    const value = sign === '-' ? -magnitude : magnitude;
    if (value < INT64_MIN || value > INT64_MAX) {
      this.report('invalid-number', `${raw} is out of range for an int (64-bit signed)`, range, {
        label: 'out of range',
        hint: 'ints range from -9223372036854775808 to 9223372036854775807; write a float (with a dot) for larger numbers',
      });
      return 0n;
    }
    return value;
  }

  private floatValue(raw: string, range: Range): number {
    const value = Number(raw);
    if (!Number.isFinite(value)) {
      this.report('invalid-number', `${raw} is out of range for a float (64-bit)`, range, { label: 'out of range' });
      return 0;
    }
    return value;
  }

  private bytesValue(raw: string, range: Range): Uint8Array {
    const hex = raw.slice(2);
    if (hex.length % 2 !== 0) {
      this.report('invalid-bytes', `the bytes literal ${raw} has an odd number of hex digits`, range, {
        label: 'odd number of hex digits',
        hint: `bytes are written as pairs of hex digits, e.g. 0x0${hex}`,
      });
      return new Uint8Array(0);
    }
    const out = new Uint8Array(hex.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    return out;
  }

  private stringValue(tok: IToken): string {
    // Unterminated and single-quoted strings are reported with the other error tokens (parse.ts).
    const raw = tok.tokenType === SingleQuotedString ? singleToDoubleQuoted(tok.image) : tok.image;
    const { value, problems } = unquote(raw);
    if (tok.tokenType === SingleQuotedString) return value;
    for (const p of problems) {
      const range = rangeOf(this.pos.inside(tok, p.offset), this.pos.inside(tok, p.offset + p.length));
      this.report(p.kind === 'newline' ? 'newline-in-string' : 'invalid-escape', p.message, range, {
        label: p.kind === 'newline' ? 'line break' : 'invalid escape',
        ...(p.hint ? { hint: p.hint } : {}),
      });
    }
    return value;
  }

  // -------------------------------------------------------------------------------------------
  // Calls, paths, keys

  /**
   * An editor or converter call. `role` says where it stands: the head of a statement must be an
   * editor; anywhere else it must be a converter (upstream's post-parse errors, same wording).
   */
  private invocation(cst: CstNode, role: 'statement' | 'value'): CallNode | undefined {
    const nameTok = token(cst, 'name');
    if (nameTok === undefined) return undefined;
    const name = nameTok.image;
    const nameRange = this.pos.tokenRange(nameTok);
    const isEditor = name[0]! >= 'a' && name[0]! <= 'z';
    const args = this.arguments(cst, () => `the arguments of ${name}`, (a) => this.argument(a));
    const keyCsts = nodes(cst, 'key');
    const keys = keyCsts.length === 0 ? NONE : keyCsts.map((k) => this.key(k)).filter((k): k is KeyNode => k !== undefined);
    const close = token(cst, 'RParen');
    const open = token(cst, 'LParen');
    const end =
      keys.length > 0
        ? keys[keys.length - 1]!.range.end
        : close
          ? this.pos.after(close)
          : args.length > 0
            ? args[args.length - 1]!.range.end
            : open
              ? this.pos.after(open)
              : nameRange.end;
    const call: CallNode = { kind: 'Call', name, nameRange, isEditor, args, keys, range: rangeOf(nameRange.start, end) };
    if (role === 'statement' && !isEditor) {
      this.report('editor-name-case', `editor names must start with a lowercase letter but got '${name}'`, nameRange, {
        label: 'a converter, not an editor',
        hint: `a statement starts with an editor such as set(...); a converter like ${name} returns a value and can only be used inside one`,
      });
    }
    if (role === 'value' && isEditor) {
      this.report('converter-name-case', `converter names must start with an uppercase letter but got '${name}'`, nameRange, {
        label: 'an editor, not a converter',
        hint: 'editors (lower-case names) change telemetry and can only head a statement; values come from converters, which start with an upper-case letter',
      });
    }
    if (isEditor && keys.length > 0) {
      const keysRange = rangeOf(keys[0]!.range.start, keys[keys.length - 1]!.range.end);
      this.report(
        'indexed-editor',
        `only paths and converters may be indexed, not editors, but got ${name}${this.text(keysRange)}`,
        keysRange,
        { label: 'keys after an editor call', hint: 'editors return nothing to index; remove the keys' },
      );
    }
    return call;
  }

  /**
   * Builds the comma-separated items of a call, list or map, reporting missing commas (the
   * grammar accepts them so the items after one still get checked).
   */
  private arguments<T extends { readonly range: Range }>(
    cst: CstNode,
    describe: () => string,
    build: (item: CstNode) => T | undefined,
    key = 'argument',
  ): readonly T[] {
    const itemCsts = nodes(cst, key);
    if (itemCsts.length === 0) return NONE;
    const items = itemCsts.map(build).filter((x): x is T => x !== undefined);
    const commas = tokens(cst, 'Comma');
    if (commas.length + 1 < items.length || key === 'mapItem') {
      let c = 0;
      for (let i = 1; i < items.length; i++) {
        const prevEnd = items[i - 1]!.range.end.offset;
        const nextStart = items[i]!.range.start.offset;
        while (c < commas.length && this.pos.fileOffset(commas[c]!.startOffset) < prevEnd) c++;
        const comma = commas[c];
        if (comma !== undefined && this.pos.fileOffset(comma.startOffset) < nextStart) continue;
        const at = items[i - 1]!.range.end;
        const what = describe();
        this.report('missing-comma', `expected ',' between ${what}`, rangeOf(at, items[i]!.range.start), {
          label: "missing ','",
          hint: `separate ${what} with commas`,
          fix: [{ range: emptyRange(at), newText: ',' }],
          ...(key === 'mapItem' ? { severity: 'warning' as const } : {}),
        });
      }
    }
    return items;
  }

  private argument(cst: CstNode): ArgumentNode | undefined {
    const nameTok = token(cst, 'name');
    const expr = node(cst, 'expression');
    const value = expr && this.value(expr, { lambda: true, functionName: true });
    if (value === undefined) return undefined;
    const nameRange = nameTok && this.pos.tokenRange(nameTok);
    return {
      kind: 'Argument',
      ...(nameTok ? { name: nameTok.image, nameRange: nameRange! } : {}),
      value: value.node,
      range: nameRange ? rangeOf(nameRange.start, value.range.end) : value.range,
    };
  }

  /** A path, or the nil literal (`nil` parses as a one-segment path; upstream matches it by text). */
  private path(cst: CstNode): PathNode | LiteralNode | undefined {
    const names = tokens(cst, 'name');
    const keys = nodes(cst, 'key');
    if (names.length === 0) return undefined;
    if (names[0]!.image === 'nil') {
      const literal = this.literal(names[0]!);
      if (names.length > 1 || keys.length > 0) {
        this.report('unexpected-token', 'nil cannot be indexed or have fields', rangeOf(literal.range.end, this.pos.after(names[names.length - 1]!)), {
          label: 'after nil',
          hint: 'nil is the empty value; a path cannot be named nil',
        });
      }
      return literal;
    }
    const segments: PathSegmentNode[] = [];
    let k = 0;
    for (let i = 0; i < names.length; i++) {
      const nameTok = names[i]!;
      const next = names[i + 1]?.startOffset ?? Infinity;
      const segmentKeys: KeyNode[] = [];
      for (; k < keys.length && keyOffset(keys[k]!) < next; k++) {
        const key = this.key(keys[k]!);
        if (key) segmentKeys.push(key);
      }
      segments.push(this.segment(nameTok, segmentKeys.length > 0 ? segmentKeys : NONE));
    }
    const range = rangeOf(segments[0]!.range.start, segments[segments.length - 1]!.range.end);
    const first = segments[0]!;
    if (segments.length >= 2 && first.keys.length === 0) {
      return { kind: 'Path', context: first.name, contextRange: first.nameRange, segments: segments.slice(1), range };
    }
    return { kind: 'Path', segments, range };
  }

  private segment(nameTok: IToken, keys: readonly KeyNode[]): PathSegmentNode {
    const nameRange = this.pos.tokenRange(nameTok);
    if (/[A-Z]/.test(nameTok.image)) {
      this.report('unexpected-token', `'${nameTok.image}' is not a valid path segment name`, nameRange, {
        label: 'upper-case letters in a path',
        hint: 'path segment names use lower-case letters, digits and _ (e.g. attributes, trace_id)',
      });
    }
    const range = keys.length > 0 ? rangeOf(nameRange.start, keys[keys.length - 1]!.range.end) : nameRange;
    return { kind: 'PathSegment', name: nameTok.image, nameRange, keys, range };
  }

  /** `[key]`: a string or int literal, a path, a converter call or arithmetic (floats parse too). */
  private key(cst: CstNode): KeyNode | undefined {
    const open = token(cst, 'LBracket');
    const close = token(cst, 'RBracket');
    const expr = node(cst, 'expression');
    const built = expr && this.value(expr);
    if (built === undefined) return undefined;
    const n = built.node;
    if (!(n.kind === 'Path' || n.kind === 'Call' || n.kind === 'Math' || (n.kind === 'Literal' && (n.type === 'string' || n.type === 'int' || n.type === 'float')))) {
      this.report('invalid-key', `${this.describe(n)} cannot be a key`, built.range, {
        label: 'invalid key',
        hint: 'a key is a string ("name"), an int (0), a path, a converter call or arithmetic',
      });
      return undefined;
    }
    const start = open ? this.pos.start(open) : built.range.start;
    const end = close ? this.pos.after(close) : built.range.end;
    return { kind: 'Key', value: n, range: rangeOf(start, end) };
  }

  // -------------------------------------------------------------------------------------------
  // Lists, maps, lambdas

  private bracketed<T>(cst: CstNode, open: string, close: string, node: T): Built<T> | undefined {
    const o = token(cst, open);
    const c = token(cst, close);
    if (o === undefined) return undefined;
    return { node, range: rangeOf(this.pos.start(o), c ? this.pos.after(c) : this.pos.after(o)) };
  }

  private list(cst: CstNode): Built<ListNode> | undefined {
    const items = this.arguments(
      cst,
      () => 'list items',
      (e) => {
        const v = this.value(e);
        return v && { node: this.notFunctionName(v), range: v.range };
      },
      'expression',
    );
    const shell = this.bracketed(cst, 'LBracket', 'RBracket', null);
    if (shell === undefined) return undefined;
    const list: ListNode = { kind: 'List', items: items.map((i) => i.node), range: shell.range };
    return { node: list, range: list.range };
  }

  private map(cst: CstNode): Built<MapNode> | undefined {
    const entries = this.arguments(cst, () => 'map entries', (item) => this.mapItem(item), 'mapItem');
    const shell = this.bracketed(cst, 'LBrace', 'RBrace', null);
    if (shell === undefined) return undefined;
    const map: MapNode = { kind: 'Map', entries, range: shell.range };
    return { node: map, range: map.range };
  }

  private mapItem(cst: CstNode): MapEntryNode | undefined {
    const keyTok = token(cst, 'String');
    const expr = node(cst, 'expression');
    const value = expr && this.value(expr);
    if (keyTok === undefined || value === undefined) return undefined;
    const keyRange = this.pos.tokenRange(keyTok);
    return {
      kind: 'MapEntry',
      key: this.stringValue(keyTok),
      keyRange,
      value: this.notFunctionName(value),
      range: rangeOf(keyRange.start, value.range.end),
    };
  }

  private lambda(cst: CstNode): LambdaNode | undefined {
    const open = token(cst, 'LParen');
    const params = nodes(cst, 'lambdaParam')
      .map((p) => token(p, 'Lowercase') ?? token(p, 'Underscore'))
      .filter((t): t is IToken => t !== undefined);
    const expr = node(cst, 'expression');
    if (open === undefined || expr === undefined) return undefined;
    // A body with and/or/not or a comparison is a condition; anything else is a value.
    const tree = this.read(expr);
    const body = tree?.t === 'operand' || tree?.t === 'math' ? this.valueOf(tree, {})?.node : this.bool(tree);
    if (body === undefined) return undefined;
    return {
      kind: 'Lambda',
      params: params.map((p) => p.image),
      paramRanges: params.map((p) => this.pos.tokenRange(p)),
      body: body.kind === 'FunctionName' ? this.notFunctionName({ node: body, range: body.range }) : body,
      range: rangeOf(this.pos.start(open), body.range.end),
    };
  }
}
