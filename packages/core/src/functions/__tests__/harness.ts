/**
 * A tiny harness for unit-testing function definitions without the engine: build bound arguments
 * by hand, create the function, run it once. Test-only; production code never imports it.
 *
 * - `lit(v)` is a literal argument (a Getter whose `literal` is set, so creation-time work such as
 *   regex compilation happens); `getter(fn)` is a dynamic one (no `literal`).
 * - `targetOn(map, key)` is a GetSetter over one key of a PMap (absent key reads `null`; values are
 *   stored as pdata stores them: lists and maps converted, times and ids as Empty).
 * - `callConverter(def, args)` creates the function with `env` and evaluates it once in `ctx()`.
 * - `runEditor(def, args)` does the same for an editor (which must return null).
 */
import { PMap } from '@ottl/pdata';
import type {
  BoundArg,
  CreateEnv,
  FunctionDef,
  GetSetter,
  Getter,
  TransformContext,
} from '../../types/signature.js';
import type { Value } from '../../types/values.js';
import { toPdataValue } from '../../contexts/keys.js';

/** A log-context creation environment with no feature gates. */
export const env: CreateEnv = { context: 'log', featureGates: new Set<string>() };

/** The same environment with the given feature gates on. */
export function envWithGates(...gates: string[]): CreateEnv {
  return { context: 'log', featureGates: new Set(gates) };
}

/** A fresh transform context for the log context with an empty cache. */
export function ctx(): TransformContext {
  let cache: PMap | undefined;
  return {
    context: 'log',
    get cache(): PMap {
      return (cache ??= new PMap());
    },
  };
}

/** A literal argument: its value is known when the function is created. */
export function lit<T extends Value>(value: T): Getter<T> {
  return { get: () => value, literal: { value } };
}

/** A dynamic argument: evaluated per item, unknown at creation. */
export function getter<T extends Value>(fn: (ctx: TransformContext) => T): Getter<T> {
  return { get: fn };
}

/** A path argument reading and writing `map[key]` (`attributes["key"]`). */
export function targetOn(map: PMap, key: string): GetSetter {
  return {
    text: `attributes[${JSON.stringify(key)}]`,
    get: () => {
      const v = map.get(key);
      return v === undefined ? null : v;
    },
    set: (_ctx, value) => {
      map.set(key, toPdataValue(value));
    },
  };
}

/** A path argument over a whole map (`attributes`). */
export function mapTarget(map: PMap, text = 'attributes'): GetSetter {
  return {
    text,
    get: () => map,
    set: (_ctx, value) => {
      if (value instanceof PMap) {
        if (value !== map) value.copyTo(map);
      } else throw new Error(`harness: ${text} can only be set to a map`);
    },
  };
}

/** Creates a converter with `env` (or the one given) and evaluates it once. */
export function callConverter(
  def: FunctionDef,
  args: readonly BoundArg[],
  createEnv: CreateEnv = env,
): Value {
  return def.create(args, createEnv)(ctx());
}

/**
 * Creates an editor with `env` (or the one given) and runs it once. Editors return null; anything
 * else fails the test.
 */
export function runEditor(
  def: FunctionDef,
  args: readonly BoundArg[],
  createEnv: CreateEnv = env,
): null {
  const result = callConverter(def, args, createEnv);
  if (result !== null) throw new Error(`harness: editor ${def.name} returned a value`);
  return result;
}
