import { describe, expect, it } from 'vitest';
import type { Signal } from '../../component/componentId.js';
import type { SignalData } from '../../component/component.js';
import { defaultComponents } from '../../components.js';
import { validateConfig } from '../../service/collector.js';
import { captureExporter, makeGauges, makeLogs, makeTraces, runCollector } from '../../__tests__/helpers.js';
import { routingConnectorFactory } from '../routing.js';

const components = (...extra: Parameters<typeof defaultComponents>) => defaultComponents(routingConnectorFactory, ...extra);

/** A config: `<signal>/in` exports to `routing` (configured by `routing`, YAML under it), which feeds `<signal>/a`, `/b` and `/other`. */
function yaml(signal: Signal, routing: string): string {
  const indented = routing.trim().split('\n').map((l) => `    ${l}`).join('\n');
  const out = ['a', 'b', 'other'].map((n) => `    ${signal}/${n}: { receivers: [routing], exporters: [capture/${n}] }`).join('\n');
  return `receivers:
  nop:
exporters:
  capture/a:
  capture/b:
  capture/other:
connectors:
  routing:
${indented}
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    ${signal}/in: { receivers: [nop], exporters: [routing] }
${out}
`;
}

/** Runs `input` through the config; what each exporter got, request by request, and how `consume` ended. */
function run<S extends Signal>(signal: S, routing: string, input: SignalData[S]) {
  const cap = captureExporter();
  return runCollector([{ name: 'c.yaml', text: yaml(signal, routing) }], components(cap.factory), cap, signal, input);
}

function diagnostics(text: string): string[] {
  const r = validateConfig({ sources: [{ name: 'c.yaml', text }] }, components(captureExporter().factory), () => undefined);
  return r.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`);
}

describe('routing connector', () => {
  it('routes logs by resource: each resource to the first entry that matches, the rest to default_pipelines', async () => {
    const r = await run(
      'logs',
      `
default_pipelines: [logs/other]
table:
  - condition: attributes["tenant"] == "a"
    pipelines: [logs/a]
  - statement: route() where resource.attributes["tenant"] == "b"
    pipelines: [logs/b]
  - condition: attributes["env"] == "prod"
    pipelines: [logs/b]
`,
      makeLogs([
        { attrs: { tenant: 'a', env: 'prod' }, bodies: ['a1', 'a2'] },
        { attrs: { tenant: 'b' }, bodies: ['b1'] },
        { attrs: { tenant: 'c' }, bodies: ['c1'] },
        { attrs: { tenant: 'd', env: 'prod' }, bodies: ['d1'] },
      ]),
    );
    expect(r.result).toBe('ok');
    expect(r.got).toEqual({
      'capture/a': [['{"tenant":"a","env":"prod"} a1,a2']],
      // Two entries naming the same pipelines share one request.
      'capture/b': [['{"tenant":"b"} b1', '{"tenant":"d","env":"prod"} d1']],
      'capture/other': [['{"tenant":"c"} c1']],
    });
  });

  it('routes traces and metrics by resource attribute; without default_pipelines the rest is dropped', async () => {
    const table = (signal: string) => `
table:
  - condition: attributes["tenant"] == "a"
    pipelines: [${signal}/a]
  - condition: attributes["tenant"] == "b"
    pipelines: [${signal}/b]
`;
    const traces = await run('traces', table('traces'), makeTraces([{ attrs: { tenant: 'b' }, spans: ['s1'] }, { attrs: { tenant: 'a' }, spans: ['s2', 's3'] }, { attrs: { tenant: 'z' }, spans: ['s4'] }]));
    expect(traces.got).toEqual({ 'capture/a': [['{"tenant":"a"} s2,s3']], 'capture/b': [['{"tenant":"b"} s1']] });
    const gauges = makeGauges([{ names: ['m1'], points: 1 }, { names: ['m2'], points: 2 }]);
    gauges.resourceMetrics[0]!.resource.attributes.set('tenant', 'a');
    gauges.resourceMetrics[1]!.resource.attributes.set('tenant', 'b');
    const metrics = await run('metrics', table('metrics'), gauges);
    expect(metrics.got).toEqual({ 'capture/a': [['{"tenant":"a"} m1[0]']], 'capture/b': [['{"tenant":"b"} m2[0 1]']] });
  });

  it('splits single log records and spans out of their resource, copying resource and scope', async () => {
    const logs = await run(
      'logs',
      `
default_pipelines: [logs/other]
table:
  - context: log
    condition: IsMatch(body, "^err")
    pipelines: [logs/a]
  - condition: log.body == "warn"
    pipelines: [logs/b]
`,
      makeLogs([{ attrs: { svc: 'api' }, bodies: ['err1', 'ok', 'warn', 'err2'] }, { attrs: { svc: 'db' }, bodies: ['ok'] }]),
    );
    expect(logs.got).toEqual({
      'capture/a': [['{"svc":"api"} err1,err2']],
      'capture/b': [['{"svc":"api"} warn']],
      'capture/other': [['{"svc":"api"} ok', '{"svc":"db"} ok']],
    });
    const traces = await run(
      'traces',
      `
table:
  - condition: span.name == "GET /a"
    pipelines: [traces/a]
`,
      makeTraces([{ attrs: { svc: 'web' }, spans: ['GET /a', 'GET /b', 'GET /a'] }]),
    );
    expect(traces.got).toEqual({ 'capture/a': [['{"svc":"web"} GET /a,GET /a']] });
  });

  it('routes metrics by metric and by data point, splitting a metric whose points go different ways', async () => {
    const r = await run(
      'metrics',
      `
default_pipelines: [metrics/other]
table:
  - context: metric
    condition: name == "m2"
    pipelines: [metrics/a]
  - context: datapoint
    condition: value_int >= 2
    pipelines: [metrics/b]
`,
      makeGauges([{ names: ['m1', 'm2'], points: 4 }]),
    );
    expect(r.got).toEqual({
      'capture/a': [['{} m2[0 1 2 3]']],
      'capture/b': [['{} m1[2 3]']],
      'capture/other': [['{} m1[0 1]']],
    });
  });

  it('runs a statement\'s editor on what it routes', async () => {
    const r = await run(
      'logs',
      `
default_pipelines: [logs/other]
table:
  - statement: delete_key(attributes, "tenant") where attributes["tenant"] == "a"
    pipelines: [logs/a]
`,
      makeLogs([{ attrs: { tenant: 'a', keep: 1 }, bodies: ['x'] }, { attrs: { tenant: 'b' }, bodies: ['y'] }]),
    );
    expect(r.got).toEqual({ 'capture/a': [['{"keep":1} x']], 'capture/other': [['{"tenant":"b"} y']] });
  });

  it('propagate fails the request and sends nothing; ignore logs and treats the item as not matching', async () => {
    const routing = (mode: string) => `
error_mode: ${mode}
default_pipelines: [logs/other]
table:
  - condition: ParseJSON(attributes["doc"])["ok"] == true
    pipelines: [logs/a]
`;
    const input = () => makeLogs([{ attrs: { doc: '{"ok":true}' }, bodies: ['good'] }, { attrs: { doc: 'nope' }, bodies: ['bad'] }]);
    const propagated = await run('logs', routing('propagate'), input());
    expect(propagated.got).toEqual({});
    expect(propagated.result).toMatch(/^failed to eval condition: ParseJSON\(attributes\["doc"\]\)\["ok"\] == true, /);
    const ignored = await run('logs', routing('ignore'), input());
    expect(ignored.result).toBe('ok');
    expect(ignored.got).toEqual({ 'capture/a': [['{"doc":"{\\"ok\\":true}"} good']], 'capture/other': [['{"doc":"nope"} bad']] });
    expect(ignored.warnings).toEqual(['failed to eval condition']);
  });

  it('reports table errors at their YAML line:column', () => {
    const text = yaml(
      'logs',
      `
match_once: true
default_pipelines: [logs/othre]
table:
  - pipelines: [logs/a]
  - condition: attributes["a"] == "x"
    statement: route()
    pipelines: [logs/a]
  - context: request
    condition: request["X-Tenant"] == "acme"
    pipelines: [logs/a]
  - context: spam
    condition: name == "x"
    pipelines: [logs/a]
  - context: span
    condition: name == "x"
    pipelines: [logs/a]
  - condition: attributes["a"] == Lenn("x")
    pipelines: [logs/a, logs/in]
  - condition: attributes["a"] == "x"
`,
    );
    expect(diagnostics(text)).toEqual([
      'unknown-field 9:5 connectors.routing.match_once: unknown field "match_once" (hint: match_once was removed upstream in v0.120.0: every item now goes to the first entry that matches it)',
      'config-error 12:9 connectors.routing.table[0]: invalid route: no condition or statement provided (hint: write either condition: <condition> or statement: route() where <condition>)',
      'config-error 13:9 connectors.routing.table[1]: invalid route: both condition and statement provided (hint: write either condition: <condition> or statement: route() where <condition>)',
      'config-error 16:18 connectors.routing.table[2].context: the request context reads request metadata, which this runtime does not carry yet (hint: route on what the data carries, e.g. context: resource with condition: attributes["tenant"] == "acme")',
      'config-error 19:18 connectors.routing.table[3].context: invalid context: spam (hint: did you mean `span`?)',
      'config-error 22:18 connectors.routing.table[4].context: context span does not apply to the logs pipelines this route names (hint: valid contexts for logs: resource, log)',
      'unknown-function 25:39 connectors.routing.table[5].condition: there is no converter named `Lenn` (hint: did you mean `Len`?)',
      'config-error 27:9 connectors.routing.table[6].pipelines: invalid route: no pipelines defined (hint: list the pipelines that receive what this route matches, e.g. pipelines: [traces/acme])',
      'config-error 26:29 connectors.routing.table[5].pipelines[1]: pipeline "logs/in" does not receive from connector "routing" (hint: add routing to service.pipelines.logs/in.receivers)',
      'config-error 10:25 connectors.routing.default_pipelines[0]: references pipeline "logs/othre" which is not configured (hint: did you mean `logs/other`?)',
    ]);
    expect(diagnostics(yaml('logs', 'table: []'))[0]).toBe(
      'config-error 9:5 connectors.routing.table: invalid routing table: the routing table is empty (hint: add entries such as - condition: resource.attributes["tenant"] == "acme" with pipelines: [traces/acme])',
    );
  });

  it('requires the pipelines a route names to have the signal it is fed', () => {
    const text = yaml('logs', 'table:\n  - condition: attributes["a"] == "x"\n    pipelines: [traces/t]').replace('  pipelines:\n', '  pipelines:\n    traces/t: { receivers: [routing], exporters: [capture/a] }\n');
    expect(diagnostics(text).filter((d) => d.includes('table[0]'))).toEqual([
      'config-error 11:21 connectors.routing.table[0].pipelines[0]: connector "routing" is an exporter of logs pipelines and cannot feed traces pipeline "traces/t" (hint: routing connects: traces → traces, metrics → metrics, logs → logs)',
    ]);
  });
});
