/**
 * Compiles a checked AST into JS closures. Everything that does not depend on the item is done
 * once here: paths, enums and functions are resolved and created, literal-only subtrees are
 * folded into constants, and common shapes get specialised closures (`path == "literal"`,
 * `set(attributes["k"], "literal")`, literal-key attribute reads and writes) that allocate
 * nothing per item. Results and errors are exactly the reference interpreter's
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

export class Compiler implements ArgumentBackend {
  private readonly frames = new Map<LambdaNode, Frame>();

  constructor(
    private readonly analysis: Analysis,
    private readonly env: CreateEnv,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Statements and conditions

  statement(node: StatementNode): StatementEvaluator {
    const editor = this.editorCall(node.editor);
    if (!node.where) {
      return (ctx) => {
        editor(ctx);
        return true;
      };
    }
    const where = this.bool(node.where);
    return (ctx) => {
      if (!where(ctx)) return false;
      editor(ctx);
      return true;
    };
  }

  /** The editor's invocation, or a direct write for `set(path, <constant other than nil>)`. */
  private editorCall(call: CallNode): (ctx: TransformContext) => void {
    const info = this.analysis.calls.get(call);
    if (info?.def === setDefinition && info.bound) {
      const [targetArg, valueArg] = info.bound;
      const constant = valueArg && valueArg.value.kind !== 'FunctionName' ? this.constant(valueArg.value) : undefined;
      if (targetArg?.value.kind === 'Path' && constant && constant.value !== null) {
        const accessor = accessorOf(targetArg.value, this.analysis);
        const value = constant.value;
        if (accessor.setBound) {
          const setBound = accessor.setBound;
          return (ctx) => setBound(ctx, value);
        }
      }
    }
    return createInvocation(call, this.analysis, this, this.env);
  }

  bool(node: BoolExprNode): BoolEvaluator {
    switch (node.kind) {
      case 'Or': {
        const ops = node.operands.map((o) => this.bool(o));
        if (ops.length === 2) {
          const [a, b] = ops as [BoolEvaluator, BoolEvaluator];
          return (ctx) => a(ctx) || b(ctx);
        }
        return (ctx) => {
          for (let i = 0; i < ops.length; i++) if (ops[i]!(ctx)) return true;
          return false;
        };
      }
      case 'And': {
        const ops = node.operands.map((o) => this.bool(o));
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
        if (node.value.kind === 'Literal') {
          const b = node.value.value as boolean;
          return () => b;
        }
        const value = this.value(node.value);
        return (ctx) => converterBool(value(ctx));
      }
    }
  }

  private comparison(leftNode: ValueNode, op: ComparisonOp, rightNode: ValueNode): BoolEvaluator {
    const lc = this.constant(leftNode);
    const rc = this.constant(rightNode);
    if (lc && rc) {
      const result = compareValues(lc.value, rc.value, op);
      return () => result;
    }
    // One side constant: compare against it without re-evaluating it.
    if (lc || rc) {
      const c = (lc ?? rc)!.value;
      const other = this.value(lc ? rightNode : leftNode);
      if ((op === '==' || op === '!=') && typeof c === 'string') {
        // Only an equal string is equal to a string.
        return op === '==' ? (ctx) => other(ctx) === c : (ctx) => other(ctx) !== c;
      }
      return lc ? (ctx) => compareValues(c, other(ctx), op) : (ctx) => compareValues(other(ctx), c, op);
    }
    const left = this.value(leftNode);
    const right = this.value(rightNode);
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
