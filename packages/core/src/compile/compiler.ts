/**
 * Compiles a checked AST into JS closures. Everything that does not depend on the item is done
 * once here: paths, enums and functions are resolved and created, literal-only subtrees are
 * folded into constants, and common shapes get specialised closures (`path == "literal"`,
 * `set(attributes["k"], "literal")`, literal-key attribute reads and writes, equality of two
 * operands the checker types as strings) that allocate nothing per item. Results and errors are exactly the reference interpreter's
 * ({@link ../interpret/interpreter.js}); a differential property test holds them together.
 */
import { PMap } from '@ottl/pdata';
import type { Analysis } from '../check/analysis.js';
import { isBoolExpr } from '../check/analysis.js';
import { applyKeysToValue, toPdataValue } from '../contexts/keys.js';
import { definition as setDefinition } from '../functions/editors/set.js';
import type {
  BoolExprNode,
  CallNode,
  ComparisonOp,
  KeyNode,
  LambdaNode,
  PathNode,
  StatementNode,
  ValueNode,
} from '../language/ast.js';
import {
  accessorOf,
  constantOf,
  converterBool,
  createInvocation,
  pathGetSetter,
  type ArgumentBackend,
  type BoolEvaluator,
  type Evaluator,
} from '../interpret/runtime.js';
import { compareValues } from '../types/compare.js';
import { applyMath } from '../types/math.js';
import type { CreateEnv, GetSetter, Lambda, TransformContext } from '../types/signature.js';
import type { Value } from '../types/values.js';

/** Runs one statement for one item; returns whether its where clause held. */
export type StatementEvaluator = (ctx: TransformContext) => boolean;

interface Frame {
  args: readonly Value[] | undefined;
}

/** `b op a` rewritten as `a op' b`. */
function flip(op: ComparisonOp): ComparisonOp {
  switch (op) {
    case '<':
      return '>';
    case '<=':
      return '>=';
    case '>':
      return '<';
    case '>=':
      return '<=';
    default:
      return op;
  }
}

/**
 * `value(ctx) op c` for a constant `c`, with fast paths where OTTL's comparison reduces to a JS
 * operator: a string equals only an equal string; a bigint compares with a bigint as in JS. Any
 * other pairing goes through {@link compareValues}.
 */
function againstConstant(value: Evaluator, c: Value, op: ComparisonOp): BoolEvaluator {
  if (typeof c === 'string' && (op === '==' || op === '!=')) {
    return op === '==' ? (ctx) => value(ctx) === c : (ctx) => value(ctx) !== c;
  }
  if (typeof c === 'bigint') {
    switch (op) {
      case '==':
        return (ctx) => {
          const v = value(ctx);
          return typeof v === 'bigint' ? v === c : compareValues(v, c, op);
        };
      case '!=':
        return (ctx) => {
          const v = value(ctx);
          return typeof v === 'bigint' ? v !== c : compareValues(v, c, op);
        };
      case '<':
        return (ctx) => {
          const v = value(ctx);
          return typeof v === 'bigint' ? v < c : compareValues(v, c, op);
        };
      case '<=':
        return (ctx) => {
          const v = value(ctx);
          return typeof v === 'bigint' ? v <= c : compareValues(v, c, op);
        };
      case '>':
        return (ctx) => {
          const v = value(ctx);
          return typeof v === 'bigint' ? v > c : compareValues(v, c, op);
        };
      case '>=':
        return (ctx) => {
          const v = value(ctx);
          return typeof v === 'bigint' ? v >= c : compareValues(v, c, op);
        };
    }
  }
  return (ctx) => compareValues(value(ctx), c, op);
}

export class Compiler implements ArgumentBackend {
  private readonly frames = new Map<LambdaNode, Frame>();

  constructor(
    private readonly analysis: Analysis,
    private readonly env: CreateEnv,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Statements and conditions

  statement(node: StatementNode): StatementEvaluator {
    const direct = this.directSet(node.editor);
    const editor = direct ? undefined : createInvocation(node.editor, this.analysis, this, this.env);
    const where = node.where ? this.bool(node.where) : undefined;
    if (direct) {
      const { setBound, value } = direct;
      if (!where) {
        return (ctx) => {
          setBound(ctx, value);
          return true;
        };
      }
      return (ctx) => {
        if (!where(ctx)) return false;
        setBound(ctx, value);
        return true;
      };
    }
    const run = editor!;
    if (!where) {
      return (ctx) => {
        run(ctx);
        return true;
      };
    }
    return (ctx) => {
      if (!where(ctx)) return false;
      run(ctx);
      return true;
    };
  }

  /**
   * `set(path, v)` where the path has a bound setter and `v` is a constant other than nil (or a map
   * literal of constants): a direct write, as the `set` editor would do it. The setter copies the
   * value into pdata, so a map template is never shared.
   */
  private directSet(call: CallNode): { setBound: (ctx: TransformContext, v: Value) => void; value: Value } | undefined {
    const info = this.analysis.calls.get(call);
    if (info?.def !== setDefinition || !info.bound) return undefined;
    const [targetArg, valueArg] = info.bound;
    if (targetArg?.value.kind !== 'Path' || !valueArg || valueArg.value.kind === 'FunctionName') return undefined;
    const setBound = accessorOf(targetArg.value, this.analysis).setBound;
    if (!setBound) return undefined;
    const value = this.constant(valueArg.value)?.value ?? this.constantMap(valueArg.value);
    return value === undefined || value === null ? undefined : { setBound, value };
  }

  /** A map literal whose values are all constants (nested map literals included), built once. */
  private constantMap(node: ValueNode): PMap | undefined {
    if (node.kind !== 'Map') return undefined;
    const map = new PMap();
    for (const e of node.entries) {
      const v = this.constant(e.value)?.value ?? this.constantMap(e.value);
      if (v === undefined) return undefined;
      map.set(e.key, toPdataValue(v));
    }
    return map;
  }

  bool(node: BoolExprNode): BoolEvaluator {
    const c = this.constantBool(node);
    if (c !== undefined) return c ? () => true : () => false;
    switch (node.kind) {
      case 'Or':
      case 'And': {
        const ops = this.liveOperands(node.operands, node.kind === 'Or').map((o) => this.bool(o));
        if (ops.length === 1) return ops[0]!;
        if (node.kind === 'Or') {
          if (ops.length === 2) {
            const [a, b] = ops as [BoolEvaluator, BoolEvaluator];
            return (ctx) => a(ctx) || b(ctx);
          }
          return (ctx) => {
            for (let i = 0; i < ops.length; i++) if (ops[i]!(ctx)) return true;
            return false;
          };
        }
        if (ops.length === 2) {
          const [a, b] = ops as [BoolEvaluator, BoolEvaluator];
          return (ctx) => a(ctx) && b(ctx);
        }
        return (ctx) => {
          for (let i = 0; i < ops.length; i++) if (!ops[i]!(ctx)) return false;
          return true;
        };
      }
      case 'Not': {
        const operand = this.bool(node.operand);
        return (ctx) => !operand(ctx);
      }
      case 'Comparison':
        return this.comparison(node.left, node.op, node.right);
      case 'BoolConst': {
        const value = this.value(node.value);
        return (ctx) => converterBool(value(ctx));
      }
    }
  }

  /**
   * The value of a boolean expression that is the same for every item and cannot fail: boolean
   * literals, comparisons of constants, `not` of one, and `and`/`or` whose operands up to the
   * deciding one are such constants.
   */
  private constantBool(node: BoolExprNode): boolean | undefined {
    switch (node.kind) {
      case 'BoolConst':
        return node.value.kind === 'Literal' ? (node.value.value as boolean) : undefined;
      case 'Comparison': {
        const l = this.constant(node.left);
        const r = l && this.constant(node.right);
        return l && r ? compareValues(l.value, r.value, node.op) : undefined;
      }
      case 'Not': {
        const v = this.constantBool(node.operand);
        return v === undefined ? undefined : !v;
      }
      case 'Or':
      case 'And': {
        const deciding = node.kind === 'Or';
        for (const o of node.operands) {
          const v = this.constantBool(o);
          if (v === undefined) return undefined;
          if (v === deciding) return deciding;
        }
        return !deciding;
      }
    }
  }

  /**
   * The operands of an `or` (`deciding` true) or `and` that can change its result, in order:
   * constants that do not decide are dropped, and nothing after a constant that decides runs.
   * Evaluation order is kept, so errors and short-circuits are the interpreter's.
   */
  private liveOperands(operands: readonly BoolExprNode[], deciding: boolean): BoolExprNode[] {
    const out: BoolExprNode[] = [];
    for (const o of operands) {
      const v = this.constantBool(o);
      if (v === !deciding) continue;
      out.push(o);
      if (v === deciding) break;
    }
    return out;
  }

  private comparison(leftNode: ValueNode, op: ComparisonOp, rightNode: ValueNode): BoolEvaluator {
    const lc = this.constant(leftNode);
    const rc = this.constant(rightNode);
    // One side constant (both constant is folded by constantBool): compare against it.
    if (lc) return againstConstant(this.value(rightNode), lc.value, flip(op));
    if (rc) return againstConstant(this.value(leftNode), rc.value, op);
    const left = this.value(leftNode);
    const right = this.value(rightNode);
    // Static types: two strings are equal exactly when they are the same string.
    const stringsOnly = this.analysis.typeOf(leftNode) === 'string' && this.analysis.typeOf(rightNode) === 'string';
    if (stringsOnly && op === '==') {
      return (ctx) => {
        const l = left(ctx);
        return l === right(ctx);
      };
    }
    if (stringsOnly && op === '!=') {
      return (ctx) => {
        const l = left(ctx);
        return l !== right(ctx);
      };
    }
    return (ctx) => {
      const l = left(ctx);
      return compareValues(l, right(ctx), op);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Values

  /**
   * The value of a subtree that is the same for every item: literals, enums, and arithmetic on
   * them when it succeeds. Lists and maps are not constants (each evaluation builds a new one).
   */
  constant(node: ValueNode): { value: Value } | undefined {
    const c = constantOf(node, this.analysis);
    if (c || node.kind !== 'Math') return c;
    const left = this.constant(node.left);
    const right = left && this.constant(node.right);
    if (!left || !right) return undefined;
    try {
      return { value: applyMath(left.value, node.op, right.value) };
    } catch {
      return undefined;
    }
  }

  value(node: ValueNode): Evaluator {
    const c = this.constant(node);
    if (c) {
      const v = c.value;
      return () => v;
    }
    switch (node.kind) {
      case 'Literal':
      case 'Enum':
        throw new Error('internal error: unresolved constant');
      case 'Path':
        return this.pathValue(node);
      case 'Call': {
        const invocation = createInvocation(node, this.analysis, this, this.env);
        if (node.keys.length === 0) return invocation;
        const keys = this.keys(node.keys);
        return (ctx) => applyKeysToValue(invocation(ctx), keys(ctx));
      }
      case 'List': {
        const items = node.items.map((i) => this.value(i));
        return (ctx) => {
          const out = new Array<Value>(items.length);
          for (let i = 0; i < items.length; i++) out[i] = items[i]!(ctx);
          return out;
        };
      }
      case 'Map': {
        const keys = node.entries.map((e) => e.key);
        const values = node.entries.map((e) => this.value(e.value));
        return (ctx) => {
          const map = new PMap();
          for (let i = 0; i < keys.length; i++) map.set(keys[i]!, toPdataValue(values[i]!(ctx)));
          return map;
        };
      }
      case 'Math': {
        const left = this.value(node.left);
        const right = this.value(node.right);
        const op = node.op;
        return (ctx) => {
          const l = left(ctx);
          return applyMath(l, op, right(ctx));
        };
      }
      case 'Lambda':
        throw new Error('internal error: a lambda outside a lambda parameter');
    }
  }

  /** Evaluates keys into a fresh array (constant keys are folded). */
  private keys(keys: readonly KeyNode[]): (ctx: TransformContext) => Value[] {
    const evaluators = keys.map((k) => this.value(k.value));
    const constants = keys.map((k) => this.constant(k.value));
    if (constants.every((c) => c !== undefined)) {
      const values = constants.map((c) => c!.value);
      return () => values;
    }
    return (ctx) => {
      const out = new Array<Value>(evaluators.length);
      for (let i = 0; i < evaluators.length; i++) out[i] = evaluators[i]!(ctx);
      return out;
    };
  }

  private pathValue(node: PathNode): Evaluator {
    const ref = this.analysis.lambdaRefs.get(node);
    if (ref) {
      const frame = this.frame(ref.lambda);
      const index = ref.index;
      const keyNodes = node.segments[0]!.keys;
      if (keyNodes.length === 0) return () => frame.args?.[index] ?? null;
      const keys = this.keys(keyNodes);
      return (ctx) => applyKeysToValue(frame.args?.[index] ?? null, keys(ctx));
    }
    const accessor = accessorOf(node, this.analysis);
    if (accessor.getBound) return accessor.getBound;
    const keys = this.keys(accessor.keys);
    return (ctx) => accessor.get(ctx, keys(ctx));
  }

  // ---------------------------------------------------------------------------------------------
  // ArgumentBackend

  path(node: PathNode): GetSetter {
    const accessor = accessorOf(node, this.analysis);
    return pathGetSetter(
      accessor,
      accessor.keys.map((k) => this.value(k.value)),
    );
  }

  private frame(node: LambdaNode): Frame {
    let frame = this.frames.get(node);
    if (!frame) {
      frame = { args: undefined };
      this.frames.set(node, frame);
    }
    return frame;
  }

  lambda(node: LambdaNode): Lambda {
    const frame = this.frame(node);
    const body: Evaluator = isBoolExpr(node.body) ? this.bool(node.body) : this.value(node.body);
    return {
      params: node.params,
      call: (ctx, args) => {
        const saved = frame.args;
        frame.args = args;
        try {
          return body(ctx);
        } finally {
          frame.args = saved;
        }
      },
    };
  }
}
