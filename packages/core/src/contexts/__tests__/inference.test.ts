import { describe, expect, it } from 'vitest';
import { parseCondition, parseStatement } from '../../language/parse.js';
import type { BoolExprNode, StatementNode } from '../../language/ast.js';
import type { ContextName } from '../../types/signature.js';
import { collectHints, inferContext } from '../inference.js';

const STANDARD = ['set', 'delete_key', 'IsMatch', 'Concat', 'SHA256', 'Len'];
/** Metric-only and datapoint-only functions, as the transform processor registers them. */
const FUNCTIONS: { [K in ContextName]?: string[] } = {
  metric: [...STANDARD, 'convert_sum_to_gauge', 'copy_metric'],
  datapoint: [...STANDARD, 'convert_summary_count_val_to_sum'],
};
const functionsFor = (c: ContextName): ReadonlySet<string> => new Set(FUNCTIONS[c] ?? STANDARD);

function statements(...texts: string[]): StatementNode[] {
  return texts.map((t) => {
    const r = parseStatement(t);
    if (!r.ast) throw new Error(`cannot parse ${t}`);
    return r.ast;
  });
}

function condition(text: string): BoolExprNode {
  return parseCondition(text).ast!;
}

const METRICS: ContextName[] = ['resource', 'scope', 'metric', 'datapoint'];
const TRACES: ContextName[] = ['resource', 'scope', 'span', 'spanevent'];
const LOGS: ContextName[] = ['resource', 'scope', 'log'];

function infer(allowed: ContextName[], asts: (StatementNode | BoolExprNode)[]) {
  const r = inferContext(asts, { allowed, functionsFor });
  return { context: r.context, errors: r.diagnostics.map((d) => `${d.code}: ${d.message}`) };
}

describe('context inference (reference §6.15 examples)', () => {
  const cases: [string, ContextName[], string[], ContextName][] = [
    ['a datapoint path in the where clause wins', METRICS, ['set(metric.description, "x") where datapoint.attributes["t"] == "p"'], 'datapoint'],
    ['resource alone', METRICS, ['set(resource.attributes["a"], "b")'], 'resource'],
    ['resource with a metric statement', METRICS, ['set(resource.attributes["a"], "b")', 'set(metric.name, "x")'], 'metric'],
    ['falls back to a lower context that has the editor', METRICS, ['convert_sum_to_gauge() where resource.attributes["x"] == "y"'], 'metric'],
    ['scope beats resource', LOGS, ['set(resource.attributes["a"], "b")', 'set(scope.name, "s")'], 'scope'],
    ['instrumentation_scope infers scope', LOGS, ['set(instrumentation_scope.name, "s")'], 'scope'],
    ['spanevent beats span', TRACES, ['set(span.name, "x") where spanevent.name == "e"'], 'spanevent'],
    ['enum symbols are checked', TRACES, ['set(span.attributes["k"], "v") where span.kind == SPAN_KIND_SERVER'], 'span'],
    ['a converter passed by name is not an enum', LOGS, ['set(log.body, Concat([log.body], SHA256))'], 'log'],
  ];
  it.each(cases)('%s', (_name, allowed, texts, expected) => {
    expect(infer(allowed, statements(...texts))).toEqual({ context: expected, errors: [] });
  });

  it('uses conditions together with statements', () => {
    expect(infer(LOGS, [...statements('set(resource.attributes["a"], "b")'), condition('log.body != nil')]).context).toBe('log');
  });

  it('fails without any context prefix', () => {
    expect(infer(LOGS, statements('set(attributes["a"], "b")'))).toEqual({
      context: undefined,
      errors: [
        `context-inference: unable to infer context from statements, path's first segment must be a valid context name: ["resource" "scope" "log"], and at least one context must be capable of parsing all statements`,
      ],
    });
  });

  it('fails when no context has the function', () => {
    expect(infer(LOGS, statements('clear(log.attributes)'))).toEqual({
      context: undefined,
      errors: [
        'context-inference: unable to infer a valid context (["resource" "scope" "log"]) from statements and conditions: inferred context "log" does not support the function "clear"',
      ],
    });
  });

  it('fails when no context has the enum symbol', () => {
    expect(infer(LOGS, statements('set(log.attributes["k"], "v") where log.severity_number == SPAN_KIND_SERVER')).errors).toEqual([
      'context-inference: unable to infer a valid context (["resource" "scope" "log"]) from statements and conditions: inferred context "log" does not support the enum symbol "SPAN_KIND_SERVER"',
    ]);
  });

  it('fails for a context the component does not accept', () => {
    expect(infer(LOGS, statements('set(span.name, "x")')).errors).toEqual([
      'context-inference: context "span" inferred from the statements is not a supported context: ["resource" "scope" "log"]',
    ]);
  });

  it('honours a custom priority', () => {
    const r = inferContext(statements('set(resource.attributes["a"], "b")', 'set(scope.name, "s")'), {
      allowed: LOGS,
      functionsFor,
      priority: ['resource', 'scope'],
    });
    expect(r.context).toBe('resource');
  });
});

describe('collectHints', () => {
  it('collects paths, calls and enums, not lambda parameters', () => {
    const [ast] = statements('set(log.attributes[log.body], Len(log.cache)) where log.severity_number > SEVERITY_NUMBER_INFO');
    const hints = collectHints([ast!]);
    expect({
      paths: hints.paths.map((p) => [p.context, ...p.segments.map((s) => s.name)].join('.')),
      calls: hints.calls.map((c) => c.name),
      enums: hints.enums.map((e) => e.name),
    }).toEqual({
      paths: ['log.attributes', 'log.body', 'log.cache', 'log.severity_number'],
      calls: ['set', 'Len'],
      enums: ['SEVERITY_NUMBER_INFO'],
    });
  });
});
