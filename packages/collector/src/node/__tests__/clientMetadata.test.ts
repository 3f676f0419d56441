// Client metadata end to end: OTLP requests with headers, over gRPC and HTTP, through a collector
// running in-process (receiver include_metadata, routing attribute_source: context, batch
// metadata_keys and metadata_cardinality_limit, attributes from_context).
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as grpc from '@grpc/grpc-js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { encodeLogsProto, encodeTracesProto, type Logs, type Traces } from '@ottl/pdata';
import { captureExporter, decodeFor, logBodies, makeLogs, makeTraces, runCollector, sink, spanNames, testSettings, until } from '../../__tests__/helpers.js';
import { attachClientInfo, clientInfo, newMetadata } from '../../client/clientInfo.js';
import { routingConnectorFactory } from '../../connectors/routing.js';
import { routingProcessorFactory } from '../../processors/routing.js';
import { tailSamplingProcessorFactory } from '../../processors/tailSampling.js';
import { defaultComponents } from '../../components.js';
import { makeComponents } from '../../component/components.js';
import { record, string } from '../../config/schema.js';
import { createMemoryLogger } from '../../logger.js';
import { Collector } from '../../service/collector.js';
import { nodeFactories } from '../components.js';
import { decodeStatusMessage } from '../protoLite.js';
import { startCollector, type RunningCollector } from '../run.js';
import { addressOf, grpcExport, httpCall } from './harness.js';

const LOGS = 'opentelemetry.proto.collector.logs.v1.LogsService';
const TRACES = 'opentelemetry.proto.collector.trace.v1.TraceService';

let running: RunningCollector | undefined;
afterEach(async () => {
  await running?.shutdown();
  running = undefined;
});

/** Starts a collector from several config files; `capture` stands in for the exporters of its type. */
async function start(texts: string[], capture: ReturnType<typeof captureExporter>): Promise<RunningCollector> {
  const sources = texts.map((text, i) => ({ name: `c${i}.yaml`, text }));
  running = await startCollector(sources, { components: makeComponents(nodeFactories(), capture.factory), logger: createMemoryLogger('warn'), env: () => undefined, shutdownTimeoutMs: 5000 });
  return running;
}

const httpPost = (address: string, path: string, body: Uint8Array, headers: Record<string, string> = {}) => httpCall(address, path, { headers: { 'Content-Type': 'application/x-protobuf', ...headers }, body });

describe('client metadata', () => {
  it("routes by the tenant header with the seed's routing config unchanged: gRPC always, HTTP with include_metadata", async () => {
    const seed = readFileSync(resolve(import.meta.dirname, '../../../../../../shared/seed/000_0de7b5b3dcdc16a8.txt'), 'utf8');
    const tenantRouting = [...seed.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((t) => /^ {2}routing:/m.test(t) && t.includes('otlp/default'))!;
    // The seed names otlp/default without defining it; this file adds it, the receivers and the pipeline.
    const rest = `
receivers:
  otlp:
    protocols: { grpc: { endpoint: 127.0.0.1:0 }, http: { endpoint: 127.0.0.1:0 } }
  otlp/meta:
    protocols: { http: { endpoint: 127.0.0.1:0, include_metadata: true } }
exporters:
  otlp/default:
    endpoint: default.example.com:4317
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    traces: { receivers: [otlp, otlp/meta], processors: [routing], exporters: [otlp/tenant-a, otlp/tenant-b, otlp/default] }
`;
    // In-process stand-ins for the seed's otlp exporters record what reaches each.
    const cap = captureExporter('otlp', { endpoint: string(), headers: record(string()) });
    const r = await start([tenantRouting, rest], cap);
    const grpcAddr = addressOf(r, 'otlp grpc', 'otlp');
    const plainHttp = addressOf(r, 'otlp http', 'otlp');
    const metaHttp = addressOf(r, 'otlp http', 'otlp/meta');
    const spans = (name: string) => encodeTracesProto(makeTraces([{ spans: [name] }]));
    const calls = await Promise.all([
      grpcExport(grpcAddr, TRACES, spans('grpc-a'), { metadata: { tenant: 'tenant-a' } }),
      grpcExport(grpcAddr, TRACES, spans('grpc-b'), { metadata: { Tenant: 'tenant-b' } }),
      grpcExport(grpcAddr, TRACES, spans('grpc-other'), { metadata: { tenant: 'tenant-c' } }),
      grpcExport(grpcAddr, TRACES, spans('grpc-none')),
      httpPost(plainHttp, '/v1/traces', spans('http-a-without-include-metadata'), { tenant: 'tenant-a' }),
      httpPost(metaHttp, '/v1/traces', spans('http-b'), { TENANT: 'tenant-b' }),
      httpPost(metaHttp, '/v1/traces', spans('http-none')),
    ]);
    expect(calls.map((c) => ('status' in c ? c.status : c.code))).toEqual([0, 0, 0, 0, 200, 200, 200]);
    const names = (id: string) => (cap.byId.get(id) ?? []).flatMap((td) => spanNames(td as never)).sort();
    expect({ a: names('otlp/tenant-a'), b: names('otlp/tenant-b'), default: names('otlp/default') }).toEqual({
      a: ['grpc-a'],
      b: ['grpc-b', 'http-b'],
      default: ['grpc-none', 'grpc-other', 'http-a-without-include-metadata', 'http-none'],
    });
  });

  it('batch metadata_keys keeps tenants apart, its batches carry the key for attributes from_context, and a new tenant past the cardinality limit is refused', async () => {
    const yaml = `
receivers:
  otlp:
    protocols:
      grpc: { endpoint: 127.0.0.1:0, include_metadata: true }
      http: { endpoint: 127.0.0.1:0, include_metadata: true }
  otlp/plain:
    protocols: { http: { endpoint: 127.0.0.1:0 } }
processors:
  batch:
    send_batch_size: 2
    timeout: 10s
    metadata_keys: [tenant]
    metadata_cardinality_limit: 3
  attributes:
    actions:
      - { key: tenant, from_context: metadata.tenant, action: insert }
      - { key: agent, from_context: user-agent, action: insert }
exporters:
  capture:
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [otlp, otlp/plain], processors: [batch, attributes], exporters: [capture] }
`;
    const cap = captureExporter();
    const r = await start([yaml], cap);
    const grpcAddr = addressOf(r, 'otlp grpc', 'otlp');
    const http = addressOf(r, 'otlp http', 'otlp');
    const plain = addressOf(r, 'otlp http', 'otlp/plain');
    const logs = (body: string) => encodeLogsProto(makeLogs([{ bodies: [body] }]));
    expect(await grpcExport(grpcAddr, LOGS, logs('a1'), { metadata: { tenant: 'a' } })).toEqual({ code: 0, details: '' });
    expect((await httpPost(http, '/v1/logs', logs('b1'), { Tenant: 'b' })).status).toBe(200);
    expect((await httpPost(http, '/v1/logs', logs('a2'), { tenant: 'a' })).status).toBe(200);
    // Tenant a has send_batch_size records: sent as one batch; b waits for its own second record.
    expect(cap.received.logs.map(logBodies)).toEqual([['a1', 'a2']]);
    // Without include_metadata a request has no tenant: a third combination (no value).
    expect((await httpPost(plain, '/v1/logs', logs('n1'), { tenant: 'c' })).status).toBe(200);
    const refused = await httpPost(http, '/v1/logs', logs('d1'), { tenant: 'd' });
    expect([refused.status, decodeStatusMessage(refused.body)]).toEqual([400, 'too many batcher metadata-value combinations (metadata_cardinality_limit is 3)']);
    expect(await grpcExport(grpcAddr, LOGS, logs('b2'), { metadata: { tenant: 'b' } })).toEqual({ code: 0, details: '' });
    await r.shutdown();
    running = undefined;
    // Each batch holds one tenant and carries only that key: the user agent is not in the batch's metadata.
    const records = (ld: Logs) => ld.resourceLogs.flatMap((rl) => rl.scopeLogs.flatMap((sl) => sl.logRecords.map((lr) => `${String(lr.body)} ${JSON.stringify(lr.attributes.toRaw())}`)));
    expect(cap.received.logs.map(records)).toEqual([['a1 {"tenant":"a"}', 'a2 {"tenant":"a"}'], ['b1 {"tenant":"b"}', 'b2 {"tenant":"b"}'], ['n1 {}']]);
  });

  it('fan-out clones carry the client info of the request they copy', async () => {
    const tag = (name: string) => ({ actions: [{ key: name, from_context: 'metadata.tenant', action: 'insert' }] });
    const cap = captureExporter();
    const col = new Collector(
      {
        object: {
          receivers: { nop: {} },
          processors: { 'attributes/a': tag('a'), 'attributes/b': tag('b') },
          exporters: { capture: {} },
          service: {
            telemetry: { metrics: { level: 'none' } },
            pipelines: {
              'logs/a': { receivers: ['nop'], processors: ['attributes/a'], exporters: ['capture'] },
              'logs/b': { receivers: ['nop'], processors: ['attributes/b'], exporters: ['capture'] },
            },
          },
        },
      },
      { components: defaultComponents(cap.factory) },
    );
    await col.start();
    const input = makeLogs([{ bodies: ['x'] }]);
    attachClientInfo(input, { metadata: newMetadata([['tenant', ['acme']]]) });
    await col.consumer('nop', 'logs').consume(input);
    await col.shutdown();
    const attrs = cap.received.logs.map((ld) => ld.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.toRaw());
    expect(attrs.sort((x, y) => (Object.keys(x)[0]! < Object.keys(y)[0]! ? -1 : 1))).toEqual([{ a: 'acme' }, { b: 'acme' }]);
  });

  it('routing connector and processor parts keep the client info; tail_sampling releases late spans of a kept trace with it, decided traces without', async () => {
    const tenant = <T extends object>(data: T): T => (attachClientInfo(data, { metadata: newMetadata([['tenant', ['acme']]]) }), data);
    const tenantOf = (d: object) => clientInfo(d).metadata.get('tenant');
    const tenantsReceived = (c: ReturnType<typeof captureExporter>) => [...c.byId.values()].flat().map((d) => tenantOf(d as object));
    const cap = captureExporter();
    const yaml = `
receivers: { nop: }
exporters: { capture/a: , capture/other: }
connectors:
  routing: { default_pipelines: [logs/other], table: [{ condition: 'attributes["r"] == "a"', pipelines: [logs/a] }] }
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs/in: { receivers: [nop], exporters: [routing] }
    logs/a: { receivers: [routing], exporters: [capture/a] }
    logs/other: { receivers: [routing], exporters: [capture/other] }
`;
    const routed = await runCollector([{ name: 'c.yaml', text: yaml }], defaultComponents(routingConnectorFactory, cap.factory), cap, 'logs', tenant(makeLogs([{ attrs: { r: 'a' }, bodies: ['a'] }, { bodies: ['o'] }])));
    expect(routed.got).toEqual({ 'capture/a': [['{"r":"a"} a']], 'capture/other': [['{} o']] });
    expect(tenantsReceived(cap)).toEqual([['acme'], ['acme']]);

    const byResource = `
receivers: { nop: }
exporters: { capture/a: , capture/other: }
processors:
  routing: { attribute_source: resource, from_attribute: r, default_exporters: [capture/other], table: [{ value: a, exporters: [capture/a] }] }
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], processors: [routing], exporters: [capture/a, capture/other] }
`;
    const cap2 = captureExporter();
    const split = await runCollector([{ name: 'c.yaml', text: byResource }], defaultComponents(routingProcessorFactory, cap2.factory), cap2, 'logs', tenant(makeLogs([{ attrs: { r: 'a' }, bodies: ['a'] }, { bodies: ['o'] }])));
    expect(split.got).toEqual({ 'capture/a': [['{"r":"a"} a']], 'capture/other': [['{} o']] });
    expect(tenantsReceived(cap2)).toEqual([['acme'], ['acme']]);

    const out = sink<Traces>();
    const cfg = decodeFor(tailSamplingProcessorFactory.config, { decision_wait: '10ms', decision_cache: { sampled_cache_size: 10 }, policies: [{ name: 'all', type: 'always_sample' }] });
    const p = tailSamplingProcessorFactory.createTraces!(testSettings('tail_sampling', 'traces'), cfg, out);
    await p.start({} as never);
    await p.consume(tenant(makeTraces([{ spans: ['first'] }])));
    await until(() => out.got.length === 1);
    await p.consume(tenant(makeTraces([{ spans: ['late'] }])));
    await p.shutdown();
    expect(out.got.map((td) => [spanNames(td), tenantOf(td)])).toEqual([
      [['first'], undefined],
      [['late'], ['acme']],
    ]);
  });

  it('client.address is the IPv4 address an IPv4 client connected from, also on a dual-stack listener', async () => {
    const yaml = `
receivers:
  otlp:
    protocols: { grpc: { endpoint: '[::]:0' }, http: { endpoint: '[::]:0' } }
processors:
  attributes: { actions: [{ key: ip, from_context: client.address, action: insert }] }
exporters:
  capture:
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [otlp], processors: [attributes], exporters: [capture] }
`;
    const cap = captureExporter();
    const r = await start([yaml], cap);
    const port = (name: string) => addressOf(r, name, 'otlp').split(':').at(-1)!;
    const logs = encodeLogsProto(makeLogs([{ bodies: ['x'] }]));
    expect(await grpcExport(`127.0.0.1:${port('otlp grpc')}`, LOGS, logs)).toEqual({ code: 0, details: '' });
    expect((await httpPost(`127.0.0.1:${port('otlp http')}`, '/v1/logs', logs)).status).toBe(200);
    expect(cap.received.logs.map((ld) => ld.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.toRaw())).toEqual([{ ip: '127.0.0.1' }, { ip: '127.0.0.1' }]);
  });

  it('a gRPC request reads its metadata only when a component asks for it', async () => {
    const toJSON = vi.spyOn(grpc.Metadata.prototype, 'toJSON');
    try {
      const pipeline = (processors: string) => `
receivers:
  otlp: { protocols: { grpc: { endpoint: 127.0.0.1:0 } } }
processors:
  routing: { from_attribute: tenant, default_exporters: [capture], table: [{ value: a, exporters: [capture] }] }
exporters:
  capture:
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [otlp], processors: [${processors}], exporters: [capture] }
`;
      const logs = encodeLogsProto(makeLogs([{ bodies: ['x'] }]));
      const send = async (processors: string) => {
        const r = await start([pipeline(processors)], captureExporter());
        expect(await grpcExport(addressOf(r, 'otlp grpc', 'otlp'), LOGS, logs, { metadata: { tenant: 'a' } })).toEqual({ code: 0, details: '' });
        await r.shutdown();
        running = undefined;
      };
      await send('');
      expect(toJSON).not.toHaveBeenCalled();
      await send('routing');
      expect(toJSON).toHaveBeenCalledTimes(1);
    } finally {
      toJSON.mockRestore();
    }
  });
});
