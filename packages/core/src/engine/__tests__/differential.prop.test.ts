/**
 * Differential property test: for generated statements (paths, literals, converters, math,
 * comparisons, where clauses) and generated log records, the compiler and the reference
 * interpreter leave identical records and raise identical errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogRecord, PMap, PSlice, ResourceLogs, ScopeLogs, type AttrValue } from '@ottl/pdata';
import { logContext } from '../../contexts/log.js';
import { createEnvironment, type Engine } from '../environment.js';

// ------------------------------------------------------------------------------------------------
// Records

const scalar: fc.Arbitrary<AttrValue> = fc.oneof(
  fc.constantFrom('a', 'b', '', 'x,y', 'A|B', '{"k": 1}', '12', 'true'),
  fc.bigInt({ min: -5n, max: 9223372036854775807n }).map((n) => (n > 1000n ? 9223372036854775807n : n)),
  fc.constantFrom(0, 1.5, -2.25, NaN),
  fc.boolean(),
  fc.constant(null),
  fc.constant(new Uint8Array([1, 2])),
);
const attrValue: fc.Arbitrary<AttrValue> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }).map((xs) => PSlice.fromRaw(xs)) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('k', 'j'), scalar, { maxKeys: 2 }).map((o) => PMap.fromRaw(o)) },
);
const KEYS = ['a', 'b', 'n', 'm', 'l'] as const;
const recordSpec = fc.record({
  attributes: fc.array(fc.tuple(fc.constantFrom(...KEYS), attrValue), { maxLength: 5 }),
  body: attrValue,
  severity: fc.integer({ min: 0, max: 24 }),
});
type RecordSpec = typeof recordSpec extends fc.Arbitrary<infer T> ? T : never;

function cloneAttr(v: AttrValue): AttrValue {
  return v instanceof PMap || v instanceof PSlice ? v.clone() : v instanceof Uint8Array ? v.slice() : v;
}

function build(spec: RecordSpec) {
  const log = LogRecord.create();
  for (const [k, v] of spec.attributes) log.attributes.set(k, cloneAttr(v));
  log.body = cloneAttr(spec.body);
  log.severityNumber = spec.severity;
  const rl = ResourceLogs.create();
  const sl = ScopeLogs.create();
  return { log, ctx: logContext(rl, sl, log) };
}

function snapshot(log: LogRecord): string {
  return JSON.stringify(
    { a: log.attributes.toRaw(), b: log.body instanceof PMap || log.body instanceof PSlice ? log.body.toRaw() : log.body, s: log.severityNumber, t: log.severityText },
    (_k, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? Array.from(v) : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
  );
}

// ------------------------------------------------------------------------------------------------
// Statements

const path = fc.constantFrom(
  'attributes["a"]', 'attributes["b"]', 'attributes["n"]', 'attributes["m"]["k"]', 'attributes["l"][0]',
  'body', 'severity_number', 'severity_text', 'cache["c"]', 'attributes[attributes["a"]]',
);
const literal = fc.constantFrom('"a"', '"x,y"', '""', '0', '1', '-3', '2.5', 'true', 'false', 'nil', '0x0102', '9223372036854775807');
const numberLiteral = fc.constantFrom('0', '1', '-3', '2.5', '9223372036854775807');
const value: fc.Arbitrary<string> = fc.letrec((tie) => {
  const v = tie('v') as fc.Arbitrary<string>;
  const operand = tie('operand') as fc.Arbitrary<string>;
  return {
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      literal,
      path,
      tie('call') as fc.Arbitrary<string>,
      tie('math') as fc.Arbitrary<string>,
      fc.array(v, { maxLength: 2 }).map((xs) => `[${xs.join(', ')}]`),
      v.map((x) => `{"k": ${x}}`),
    ),
    call: fc.oneof(
      v.map((x) => `Len(${x})`),
      v.map((x) => `String(${x})`),
      v.map((x) => `Int(${x})`),
      v.map((x) => `IsString(${x})`),
      v.map((x) => `ToUpperCase(${x})`),
      fc.tuple(v, v).map(([x, y]) => `Concat([${x}, ${y}], "-")`),
      v.map((x) => `Split(${x}, ",")[0]`),
    ),
    // The grammar allows only numbers, paths, converters and parentheses in arithmetic.
    operand: fc.oneof({ depthSize: 'small' }, numberLiteral, path, tie('call') as fc.Arbitrary<string>, tie('math') as fc.Arbitrary<string>),
    math: fc.tuple(operand, fc.constantFrom('+', '-', '*', '/'), operand).map(([x, op, y]) => `(${x} ${op} ${y})`),
  };
}).v;
const comparison = fc
  .tuple(value, fc.constantFrom('==', '!=', '<', '<=', '>', '>='), value)
  .map(([x, op, y]) => `${x} ${op} ${y}`);
const condition: fc.Arbitrary<string> = fc.letrec((tie) => ({
  c: fc.oneof(
    { depthSize: 'small' },
    comparison,
    fc.constantFrom('true', 'false', 'IsMatch(body, "a")'),
    fc.tuple(tie('c') as fc.Arbitrary<string>, fc.constantFrom('and', 'or'), tie('c') as fc.Arbitrary<string>).map(([x, op, y]) => `(${x}) ${op} (${y})`),
    (tie('c') as fc.Arbitrary<string>).map((x) => `not (${x})`),
  ),
})).c;
/** Lambda converters (both feature gates on): parameters, nesting and keys on parameters. */
const lambdaCall = fc.oneof(
  fc.tuple(path, value).map(([p, v]) => `Filter(${p}, (i, v) => v != ${v})`),
  path.map((p) => `MapEach(${p}, (k, v) => Concat([String(k), String(v)], ":"))`),
  path.map((p) => `Reduce(${p}, 0, (acc, i, v) => acc + Len(String(v)))`),
  fc.tuple(path, path).map(([p, q]) => `Any(${p}, (i, v) => Len(Filter(${q}, (j, w) => w == v)) > 0)`),
  path.map((p) => `Find(${p}, (i, v) => IsMap(v), (i, v) => v["k"])`),
);
const editor = fc.oneof(
  fc.tuple(path, lambdaCall).map(([p, v]) => `set(${p}, ${v})`),
  fc.tuple(path, value).map(([p, v]) => `set(${p}, ${v})`),
  fc.constant('delete_key(attributes, "a")'),
  fc.constant('keep_keys(attributes, ["a", "n"])'),
  value.map((v) => `append(attributes["l"], ${v})`),
  fc.constant('replace_pattern(attributes["a"], "a", "$$0b")'),
  fc.constant('replace_pattern(attributes["a"], "(", "x")'),
);
const statement = fc.tuple(editor, fc.option(condition, { nil: undefined })).map(([e, c]) => (c ? `${e} where ${c}` : e));

// ------------------------------------------------------------------------------------------------

const GATES = ['ottl.functions.enableLambda', 'pkg.ottl.functions.enableExperimental'];
const env = createEnvironment({ featureGates: GATES });

function run(engine: Engine, texts: string[], spec: RecordSpec): { record: string; errors: string[] } | { diagnostics: string } {
  const errors: string[] = [];
  const { program, diagnostics } = createEnvironment({
    featureGates: GATES,
    logger: { warn: (_m, fields) => void errors.push(String(fields.error)) },
  }).compileStatements(texts, { context: 'log', engine, errorMode: 'ignore' });
  if (!program) return { diagnostics: diagnostics.map((d) => d.message).join('; ') };
  const { log, ctx } = build(spec);
  program.execute(ctx);
  return { record: snapshot(log), errors };
}

describe('compiler and interpreter agree', () => {
  it('on generated statements and records', () => {
    const outcomes = { rejected: 0, clean: 0, withErrors: 0 };
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 4 }), recordSpec, (texts, spec) => {
        const compiled = run('compiled', texts, spec);
        const interpreted = run('interpreted', texts, spec);
        expect(compiled).toEqual(interpreted);
        if ('diagnostics' in compiled) outcomes.rejected++;
        else if (compiled.errors.length > 0) outcomes.withErrors++;
        else outcomes.clean++;
      }),
      { numRuns: 400 },
    );
    // The generator must reach programs that run cleanly and programs whose statements fail.
    expect(outcomes.clean).toBeGreaterThan(40);
    expect(outcomes.withErrors).toBeGreaterThan(40);
  });

  it('on generated conditions', () => {
    fc.assert(
      fc.property(condition, recordSpec, (text, spec) => {
        const results = (['compiled', 'interpreted'] as const).map((engine) => {
          const { conditions, diagnostics } = env.compileConditions([text], { context: 'log', engine });
          if (!conditions) return { diagnostics: diagnostics.map((d) => d.message).join('; ') };
          try {
            return { result: conditions.evaluate(build(spec).ctx) };
          } catch (e) {
            return { error: (e as Error).message };
          }
        });
        expect(results[0]).toEqual(results[1]);
      }),
      { numRuns: 400 },
    );
  });
});
