import { describe, expect, test } from 'vitest';
import { detectSignal, runPlayground } from '../run.js';
import { SAMPLES } from '../samples.js';

const LOGS = JSON.stringify({
  resourceLogs: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'checkout' } }] },
      scopeLogs: [
        {
          logRecords: [
            { timeUnixNano: '1700000000123456789', body: { stringValue: 'a' }, severityNumber: 9 },
            { body: { stringValue: 'b' }, severityNumber: 17 },
          ],
        },
      ],
    },
  ],
});

describe('runPlayground', () => {
  test('every sample compiles without diagnostics and transforms its input', () => {
    for (const s of SAMPLES) {
      const result = runPlayground({ statements: s.statements, context: s.context, errorMode: 'propagate', input: s.input });
      expect({ label: s.label, diagnostics: result.diagnostics, error: result.error, signal: result.signal }).toEqual({
        label: s.label,
        diagnostics: [],
        error: undefined,
        signal: s.signal,
      });
      expect(result.output).not.toEqual(JSON.stringify(JSON.parse(s.input), null, 2));
      expect(result.trace.length).toBeGreaterThan(0);
    }
  });

  test('runs statements per record and traces which matched; int64 stays exact', () => {
    const result = runPlayground({
      statements: '# tag errors\nset(attributes["seen"], true)\nset(attributes["bad"], body)\n  where severity_number >= SEVERITY_NUMBER_ERROR',
      context: 'log',
      errorMode: 'propagate',
      input: LOGS,
    });
    expect(result.error).toBeUndefined();
    expect(result.statements).toEqual(['set(attributes["seen"], true)', 'set(attributes["bad"], body)\n  where severity_number >= SEVERITY_NUMBER_ERROR']);
    expect(result.trace).toEqual([
      { label: 'log #1', summary: 'a', outcomes: [{ statement: 0, matched: true }, { statement: 1, matched: false }] },
      { label: 'log #2', summary: 'b', outcomes: [{ statement: 0, matched: true }, { statement: 1, matched: true }] },
    ]);
    const out = JSON.parse(result.output!);
    expect(out.resourceLogs[0].scopeLogs[0].logRecords[1].attributes).toEqual([
      { key: 'seen', value: { boolValue: true } },
      { key: 'bad', value: { stringValue: 'b' } },
    ]);
    expect(result.output).toContain('"timeUnixNano": "1700000000123456789"');
  });

  test('compile diagnostics are in rule-file coordinates and stop the run', () => {
    const result = runPlayground({ statements: 'set(attributes["a"], 1)\n\nset(attributes["x"], Lenn(body))', context: 'log', errorMode: 'propagate', input: LOGS });
    expect(result.output).toBeUndefined();
    expect(result.error).toBe('the statements have errors');
    expect(result.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`)).toEqual(['unknown-function 3:22']);
  });

  test('syntax errors come from the rule file, once', () => {
    const result = runPlayground({ statements: 'set(attributes["a"], 1\n', context: 'log', errorMode: 'propagate', input: LOGS });
    expect(result.diagnostics.length).toBe(1);
    expect(result.diagnostics[0]!.range.start.line).toBe(1);
  });

  test('error modes: propagate stops with the error, ignore records it per record and continues', () => {
    const statements = 'set(attributes["n"], Double(body))\nset(attributes["after"], true)';
    const propagate = runPlayground({ statements, context: 'log', errorMode: 'propagate', input: LOGS });
    expect(propagate.error).toMatch(/^failed to execute statement: set\(attributes\["n"\], Double\(body\)\)/);
    expect(propagate.output).toBeUndefined();
    expect(propagate.trace.map((r) => r.outcomes.map((o) => [o.statement, o.matched, o.error !== undefined]))).toEqual([[[0, false, true]]]);

    const ignore = runPlayground({ statements, context: 'log', errorMode: 'ignore', input: LOGS });
    expect(ignore.error).toBeUndefined();
    expect(ignore.trace.map((r) => r.outcomes.map((o) => [o.statement, o.matched, o.error !== undefined]))).toEqual([
      [[0, false, true], [1, true, false]],
      [[0, false, true], [1, true, false]],
    ]);
    expect(ignore.output).toContain('"key": "after"');
  });

  test('bad input is reported, not thrown', () => {
    expect(runPlayground({ statements: '', context: 'log', errorMode: 'propagate', input: '{' }).error).toMatch(/^input is not JSON/);
    expect(runPlayground({ statements: '', context: 'log', errorMode: 'propagate', input: '{"x":1}' }).error).toMatch(/not an OTLP\/JSON request/);
    expect(runPlayground({ statements: 'set(name, "x")', context: 'span', errorMode: 'propagate', input: LOGS }).error).toBeDefined();
  });

  test('detectSignal', () => {
    expect([{ resourceLogs: [] }, { resourceSpans: [] }, { resource_metrics: [] }, [], null].map(detectSignal)).toEqual(['logs', 'traces', 'metrics', undefined, undefined]);
  });
});
