import { describe, expect, it } from 'vitest';
import { LogRecord, Logs, PMap, ResourceLogs, ScopeLogs } from '@ottl/pdata';
import { logContext } from '../../contexts/log.js';
import type { TransformContext } from '../../types/signature.js';
import { createEnvironment, type Engine } from '../environment.js';
import { NOOP_LOGGER } from '../program.js';

function logWith(attributes: Record<string, unknown>): { log: LogRecord; ctx: TransformContext } {
  const log = LogRecord.create({ attributes });
  return { log, ctx: logContext(ResourceLogs.create(), ScopeLogs.create(), log) };
}

/** Attributes as JSON text (ints as `12n`), for compact expectations. */
function json(m: PMap): string {
  return JSON.stringify(m.toRaw(), (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
}

const ENGINES: Engine[] = ['compiled', 'interpreted'];

describe.each(ENGINES)('compileStatements (%s)', (engine) => {
  const env = createEnvironment();

  it('runs statements in order with where clauses', () => {
    const { program, diagnostics } = env.compileStatements(
      [
        'set(attributes["x"], "y") where attributes["a"] == "b"',
        'set(attributes["n"], Len(attributes["x"]) + 1)',
        'set(attributes["m"], {"k": [1, 2.5, nil]}) where attributes["a"] != "b"',
        'delete_key(attributes, "a")',
      ],
      { context: 'log', engine },
    );
    expect(diagnostics).toEqual([]);
    const { log, ctx } = logWith({ a: 'b' });
    program!.execute(ctx);
    expect(json(log.attributes)).toBe('{"n":"2n","x":"y"}'); // pcommon: remove moves the last entry into the slot
  });

  it('reports syntax and checker errors per text and builds nothing', () => {
    const out = env.compileStatements(['set(attributes["a"], Lenn(body))', 'set(attributes["a"]'], { context: 'log', engine });
    expect(out.program).toBeUndefined();
    expect(out.byText.map((ds) => ds.map((d) => d.code))).toEqual([['unknown-function'], ['unclosed-delimiter']]);
  });

  it('turns a function that rejects its literal arguments into a diagnostic', () => {
    const out = env.compileStatements(['replace_pattern(body, "(", "x")'], { context: 'log', engine });
    expect(out.program).toBeUndefined();
    expect(out.diagnostics.map((d) => [d.code, d.range.start.column])).toEqual([['invalid-regex', 1]]);
    const codes = (t: string) => env.compileStatements([t], { context: 'log', engine }).diagnostics.map((d) => d.code);
    expect(codes('set(attributes["x"], ExtractGrokPatterns(body, "("))')).toEqual(['invalid-regex']);
    expect(codes('set(attributes["x"], ExtractPatterns(body, "a+"))')).toEqual(['invalid-argument']);
  });

  it('propagate: the first failing statement throws upstream\'s message and stops the sequence', () => {
    const { program } = env.compileStatements(
      ['set(attributes["a"], Substring(attributes["n"], 0, 1))', 'set(attributes["after"], true)'],
      { context: 'log', engine },
    );
    const { log, ctx } = logWith({ n: 5n });
    expect(() => program!.execute(ctx)).toThrow(
      'failed to execute statement: set(attributes["a"], Substring(attributes["n"], 0, 1)), expected string but got int64',
    );
    expect(log.attributes.has('after')).toBe(false);
  });

  it('ignore: logs the error and goes on with the next statement; silent: goes on quietly', () => {
    const warnings: unknown[] = [];
    const texts = ['set(attributes["a"], 1 / attributes["zero"])', 'set(attributes["after"], true)'];
    const ignoring = createEnvironment({ logger: { warn: (message, fields) => void warnings.push({ message, ...fields }) } });
    const { program } = ignoring.compileStatements(texts, { context: 'log', engine, errorMode: 'ignore' });
    const first = logWith({ zero: 0n });
    const seen: unknown[] = [];
    program!.execute(first.ctx, (i, matched, _changed, error) => seen.push([i, matched, error?.message]));
    expect(json(first.log.attributes)).toBe('{"zero":"0n","after":true}');
    expect(warnings).toEqual([
      { message: 'failed to execute statement', error: 'attempted to divide by 0', statement: texts[0] },
    ]);
    expect(seen).toEqual([
      [0, false, 'attempted to divide by 0'],
      [1, true, undefined],
    ]);

    const silent = env.compileStatements(texts, { context: 'log', engine, errorMode: 'silent' });
    const second = logWith({ zero: 0n });
    silent.program!.execute(second.ctx);
    expect(json(second.log.attributes)).toBe('{"zero":"0n","after":true}');
  });

  it('withLogger: the same program reporting to another logger, under another error mode', () => {
    const texts = ['set(attributes["a"], 1 / attributes["zero"])', 'set(attributes["after"], true)'];
    const failingCondition = 'Substring(attributes["zero"], 0, 1) == "x"';
    const { program } = env.compileStatements(texts, { context: 'log', engine, errorMode: 'silent', conditions: [failingCondition, 'attributes["go"] == true'] });
    const warnings: unknown[] = [];
    const ignoring = program!.withLogger({ warn: (message, fields) => void warnings.push({ message, ...fields }) }, 'ignore');
    ignoring.execute(logWith({ zero: 0n, go: true }).ctx);
    expect(warnings).toEqual([
      { message: 'failed to eval condition', error: 'expected string but got int64', condition: failingCondition },
      { message: 'failed to execute statement', error: 'attempted to divide by 0', statement: texts[0] },
    ]);
    program!.execute(logWith({ zero: 0n, go: true }).ctx);
    expect(warnings.length).toBe(2);
    expect(() => program!.withLogger(NOOP_LOGGER, 'propagate').execute(logWith({ zero: 0n }).ctx)).toThrow(`failed to eval condition: ${failingCondition}, expected string but got int64`);
  });

  it('runs the statements only when a group condition holds', () => {
    const { program } = env.compileStatements(['set(attributes["hit"], true)'], {
      context: 'log',
      engine,
      conditions: ['attributes["k"] == 1', 'attributes["k"] == 2'],
    });
    const results = [1n, 2n, 3n].map((k) => {
      const { log, ctx } = logWith({ k });
      program!.execute(ctx);
      return log.attributes.has('hit');
    });
    expect(results).toEqual([true, true, false]);
  });

  it('processes every log record of a payload with a fresh cache', () => {
    const { program } = env.compileStatements(['set(cache["seen"], attributes["i"])', 'set(attributes["c"], cache["seen"])'], {
      context: 'log',
      engine,
    });
    const records = [1n, 2n, 3n].map((i) => LogRecord.create({ attributes: { i } }));
    const logs = Logs.create({
      resourceLogs: [ResourceLogs.create({ scopeLogs: [ScopeLogs.create({ logRecords: records })] })],
    });
    program!.processLogs(logs);
    expect(records.map((r) => r.attributes.get('c'))).toEqual([1n, 2n, 3n]);
  });
});

describe('the set allowNil gate', () => {
  const text = 'set(attributes["a"], attributes["missing"])';
  it('is on by default: nil makes the attribute Empty', () => {
    const { program } = createEnvironment().compileStatements([text], { context: 'log' });
    const { log, ctx } = logWith({ a: 'x' });
    program!.execute(ctx);
    expect(log.attributes.get('a')).toBe(null);
  });
  it('off: nil leaves the target unchanged', () => {
    const { program } = createEnvironment({ allowNil: false }).compileStatements([text], { context: 'log' });
    const { log, ctx } = logWith({ a: 'x' });
    program!.execute(ctx);
    expect(log.attributes.get('a')).toBe('x');
  });
});

describe.each(ENGINES)('compileConditions (%s)', (engine) => {
  const env = createEnvironment();
  const ctx = logWith({ s: 'text', n: 3n }).ctx;
  const evaluate = (texts: string[], logic: 'or' | 'and', errorMode: 'propagate' | 'ignore' = 'ignore'): boolean =>
    env.compileConditions(texts, { context: 'log', engine, logic, errorMode }).conditions!.evaluate(ctx);
  const failing = 'Substring(attributes["n"], 0, 1) == "x"';

  it('or: true at the first condition that holds; errors count as not holding', () => {
    expect(evaluate([failing, 'attributes["n"] > 2'], 'or')).toBe(true);
    expect(evaluate([failing, 'attributes["n"] > 5'], 'or')).toBe(false);
  });
  it('and: true only if one held and none failed to hold; all errored is false', () => {
    expect(evaluate([failing, 'attributes["n"] > 2'], 'and')).toBe(true);
    expect(evaluate(['attributes["n"] > 2', 'attributes["s"] == "no"'], 'and')).toBe(false);
    expect(evaluate([failing, failing], 'and')).toBe(false);
  });
  it('propagate: throws upstream\'s condition message', () => {
    expect(() => evaluate([failing], 'or', 'propagate')).toThrow(`failed to eval condition: ${failing}, expected string but got int64`);
  });
  it('a converter in boolean position must return a bool', () => {
    expect(() => evaluate(['String("world")'], 'or', 'propagate')).toThrow(
      'value returned from Converter in constant expression must be bool but got string',
    );
  });
});

describe.each(ENGINES)('compileValueExpression (%s)', (engine) => {
  const env = createEnvironment();
  it('evaluates to values; map literals are PMaps', () => {
    const ctx = logWith({ a: 'x' }).ctx;
    const value = (text: string) => env.compileValueExpression(text, { context: 'log', engine }).expression!.evaluate(ctx);
    expect(value('Concat([attributes["a"], "y"], "-")')).toBe('x-y');
    expect(value('9223372036854775807 + 1')).toBe(-9223372036854775808n);
    const m = value('{"k": attributes["a"], "l": [1]}');
    expect(m).toBeInstanceOf(PMap);
    expect((m as PMap).toRaw()).toEqual({ k: 'x', l: [1n] });
  });
});

describe('check and inferContext', () => {
  const env = createEnvironment();
  it('check returns syntax and checker diagnostics in source order', () => {
    expect(
      env.check('set(attributes["a"], Lenn(body)) where severity_text == 3', { kind: 'statement', context: 'log' }).map((d) => `${d.severity} ${d.code}`),
    ).toEqual(['error unknown-function', 'warning never-true']);
  });
  it('inferContext picks the best-priority path context that supports every function', () => {
    expect(env.inferContext(['set(log.attributes["a"], resource.attributes["b"])'], { kind: 'statement', allowed: ['resource', 'scope', 'log'] }).context).toBe('log');
    expect(env.inferContext(['set(resource.attributes["a"], "b")'], { kind: 'statement', allowed: ['resource', 'scope', 'log'] }).context).toBe('resource');
  });
});
