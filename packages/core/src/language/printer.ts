/**
 * AST → canonical OTTL text. Parsing the printed text gives back the same AST (ranges and raw
 * spellings aside): the printer inserts exactly the parentheses that precedence needs and nothing
 * else, puts spaces around binary operators (so `1 - 1` never becomes the two numbers `1`, `-1`),
 * writes `name=value` for named arguments, `", "` between items and `{"k": v}` for maps.
 *
 * By default literals are re-spelled from their values (strings re-escaped, ints in decimal,
 * floats in their shortest round-trip form with a dot); with `keepRaw` a literal keeps its source
 * spelling (`raw`) when that still means the same value — the formatter uses this.
 */
import type {
  ArgumentNode,
  BoolExprNode,
  CallNode,
  KeyNode,
  LiteralNode,
  MathNode,
  PathNode,
  StatementNode,
  ValueNode,
} from './ast.js';
import { quote, unquote } from './goString.js';

export interface PrintOptions {
  /** Keep each literal's source spelling when it still denotes the literal's value. */
  readonly keepRaw?: boolean;
}

export function printStatement(ast: StatementNode, options: PrintOptions = {}): string {
  const p = new Printer(options);
  const head = p.call(ast.editor);
  return ast.where ? `${head} where ${p.bool(ast.where)}` : head;
}

export function printCondition(ast: BoolExprNode, options: PrintOptions = {}): string {
  return new Printer(options).bool(ast);
}

export function printValue(ast: ValueNode, options: PrintOptions = {}): string {
  return new Printer(options).value(ast);
}

/** The binding strength of `+ -` (1) and `* /` (2). */
function mathLevel(node: ValueNode): number {
  return node.kind === 'Math' ? (node.op === '+' || node.op === '-' ? 1 : 2) : 3;
}

/** `1.0`, `0.5`, `1.0e+21`: a JS number as an OTTL float literal (which always has a dot). */
function floatLiteral(value: number): string {
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  if (text.includes('.')) return text;
  const e = text.indexOf('e');
  return e < 0 ? `${text}.0` : `${text.slice(0, e)}.0${text.slice(e)}`;
}

function hex(bytes: Uint8Array): string {
  let out = '0x';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

class Printer {
  constructor(private readonly options: PrintOptions) {}

  call(node: CallNode): string {
    return `${node.name}(${node.args.map((a) => this.argument(a)).join(', ')})${this.keys(node.keys)}`;
  }

  private argument(node: ArgumentNode): string {
    const value = node.value.kind === 'FunctionName' ? node.value.name : this.value(node.value);
    return node.name === undefined ? value : `${node.name}=${value}`;
  }

  private keys(keys: readonly KeyNode[]): string {
    let out = '';
    for (const k of keys) out += `[${this.value(k.value)}]`;
    return out;
  }

  private path(node: PathNode): string {
    const segments = node.segments.map((s) => s.name + this.keys(s.keys)).join('.');
    return node.context === undefined ? segments : `${node.context}.${segments}`;
  }

  value(node: ValueNode): string {
    switch (node.kind) {
      case 'Literal':
        return this.literal(node);
      case 'Path':
        return this.path(node);
      case 'Call':
        return this.call(node);
      case 'Enum':
        return node.name;
      case 'List':
        return `[${node.items.map((i) => this.value(i)).join(', ')}]`;
      case 'Map':
        return `{${node.entries.map((e) => `${quote(e.key)}: ${this.value(e.value)}`).join(', ')}}`;
      case 'Math':
        return this.math(node);
      case 'Lambda': {
        const body = node.body;
        const text = isBoolExpr(body) ? this.bool(body) : this.value(body);
        return `(${node.params.join(', ')}) => ${text}`;
      }
    }
  }

  private math(node: MathNode): string {
    const level = mathLevel(node);
    const left = this.value(node.left);
    const right = this.value(node.right);
    // Left-associative: the left operand needs parentheses only when it binds looser, the right
    // one also when it binds the same (`a - (b - c)`).
    const l = mathLevel(node.left) < level ? `(${left})` : left;
    const r = mathLevel(node.right) <= level ? `(${right})` : right;
    return `${l} ${node.op} ${r}`;
  }

  private literal(node: LiteralNode): string {
    if (this.options.keepRaw && node.raw !== '' && rawMatches(node)) return node.raw;
    switch (node.type) {
      case 'string':
        return quote(node.value as string);
      case 'int':
        return String(node.value);
      case 'float':
        return floatLiteral(node.value as number);
      case 'bool':
        return node.value ? 'true' : 'false';
      case 'nil':
        return 'nil';
      case 'bytes':
        return hex(node.value as Uint8Array);
    }
  }

  bool(node: BoolExprNode): string {
    switch (node.kind) {
      case 'Or':
        return node.operands.map((o) => (o.kind === 'Or' ? `(${this.bool(o)})` : this.bool(o))).join(' or ');
      case 'And':
        return node.operands.map((o) => (o.kind === 'Or' || o.kind === 'And' ? `(${this.bool(o)})` : this.bool(o))).join(' and ');
      case 'Not': {
        const o = node.operand;
        const inner = this.bool(o);
        return o.kind === 'Comparison' || o.kind === 'BoolConst' ? `not ${inner}` : `not (${inner})`;
      }
      case 'Comparison':
        return `${this.value(node.left)} ${node.op} ${this.value(node.right)}`;
      case 'BoolConst':
        return this.value(node.value);
    }
  }
}

const BOOL_KINDS = new Set(['Or', 'And', 'Not', 'Comparison', 'BoolConst']);

function isBoolExpr(node: ValueNode | BoolExprNode): node is BoolExprNode {
  return BOOL_KINDS.has(node.kind);
}

/** The value of an int literal as upstream reads it (a leading 0 means octal). */
function intOfRaw(raw: string): bigint | undefined {
  const negative = raw.startsWith('-');
  const digits = raw.replace(/^[-+]/, '');
  if (digits.length > 1 && digits.startsWith('0') && /[89]/.test(digits)) return undefined;
  const magnitude = digits.length > 1 && digits.startsWith('0') ? BigInt('0o' + digits) : BigInt(digits);
  return negative ? -magnitude : magnitude;
}

/** True when a literal's `raw` spelling still denotes its value (ASTs may be edited or generated). */
function rawMatches(node: LiteralNode): boolean {
  const raw = node.raw;
  switch (node.type) {
    case 'string':
      return raw.startsWith('"') && unquote(raw).value === node.value && unquote(raw).problems.length === 0;
    case 'int':
      return /^[-+]?\d+$/.test(raw) && intOfRaw(raw) === node.value;
    case 'float':
      return /^[-+]?\d*\.\d+(?:[eE][-+]?\d+)?$/.test(raw) && Number(raw) === node.value;
    case 'bool':
      return raw === String(node.value);
    case 'nil':
      return raw === 'nil';
    case 'bytes':
      return /^0x[0-9a-fA-F]*$/.test(raw) && raw.slice(2).toLowerCase() === hex(node.value as Uint8Array).slice(2);
  }
}
