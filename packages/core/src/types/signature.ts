/**
 * Function signatures: the one description of every editor and converter, shared by the checker,
 * the interpreter, the compiler, the CLI's docs command and the language service.
 *
 * A function is created once per call site (at compile time) with its bound arguments, and returns
 * an {@link Invocation} that runs once per telemetry item.
 */
import type { PMap } from '@ottl/pdata';
import type { Value } from './values.js';

export type ContextName =
  | 'resource'
  | 'scope'
  | 'span'
  | 'spanevent'
  | 'spanlink'
  | 'metric'
  | 'datapoint'
  | 'exemplar'
  | 'log'
  | 'profile'
  | 'profilesample';

/**
 * The item being processed plus its ancestors. Contexts fill in what they have; functions that need
 * a specific item (e.g. `IsRootSpan` the span, metric functions the metric and its siblings) declare
 * the contexts they work in ({@link FunctionDef.contexts}).
 */
export interface TransformContext {
  readonly context: ContextName;
  /** Per-item scratch map (`cache` paths); fresh for every item. */
  readonly cache: PMap;
  /** The pdata objects in scope; typed loosely here, precisely in `contexts/`. */
  readonly [item: string]: unknown;
}

/** The static types the checker reasons about. `any` is unknown until run time. */
export type OttlType =
  | 'any'
  | 'nil'
  | 'string'
  | 'int'
  | 'float'
  | 'bool'
  | 'bytes'
  | 'map'
  | 'list'
  | 'time'
  | 'duration'
  | 'traceid'
  | 'spanid'
  | 'profileid'
  | 'opaque'
  | 'void';

/**
 * Getter kinds (upstream's typed getters, reference §4.8). The engine applies the coercion before
 * the function sees the value:
 * - `any`: as is. `string|int|float|bool|map|time|duration`: strict, else OttlTypeError (a map also
 *   accepts a plain JS object); `map` yields a PMap.
 * - `stringlike|intlike|floatlike|boollike|byteslike`: coercing, `null` for nil input (and for an
 *   unparsable string in `intlike`).
 */
export type GetterType =
  | 'any'
  | 'string'
  | 'int'
  | 'float'
  | 'bool'
  | 'map'
  | 'time'
  | 'duration'
  | 'stringlike'
  | 'intlike'
  | 'floatlike'
  | 'boollike'
  | 'byteslike';

export type LiteralParamType = 'string' | 'int' | 'float' | 'bool' | 'bytes';

export type ParamKind =
  /** An expression evaluated per item, coerced as {@link GetterType} says. */
  | { readonly kind: 'getter'; readonly type: GetterType }
  /** A path that is read and written (`set`'s target). */
  | { readonly kind: 'getsetter' }
  /** A literal only, checked at compile time (`ConvertCase(x, "upper")`). */
  | { readonly kind: 'literal'; readonly type: LiteralParamType }
  /** A list literal of literals (`keep_keys(attributes, ["a", "b"])`). */
  | { readonly kind: 'literalList'; readonly type: 'string' | 'int' | 'float' }
  /** A list literal whose items are expressions (`Concat([a, b], "")`). */
  | { readonly kind: 'getterList'; readonly type: GetterType }
  /** An enum symbol of the context, bound as its int64 value. */
  | { readonly kind: 'enum' }
  /** A bare converter name (`SHA256`), called with one argument. */
  | { readonly kind: 'function' }
  /** A lambda `(a, b) => body` (alpha feature gate). */
  | { readonly kind: 'lambda'; readonly arity: number };

export interface ParamDef {
  /** lowerCamelCase as upstream documents it (`resolveConflicts`); snake_case binds too. */
  readonly name: string;
  readonly kind: ParamKind;
  readonly optional?: boolean;
  /** Documentation: the default applied when an optional parameter is omitted. */
  readonly default?: string;
  readonly description?: string;
}

/** A getter bound to an argument expression. */
export interface Getter<T = Value> {
  get(ctx: TransformContext): T;
  /** Present when the argument is a literal: its (coerced) value, for compile-time work such as regexes. */
  readonly literal?: { readonly value: T };
}

/** A path bound for reading and writing. */
export interface GetSetter extends Getter<Value> {
  set(ctx: TransformContext, value: Value): void;
  /** The path as written, for messages. */
  readonly text: string;
}

/** A converter passed by name (`replace_pattern(…, SHA256)`). */
export interface FunctionRef {
  readonly name: string;
  call(ctx: TransformContext, args: readonly Value[]): Value;
}

/** A lambda argument; parameters are bound positionally. */
export interface Lambda {
  readonly params: readonly string[];
  call(ctx: TransformContext, args: readonly Value[]): Value;
}

/**
 * What a function receives for each parameter, in parameter order: a Getter (getter kinds), a
 * GetSetter, the literal value (literal: string | bigint | number | boolean | Uint8Array; enum:
 * bigint; literalList: a readonly array), a Getter[] (getterList), a FunctionRef, a Lambda, or
 * `undefined` for an omitted optional parameter.
 */
export type BoundArg =
  | Getter<any>
  | GetSetter
  | string
  | bigint
  | number
  | boolean
  | Uint8Array
  | readonly (string | bigint | number)[]
  | readonly Getter<any>[]
  | FunctionRef
  | Lambda
  | undefined;

/** Runs once per item. Converters return their value; editors return null. Errors are thrown (OttlError). */
export type Invocation = (ctx: TransformContext) => Value;

export interface CreateEnv {
  readonly context: ContextName;
  /** Feature gates in force (e.g. `ottl.set.allowNil`, `ottl.functions.enableLambda`). */
  readonly featureGates: ReadonlySet<string>;
}

export interface FunctionExample {
  /** A converter call evaluated as a value expression, or an editor statement. */
  readonly code: string;
  /** Converters: the result, in the conformance value encoding (`{"$double": 1.5}` etc.). */
  readonly result?: unknown;
  /** Editors: the log record's attributes before and after (conformance value encoding). */
  readonly before?: Record<string, unknown>;
  readonly after?: Record<string, unknown>;
  /** The call fails with an error containing this text. */
  readonly error?: string;
  readonly note?: string;
}

export interface FunctionDoc {
  readonly category:
    | 'editor'
    | 'type'
    | 'string'
    | 'parsing'
    | 'time'
    | 'hash'
    | 'encoding'
    | 'id'
    | 'collection'
    | 'math'
    | 'xml'
    | 'lambda'
    | 'context';
  readonly summary: string;
  readonly description?: string;
  readonly returns?: string;
  readonly failures?: readonly string[];
  readonly examples: readonly FunctionExample[];
}

export interface FunctionDef {
  /** Exact, case-sensitive; lower-case first letter = editor, upper-case = converter. */
  readonly name: string;
  readonly params: readonly ParamDef[];
  /** Static result type for the checker; editors return 'void'. */
  readonly returns: OttlType;
  /** Restricts the function to these contexts (transform-processor functions); absent = every context. */
  readonly contexts?: readonly ContextName[];
  /** Needs a feature gate to be registered (lambda functions). */
  readonly gate?: string;
  readonly doc: FunctionDoc;
  /**
   * Called once per call site with arguments bound per `params`. Throws OttlCreateError for
   * arguments it rejects (invalid regex, bad literal); that is a compile-time diagnostic.
   */
  create(args: readonly BoundArg[], env: CreateEnv): Invocation;
}
