/**
 * Test harness for contexts: path text in (parsed with the real parser), JSON out. Keys that are
 * expressions may be literals or paths (resolved in the same context).
 */
import { PMap, PSlice, ProfileId, SpanId, TraceId } from '@ottl/pdata';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PathNode, ValueNode } from '../../language/ast.js';
import { parseValueExpression } from '../../language/parse.js';
import type { ContextName, TransformContext } from '../../types/signature.js';
import { OttlDuration, OttlTime, type Value } from '../../types/values.js';
import { getContextSchema } from '../registry.js';
import type { PathAccessor } from '../types.js';

export function parsePath(text: string): PathNode {
  const { ast, diagnostics } = parseValueExpression(text);
  if (!ast || diagnostics.length > 0) throw new Error(`cannot parse ${text}: ${JSON.stringify(diagnostics)}`);
  if (ast.kind !== 'Path') throw new Error(`${text} is a ${ast.kind}, not a path`);
  return ast;
}

export interface Resolved {
  accessor?: PathAccessor;
  diagnostics: Diagnostic[];
}

export function resolve(context: ContextName, text: string, prefixed = false): Resolved {
  return getContextSchema(context).resolvePath(parsePath(text), { prefixed });
}

/** The accessor of a valid path; throws with the diagnostics otherwise. */
export function accessor(context: ContextName, text: string, prefixed = false): PathAccessor {
  const r = resolve(context, text, prefixed);
  if (!r.accessor) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.accessor;
}

function evalKey(ctx: TransformContext, v: ValueNode, prefixed: boolean): Value {
  if (v.kind === 'Literal') return v.value;
  if (v.kind === 'Path') return getValue(ctx, v, prefixed);
  throw new Error(`test harness cannot evaluate a ${v.kind} key`);
}

function getValue(ctx: TransformContext, path: PathNode, prefixed: boolean): Value {
  const r = getContextSchema(ctx.context).resolvePath(path, { prefixed });
  if (!r.accessor) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.accessor.get(ctx, r.accessor.keys.map((k) => evalKey(ctx, k.value, prefixed)));
}

/** Reads `text` in `ctx` through the generic `get` (keys evaluated per call). */
export function get(ctx: TransformContext, text: string, prefixed = false): Value {
  return getValue(ctx, parsePath(text), prefixed);
}

/** Writes `value` at `text` through the generic `set`. */
export function set(ctx: TransformContext, text: string, value: Value, prefixed = false): void {
  const a = accessor(ctx.context, text, prefixed);
  a.set(ctx, a.keys.map((k) => evalKey(ctx, k.value, prefixed)), value);
}

/** The error message a read or write throws, or `"no error"`. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return (e as Error).message;
  }
}

/** A value in the conformance JSON encoding (ints plain, doubles tagged, ids and bytes tagged). */
export function toJson(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'bigint':
      return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : { $int: String(v) };
    case 'number':
      return { $double: Number.isFinite(v) ? v : String(v) };
  }
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('hex') };
  if (v instanceof TraceId) return { $traceId: v.toHex() };
  if (v instanceof SpanId) return { $spanId: v.toHex() };
  if (v instanceof ProfileId) return { $profileId: v.toHex() };
  if (v instanceof OttlTime) return { $time: String(v.epochNanos) };
  if (v instanceof OttlDuration) return { $duration: String(v.nanos) };
  if (v instanceof PMap) {
    const o: Record<string, unknown> = {};
    v.forEach((x, k) => (o[k] = x === null ? { $empty: true } : toJson(x)));
    return o;
  }
  if (v instanceof PSlice) return v.toArray().map((x) => (x === null ? { $empty: true } : toJson(x)));
  if (Array.isArray(v)) return v.map(toJson);
  return { $opaque: (v as object).constructor.name };
}
