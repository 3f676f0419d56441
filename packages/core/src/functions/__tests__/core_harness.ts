/**
 * Text in, JSON out for the core catalogue's tests: OTTL text runs through the real engine in a
 * log context; values come back in the conformance JSON encoding (`{"$double": 1.5}`, …).
 * Test-only.
 */
import { LogRecord, PMap, ProfileId, ResourceLogs, ScopeLogs, SpanId, TraceId } from '@ottl/pdata';
import { describe, expect, it } from 'vitest';
import { toPdataValue } from '../../contexts/keys.js';
import { logContext } from '../../contexts/log.js';
import { toJson } from '../../contexts/__tests__/harness.js';
import { createEnvironment, LAMBDA_GATE } from '../../engine/environment.js';
import type { FunctionDef, FunctionExample } from '../../types/signature.js';
import type { Value } from '../../types/values.js';
import { EXPERIMENTAL_GATE } from '../internal/lambda.js';


/** The gates the tests run with: lambdas and experimental converters on, `set(x, nil)` a no-op. */
const env = createEnvironment({ featureGates: [LAMBDA_GATE, EXPERIMENTAL_GATE], allowNil: false });
const allowNilEnv = createEnvironment({ featureGates: [LAMBDA_GATE, EXPERIMENTAL_GATE], allowNil: true });

/** A conformance-encoded value as a runtime value (plain numbers are ints). */
function fromJson(x: unknown): Value {
  if (x === null) return null;
  if (Array.isArray(x)) return x.map(fromJson);
  switch (typeof x) {
    case 'number':
      return BigInt(x);
    case 'string':
    case 'boolean':
      return x;
  }
  const o = x as Record<string, unknown>;
  if ('$double' in o) return typeof o.$double === 'number' ? o.$double : Number(String(o.$double).replace('Inf', 'Infinity'));
  if ('$int' in o) return BigInt(o.$int as string);
  if ('$bytes' in o) return Uint8Array.from((o.$bytes as string).match(/../g) ?? [], (h) => parseInt(h, 16));
  if ('$empty' in o) return null;
  if ('$traceId' in o) return TraceId.fromHex(o.$traceId as string);
  if ('$spanId' in o) return SpanId.fromHex(o.$spanId as string);
  if ('$profileId' in o) return ProfileId.fromHex(o.$profileId as string);
  const m = new PMap();
  for (const [k, v] of Object.entries(o)) m.set(k, toPdataValue(fromJson(v)));
  return m;
}

function newRecord(attributes: Record<string, unknown>): { ctx: ReturnType<typeof logContext>; record: LogRecord } {
  const record = LogRecord.create();
  for (const [k, v] of Object.entries(attributes)) record.attributes.set(k, toPdataValue(fromJson(v)));
  return { ctx: logContext(ResourceLogs.create(), ScopeLogs.create(), record), record };
}

/** The outcome of running OTTL: the JSON result, or the error text (`parse: …` when it never ran). */
export type Outcome = { value: unknown } | { error: string };

/** Evaluates a value expression in an empty log record (attributes as given). */
export function evaluate(text: string, attributes: Record<string, unknown> = {}): Outcome {
  const { expression, diagnostics } = env.compileValueExpression(text, { context: 'log' });
  if (!expression) return { error: 'parse: ' + diagnostics.map((d) => d.message).join('; ') };
  try {
    return { value: toJson(expression.evaluate(newRecord(attributes).ctx)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Runs a statement on a log record with `attributes`; returns the attributes afterwards. */
export function run(text: string, attributes: Record<string, unknown> = {}, allowNil = false): Outcome {
  const { program, diagnostics } = (allowNil ? allowNilEnv : env).compileStatements([text], { context: 'log' });
  if (!program) return { error: 'parse: ' + diagnostics.map((d) => d.message).join('; ') };
  const { ctx, record } = newRecord(attributes);
  try {
    program.execute(ctx);
  } catch (e) {
    return { error: (e as Error).message };
  }
  return { value: toJson(record.attributes) };
}

const isEditor = (def: FunctionDef): boolean => def.name[0]! >= 'a' && def.name[0]! <= 'z';

/**
 * Asserts that a documented example does what its doc says: an editor's statement turns
 * `before` attributes into `after`, a converter's expression gives `result` (through
 * `normalizeResult`), an example with `error` fails with a message containing it.
 */
export function expectExample(def: FunctionDef, ex: FunctionExample, normalizeResult: (x: unknown) => unknown = (x) => x): void {
  const outcome = isEditor(def) ? run(ex.code, ex.before ?? {}) : evaluate(ex.code);
  if (ex.error !== undefined) {
    expect(outcome).toHaveProperty('error');
    expect((outcome as { error: string }).error).toContain(ex.error);
  } else if (isEditor(def)) {
    expect(outcome).toEqual({ value: ex.after });
  } else {
    expect(outcome).toEqual({ value: normalizeResult(ex.result) });
  }
}

/** One test per documented example of `defs` ({@link expectExample}), one suite per function. */
export function describeExamples(defs: readonly FunctionDef[]): void {
  describe.each(defs.map((def) => [def.name, def] as const))('%s examples', (_name, def) => {
    it.each(def.doc.examples.map((ex) => [ex.code, ex] as const))('%s', (_code, ex) => expectExample(def, ex));
  });
}
