// fast-check arbitraries for valid OTTL ASTs (shared by the printer and rule-file property tests).
// Every generated tree is one the parser can produce: names avoid keywords, paths whose first
// segment has no keys carry it as the context, lambda bodies are values or real conditions.
import fc from 'fast-check';
import type { Range } from '../../diagnostics/diagnostic.js';
import type {
  ArgumentNode,
  BoolExprNode,
  CallNode,
  EnumNode,
  FunctionNameNode,
  KeyNode,
  LambdaNode,
  LiteralNode,
  PathNode,
  PathSegmentNode,
  StatementNode,
  ValueNode,
} from '../ast.js';
import { lex } from '../tokens.js';

export const R: Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

const KEYWORDS = new Set(['nil', 'where', 'not', 'or', 'and', 'true', 'false']);
const lowerName = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/).filter((n) => !KEYWORDS.has(n));
const editorName = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/).filter((n) => !KEYWORDS.has(n));
const converterName = fc.stringMatching(/^[A-Z][a-zA-Z0-9_]{0,8}$/);
const enumName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/);
const functionName = fc.stringMatching(/^[A-Z][a-zA-Z0-9_]{0,8}$/).filter((n) => /[a-z]/.test(n));

const lit = (type: LiteralNode['type'], value: LiteralNode['value']): LiteralNode => ({ kind: 'Literal', type, value, raw: '', range: R });

export const stringLiteral = fc
  .oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary-ascii' }))
  .map((s) => lit('string', s));
export const intLiteral = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((v) => lit('int', v));
export const floatLiteral = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => lit('float', v));
const otherLiteral = fc.oneof(
  fc.boolean().map((b) => lit('bool', b)),
  fc.constant(lit('nil', null)),
  fc.uint8Array({ minLength: 1, maxLength: 6 }).map((b) => lit('bytes', b)),
);

interface Trees {
  value: ValueNode;
  mathOperand: ValueNode;
  keyValue: ValueNode;
  path: PathNode;
  converter: CallNode;
  argument: ArgumentNode;
  lambda: LambdaNode;
  bool: BoolExprNode;
  lambdaCondition: BoolExprNode;
}

const trees = fc.letrec<Trees>((tie) => {
  const value = tie('value') as fc.Arbitrary<ValueNode>;
  const bool = tie('bool') as fc.Arbitrary<BoolExprNode>;
  const key = (tie('keyValue') as fc.Arbitrary<ValueNode>).map((v): KeyNode => ({ kind: 'Key', value: v, range: R }));
  const keys = fc.array(key, { maxLength: 2, depthIdentifier: 'keys' });
  const segment = (withKeys: fc.Arbitrary<KeyNode[]>) =>
    fc.record({ name: lowerName, keys: withKeys }).map((s): PathSegmentNode => ({ kind: 'PathSegment', ...s, nameRange: R, range: R }));
  const converter = fc
    .record({ name: converterName, args: fc.array(tie('argument') as fc.Arbitrary<ArgumentNode>, { maxLength: 3 }), keys })
    .map((c): CallNode => ({ kind: 'Call', ...c, isEditor: false, nameRange: R, range: R }));
  const math = fc
    .record({
      op: fc.constantFrom('+', '-', '*', '/' as const),
      left: tie('mathOperand') as fc.Arbitrary<ValueNode>,
      right: tie('mathOperand') as fc.Arbitrary<ValueNode>,
    })
    .map((m): ValueNode => ({ kind: 'Math', ...m, opRange: R, range: R }));
  const comparison = fc
    .record({ op: fc.constantFrom('==', '!=', '<', '<=', '>', '>=' as const), left: value, right: value })
    .map((c): BoolExprNode => ({ kind: 'Comparison', ...c, opRange: R, range: R }));
  const logical = fc.oneof(
    fc.array(bool, { minLength: 2, maxLength: 3 }).map((operands): BoolExprNode => ({ kind: 'Or', operands, range: R })),
    fc.array(bool, { minLength: 2, maxLength: 3 }).map((operands): BoolExprNode => ({ kind: 'And', operands, range: R })),
    bool.map((operand): BoolExprNode => ({ kind: 'Not', operand, range: R })),
  );
  return {
    path: fc.oneof(
      fc
        .record({ context: lowerName, segments: fc.array(segment(keys), { minLength: 1, maxLength: 3 }) })
        .map((p): PathNode => ({ kind: 'Path', ...p, contextRange: R, range: R })),
      segment(keys).map((s): PathNode => ({ kind: 'Path', segments: [s], range: R })),
      fc
        .record({ first: segment(fc.array(key, { minLength: 1, maxLength: 2 })), rest: fc.array(segment(keys), { minLength: 1, maxLength: 2 }) })
        .map(({ first, rest }): PathNode => ({ kind: 'Path', segments: [first, ...rest], range: R })),
    ),
    converter,
    mathOperand: fc.oneof({ depthSize: 'small' }, intLiteral, floatLiteral, tie('path') as fc.Arbitrary<PathNode>, converter, math),
    keyValue: fc.oneof({ depthSize: 'small' }, stringLiteral, intLiteral, floatLiteral, tie('path') as fc.Arbitrary<PathNode>, converter, math),
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      stringLiteral,
      intLiteral,
      floatLiteral,
      otherLiteral,
      enumName.map((name): EnumNode => ({ kind: 'Enum', name, range: R })),
      tie('path') as fc.Arbitrary<PathNode>,
      converter,
      fc.array(value, { maxLength: 3 }).map((items): ValueNode => ({ kind: 'List', items, range: R })),
      fc
        .array(fc.record({ key: fc.string(), value }), { maxLength: 3 })
        .map((entries): ValueNode => ({ kind: 'Map', entries: entries.map((e) => ({ kind: 'MapEntry', ...e, keyRange: R, range: R })), range: R })),
      math,
    ),
    argument: fc
      .record({
        name: fc.option(lowerName, { nil: undefined }),
        value: fc.oneof(
          { depthSize: 'small' },
          value,
          functionName.map((name): FunctionNameNode => ({ kind: 'FunctionName', name, range: R })),
          tie('lambda') as fc.Arbitrary<LambdaNode>,
        ),
      })
      .map(({ name, value: v }): ArgumentNode => ({ kind: 'Argument', ...(name === undefined ? {} : { name, nameRange: R }), value: v, range: R })),
    lambda: fc
      .record({
        params: fc.array(fc.oneof(lowerName, fc.constant('_')), { maxLength: 3 }),
        body: fc.oneof(value, tie('lambdaCondition') as fc.Arbitrary<BoolExprNode>),
      })
      .map((l): LambdaNode => ({ kind: 'Lambda', ...l, paramRanges: l.params.map(() => R), range: R })),
    lambdaCondition: fc.oneof(comparison, logical),
    bool: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      comparison,
      fc.boolean().map((b): BoolExprNode => ({ kind: 'BoolConst', value: lit('bool', b), range: R })),
      converter.map((c): BoolExprNode => ({ kind: 'BoolConst', value: c, range: R })),
      logical,
    ),
  };
});

export const valueArb = trees.value;
export const conditionArb = trees.bool;
export const statementArb = fc
  .record({
    name: editorName,
    args: fc.array(trees.argument, { maxLength: 3 }),
    where: fc.option(trees.bool, { nil: undefined }),
  })
  .map(
    ({ name, args, where }): StatementNode => ({
      kind: 'Statement',
      editor: { kind: 'Call', name, nameRange: R, isEditor: true, args, keys: [], range: R },
      ...(where ? { where, whereRange: R } : {}),
      range: R,
    }),
  );

const POSITION_KEYS = new Set(['range', 'nameRange', 'opRange', 'keyRange', 'contextRange', 'whereRange', 'paramRanges', 'raw']);

/** The tree without ranges and raw spellings, for comparing parsed with generated ASTs. */
export function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object' || node instanceof Uint8Array) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (!POSITION_KEYS.has(k)) out[k] = strip(v);
  return out;
}

/**
 * Re-joins the tokens of `text` with arbitrary extra whitespace (never less than the text had).
 * Every inserted line break is followed by indentation, as rule files want for continuation lines.
 */
export function relayout(text: string, gaps: readonly string[]): string {
  const { tokens } = lex(text);
  let out = '';
  let end = 0;
  tokens.forEach((t, i) => {
    const original = text.slice(end, t.startOffset);
    const extra = gaps[i % Math.max(1, gaps.length)] ?? '';
    out += (original === '' ? extra : original + extra) + t.image;
    end = t.endOffset! + 1;
  });
  return out;
}

export const gapsArb = fc.array(fc.constantFrom('', ' ', '  ', '\t', '\n  ', ' \n    '), { minLength: 1, maxLength: 12 });
