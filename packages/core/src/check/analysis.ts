/**
 * Semantic analysis of one parsed statement, condition or value expression: resolves paths,
 * enums, function names and lambda parameters, binds call arguments to parameters, and infers
 * static types. It records facts in side tables keyed by AST node and never reports anything
 * itself: the checker's rules turn the facts into diagnostics, and the interpreter and compiler
 * build code from them. The analysis never throws on user input.
 */
import type { ContextSchema, PathResolution } from '../types/context.js';
import type {
  ArgumentNode,
  BoolConstNode,
  BoolExprNode,
  CallNode,
  ComparisonNode,
  EnumNode,
  LambdaNode,
  MathNode,
  PathNode,
  StatementNode,
  ValueNode,
} from '../language/ast.js';
import type { FunctionDef, OttlType, ParamDef } from '../types/signature.js';
import { toCamel } from './names.js';

export type CheckKind = 'statement' | 'condition' | 'value';
export type AnalyzedRoot = StatementNode | BoolExprNode | ValueNode;

/** The feature gate that enables lambda arguments. */
export const LAMBDA_GATE = 'ottl.functions.enableLambda';

export interface AnalyzeOptions {
  /** The functions callable here, by exact name. */
  readonly functions: ReadonlyMap<string, FunctionDef>;
  /** The context paths and enums resolve against; absent: no path or enum resolves. */
  readonly schema?: ContextSchema;
  /** Paths must carry a context prefix (`log.body`) — the new mode; false: legacy. */
  readonly prefixed: boolean;
  readonly featureGates: ReadonlySet<string>;
}

/** Why arguments could not be bound to a function's parameters (upstream's binding rules). */
export type BindProblem =
  | { readonly kind: 'positional-after-named'; readonly arg: ArgumentNode }
  | { readonly kind: 'arity'; readonly expected: number; readonly required: number; readonly received: number }
  | { readonly kind: 'unknown-argument'; readonly arg: ArgumentNode }
  | { readonly kind: 'duplicate-argument'; readonly arg: ArgumentNode; readonly param: ParamDef }
  | { readonly kind: 'missing-argument'; readonly param: ParamDef };

export interface CallInfo {
  /** The called function; absent when the name is not registered. */
  readonly def?: FunctionDef;
  /** Per parameter, in parameter order, the argument bound to it; present when binding succeeded. */
  readonly bound?: readonly (ArgumentNode | undefined)[];
  readonly problems: readonly BindProblem[];
}

/** A lambda parameter reference: a one-segment path naming a parameter of an enclosing lambda. */
export interface LambdaRef {
  readonly lambda: LambdaNode;
  readonly index: number;
}

/** How a call argument is used, decided by the parameter it binds to. */
export type ArgumentRole = ParamDef['kind']['kind'] | 'unbound';

export interface Analysis {
  readonly root: AnalyzedRoot;
  readonly kind: CheckKind;
  readonly options: AnalyzeOptions;
  /** Every path that is not a lambda parameter reference, with its resolution. */
  readonly paths: ReadonlyMap<PathNode, PathResolution>;
  readonly lambdaRefs: ReadonlyMap<PathNode, LambdaRef>;
  readonly calls: ReadonlyMap<CallNode, CallInfo>;
  /** Enums in value position (not function names), with their value when the context knows them. */
  readonly enums: ReadonlyMap<EnumNode, bigint | undefined>;
  /** Arguments naming a function (function-kind parameters), with the converter when it exists. */
  readonly functionRefs: ReadonlyMap<ArgumentNode, FunctionDef | undefined>;
  readonly roles: ReadonlyMap<ArgumentNode, ArgumentRole>;
  /** Every comparison, boolean constant and lambda, in source order. */
  readonly comparisons: readonly ComparisonNode[];
  readonly boolConsts: readonly BoolConstNode[];
  readonly lambdas: readonly LambdaNode[];
  readonly maths: readonly MathNode[];
  /** Calls in value position (converter calls, including nested ones); the statement head is not one. */
  readonly valueCalls: readonly CallNode[];
  /** The static type of every value node (`any` when it depends on data). */
  typeOf(node: ValueNode): OttlType;
}

/**
 * Binds `args` to `params` (reference §5.2): named arguments after positional ones; the count
 * between the number of required parameters and the number of parameters; positional argument i
 * binds parameter i; a named argument binds the parameter whose name has the same CamelCase form.
 * Stricter than upstream: binding one parameter twice, or leaving a required one unbound, fails.
 */
export function bindArguments(
  params: readonly ParamDef[],
  args: readonly ArgumentNode[],
): { bound?: (ArgumentNode | undefined)[]; problems: BindProblem[] } {
  let seenNamed = false;
  for (const arg of args) {
    if (arg.name !== undefined) seenNamed = true;
    else if (seenNamed) return { problems: [{ kind: 'positional-after-named', arg }] };
  }
  const required = params.filter((p) => !p.optional).length;
  if (args.length < required || args.length > params.length) {
    return { problems: [{ kind: 'arity', expected: params.length, required, received: args.length }] };
  }
  const problems: BindProblem[] = [];
  const bound: (ArgumentNode | undefined)[] = params.map(() => undefined);
  args.forEach((arg, i) => {
    let index = i;
    if (arg.name !== undefined) {
      const camel = toCamel(arg.name);
      index = params.findIndex((p) => toCamel(p.name) === camel);
      if (index < 0) {
        problems.push({ kind: 'unknown-argument', arg });
        return;
      }
    }
    if (bound[index] !== undefined) problems.push({ kind: 'duplicate-argument', arg, param: params[index]! });
    else bound[index] = arg;
  });
  params.forEach((p, i) => {
    if (!p.optional && bound[i] === undefined && !problems.some((x) => x.kind === 'unknown-argument')) {
      problems.push({ kind: 'missing-argument', param: p });
    }
  });
  return problems.length > 0 ? { problems } : { bound, problems };
}

const NUMERIC = new Set<OttlType>(['int', 'float']);

/** The static result type of `left op right` (reference §4.5); `any` when it depends on data. */
export function mathResultType(left: OttlType, op: string, right: OttlType): OttlType {
  if (NUMERIC.has(left) && NUMERIC.has(right)) return left === 'int' && right === 'int' ? 'int' : 'float';
  if (op === '+' || op === '-') {
    if (left === 'time' && right === 'time' && op === '-') return 'duration';
    if (left === 'time' && right === 'duration') return 'time';
    if (left === 'duration' && right === 'duration') return 'duration';
    if (left === 'duration' && right === 'time' && op === '+') return 'time';
  }
  return 'any';
}

/** Analyses `root` (a statement, a condition or a value expression). */
export function analyze(root: AnalyzedRoot, kind: CheckKind, options: AnalyzeOptions): Analysis {
  const paths = new Map<PathNode, PathResolution>();
  const lambdaRefs = new Map<PathNode, LambdaRef>();
  const calls = new Map<CallNode, CallInfo>();
  const enums = new Map<EnumNode, bigint | undefined>();
  const functionRefs = new Map<ArgumentNode, FunctionDef | undefined>();
  const roles = new Map<ArgumentNode, ArgumentRole>();
  const types = new Map<ValueNode, OttlType>();
  const comparisons: ComparisonNode[] = [];
  const boolConsts: BoolConstNode[] = [];
  const lambdas: LambdaNode[] = [];
  const maths: MathNode[] = [];
  const valueCalls: CallNode[] = [];
  /** Enclosing lambdas, innermost last. */
  const scopes: LambdaNode[] = [];

  function lambdaRefOf(path: PathNode): LambdaRef | undefined {
    if (path.context !== undefined || path.segments.length !== 1) return undefined;
    const name = path.segments[0]!.name;
    if (name === '_') return undefined;
    for (let s = scopes.length - 1; s >= 0; s--) {
      const index = scopes[s]!.params.indexOf(name);
      if (index >= 0) return { lambda: scopes[s]!, index };
    }
    return undefined;
  }

  function visitPath(path: PathNode): void {
    const ref = lambdaRefOf(path);
    if (ref) lambdaRefs.set(path, ref);
    else if (options.schema) paths.set(path, options.schema.resolvePath(path, { prefixed: options.prefixed }));
    else paths.set(path, { diagnostics: [] });
    for (const seg of path.segments) for (const key of seg.keys) visitValue(key.value);
  }

  function visitValue(node: ValueNode): void {
    switch (node.kind) {
      case 'Literal':
        return;
      case 'Path':
        return visitPath(node);
      case 'Enum':
        enums.set(node, options.schema?.enums.get(node.name));
        return;
      case 'Call':
        valueCalls.push(node);
        visitCall(node);
        for (const key of node.keys) visitValue(key.value);
        return;
      case 'List':
        node.items.forEach(visitValue);
        return;
      case 'Map':
        for (const e of node.entries) visitValue(e.value);
        return;
      case 'Math':
        maths.push(node);
        visitValue(node.left);
        visitValue(node.right);
        return;
      case 'Lambda':
        visitLambda(node);
        return;
    }
  }

  function visitLambda(node: LambdaNode): void {
    lambdas.push(node);
    scopes.push(node);
    if (isBoolExpr(node.body)) visitBool(node.body);
    else visitValue(node.body);
    scopes.pop();
  }

  function visitArgument(arg: ArgumentNode, param: ParamDef | undefined): void {
    const role: ArgumentRole = param ? param.kind.kind : 'unbound';
    roles.set(arg, role);
    const v = arg.value;
    if (role === 'function') {
      const name = v.kind === 'FunctionName' || v.kind === 'Enum' ? v.name : undefined;
      const def = name === undefined ? undefined : options.functions.get(name);
      functionRefs.set(arg, def && isConverterName(def.name) ? def : undefined);
      return;
    }
    if (v.kind === 'FunctionName') return;
    visitValue(v);
  }

  function visitCall(call: CallNode): void {
    const def = options.functions.get(call.name);
    if (!def) {
      calls.set(call, { problems: [] });
      for (const arg of call.args) visitArgument(arg, undefined);
      return;
    }
    const { bound, problems } = bindArguments(def.params, call.args);
    calls.set(call, bound ? { def, bound, problems } : { def, problems });
    for (const arg of call.args) {
      const index = bound ? bound.indexOf(arg) : -1;
      visitArgument(arg, index >= 0 ? def.params[index] : undefined);
    }
  }

  function visitBool(node: BoolExprNode): void {
    switch (node.kind) {
      case 'Or':
      case 'And':
        node.operands.forEach(visitBool);
        return;
      case 'Not':
        return visitBool(node.operand);
      case 'Comparison':
        comparisons.push(node);
        visitValue(node.left);
        visitValue(node.right);
        return;
      case 'BoolConst':
        boolConsts.push(node);
        return visitValue(node.value);
    }
  }

  if (root.kind === 'Statement') {
    visitCall(root.editor);
    if (root.where) visitBool(root.where);
  } else if (isBoolExpr(root) && kind === 'condition') {
    visitBool(root);
  } else {
    visitValue(root as ValueNode);
  }

  function typeOf(node: ValueNode): OttlType {
    const known = types.get(node);
    if (known !== undefined) return known;
    const t = computeType(node);
    types.set(node, t);
    return t;
  }

  function computeType(node: ValueNode): OttlType {
    switch (node.kind) {
      case 'Literal':
        return node.type;
      case 'Path': {
        if (lambdaRefs.has(node)) return 'any';
        return paths.get(node)?.accessor?.type ?? 'any';
      }
      case 'Enum':
        return 'int';
      case 'Call': {
        if (node.keys.length > 0) return 'any';
        const def = calls.get(node)?.def;
        return def && def.returns !== 'void' ? def.returns : 'any';
      }
      case 'List':
        return 'list';
      case 'Map':
        return 'map';
      case 'Math':
        return mathResultType(typeOf(node.left), node.op, typeOf(node.right));
      case 'Lambda':
        return 'any';
    }
  }

  return {
    root,
    kind,
    options,
    paths,
    lambdaRefs,
    calls,
    enums,
    functionRefs,
    roles,
    comparisons,
    boolConsts,
    lambdas,
    maths,
    valueCalls,
    typeOf,
  };
}

const BOOL_KINDS = new Set(['Or', 'And', 'Not', 'Comparison', 'BoolConst']);

export function isBoolExpr(node: { readonly kind: string }): node is BoolExprNode {
  return BOOL_KINDS.has(node.kind);
}

/** Converters start with an upper-case letter; editors with a lower-case one. */
export function isConverterName(name: string): boolean {
  const c = name.charAt(0);
  return c >= 'A' && c <= 'Z';
}
