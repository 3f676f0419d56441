/**
 * XPath 1.0 over the {@link XmlNode} tree, for the XML converters: the full expression grammar
 * (paths, all thirteen axes except `namespace`, predicates, operators, the core function library
 * plus `ends-with`, `lower-case` and `upper-case` as upstream's antchfx/xpath offers). Name tests
 * compare qualified names the way antchfx does: `a` matches any element whose local name is `a`,
 * `p:a` one whose prefix is `p`. Variables are not supported.
 *
 * `compileXPath` throws {@link XPathSyntaxError} for invalid expressions (a configuration error).
 */
import type { XmlNode } from './xml.js';

export class XPathSyntaxError extends Error {}

type XValue = XmlNode[] | string | number | boolean;

type Axis =
  | 'child'
  | 'descendant'
  | 'descendant-or-self'
  | 'parent'
  | 'ancestor'
  | 'ancestor-or-self'
  | 'following-sibling'
  | 'preceding-sibling'
  | 'following'
  | 'preceding'
  | 'attribute'
  | 'self';

const AXES = new Set<string>([
  'child', 'descendant', 'descendant-or-self', 'parent', 'ancestor', 'ancestor-or-self',
  'following-sibling', 'preceding-sibling', 'following', 'preceding', 'attribute', 'self', 'namespace',
]);

type NodeTest =
  | { readonly kind: 'name'; readonly prefix: string; readonly local: string }
  | { readonly kind: 'any'; readonly prefix: string }
  | { readonly kind: 'type'; readonly type: 'node' | 'text' | 'comment' | 'processing-instruction'; readonly target?: string };

interface Step {
  readonly axis: Axis;
  readonly test: NodeTest;
  readonly predicates: Expr[];
}

type Expr =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'negate'; readonly operand: Expr }
  | { readonly kind: 'call'; readonly name: string; readonly args: Expr[] }
  | { readonly kind: 'path'; readonly absolute: boolean; readonly filter?: Expr; readonly predicates: Expr[]; readonly steps: Step[] };

// ---------------------------------------------------------------------------------------------
// Lexer

type Tok = { readonly t: 'num'; readonly v: number } | { readonly t: 'str' | 'name' | 'op'; readonly v: string };

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '//' || two === '::' || two === '..' || two === '!=' || two === '<=' || two === '>=') {
      toks.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^[0-9]*(\.[0-9]*)?/.exec(src.slice(i))![0];
      toks.push({ t: 'num', v: Number(m) });
      i += m.length;
      continue;
    }
    if ('/()[].@,|+-=<>*$'.includes(ch)) {
      toks.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = src.indexOf(ch, i + 1);
      if (end < 0) throw new XPathSyntaxError(`${src} has an unclosed string literal`);
      toks.push({ t: 'str', v: src.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const m = /^[A-Za-z_\u00C0-\uFFFF][-A-Za-z0-9._\u00B7\u00C0-\uFFFF]*/.exec(src.slice(i));
    if (m === null) throw new XPathSyntaxError(`${src} has an invalid token at offset ${i}: ${ch}`);
    let name = m[0];
    i += name.length;
    // QName or prefix:* (no spaces around the colon).
    if (src[i] === ':' && src[i + 1] !== ':') {
      const rest = /^(\*|[A-Za-z_\u00C0-\uFFFF][-A-Za-z0-9._\u00B7\u00C0-\uFFFF]*)/.exec(src.slice(i + 1));
      if (rest === null) throw new XPathSyntaxError(`${src} has an invalid qualified name`);
      name += ':' + rest[0];
      i += 1 + rest[0].length;
    }
    toks.push({ t: 'name', v: name });
  }
  return toks;
}

// ---------------------------------------------------------------------------------------------
// Parser

const NODE_TYPES = new Set(['node', 'text', 'comment', 'processing-instruction']);

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly src: string,
  ) {}

  private peek(offset = 0): Tok | undefined {
    return this.toks[this.i + offset];
  }

  private isOp(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && t.t === 'op' && t.v === v;
  }

  /** An operator name (`and`, `or`, `div`, `mod`) or `*` as multiplication: after an operand. */
  private isOperatorName(v: string): boolean {
    const t = this.peek();
    if (t === undefined || t.t !== 'name' || t.v !== v) return false;
    return this.i > 0 && this.afterOperand();
  }

  private afterOperand(): boolean {
    const prev = this.toks[this.i - 1];
    if (prev === undefined) return false;
    if (prev.t !== 'op') return true;
    return prev.v === ')' || prev.v === ']' || prev.v === '.' || prev.v === '..' || prev.v === '*';
  }

  private fail(): never {
    const t = this.peek();
    throw new XPathSyntaxError(
      t === undefined ? `${this.src} ends unexpectedly` : `${this.src} has an unexpected token ${String(t.v)}`,
    );
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) this.fail();
    this.i++;
  }

  parse(): Expr {
    if (this.toks.length === 0) throw new XPathSyntaxError('empty XPath expression');
    const e = this.or();
    if (this.i < this.toks.length) this.fail();
    return e;
  }

  private binary(next: () => Expr, ops: string[], names: string[] = []): Expr {
    let left = next();
    for (;;) {
      const t = this.peek();
      let op: string | undefined;
      if (t?.t === 'op' && ops.includes(t.v) && !(t.v === '*' && !this.afterOperand())) op = t.v;
      else if (names.some((n) => this.isOperatorName(n))) op = (t as { v: string }).v;
      if (op === undefined) return left;
      this.i++;
      left = { kind: 'binary', op, left, right: next() };
    }
  }

  private or = (): Expr => this.binary(this.and, [], ['or']);
  private and = (): Expr => this.binary(this.equality, [], ['and']);
  private equality = (): Expr => this.binary(this.relational, ['=', '!=']);
  private relational = (): Expr => this.binary(this.additive, ['<', '<=', '>', '>=']);
  private additive = (): Expr => this.binary(this.multiplicative, ['+', '-']);
  private multiplicative = (): Expr => this.binary(this.unary, ['*'], ['div', 'mod']);

  private unary = (): Expr => {
    if (this.isOp('-')) {
      this.i++;
      return { kind: 'negate', operand: this.unary() };
    }
    return this.binary(this.pathExpr, ['|']);
  };

  private pathExpr = (): Expr => {
    const t = this.peek();
    if (t === undefined) this.fail();
    const isPrimary =
      t.t === 'str' ||
      t.t === 'num' ||
      (t.t === 'op' && (t.v === '(' || t.v === '$')) ||
      (t.t === 'name' && this.isOp('(', 1) && !NODE_TYPES.has(t.v));
    if (!isPrimary) return this.locationPath();
    const filter = this.primary();
    const predicates = this.predicates();
    const steps: Step[] = [];
    if (this.isOp('/') || this.isOp('//')) this.relativePath(steps, true);
    if (predicates.length === 0 && steps.length === 0) return filter;
    return { kind: 'path', absolute: false, filter, predicates, steps };
  };

  private primary(): Expr {
    const t = this.peek()!;
    this.i++;
    if (t.t === 'str') return { kind: 'literal', value: t.v };
    if (t.t === 'num') return { kind: 'number', value: t.v };
    if (t.t === 'op' && t.v === '(') {
      const e = this.or();
      this.expectOp(')');
      return e;
    }
    if (t.t === 'op' && t.v === '$') throw new XPathSyntaxError(`${this.src}: variables are not supported`);
    const name = t.v as string;
    this.expectOp('(');
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      args.push(this.or());
      while (this.isOp(',')) {
        this.i++;
        args.push(this.or());
      }
    }
    this.expectOp(')');
    checkFunction(name, args.length, this.src);
    return { kind: 'call', name, args };
  }

  private predicates(): Expr[] {
    const out: Expr[] = [];
    while (this.isOp('[')) {
      this.i++;
      out.push(this.or());
      this.expectOp(']');
    }
    return out;
  }

  private locationPath(): Expr {
    const steps: Step[] = [];
    let absolute = false;
    if (this.isOp('/')) {
      absolute = true;
      this.i++;
      if (!this.startsStep()) return { kind: 'path', absolute, predicates: [], steps };
      steps.push(this.step());
    } else if (this.isOp('//')) {
      absolute = true;
      this.i++;
      steps.push({ axis: 'descendant-or-self', test: { kind: 'type', type: 'node' }, predicates: [] });
      steps.push(this.step());
    } else {
      steps.push(this.step());
    }
    this.relativePath(steps, false);
    return { kind: 'path', absolute, predicates: [], steps };
  }

  private relativePath(steps: Step[], requireOne: boolean): void {
    let first = requireOne;
    while (this.isOp('/') || this.isOp('//') || first) {
      first = false;
      if (this.isOp('//')) steps.push({ axis: 'descendant-or-self', test: { kind: 'type', type: 'node' }, predicates: [] });
      else if (!this.isOp('/')) this.fail();
      this.i++;
      steps.push(this.step());
    }
  }

  private startsStep(): boolean {
    const t = this.peek();
    if (t === undefined) return false;
    if (t.t === 'name') return true;
    return t.t === 'op' && (t.v === '.' || t.v === '..' || t.v === '@' || t.v === '*');
  }

  private step(): Step {
    if (this.isOp('.')) {
      this.i++;
      return { axis: 'self', test: { kind: 'type', type: 'node' }, predicates: [] };
    }
    if (this.isOp('..')) {
      this.i++;
      return { axis: 'parent', test: { kind: 'type', type: 'node' }, predicates: [] };
    }
    let axis: Axis = 'child';
    if (this.isOp('@')) {
      this.i++;
      axis = 'attribute';
    } else if (this.peek()?.t === 'name' && this.isOp('::', 1)) {
      const name = this.peek()!.v as string;
      if (!AXES.has(name)) throw new XPathSyntaxError(`${this.src} has an unknown axis ${name}`);
      if (name === 'namespace') throw new XPathSyntaxError(`${this.src}: the namespace axis is not supported`);
      axis = name as Axis;
      this.i += 2;
    }
    return { axis, test: this.nodeTest(), predicates: this.predicates() };
  }

  private nodeTest(): NodeTest {
    const t = this.peek();
    if (t?.t === 'op' && t.v === '*') {
      this.i++;
      return { kind: 'any', prefix: '' };
    }
    if (t?.t !== 'name') this.fail();
    this.i++;
    const name = t.v;
    if (NODE_TYPES.has(name) && this.isOp('(')) {
      this.i++;
      let target: string | undefined;
      if (name === 'processing-instruction' && this.peek()?.t === 'str') {
        target = this.peek()!.v as string;
        this.i++;
      }
      this.expectOp(')');
      return { kind: 'type', type: name as 'node', ...(target === undefined ? {} : { target }) };
    }
    const colon = name.indexOf(':');
    if (colon > 0) {
      const local = name.slice(colon + 1);
      if (local === '*') return { kind: 'any', prefix: name.slice(0, colon) };
      return { kind: 'name', prefix: name.slice(0, colon), local };
    }
    return { kind: 'name', prefix: '', local: name };
  }
}

// ---------------------------------------------------------------------------------------------
// Functions

type Fn = (ctx: Ctx, args: XValue[]) => XValue;
interface Ctx {
  readonly node: XmlNode;
  readonly position: number;
  readonly size: number;
  readonly order: Map<XmlNode, number>;
}

const FUNCTIONS: Record<string, [min: number, max: number, fn: Fn]> = {
  last: [0, 0, (c) => c.size],
  position: [0, 0, (c) => c.position],
  count: [1, 1, (_c, [a]) => nodes(a!).length],
  id: [1, 1, () => []],
  'local-name': [0, 1, (c, a) => nameOf(a.length === 0 ? c.node : nodes(a[0]!)[0], 'local')],
  'namespace-uri': [0, 1, () => ''],
  name: [0, 1, (c, a) => nameOf(a.length === 0 ? c.node : nodes(a[0]!)[0], 'qualified')],
  string: [0, 1, (c, a) => (a.length === 0 ? stringValue(c.node) : toStr(a[0]!))],
  concat: [2, Infinity, (_c, a) => a.map(toStr).join('')],
  'starts-with': [2, 2, (_c, [a, b]) => toStr(a!).startsWith(toStr(b!))],
  'ends-with': [2, 2, (_c, [a, b]) => toStr(a!).endsWith(toStr(b!))],
  contains: [2, 2, (_c, [a, b]) => toStr(a!).includes(toStr(b!))],
  'substring-before': [2, 2, (_c, [a, b]) => {
    const s = toStr(a!);
    const i = s.indexOf(toStr(b!));
    return i < 0 ? '' : s.slice(0, i);
  }],
  'substring-after': [2, 2, (_c, [a, b]) => {
    const s = toStr(a!);
    const t = toStr(b!);
    const i = s.indexOf(t);
    return i < 0 ? '' : s.slice(i + t.length);
  }],
  substring: [2, 3, (_c, a) => {
    const chars = [...toStr(a[0]!)];
    const start = xpathRound(toNum(a[1]!));
    const end = a.length > 2 ? start + xpathRound(toNum(a[2]!)) : Infinity;
    return chars.filter((_, i) => i + 1 >= start && i + 1 < end).join('');
  }],
  'string-length': [0, 1, (c, a) => [...(a.length === 0 ? stringValue(c.node) : toStr(a[0]!))].length],
  'normalize-space': [0, 1, (c, a) =>
    (a.length === 0 ? stringValue(c.node) : toStr(a[0]!)).replace(/[ \t\r\n]+/g, ' ').trim()],
  translate: [3, 3, (_c, [a, b, d]) => {
    const from = [...toStr(b!)];
    const to = [...toStr(d!)];
    return [...toStr(a!)]
      .map((ch) => {
        const i = from.indexOf(ch);
        return i < 0 ? ch : (to[i] ?? '');
      })
      .join('');
  }],
  'lower-case': [1, 1, (_c, [a]) => toStr(a!).toLowerCase()],
  'upper-case': [1, 1, (_c, [a]) => toStr(a!).toUpperCase()],
  boolean: [1, 1, (_c, [a]) => toBool(a!)],
  not: [1, 1, (_c, [a]) => !toBool(a!)],
  true: [0, 0, () => true],
  false: [0, 0, () => false],
  lang: [1, 1, (c, [a]) => {
    const want = toStr(a!).toLowerCase();
    for (let n: XmlNode | null = c.node; n !== null; n = n.parent) {
      const l = n.type === 'element' ? n.attr('xml:lang') : undefined;
      if (l !== undefined) return l.toLowerCase() === want || l.toLowerCase().startsWith(want + '-');
    }
    return false;
  }],
  number: [0, 1, (c, a) => (a.length === 0 ? toNum(stringValue(c.node)) : toNum(a[0]!))],
  sum: [1, 1, (_c, [a]) => nodes(a!).reduce((s, n) => s + toNum(stringValue(n)), 0)],
  floor: [1, 1, (_c, [a]) => Math.floor(toNum(a!))],
  ceiling: [1, 1, (_c, [a]) => Math.ceil(toNum(a!))],
  round: [1, 1, (_c, [a]) => xpathRound(toNum(a!))],
};

function checkFunction(name: string, arity: number, src: string): void {
  const f = FUNCTIONS[name];
  if (f === undefined) throw new XPathSyntaxError(`${src}: unknown function ${name}()`);
  if (arity < f[0] || arity > f[1]) throw new XPathSyntaxError(`${src}: wrong number of arguments for ${name}()`);
}

function xpathRound(n: number): number {
  if (!Number.isFinite(n) || n === 0) return n;
  return Math.floor(n + 0.5);
}

function nodes(v: XValue): XmlNode[] {
  if (!Array.isArray(v)) throw new Error('XPath: expected a node-set');
  return v;
}

function nameOf(n: XmlNode | undefined, which: 'local' | 'qualified'): string {
  if (n === undefined || (n.type !== 'element' && n.type !== 'attribute' && n.type !== 'declaration')) return '';
  return which === 'local' ? n.localName : n.name;
}

/** The XPath string-value of a node. */
function stringValue(n: XmlNode): string {
  return n.type === 'declaration' ? '' : n.innerText();
}

function toStr(v: XValue): string {
  if (Array.isArray(v)) return v.length === 0 ? '' : stringValue(v[0]!);
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (Number.isInteger(v)) return String(v);
    return String(v);
  }
  return typeof v === 'boolean' ? String(v) : v;
}

function toNum(v: XValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = toStr(v).trim();
  return /^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(s) ? Number(s) : NaN;
}

function toBool(v: XValue): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v.length > 0;
  return v;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

function documentOrder(root: XmlNode): Map<XmlNode, number> {
  const order = new Map<XmlNode, number>();
  const stack: XmlNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    order.set(n, order.size);
    for (const a of n.attrs) order.set(a, order.size);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return order;
}

function sortUnique(list: XmlNode[], order: Map<XmlNode, number>): XmlNode[] {
  const seen = new Set<XmlNode>();
  const out = list.filter((n) => (seen.has(n) ? false : (seen.add(n), true)));
  return out.sort((a, b) => order.get(a)! - order.get(b)!);
}

function descendants(n: XmlNode, out: XmlNode[]): void {
  const stack = [...n.children].reverse();
  while (stack.length > 0) {
    const d = stack.pop()!;
    out.push(d);
    for (let i = d.children.length - 1; i >= 0; i--) stack.push(d.children[i]!);
  }
}

/** Nodes on `axis` from `n`, in axis order (reverse axes nearest first). */
function axisNodes(n: XmlNode, axis: Axis): XmlNode[] {
  const out: XmlNode[] = [];
  switch (axis) {
    case 'self':
      return [n];
    case 'child':
      return n.type === 'attribute' ? [] : [...n.children];
    case 'attribute':
      return n.type === 'element' ? [...n.attrs] : [];
    case 'parent':
      return n.parent === null ? [] : [n.parent];
    case 'ancestor':
    case 'ancestor-or-self':
      if (axis === 'ancestor-or-self') out.push(n);
      for (let p = n.parent; p !== null; p = p.parent) out.push(p);
      return out;
    case 'descendant':
    case 'descendant-or-self':
      if (axis === 'descendant-or-self') out.push(n);
      if (n.type !== 'attribute') descendants(n, out);
      return out;
    case 'following-sibling':
    case 'preceding-sibling': {
      if (n.parent === null || n.type === 'attribute') return [];
      const sibs = n.parent.children;
      const i = sibs.indexOf(n);
      return axis === 'following-sibling' ? sibs.slice(i + 1) : sibs.slice(0, i).reverse();
    }
    case 'following': {
      const from = n.type === 'attribute' && n.parent !== null ? n.parent : n;
      if (from !== n) descendants(from, out);
      for (let cur = from; cur.parent !== null; cur = cur.parent) {
        const sibs = cur.parent.children;
        for (const s of sibs.slice(sibs.indexOf(cur) + 1)) {
          out.push(s);
          descendants(s, out);
        }
      }
      return out;
    }
    case 'preceding': {
      const ancestors = new Set<XmlNode>();
      for (let p = n.parent; p !== null; p = p.parent) ancestors.add(p);
      let root = n;
      while (root.parent !== null) root = root.parent;
      const all: XmlNode[] = [];
      descendants(root, all);
      const order = documentOrder(root);
      const at = order.get(n)!;
      return all.filter((d) => order.get(d)! < at && !ancestors.has(d)).reverse();
    }
  }
}

function matches(n: XmlNode, test: NodeTest, axis: Axis): boolean {
  const principal = axis === 'attribute' ? 'attribute' : 'element';
  switch (test.kind) {
    case 'any':
      return n.type === principal && (test.prefix === '' || n.prefix === test.prefix);
    case 'name':
      return n.type === principal && n.localName === test.local && (test.prefix === '' || n.prefix === test.prefix);
    case 'type':
      switch (test.type) {
        case 'node':
          return true;
        case 'text':
          return n.type === 'text' || n.type === 'cdata';
        case 'comment':
          return n.type === 'comment';
        case 'processing-instruction':
          return n.type === 'declaration' && (test.target === undefined || n.name === test.target);
      }
  }
}

function applyPredicates(list: XmlNode[], predicates: readonly Expr[], order: Map<XmlNode, number>): XmlNode[] {
  let current = list;
  for (const p of predicates) {
    const size = current.length;
    current = current.filter((node, i) => {
      const v = evaluate(p, { node, position: i + 1, size, order });
      return typeof v === 'number' ? v === i + 1 : toBool(v);
    });
  }
  return current;
}

function evalSteps(start: XmlNode[], steps: readonly Step[], order: Map<XmlNode, number>): XmlNode[] {
  let current = start;
  for (const step of steps) {
    const next: XmlNode[] = [];
    for (const n of current) {
      const candidates = axisNodes(n, step.axis).filter((c) => matches(c, step.test, step.axis));
      next.push(...applyPredicates(candidates, step.predicates, order));
    }
    current = sortUnique(next, order);
  }
  return current;
}

function compare(op: string, a: XValue, b: XValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b)) {
      const bs = b.map(stringValue);
      return a.some((x) => bs.some((y) => compareAtoms(op, stringValue(x), y)));
    }
    const [set, other, flipped] = Array.isArray(a) ? [a, b, false] : [b as XmlNode[], a, true];
    return set.some((x) => {
      const sv: XValue = typeof other === 'number' ? toNum(stringValue(x)) : typeof other === 'boolean' ? set.length > 0 : stringValue(x);
      return flipped ? compareAtoms(op, other, sv) : compareAtoms(op, sv, other);
    });
  }
  return compareAtoms(op, a, b);
}

function compareAtoms(op: string, a: XValue, b: XValue): boolean {
  if (op === '=' || op === '!=') {
    let eq: boolean;
    if (typeof a === 'boolean' || typeof b === 'boolean') eq = toBool(a) === toBool(b);
    else if (typeof a === 'number' || typeof b === 'number') eq = toNum(a) === toNum(b);
    else eq = toStr(a) === toStr(b);
    return op === '=' ? eq : !eq;
  }
  const x = toNum(a);
  const y = toNum(b);
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function evaluate(e: Expr, c: Ctx): XValue {
  switch (e.kind) {
    case 'literal':
    case 'number':
      return e.value;
    case 'negate':
      return -toNum(evaluate(e.operand, c));
    case 'call': {
      const args = e.args.map((a) => evaluate(a, c));
      return FUNCTIONS[e.name]![2](c, args);
    }
    case 'binary': {
      switch (e.op) {
        case 'or':
          return toBool(evaluate(e.left, c)) || toBool(evaluate(e.right, c));
        case 'and':
          return toBool(evaluate(e.left, c)) && toBool(evaluate(e.right, c));
        case '|':
          return sortUnique([...nodes(evaluate(e.left, c)), ...nodes(evaluate(e.right, c))], c.order);
        case '+':
        case '-':
        case '*':
        case 'div':
        case 'mod': {
          const x = toNum(evaluate(e.left, c));
          const y = toNum(evaluate(e.right, c));
          return e.op === '+' ? x + y : e.op === '-' ? x - y : e.op === '*' ? x * y : e.op === 'div' ? x / y : x % y;
        }
        default:
          return compare(e.op, evaluate(e.left, c), evaluate(e.right, c));
      }
    }
    case 'path': {
      let start: XmlNode[];
      if (e.filter !== undefined) {
        start = applyPredicates(nodes(evaluate(e.filter, c)), e.predicates, c.order);
      } else if (e.absolute) {
        let root = c.node;
        while (root.parent !== null) root = root.parent;
        start = [root];
      } else {
        start = [c.node];
      }
      return evalSteps(start, e.steps, c.order);
    }
  }
}

/** A compiled XPath expression. */
export interface XPath {
  /** The nodes the expression selects from the document (empty for non-node-set results). */
  select(doc: XmlNode): XmlNode[];
}

/** Compiles an XPath 1.0 expression. Throws {@link XPathSyntaxError}. */
export function compileXPath(text: string): XPath {
  const expr = new Parser(lex(text), text).parse();
  return {
    select(doc) {
      const v = evaluate(expr, { node: doc, position: 1, size: 1, order: documentOrder(doc) });
      return Array.isArray(v) ? v : [];
    },
  };
}
