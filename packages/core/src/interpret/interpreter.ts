/**
 * The reference evaluator: walks the AST for every item and reads like the specification
 * (reference §4). It shares argument binding and path access with the compiler
 * ({@link ./runtime.js}); the compiler must agree with it exactly.
 *
 * Requesting a closure creates the functions it calls once (so creation errors surface at compile
 * time as {@link FunctionCreateError}); evaluation throws OttlError for runtime errors.
 */
import type { Analysis } from '../check/analysis.js';
import { isBoolExpr } from '../check/analysis.js';
import { applyKeysToValue, toPdataValue } from '../contexts/keys.js';
import type {
  BoolExprNode,
  CallNode,
  KeyNode,
  LambdaNode,
  PathNode,
  StatementNode,
  ValueNode,
} from '../language/ast.js';
import { PMap } from '@ottl/pdata';
import { compareValues } from '../types/compare.js';
import { applyMath } from '../types/math.js';
import type { CreateEnv, GetSetter, Invocation, Lambda, TransformContext } from '../types/signature.js';
import type { Value } from '../types/values.js';
import {
  accessorOf,
  converterBool,
  createInvocation,
  pathGetSetter,
  type ArgumentBackend,
  type BoolEvaluator,
  type Evaluator,
} from './runtime.js';

export class Interpreter implements ArgumentBackend {
  private readonly invocations = new Map<CallNode, Invocation>();
  /** The arguments of the innermost running call of each lambda. */
  private readonly frames = new Map<LambdaNode, readonly Value[]>();

  /**
   * Functions are created when the statement, condition or value closure is requested, in the
   * compiler's order (arguments before their call, a call before its keys, editor before where
   * clause), so both report the same creation error first.
   */
  constructor(
    private readonly analysis: Analysis,
    private readonly env: CreateEnv,
  ) {}

  // Closures over the tree walk (the same shape the compiler produces).
  statement(node: StatementNode): (ctx: TransformContext) => boolean {
    this.prepareCall(node.editor);
    if (node.where) this.prepareBool(node.where);
    return (ctx) => this.execStatement(node, ctx);
  }

  bool(node: BoolExprNode): BoolEvaluator {
    this.prepareBool(node);
    return (ctx) => this.evalBool(node, ctx);
  }

  value(node: ValueNode): Evaluator {
    this.prepare(node);
    return (ctx) => this.evalValue(node, ctx);
  }

  private prepareCall(call: CallNode): void {
    if (!this.invocations.has(call)) this.invocations.set(call, createInvocation(call, this.analysis, this, this.env));
  }

  private prepare(node: ValueNode): void {
    switch (node.kind) {
      case 'Call':
        this.prepareCall(node);
        for (const k of node.keys) this.prepare(k.value);
        return;
      case 'Path':
        for (const seg of node.segments) for (const k of seg.keys) this.prepare(k.value);
        return;
      case 'List':
        node.items.forEach((i) => this.prepare(i));
        return;
      case 'Map':
        node.entries.forEach((e) => this.prepare(e.value));
        return;
      case 'Math':
        this.prepare(node.left);
        this.prepare(node.right);
        return;
      case 'Lambda':
        if (isBoolExpr(node.body)) this.prepareBool(node.body);
        else this.prepare(node.body);
        return;
      case 'Literal':
      case 'Enum':
        return;
    }
  }

  private prepareBool(node: BoolExprNode): void {
    switch (node.kind) {
      case 'Or':
      case 'And':
        node.operands.forEach((o) => this.prepareBool(o));
        return;
      case 'Not':
        return this.prepareBool(node.operand);
      case 'Comparison':
        this.prepare(node.left);
        this.prepare(node.right);
        return;
      case 'BoolConst':
        return this.prepare(node.value);
    }
  }

  lambda(node: LambdaNode): Lambda {
    this.prepare(node);
    return {
      params: node.params,
      call: (ctx, args) => {
        const saved = this.frames.get(node);
        this.frames.set(node, args);
        try {
          return isBoolExpr(node.body) ? this.evalBool(node.body, ctx) : this.evalValue(node.body, ctx);
        } finally {
          if (saved === undefined) this.frames.delete(node);
          else this.frames.set(node, saved);
        }
      },
    };
  }

  path(node: PathNode): GetSetter {
    const accessor = accessorOf(node, this.analysis);
    return pathGetSetter(
      accessor,
      accessor.keys.map((k) => this.value(k.value)),
    );
  }

  /** Runs a statement (§4.2): the where clause, then the editor when it holds. Returns whether it held. */
  execStatement(node: StatementNode, ctx: TransformContext): boolean {
    if (node.where && !this.evalBool(node.where, ctx)) return false;
    this.invocations.get(node.editor)!(ctx);
    return true;
  }

  /** Evaluates a boolean expression (§4.2): `and`/`or` short-circuit left to right; no truthiness. */
  evalBool(node: BoolExprNode, ctx: TransformContext): boolean {
    switch (node.kind) {
      case 'Or':
        for (const operand of node.operands) if (this.evalBool(operand, ctx)) return true;
        return false;
      case 'And':
        for (const operand of node.operands) if (!this.evalBool(operand, ctx)) return false;
        return true;
      case 'Not':
        return !this.evalBool(node.operand, ctx);
      case 'Comparison': {
        const left = this.evalValue(node.left, ctx);
        const right = this.evalValue(node.right, ctx);
        return compareValues(left, right, node.op);
      }
      case 'BoolConst':
        if (node.value.kind === 'Literal') return node.value.value as boolean;
        return converterBool(this.evalValue(node.value, ctx));
    }
  }

  /** Evaluates a value expression (§3.4, §4.5–4.7). */
  evalValue(node: ValueNode, ctx: TransformContext): Value {
    switch (node.kind) {
      case 'Literal':
        return node.value;
      case 'Enum':
        return this.analysis.enums.get(node)!;
      case 'Path':
        return this.evalPath(node, ctx);
      case 'Call': {
        const result = this.invocations.get(node)!(ctx);
        return node.keys.length === 0 ? result : applyKeysToValue(result, this.evalKeys(node.keys, ctx));
      }
      case 'List':
        return node.items.map((item) => this.evalValue(item, ctx));
      case 'Map': {
        const map = new PMap();
        for (const entry of node.entries) map.set(entry.key, toPdataValue(this.evalValue(entry.value, ctx)));
        return map;
      }
      case 'Math': {
        const left = this.evalValue(node.left, ctx);
        const right = this.evalValue(node.right, ctx);
        return applyMath(left, node.op, right);
      }
      case 'Lambda':
        throw new Error('internal error: a lambda outside a lambda parameter');
    }
  }

  private evalKeys(keys: readonly KeyNode[], ctx: TransformContext): Value[] {
    return keys.map((k) => this.evalValue(k.value, ctx));
  }

  private evalPath(node: PathNode, ctx: TransformContext): Value {
    const ref = this.analysis.lambdaRefs.get(node);
    if (ref) {
      const value = this.frames.get(ref.lambda)?.[ref.index] ?? null;
      const keys = node.segments[0]!.keys;
      return keys.length === 0 ? value : applyKeysToValue(value, this.evalKeys(keys, ctx));
    }
    const accessor = accessorOf(node, this.analysis);
    return accessor.get(ctx, this.evalKeys(accessor.keys, ctx));
  }
}
