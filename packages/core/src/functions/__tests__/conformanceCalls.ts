/**
 * Test helper: runs single-function conformance cases (`/work/shared/conformance/funcs*.jsonl`)
 * whose arguments are all string, int or bool literals, by calling the definition directly —
 * until the engine can evaluate `args_ottl` itself.
 */
import { readFileSync } from 'node:fs';
import { PMap, PSlice } from '@ottl/pdata';
import { expect } from 'vitest';
import type { BoundArg, FunctionDef } from '../../types/signature.js';
import { OttlCreateError, OttlDuration, OttlTime, type Value } from '../../types/values.js';
import { expectDuration, expectInt, expectString, expectTime, formatRfc3339Nano } from '../../types/convert.js';
import { callConverter, getter, lit } from './harness.js';

export interface ConformanceCase {
  readonly id: string;
  readonly function: string;
  readonly args_ottl: string;
  readonly expect: { ok: boolean; value?: unknown; error_contains?: string; stage?: string };
}

const CONFORMANCE_DIR = '/work/shared/conformance';

/** The cases of the named functions in funcs.jsonl and funcs2.jsonl (missing files: none). */
export function conformanceCases(functions: readonly string[]): ConformanceCase[] {
  const out: ConformanceCase[] = [];
  for (const file of ['funcs.jsonl', 'funcs2.jsonl']) {
    let text: string;
    try {
      text = readFileSync(`${CONFORMANCE_DIR}/${file}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const c = JSON.parse(line) as ConformanceCase;
      if (functions.includes(c.function)) out.push(c);
    }
  }
  return out;
}

type Arg = { readonly literal: Value } | { readonly call: Call } | { readonly sum: readonly Arg[] };
interface Call {
  readonly name: string;
  readonly positional: Arg[];
  readonly named: Record<string, Arg>;
}

/**
 * Parses `Name(arg, name = arg, …)` where each argument is a string/int/bool literal, a nested
 * call, or a `+` of those; undefined for anything else.
 */
export function parseCall(code: string): Call | undefined {
  let i = 0;
  const skip = (): void => {
    while (/\s/.test(code[i] ?? '')) i++;
  };
  const atom = (): Arg | undefined => {
    skip();
    if (code[i] === '"') {
      let j = i + 1;
      while (j < code.length && code[j] !== '"') j += code[j] === '\\' ? 2 : 1;
      const value = JSON.parse(code.slice(i, j + 1)) as string;
      i = j + 1;
      return { literal: value };
    }
    const lm = /^(-?[0-9]+|true|false)\b/.exec(code.slice(i));
    if (lm !== null) {
      i += lm[0].length;
      return { literal: lm[0] === 'true' ? true : lm[0] === 'false' ? false : BigInt(lm[0]) };
    }
    const c = call();
    return c === undefined ? undefined : { call: c };
  };
  const arg = (): Arg | undefined => {
    const first = atom();
    if (first === undefined) return undefined;
    const parts = [first];
    for (;;) {
      skip();
      if (code[i] !== '+') break;
      i++;
      const next = atom();
      if (next === undefined) return undefined;
      parts.push(next);
    }
    return parts.length === 1 ? first : { sum: parts };
  };
  const call = (): Call | undefined => {
    skip();
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\(/.exec(code.slice(i));
    if (m === null) return undefined;
    i += m[0].length;
    const positional: Arg[] = [];
    const named: Record<string, Arg> = {};
    for (;;) {
      skip();
      if (code[i] === ')') {
        i++;
        return { name: m[1]!, positional, named };
      }
      const nm = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(code.slice(i));
      let name: string | undefined;
      if (nm !== null) {
        name = nm[1];
        i += nm[0].length;
      }
      const a = arg();
      if (a === undefined) return undefined;
      if (name === undefined) positional.push(a);
      else named[name] = a;
      skip();
      if (code[i] === ',') i++;
      else if (code[i] !== ')') return undefined;
    }
  };
  const c = call();
  skip();
  return c !== undefined && i === code.length ? c : undefined;
}

/** The strict typed-getter coercions the engine applies (OttlTypeError on a wrong type). */
const STRICT: Partial<Record<string, (v: Value) => unknown>> = {
  string: expectString,
  int: expectInt,
  time: expectTime,
  duration: expectDuration,
};

function evalArg(a: Arg, defs: ReadonlyMap<string, FunctionDef>): Value {
  if ('literal' in a) return a.literal;
  if ('call' in a) return evalCall(a.call, defs);
  // Only time + duration sums appear in the cases.
  let acc = evalArg(a.sum[0]!, defs) as OttlTime;
  for (const part of a.sum.slice(1)) {
    const d = evalArg(part, defs) as OttlDuration;
    acc = new OttlTime(acc.epochNanos + d.nanos, acc.zone);
  }
  return acc;
}

/** Evaluates a parsed call with the given definitions (literal params get raw literal values). */
export function evalCall(call: Call, defs: ReadonlyMap<string, FunctionDef>): Value {
  const def = defs.get(call.name);
  if (def === undefined) throw new Error(`no definition for ${call.name}`);
  const args: BoundArg[] = def.params.map((p, i) => {
    const a = i < call.positional.length ? call.positional[i] : call.named[p.name];
    if (a === undefined) return undefined;
    if (p.kind.kind !== 'getter') {
      if (!('literal' in a)) throw new Error(`${def.name}: ${p.name} must be a literal`);
      return a.literal as BoundArg;
    }
    const coerce = STRICT[p.kind.type] ?? ((v: Value) => v);
    if ('literal' in a) return { ...lit(coerce(a.literal) as Value) };
    return getter(() => coerce(evalArg(a, defs)) as Value);
  });
  return callConverter(def, args);
}

/** Parses and evaluates `code`; throws when it is not a call this helper understands. */
export function runCall(code: string, defs: ReadonlyMap<string, FunctionDef>): Value {
  const call = parseCall(code);
  if (call === undefined) throw new Error(`unsupported expression: ${code}`);
  return evalCall(call, defs);
}

/**
 * Asserts that a case expected to fail does: running it throws, an OttlCreateError when it fails
 * at the `parse` stage, with a message containing `error_contains` when the case gives one.
 */
export function expectCaseFails(c: ConformanceCase, defs: ReadonlyMap<string, FunctionDef>): void {
  let error: unknown;
  try {
    runCall(c.args_ottl, defs);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(Error);
  if (c.expect.stage === 'parse') expect(error).toBeInstanceOf(OttlCreateError);
  if (c.expect.error_contains !== undefined) expect((error as Error).message).toContain(c.expect.error_contains);
}

/** A value in the conformance encoding (`{"$double": …}`, `{"$int": …}`, `{"$time": …}`…). */
export function encode(v: Value | undefined): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'bigint':
      return v >= -(2n ** 53n - 1n) && v <= 2n ** 53n - 1n ? Number(v) : { $int: v.toString() };
    case 'number':
      return { $double: Number.isFinite(v) ? v : String(v) };
    case 'string':
    case 'boolean':
      return v;
  }
  if (v instanceof Uint8Array) return { $bytes: Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('') };
  if (v instanceof PMap) {
    const o: Record<string, unknown> = {};
    v.forEach((x, k) => (o[k] = encode(x)));
    return o;
  }
  if (v instanceof PSlice) return v.toArray().map(encode);
  if (Array.isArray(v)) return v.map(encode);
  if (v instanceof OttlTime) return { $time: formatRfc3339Nano(v) };
  if (v instanceof OttlDuration) return { $duration: v.nanos.toString() };
  return v;
}
