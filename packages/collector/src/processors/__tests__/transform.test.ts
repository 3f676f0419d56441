import { describe, expect, it } from 'vitest';
import type { Logs, Traces } from '@ottl/pdata';
import { defaultComponents } from '../../components.js';
import { validateConfig } from '../../service/collector.js';
import { transformProcessorFactory } from '../transform.js';
import { decodeFor, logBodies, makeLogs, makeTraces, sink, testSettings } from '../../__tests__/helpers.js';

function pipelineYaml(processor: string): string {
  return `receivers:\n  nop:\nprocessors:\n${processor}exporters:\n  nop:\nservice:\n  pipelines:\n    logs:\n      receivers: [nop]\n      processors: [transform]\n      exporters: [nop]\n`;
}

function diagnostics(processor: string): string[] {
  const r = validateConfig({ sources: [{ name: 'c.yaml', text: pipelineYaml(processor) }] }, defaultComponents(), () => undefined);
  return r.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.message}`);
}

async function runLogs(config: unknown, input: Logs) {
  const out = sink<Logs>();
  const set = testSettings('transform', 'logs');
  const p = transformProcessorFactory.createLogs!(set, decodeFor(transformProcessorFactory.config, config), out);
  const result = await p.consume(input).then(
    () => 'ok',
    (e: unknown) => (e as Error).message,
  );
  return { out: out.got, result, logs: set.logger.entries.map((e) => `${e.level} ${e.message} ${JSON.stringify(e.fields)}`) };
}

describe('transform processor', () => {
  it('infers the context of basic statements and runs them in order', async () => {
    const r = await runLogs(
      { log_statements: ['set(log.attributes["n"], 1)', 'set(log.body, Concat([log.body, resource.attributes["svc"]], "@")) where log.attributes["n"] == 1'] },
      makeLogs([{ attrs: { svc: 'api' }, bodies: ['a', 'b'] }]),
    );
    expect(r.result).toBe('ok');
    expect(logBodies(r.out[0]!)).toEqual(['a@api', 'b@api']);
  });

  it('runs advanced groups with a legacy context, conditions and their own error mode', async () => {
    const td = makeTraces([{ spans: ['GET /a', 'POST /b'] }]);
    const out = sink<Traces>();
    const cfg = decodeFor(transformProcessorFactory.config, {
      trace_statements: [
        { context: 'span', conditions: ['IsMatch(name, "^GET")'], statements: ['set(attributes["read"], true)'] },
        { context: 'resource', statements: ['set(attributes["seen"], "yes")'] },
      ],
    });
    await transformProcessorFactory.createTraces!(testSettings('transform', 'traces'), cfg, out).consume(td);
    const t = out.got[0]!;
    expect(t.resourceSpans[0]!.resource.attributes.toRaw()).toEqual({ seen: 'yes' });
    expect(t.resourceSpans[0]!.scopeSpans[0]!.spans.map((s) => s.attributes.toRaw())).toEqual([{ read: true }, {}]);
  });

  it('ignore logs a failing statement and goes on; propagate fails the request', async () => {
    const stmts = ['set(log.attributes["x"], ParseJSON(log.body))', 'set(log.attributes["after"], true)'];
    const ignored = await runLogs({ log_statements: stmts }, makeLogs([{ bodies: ['nope'] }]));
    expect(ignored.result).toBe('ok');
    expect(ignored.out[0]!.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.toRaw()).toEqual({ after: true });
    expect(ignored.logs[0]).toMatch(/^warn failed to execute statement .*set\(log.attributes\[\\"x\\"\], ParseJSON\(log.body\)\)/);
    const propagated = await runLogs({ error_mode: 'propagate', log_statements: stmts }, makeLogs([{ bodies: ['nope'] }]));
    expect(propagated.out).toEqual([]);
    expect(propagated.result).toMatch(/^failed to execute statement: set\(log.attributes\["x"\], ParseJSON\(log.body\)\), /);
  });

  it('points OTTL errors at the statement inside the YAML file', () => {
    expect(
      diagnostics(`  transform:\n    log_statements:\n      - set(log.attributes["a"], Lenn(log.body))\n      - 'set(log.nope, 1)'\n`),
    ).toEqual([
      'unknown-function 6:34-6:38 processors.transform.log_statements[0]: there is no converter named `Lenn`',
      'unknown-path 7:18-7:22 processors.transform.log_statements[1]: segment "nope" from path "log.nope" is not a valid path nor a valid OTTL keyword for the log context - review https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/pkg/ottl/contexts/ottllog to see all valid paths',
    ]);
  });

  it('reports syntax errors, bad contexts, mixed styles and context inference failures', () => {
    expect(diagnostics(`  transform:\n    log_statements:\n      - set(log.body, "x"\n`)[0]).toMatch(/^unclosed-delimiter 6:\d+-6:\d+ processors\.transform\.log_statements\[0\]: /);
    expect(diagnostics(`  transform:\n    log_statements:\n      - context: span\n        statements:\n          - set(name, "x")\n`)).toEqual(['config-error 6:18-6:22 processors.transform.log_statements[0].context: unknown context span']);
    expect(diagnostics(`  transform:\n    log_statements:\n      - set(log.body, "x")\n      - statements:\n          - set(log.body, "y")\n`)).toEqual([
      'config-error 6:7-9:1 processors.transform.log_statements: configuring multiple configuration styles is not supported, please use only Basic configuration or only Advanced configuration',
    ]);
    expect(diagnostics(`  transform:\n    log_statements:\n      - set(attributes["a"], 1)\n`)[0]).toMatch(/^context-inference 6:\d+-6:\d+ processors\.transform\.log_statements\[0\]: unable to infer context/);
  });
});
