/**
 * What the experimental lambda converters (`All`, `Any`, `Filter`, `Find`, `MapEach`, `MapKeys`,
 * `Reduce`, `When`) share: their gates, arity checks, and walking a list or map source.
 */
import { PMap, PSlice } from '@ottl/pdata';
import { LAMBDA_GATE } from '../../check/analysis.js';
import { goFmtType, goTypeName, isPlainObject, toAttrValue } from '../../types/convert.js';
import { goFormatValue } from '../../types/math.js';
import type { BoundArg, CreateEnv, Getter, Invocation, Lambda, ParamDef, TransformContext } from '../../types/signature.js';
import { OttlCreateError, OttlError, type Value } from '../../types/values.js';

/** Adds upstream's experimental converters to the standard sets; set as each definition's `gate`. */
export const EXPERIMENTAL_GATE = 'pkg.ottl.functions.enableExperimental';

/** The first parameter of the converters that walk a list or map. */
export const SOURCE_PARAM: ParamDef = { name: 'source', kind: { kind: 'getter', type: 'any' }, description: 'a list or map' };

/** The `(indexOrKey, value) => bool` parameter of `All`, `Any`, `Filter` and `Find`. */
export const PREDICATE_PARAM: ParamDef = {
  name: 'predicate',
  kind: { kind: 'lambda', arity: 2 },
  description: '`(indexOrKey, value) => bool`',
};

/** Rejects a lambda converter created without the lambda gate, or a lambda of the wrong arity. */
export function checkLambda(env: CreateEnv, lambda: Lambda, arity: number, what?: string): void {
  if (!env.featureGates.has(LAMBDA_GATE)) {
    throw new OttlCreateError(`lambda expressions require the ${LAMBDA_GATE} feature gate`);
  }
  if (lambda.params.length !== arity) {
    const msg = `lambda should be defined with exactly ${arity} formal(s), but has ${lambda.params.length}`;
    throw new OttlCreateError(what === undefined ? msg : `invalid ${what}: ${msg}`);
  }
}

/** A list or map source: PSlice/PMap as they are, JS arrays and plain objects converted. */
export function sliceOrMap(v: Value): PSlice | PMap {
  if (v instanceof PSlice || v instanceof PMap) return v;
  if (Array.isArray(v) || isPlainObject(v)) return toAttrValue(v) as PSlice | PMap;
  throw new OttlError(`unsupported type provided: ${goFmtType(v)}`);
}

/** The (index or key, value) pairs of a source, indexes as ints. */
export function* elements(source: PSlice | PMap): Generator<[bigint | string, Value]> {
  if (source instanceof PSlice) {
    for (let i = 0; i < source.length; i++) yield [BigInt(i), source.get(i)];
  } else {
    for (const [k, v] of source.entries()) yield [k, v];
  }
}

/** What a lambda must return, for the functions that check it. */
export type LambdaResult = 'bool' | 'string';

/**
 * Calls `lambda` with `args` (whose last two are the element's index or key and value), checks
 * its result type when `expect` is given, and wraps any failure with the element (upstream
 * wording: `error while evaluating lambda function on slice item (0, a): …`).
 */
export function callOn(
  ctx: TransformContext,
  lambda: Lambda,
  source: PSlice | PMap,
  args: readonly Value[],
  expect?: LambdaResult,
  label = 'lambda function',
): Value {
  try {
    const r = lambda.call(ctx, args);
    if (expect !== undefined && typeof r !== (expect === 'bool' ? 'boolean' : 'string')) {
      throw new OttlError(`lambda expression must return a value of type ${expect}, got ${goTypeName(r)}`);
    }
    return r;
  } catch (e) {
    const [k, v] = args.slice(-2);
    const kind = source instanceof PSlice ? 'slice' : 'map';
    throw new OttlError(
      `error while evaluating ${label} on ${kind} item (${goFormatValue(k ?? null)}, ${goFormatValue(v ?? null)}): ${(e as Error).message}`,
    );
  }
}

/**
 * The invocation of `All` (`stopAt` false) and `Any` (`stopAt` true) for `args` (source,
 * predicate): calls the predicate on the elements in order and returns `stopAt` at the first
 * result equal to it, `!stopAt` when there is none (so an empty source gives `!stopAt`).
 */
export function quantifier(args: readonly BoundArg[], env: CreateEnv, stopAt: boolean): Invocation {
  const source = args[0] as Getter;
  const predicate = args[1] as Lambda;
  checkLambda(env, predicate, 2);
  return (ctx) => {
    const src = sliceOrMap(source.get(ctx));
    for (const [k, v] of elements(src)) if (callOn(ctx, predicate, src, [k, v], 'bool') === stopAt) return stopAt;
    return !stopAt;
  };
}
