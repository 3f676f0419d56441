/**
 * CST → AST. Builds the nodes of `ast.ts` from the parser's CST and reports everything the grammar
 * accepts loosely on purpose: upstream's post-parse errors (a converter as statement head, an
 * editor as a value, keys on an editor), shapes that are not booleans or not values, bad literals,
 * `=` for `==`, `1-1`, missing commas, chained comparisons and misplaced lambdas.
 *
 * Builders never throw. When part of the CST is missing (error recovery), they build what they can
 * and leave the rest out; any such gap has an error diagnostic already.
 */
import type { CstNode, IToken } from 'chevrotain';
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
import { SingleQuotedString, singleToDoubleQuoted } from './tokens.js';

function nodes(node: CstNode, key: string): CstNode[] {
  return (node.children[key] as CstNode[] | undefined) ?? [];
}

function tokens(node: CstNode, key: string): IToken[] {
  return ((node.children[key] as IToken[] | undefined) ?? []).filter((t) => !isVirtual(t));
}

function node(node: CstNode, key: string): CstNode | undefined {
  return (node.children[key] as CstNode[] | undefined)?.[0];
}

function token(node: CstNode, key: string): IToken | undefined {
  const t = (node.children[key] as IToken[] | undefined)?.[0];
  return isVirtual(t) ? undefined : t;
}

function byOffset(a: IToken, b: IToken): number {
  return a.startOffset - b.startOffset;
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
    const operands = nodes(expr, 'andExpr')
      .map((a) => this.andExpr(a))
      .filter((x): x is BoolExprNode => x !== undefined);
    if (operands.length <= 1) return operands[0];
    return { kind: 'Or', operands, range: rangeOf(operands[0]!.range.start, operands[operands.length - 1]!.range.end) };
  }

  /** A value (`expression` CST); reports boolean operators, which values cannot contain. */
  value(expr: CstNode, options: ValueOptions = {}): Built<ValueNode | FunctionNameNode> | undefined {
    const sum = this.plainSum(expr);
    return sum && this.sumValue(sum, options);
  }

  // -------------------------------------------------------------------------------------------
  // Booleans

  private andExpr(cst: CstNode): BoolExprNode | undefined {
    const operands = nodes(cst, 'notExpr')
      .map((n) => this.notExpr(n))
      .filter((x): x is BoolExprNode => x !== undefined);
    if (operands.length <= 1) return operands[0];
    return { kind: 'And', operands, range: rangeOf(operands[0]!.range.start, operands[operands.length - 1]!.range.end) };
  }

  private notExpr(cst: CstNode): BoolExprNode | undefined {
    const cmp = node(cst, 'comparison');
    const operand = cmp && this.comparison(cmp);
    const not = token(cst, 'OpNot');
    if (not === undefined || operand === undefined) return operand;
    return { kind: 'Not', operand, range: rangeOf(this.pos.start(not), operand.range.end) };
  }

  private comparisonOps(cst: CstNode): IToken[] {
    const ops = [...tokens(cst, 'OpComparison'), ...tokens(cst, 'Equal')];
    return ops.length > 1 ? ops.sort(byOffset) : ops;
  }

  private comparison(cst: CstNode): BoolExprNode | undefined {
    const sums = nodes(cst, 'sum');
    const ops = this.comparisonOps(cst);
    if (ops.length === 0) return sums[0] && this.boolFromSum(sums[0]);
    const op = ops[0]!;
    const opRange = this.pos.tokenRange(op);
    if (op.image === '=') this.reportAssignment(op);
    if (ops.length > 1) {
      const second = ops[1]!;
      this.report('comparison-chain', `comparisons cannot be chained: '${second.image}' follows another comparison`, this.pos.tokenRange(second), {
        label: 'second comparison',
        hint: 'combine two comparisons with and, e.g. a < b and b < c',
      });
    }
    const left = sums[0] && this.sumValue(sums[0], {});
    const right = sums[1] && this.sumValue(sums[1], {});
    if (left === undefined || right === undefined) return undefined;
    return {
      kind: 'Comparison',
      op: (op.image === '=' ? '==' : op.image) as ComparisonOp,
      opRange,
      left: this.notFunctionName(left),
      right: this.notFunctionName(right),
      range: rangeOf(left.range.start, right.range.end),
    };
  }

  private reportAssignment(op: IToken): void {
    const range = this.pos.tokenRange(op);
    this.report('assignment-in-condition', "'=' is not a comparison operator", range, {
      label: 'did you mean ==?',
      hint: 'write == to compare; = only names an argument',
      fix: [{ range, newText: '==' }],
    });
  }

  /** A `sum` in boolean position: `true`/`false`, a converter call, or a parenthesised condition. */
  private boolFromSum(sum: CstNode): BoolExprNode | undefined {
    const product = node(sum, 'product');
    const primaries = product ? nodes(product, 'primary') : [];
    if (nodes(sum, 'sumTail').length > 0 || primaries.length !== 1) {
      const built = this.sumValue(sum, {});
      if (built) {
        this.report('non-boolean-condition', 'arithmetic is not a condition', built.range, {
          label: 'a number, not a boolean',
          hint: `compare it, e.g. ${this.text(built.range)} > 0`,
        });
      }
      return undefined;
    }
    const primary = primaries[0]!;
    const paren = node(primary, 'parenExpr');
    if (paren) {
      const inner = node(paren, 'expression');
      return inner && this.condition(inner);
    }
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

  /** The first boolean operator (`or`, `and`, `not`, a comparison) at the top of `expr`, if any. */
  private firstBoolOperator(expr: CstNode): IToken | undefined {
    const or = token(expr, 'OpOr');
    const and = node(expr, 'andExpr');
    const andOp = and && token(and, 'OpAnd');
    const not = and && node(and, 'notExpr');
    const notOp = not && token(not, 'OpNot');
    const cmp = not && node(not, 'comparison');
    const cmpOp = cmp && this.comparisonOps(cmp)[0];
    return [or, andOp, notOp, cmpOp].filter((t): t is IToken => t !== undefined).sort(byOffset)[0];
  }

  /** The `sum` of an expression without boolean operators; reports the first such operator. */
  private plainSum(expr: CstNode): CstNode | undefined {
    const op = this.firstBoolOperator(expr);
    if (op !== undefined) {
      if (op.image === '=') {
        this.reportAssignment(op);
      } else {
        const what = op.tokenType.name === 'OpComparison' ? 'a comparison' : `'${op.image}'`;
        this.report('unexpected-token', `${what} cannot be used in a value; it belongs in a condition`, this.pos.tokenRange(op), {
          label: 'only allowed in conditions',
          hint: 'conditions go after where (statements) or in conditions lists; a value here can be a literal, a path, a converter call or arithmetic',
        });
      }
      return undefined;
    }
    const and = node(expr, 'andExpr');
    const not = and && node(and, 'notExpr');
    const cmp = not && node(not, 'comparison');
    return cmp && node(cmp, 'sum');
  }

  private sumValue(sum: CstNode, options: ValueOptions): Built<ValueNode | FunctionNameNode> | undefined {
    const first = node(sum, 'product');
    const tails = nodes(sum, 'sumTail');
    if (first === undefined) return undefined;
    if (tails.length === 0) return this.productValue(first, options);
    let left = this.mathOperand(this.productValue(first, {}));
    for (const tail of tails) {
      const opTok = token(tail, 'OpAddSub');
      const product = node(tail, 'product');
      if (product === undefined) return undefined;
      let op: MathOp;
      let opRange: Range;
      let right: Built<ValueNode> | undefined;
      if (opTok !== undefined) {
        op = opTok.image as MathOp;
        opRange = this.pos.tokenRange(opTok);
        right = this.mathOperand(this.productValue(product, {}));
      } else {
        // A product that starts with a signed number: `1-1` or `x -1`.
        const signed = this.firstNumberToken(product);
        if (signed === undefined) return undefined;
        op = signed.image[0] as MathOp;
        opRange = rangeOf(this.pos.start(signed), this.pos.inside(signed, 1));
        if (left !== undefined) this.reportAbsorbedSign(left, signed);
        right = this.mathOperand(this.productValue(product, {}, signed));
      }
      if (left === undefined || right === undefined) return undefined;
      const math: MathNode = { kind: 'Math', op, opRange, left: left.node, right: right.node, range: rangeOf(left.range.start, right.range.end) };
      left = { node: math, range: math.range };
    }
    return left;
  }

  private firstNumberToken(product: CstNode): IToken | undefined {
    const primary = node(product, 'primary');
    return primary && (token(primary, 'Int') ?? token(primary, 'Float'));
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

  /**
   * A `product` as a value. `strip` is a signed number token whose sign was read as a binary
   * operator; its literal is built without the sign.
   */
  private productValue(product: CstNode, options: ValueOptions, strip?: IToken): Built<ValueNode | FunctionNameNode> | undefined {
    const primaries = nodes(product, 'primary');
    const ops = tokens(product, 'OpMultDiv');
    if (primaries.length === 0) return undefined;
    if (primaries.length === 1) return this.primary(primaries[0]!, options, strip);
    let left = this.mathOperand(this.primary(primaries[0]!, {}, strip));
    for (let i = 1; i < primaries.length; i++) {
      const right = this.mathOperand(this.primary(primaries[i]!, {}));
      const op = ops[i - 1];
      if (left === undefined || right === undefined || op === undefined) return undefined;
      const math: MathNode = {
        kind: 'Math',
        op: op.image as MathOp,
        opRange: this.pos.tokenRange(op),
        left: left.node,
        right: right.node,
        range: rangeOf(left.range.start, right.range.end),
      };
      left = { node: math, range: math.range };
    }
    return left;
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
    const tok = (ch['String'] ?? ch['Int'] ?? ch['Float'] ?? ch['Bytes'] ?? ch['Boolean'] ?? ch['nil'])?.[0] as IToken | undefined;
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
    if (ch['parenExpr']) return this.parenValue(ch['parenExpr'][0] as CstNode);
    if (ch['lambda']) {
      const lambda = this.lambda(ch['lambda'][0] as CstNode);
      if (lambda && !options.lambda) {
        this.report('lambda-not-allowed', 'a lambda can only be passed as a function argument', lambda.range, {
          label: 'lambda',
        });
      }
      return lambda && { node: lambda, range: lambda.range };
    }
    return undefined;
  }

  /** `( … )` in a value groups arithmetic (upstream: `"(" mathExpression ")"`). */
  private parenValue(paren: CstNode): Built<ValueNode> | undefined {
    const inner = node(paren, 'expression');
    const sum = inner && this.plainSum(inner);
    const built = sum && this.mathOperand(this.sumValue(sum, {}));
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
    const args = this.arguments(cst, `the arguments of ${name}`, (a) => this.argument(a));
    const keys = nodes(cst, 'key')
      .map((k) => this.key(k))
      .filter((k): k is KeyNode => k !== undefined);
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
  private arguments<T extends { readonly range: Range }>(cst: CstNode, what: string, build: (item: CstNode) => T | undefined, key = 'argument'): T[] {
    const items = nodes(cst, key)
      .map(build)
      .filter((x): x is T => x !== undefined);
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
      range: rangeOf(nameRange?.start ?? value.range.start, value.range.end),
    };
  }

  private path(cst: CstNode): PathNode | undefined {
    const fields = nodes(cst, 'field')
      .map((f) => this.field(f))
      .filter((f): f is PathSegmentNode => f !== undefined);
    if (fields.length === 0) return undefined;
    const range = rangeOf(fields[0]!.range.start, fields[fields.length - 1]!.range.end);
    const first = fields[0]!;
    if (fields.length >= 2 && first.keys.length === 0) {
      return { kind: 'Path', context: first.name, contextRange: first.nameRange, segments: fields.slice(1), range };
    }
    return { kind: 'Path', segments: fields, range };
  }

  private field(cst: CstNode): PathSegmentNode | undefined {
    const nameTok = token(cst, 'Lowercase');
    if (nameTok === undefined) return undefined;
    const nameRange = this.pos.tokenRange(nameTok);
    if (/[A-Z]/.test(nameTok.image)) {
      this.report('unexpected-token', `'${nameTok.image}' is not a valid path segment name`, nameRange, {
        label: 'upper-case letters in a path',
        hint: 'path segment names use lower-case letters, digits and _ (e.g. attributes, trace_id)',
      });
    }
    const keys = nodes(cst, 'key')
      .map((k) => this.key(k))
      .filter((k): k is KeyNode => k !== undefined);
    const end = keys.length > 0 ? keys[keys.length - 1]!.range.end : nameRange.end;
    return { kind: 'PathSegment', name: nameTok.image, nameRange, keys, range: rangeOf(nameRange.start, end) };
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
      'list items',
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
    const entries = this.arguments(cst, 'map entries', (item) => this.mapItem(item), 'mapItem');
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
    const body = this.firstBoolOperator(expr) === undefined ? this.value(expr, {})?.node : this.condition(expr);
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
