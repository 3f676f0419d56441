/**
 * The pieces the reference interpreter and the compiler share, so both run functions, paths and
 * lambdas identically: binding call arguments to a function's parameters (typed getters with
 * their coercions, literals, enums, function names, lambdas, paths), creating the function once
 * per call site, and reading and writing resolved paths.
 */
import type { PathAccessor } from '../contexts/types.js';
import type { Analysis } from '../check/analysis.js';
import { literalArgument, literalListArgument } from '../check/params.js';
import type {
  ArgumentNode,
  CallNode,
  LambdaNode,
  PathNode,
  ValueNode,
} from '../language/ast.js';
import {
  expectBool,
  expectDuration,
  expectFloat,
  expectInt,
  expectMap,
  expectString,
  expectTime,
  goFmtType,
  toBoolLike,
  toBytesLike,
  toFloatLike,
  toIntLike,
  toStringLike,
} from '../types/convert.js';
import type {
  BoundArg,
  CreateEnv,
  FunctionDef,
  FunctionRef,
  GetSetter,
  Getter,
  GetterType,
  Invocation,
  Lambda,
  ParamDef,
  TransformContext,
} from '../types/signature.js';
import { OttlError, type Value } from '../types/values.js';

/** Evaluates one value expression for one item. */
export type Evaluator = (ctx: TransformContext) => Value;
/** Evaluates one boolean expression for one item. */
export type BoolEvaluator = (ctx: TransformContext) => boolean;

/** What a backend (interpreter or compiler) provides to bind arguments. */
export interface ArgumentBackend {
  value(node: ValueNode): Evaluator;
  lambda(node: LambdaNode): Lambda;
  path(node: PathNode): GetSetter;
}

/**
 * A function rejected its arguments when it was created: carries the call (or function-name
 * argument) whose creation failed and the function's error. The engine turns it into a diagnostic.
 */
export class FunctionCreateError extends Error {
  override readonly name = 'FunctionCreateError';
  constructor(
    readonly node: CallNode | ArgumentNode,
    readonly functionName: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

const COERCIONS: { readonly [K in GetterType]: ((v: Value) => Value) | undefined } = {
  any: undefined,
  string: expectString,
  int: expectInt,
  float: expectFloat,
  bool: expectBool,
  map: expectMap,
  time: expectTime,
  duration: expectDuration,
  stringlike: toStringLike,
  intlike: toIntLike,
  floatlike: toFloatLike,
  boollike: toBoolLike,
  byteslike: toBytesLike,
};

/** The compile-time value of a literal or enum node; undefined for anything else. */
export function constantOf(node: ValueNode, analysis: Analysis): { value: Value } | undefined {
  if (node.kind === 'Literal') return { value: node.value };
  if (node.kind === 'Enum') {
    const v = analysis.enums.get(node);
    return v === undefined ? undefined : { value: v };
  }
  return undefined;
}

/**
 * A getter applying `type`'s coercion (reference §4.8) to `evaluate`'s result. When `node` is a
 * literal (or enum) whose coercion succeeds, the getter is constant and carries `literal`; a
 * coercion that fails is left to fail on every evaluation, as upstream does.
 */
export function typedGetter(node: ValueNode, evaluate: Evaluator, type: GetterType, analysis: Analysis): Getter {
  const coerce = COERCIONS[type];
  const constant = constantOf(node, analysis);
  if (constant) {
    let value: Value | undefined;
    try {
      value = coerce ? coerce(constant.value) : constant.value;
    } catch {
      value = undefined;
    }
    if (value !== undefined) {
      const v = value;
      return { get: () => v, literal: { value: v } };
    }
  }
  if (!coerce) return { get: evaluate };
  return { get: (ctx) => coerce(evaluate(ctx)) };
}

/**
 * A converter passed by name: created once, with each getter parameter reading the argument
 * given to `call` at that position (coerced per its type); non-getter parameters are omitted.
 */
function functionRef(def: FunctionDef, arg: ArgumentNode, env: CreateEnv): FunctionRef {
  let current: readonly Value[] = [];
  const args: BoundArg[] = def.params.map((p, i) => {
    if (p.kind.kind !== 'getter') return undefined;
    const coerce = COERCIONS[p.kind.type];
    return { get: coerce ? () => coerce(current[i] ?? null) : () => current[i] ?? null } satisfies Getter;
  });
  let invocation: Invocation;
  try {
    invocation = def.create(args, env);
  } catch (e) {
    throw new FunctionCreateError(arg, def.name, e);
  }
  return {
    name: def.name,
    call(ctx, values) {
      const saved = current;
      current = values;
      try {
        return invocation(ctx);
      } finally {
        current = saved;
      }
    },
  };
}

function bindArgument(param: ParamDef, arg: ArgumentNode, analysis: Analysis, backend: ArgumentBackend, env: CreateEnv): BoundArg {
  const node = arg.value;
  const kind = param.kind;
  switch (kind.kind) {
    case 'getter':
      return typedGetter(node as ValueNode, backend.value(node as ValueNode), kind.type, analysis);
    case 'getsetter':
      return backend.path(node as PathNode);
    case 'literal':
      return literalArgument(node, kind.type);
    case 'literalList':
      return literalListArgument(node, kind.type);
    case 'getterList':
      if (node.kind !== 'List') return undefined;
      return node.items.map((item) => typedGetter(item, backend.value(item), kind.type, analysis));
    case 'enum':
      return node.kind === 'Enum' ? analysis.enums.get(node) : undefined;
    case 'function':
      return functionRef(analysis.functionRefs.get(arg)!, arg, env);
    case 'lambda':
      return backend.lambda(node as LambdaNode);
  }
}

/**
 * Creates the function a checked call names, with its arguments bound; throws
 * {@link FunctionCreateError} when the function rejects them. Requires an analysis without errors.
 */
export function createInvocation(call: CallNode, analysis: Analysis, backend: ArgumentBackend, env: CreateEnv): Invocation {
  const info = analysis.calls.get(call);
  if (!info?.def || !info.bound) throw new Error(`internal error: call to ${call.name} was not bound`);
  const def = info.def;
  const args = def.params.map((p, i) => {
    const arg = info.bound![i];
    return arg === undefined ? undefined : bindArgument(p, arg, analysis, backend, env);
  });
  try {
    return def.create(args, env);
  } catch (e) {
    throw new FunctionCreateError(call, def.name, e);
  }
}

/** The checked path's accessor; requires an analysis without errors. */
export function accessorOf(path: PathNode, analysis: Analysis): PathAccessor {
  const accessor = analysis.paths.get(path)?.accessor;
  if (!accessor) throw new Error('internal error: path was not resolved');
  return accessor;
}

/** A path bound for reading and writing, its keys evaluated by `keyEvaluators` on each access. */
export function pathGetSetter(accessor: PathAccessor, keyEvaluators: readonly Evaluator[]): GetSetter {
  const text = accessor.text;
  if (accessor.getBound && accessor.setBound) return { text, get: accessor.getBound, set: accessor.setBound };
  const keysOf = (ctx: TransformContext): Value[] => keyEvaluators.map((k) => k(ctx));
  return {
    text,
    get: (ctx) => accessor.get(ctx, keysOf(ctx)),
    set: (ctx, value) => accessor.set(ctx, keysOf(ctx), value),
  };
}

/** The boolean a converter used as a whole condition must return. */
export function converterBool(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  throw new OttlError(
    `value returned from Converter in constant expression must be bool but got ${goFmtType(v)}`,
  );
}
