import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logs } from '@ottl/pdata';
import type { Signal } from '../../component/componentId.js';
import type { SignalData } from '../../component/component.js';
import { defaultComponents } from '../../components.js';
import type { ConfigSource } from '../../config/diagnostics.js';
import { genericExporterFactory } from '../../component/define.js';
import { record, string, struct } from '../../config/schema.js';
import { Collector, validateConfig } from '../../service/collector.js';
import { captureExporter, logBodies, makeGauges, makeLogs, makeTraces, runCollector } from '../../__tests__/helpers.js';
import { routingProcessorFactory } from '../routing.js';
import { attachClientInfo, newMetadata } from '../../client/clientInfo.js';

const components = (...extra: Parameters<typeof defaultComponents>) => defaultComponents(routingProcessorFactory, ...extra);

/** `<signal>` pipeline: nop → routing (configured by `routing`) → capture/a, capture/b, capture/default. */
function yaml(signal: Signal, routing: string): string {
  const indented = routing.trim().split('\n').map((l) => `    ${l}`).join('\n');
  return `receivers:
  nop:
processors:
  routing:
${indented}
exporters:
  capture/a:
  capture/b:
  capture/default:
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    ${signal}: { receivers: [nop], processors: [routing], exporters: [capture/a, capture/b, capture/default] }
`;
}

/** Runs `input` through a collector built from `sources` whose exporters record what they get. */
function run<S extends Signal>(sources: readonly ConfigSource[], signal: S, input: SignalData[S], cap = captureExporter()) {
  return runCollector(sources, components(cap.factory), cap, signal, input);
}

const routeYaml = <S extends Signal>(signal: S, routing: string, input: SignalData[S]) => run([{ name: 'c.yaml', text: yaml(signal, routing) }], signal, input);

function diagnostics(text: string): string[] {
  const r = validateConfig({ sources: [{ name: 'c.yaml', text }] }, components(captureExporter().factory), () => undefined);
  return r.diagnostics.map((d) => `${d.severity} ${d.range.start.line}:${d.range.start.column} ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`);
}

const BY_TENANT = `
from_attribute: tenant
attribute_source: resource
default_exporters: [capture/default]
table:
  - value: acme
    exporters: [capture/a]
  - value: ecorp
    exporters: [capture/a, capture/b]
`;

describe('routing processor (legacy)', () => {
  it('sends each resource to the exporters of every entry whose value its attribute has, the rest to default_exporters', async () => {
    const r = await routeYaml(
      'logs',
      BY_TENANT,
      makeLogs([
        { attrs: { tenant: 'acme' }, bodies: ['a1'] },
        { attrs: { tenant: 'ecorp' }, bodies: ['e1', 'e2'] },
        { attrs: { tenant: 'initech' }, bodies: ['i1'] },
        { attrs: {}, bodies: ['n1'] },
      ]),
    );
    expect(r.result).toBe('ok');
    expect(r.got).toEqual({
      'capture/a': [['{"tenant":"acme"} a1'], ['{"tenant":"ecorp"} e1,e2']],
      'capture/b': [['{"tenant":"ecorp"} e1,e2']],
      'capture/default': [['{"tenant":"initech"} i1', '{} n1']],
    });
  });

  it('routes traces and metrics too, and drops the routing attribute when asked', async () => {
    const drop = `${BY_TENANT}\ndrop_resource_routing_attribute: true`;
    const traces = await routeYaml('traces', drop, makeTraces([{ attrs: { tenant: 'acme', env: 'prod' }, spans: ['s1'] }, { attrs: { tenant: 'other' }, spans: ['s2'] }]));
    expect(traces.got).toEqual({ 'capture/a': [['{"env":"prod"} s1']], 'capture/default': [['{"tenant":"other"} s2']] });
    const gauges = makeGauges([{ names: ['m1'], points: 1 }, { names: ['m2'], points: 1 }]);
    gauges.resourceMetrics[0]!.resource.attributes.set('tenant', 'ecorp');
    const metrics = await routeYaml('metrics', BY_TENANT, gauges);
    expect(metrics.got).toEqual({ 'capture/a': [['{"tenant":"ecorp"} m1[0]']], 'capture/b': [['{"tenant":"ecorp"} m1[0]']], 'capture/default': [['{} m2[0]']] });
  });

  it('matches OTTL statements on the resource, running their editors, beside value entries', async () => {
    const r = await routeYaml(
      'logs',
      `
from_attribute: tenant
attribute_source: resource
default_exporters: [capture/default]
table:
  - statement: route() where resource.attributes["region"] == "eu"
    exporters: [capture/a]
  - statement: delete_key(resource.attributes, "tenant") where IsMatch(resource.attributes["tenant"], ".*corp")
    exporters: [capture/b]
  - value: acme
    exporters: [capture/b]
`,
      makeLogs([{ attrs: { tenant: 'ecorp', region: 'us' }, bodies: ['e'] }, { attrs: { tenant: 'acme', region: 'eu' }, bodies: ['a'] }, { attrs: { tenant: 'x' }, bodies: ['x'] }]),
    );
    expect(r.got).toEqual({
      'capture/a': [['{"tenant":"acme","region":"eu"} a']],
      'capture/b': [['{"region":"us"} e', '{"tenant":"acme","region":"eu"} a']],
      'capture/default': [['{"tenant":"x"} x']],
    });
  });

  it('ignore sends a resource whose statement failed to default_exporters as well; propagate fails the request', async () => {
    const routing = (mode: string) => `
error_mode: ${mode}
default_exporters: [capture/default]
table:
  - statement: route() where ParseJSON(resource.attributes["doc"])["ok"] == true
    exporters: [capture/a]
`;
    const input = () => makeLogs([{ attrs: { doc: '{"ok":true}' }, bodies: ['good'] }, { attrs: { doc: 'nope' }, bodies: ['bad'] }]);
    const ignored = await routeYaml('logs', routing('ignore'), input());
    expect(ignored.got).toEqual({ 'capture/a': [['{"doc":"{\\"ok\\":true}"} good']], 'capture/default': [['{"doc":"nope"} bad']] });
    expect(ignored.warnings).toEqual(['failed to execute statement']);
    const propagated = await routeYaml('logs', routing('propagate'), input());
    expect(propagated.got).toEqual({});
    expect(propagated.result).toMatch(/^failed to execute statement: route\(\) where ParseJSON/);
  });

  it('with attribute_source context routes whole requests by the first value of the header from_attribute (any case), the rest to default_exporters', async () => {
    const routing = 'from_attribute: X-Tenant\ndefault_exporters: [capture/default]\ntable:\n  - value: acme\n    exporters: [capture/a]\n  - value: ecorp\n    exporters: [capture/b]';
    const request = (header: string[] | undefined, body: string) => {
      const ld = makeLogs([{ attrs: { 'X-Tenant': 'acme' }, bodies: [body] }, { bodies: [`${body}2`] }]);
      if (header) attachClientInfo(ld, { metadata: newMetadata([['x-tenant', header]]) });
      return ld;
    };
    const routed = await Promise.all([
      routeYaml('logs', routing, request(['ecorp', 'acme'], 'e')),
      routeYaml('logs', routing, request(['initech'], 'i')),
      // The resource attribute of the same name is not what attribute_source: context reads.
      routeYaml('logs', routing, request(undefined, 'n')),
    ]);
    expect(routed.map((r) => [r.result, r.got, r.warnings])).toEqual([
      ['ok', { 'capture/b': [['{"X-Tenant":"acme"} e', '{} e2']] }, []],
      ['ok', { 'capture/default': [['{"X-Tenant":"acme"} i', '{} i2']] }, []],
      ['ok', { 'capture/default': [['{"X-Tenant":"acme"} n', '{} n2']] }, []],
    ]);
  });

  it('shuts down the exporters it sends to after itself, even those of another pipeline', async () => {
    const events: string[] = [];
    const rec = genericExporterFactory({
      type: 'rec',
      description: 'records its lifecycle',
      stability: 'development',
      config: struct({}),
      signals: ['logs'],
      create: (set) => ({
        start: async () => void events.push(`start ${set.id}`),
        shutdown: async () => void events.push(`shutdown ${set.id}`),
        capabilities: { mutatesData: false },
        consume: async (d) => void events.push(`${set.id} got ${logBodies(d as Logs).join(',')}`),
      }),
    });
    const text = `receivers:
  nop:
  nop/side:
processors:
  resource: { attributes: [{ key: seen, value: yes, action: upsert }] }
  batch: { timeout: 1h }
  routing:
    from_attribute: tenant
    attribute_source: resource
    default_exporters: [rec/side]
    table: [{ value: acme, exporters: [rec/main] }]
exporters:
  rec/main:
  rec/side:
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], processors: [resource, batch, routing], exporters: [rec/main] }
    logs/side: { receivers: [nop/side], exporters: [rec/side] }
`;
    const col = new Collector({ sources: [{ name: 'c.yaml', text }] }, { components: components(rec), env: () => undefined });
    await col.start();
    await col.consumer('nop', 'logs').consume(makeLogs([{ attrs: { tenant: 'initech' }, bodies: ['held'] }]));
    expect([...events].sort()).toEqual(['start rec/main', 'start rec/side']);
    await col.shutdown(); // the batch processor hands 'held' to routing only now
    expect(events[2]).toBe('rec/side got held');
    expect(events.slice(3).sort()).toEqual(['shutdown rec/main', 'shutdown rec/side']);
  });

  it('reports config errors at their YAML line:column', () => {
    const text = yaml(
      'logs',
      `
from_attribute: ""
drop_resource_routing_attribute: true
default_exporters: [capture/defualt]
table:
  - value: acme
    statement: route()
    exporters: [capture/a]
  - exporters: [capture/a]
  - value: x
  - statement: route() where resource.attributes["a"] == Lenn("x")
    exporters: [forward, capture/unused]
`,
    )
      .replace('exporters:\n', 'exporters:\n  capture/unused:\n')
      .replace('service:', 'connectors:\n  forward:\nservice:')
      .replace('  pipelines:\n', '  pipelines:\n    traces: { receivers: [nop], exporters: [capture/unused] }\n');
    expect(diagnostics(text)).toEqual([
      'error 9:9 processors.routing.table[0]: invalid route: both statement (route()) and value (acme) provided (hint: an entry matches by value or by statement)',
      'error 12:9 processors.routing.table[1]: invalid (empty) route: empty routing attribute provided (hint: give the entry a value (of from_attribute) or a statement)',
      'error 13:9 processors.routing.table[2].exporters: invalid route: no exporters defined for the route',
      'error 14:62 processors.routing.table[3].statement: there is no converter named `Lenn` (hint: did you mean `Len`?)',
      'error 5:21 processors.routing.from_attribute: invalid attribute to read the route\'s value from: the FromAttribute property is empty (hint: name the attribute whose value the table entries match, e.g. from_attribute: tenant)',
      'error 6:38 processors.routing.drop_resource_routing_attribute: drop_resource_routing_attribute needs value entries and attribute_source: resource',
      'error 15:21 processors.routing.table[3].exporters[0]: references exporter "forward" which is not configured (hint: "forward" is a connector; routing sends to exporters only)',
      'error 15:30 processors.routing.table[3].exporters[1]: exporter "capture/unused" is not in any logs pipeline, so routing cannot send logs to it (hint: add it to the exporters of the logs pipeline that has "routing")',
      'error 7:25 processors.routing.default_exporters[0]: references exporter "capture/defualt" which is not configured (hint: did you mean `capture/default`?)',
    ]);
  });

  it('warns that processors after it never see data', () => {
    const text = yaml('logs', BY_TENANT).replace('processors: [routing]', 'processors: [routing, batch]').replace('processors:\n  routing:', 'processors:\n  batch:\n  routing:');
    expect(diagnostics(text)).toEqual(['warning 5:3 processors.routing: processors after "routing" in pipeline "logs" (batch) never see data: routing sends to exporters itself']);
  });

  it('runs the seed design document\'s tenant routing unchanged, and routes by tenant with attribute_source: resource', async () => {
    const seed = readFileSync(resolve(import.meta.dirname, '../../../../../../shared/seed/000_0de7b5b3dcdc16a8.txt'), 'utf8');
    const tenantRouting = [...seed.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((t) => /^ {2}routing:/m.test(t) && t.includes('tenant-a-backend'))!;
    // The seed's exporters are otlp exporters; here an in-process `otlp` stand-in records what reaches each.
    const otlp = () => captureExporter('otlp', { endpoint: string(), headers: record(string()) });
    const pipeline = { name: 'pipeline.yaml', text: 'receivers:\n  nop:\nservice:\n  telemetry: { metrics: { level: none } }\n  pipelines:\n    traces: { receivers: [nop], processors: [routing], exporters: [otlp/tenant-a, otlp/tenant-b] }\n' };
    const input = () => makeTraces([{ attrs: { tenant: 'tenant-a' }, spans: ['a'] }, { attrs: { tenant: 'tenant-b' }, spans: ['b'] }, { attrs: { tenant: 'tenant-c' }, spans: ['c'] }]);
    const unchanged = await run([{ name: 'seed.yaml', text: tenantRouting }, pipeline], 'traces', input(), otlp());
    // It routes by the request header `tenant` (src/node/__tests__/clientMetadata.test.ts); an in-process request has none and there is no default.
    expect([unchanged.result, unchanged.got, unchanged.warnings]).toEqual(['ok', {}, []]);
    const byResource = { name: 'resource.yaml', text: 'processors:\n  routing:\n    attribute_source: resource\n' };
    const routed = await run([{ name: 'seed.yaml', text: tenantRouting }, pipeline, byResource], 'traces', input(), otlp());
    expect(routed.got).toEqual({ 'otlp/tenant-a': [['{"tenant":"tenant-a"} a']], 'otlp/tenant-b': [['{"tenant":"tenant-b"} b']] });
  });
});
