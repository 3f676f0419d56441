// examples/layers as three real processes (agent → collector → gateway), fed by the OpenTelemetry
// JS SDK: the gateway's per-tenant files show the routing, the collector's transform and filter,
// and tail_sampling keeping error and slow traces while dropping fast OK ones.
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildProcess, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { bin, freePort, requireBuilt, startCollectorProcess, until } from './processes.js';

const examples = resolve(import.meta.dirname, '../../../../../examples/layers');
const layers = ['agent', 'collector', 'gateway'] as const;
const dir = mkdtempSync(join(tmpdir(), 'ottl-layers-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface JsonSpan {
  traceId: string;
  name: string;
  attributes?: { key: string; value: { stringValue?: string } }[];
  status?: { code?: number; message?: string };
}
interface JsonLine {
  resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: JsonSpan[] }[] }[];
}

/** The spans in one of the gateway's files, each with its resource's tenant and its string attributes. */
function backend(name: string): { tenant: string | undefined; traceId: string; name: string; attributes: Record<string, string | undefined>; status: JsonSpan['status'] }[] {
  const file = join(dir, 'gateway', `${name}.jsonl`);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return text
    .split('\n')
    .filter((l) => l !== '')
    .flatMap((l) => (JSON.parse(l) as JsonLine).resourceSpans)
    .flatMap((rs) =>
      rs.scopeSpans.flatMap((ss) =>
        ss.spans.map((s) => ({
          tenant: rs.resource.attributes.find((a) => a.key === 'tenant')?.value.stringValue,
          traceId: s.traceId,
          name: s.name,
          attributes: Object.fromEntries((s.attributes ?? []).map((a) => [a.key, a.value.stringValue])),
          status: s.status,
        })),
      ),
    );
}

describe('examples/layers', () => {
  it('ottl collector validate accepts the three configs', () => {
    requireBuilt();
    for (const layer of layers) {
      const r = spawnSync(process.execPath, [bin, 'collector', 'validate', '--config', join(examples, `${layer}.yaml`)], { encoding: 'utf8' });
      expect([layer, r.status, r.stdout.trim()]).toEqual([layer, 0, `${join(examples, `${layer}.yaml`)}: configuration is valid`]);
    }
  });

  it('routes the traces tail_sampling keeps to per-tenant files, transformed; fast OK traces and health checks are dropped', async () => {
    const [collectorPort, gatewayPort] = [await freePort(), await freePort()];
    const env = {
      LAYERS_DATA: dir,
      AGENT_GRPC: '127.0.0.1:0',
      AGENT_HTTP: '127.0.0.1:0',
      COLLECTOR_GRPC: `127.0.0.1:${collectorPort}`,
      GATEWAY_GRPC: `127.0.0.1:${gatewayPort}`,
      AGENT_METRICS: '127.0.0.1:0',
      COLLECTOR_METRICS: '127.0.0.1:0',
      GATEWAY_METRICS: '127.0.0.1:0',
      TENANT_ID: '',
      ENVIRONMENT: '',
      AGENT_BATCH_TIMEOUT: '50ms',
      AGENT_SAMPLING_PERCENTAGE: '100',
      COLLECTOR_DECISION_WAIT: '300ms',
      COLLECTOR_SAMPLING_PERCENTAGE: '0',
    };
    const [agent, collector, gateway] = await Promise.all(layers.map((l) => startCollectorProcess(l, [join(examples, `${l}.yaml`)], children, env)));
    const agentGrpc = /otlp grpc\s+(127\.0\.0\.1:\d+)/.exec(agent!.stdout())![1]!;

    const exporter = new OTLPTraceExporter({ url: `http://${agentGrpc}` });
    const provider = (attributes: Record<string, string>) =>
      new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': 'shop', ...attributes }), spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const providers = { a: provider({ tenant: 'tenant-a' }), b: provider({ tenant: 'tenant-b', env: 'staging' }), none: provider({}) };
    const now = Date.now();
    /** One trace: a root span with a child; returns its trace ID. */
    const sendTrace = (p: BasicTracerProvider, opts: { error?: boolean; ms?: number; name?: string }): string => {
      const tracer = p.getTracer('checkout');
      const root = tracer.startSpan(opts.name ?? 'POST /checkout', {
        startTime: now,
        attributes: { 'user.id': 'alice', 'http.request.header.authorization': 'Bearer secret' },
      });
      if (opts.error) root.setStatus({ code: SpanStatusCode.ERROR, message: 'payment failed' });
      tracer.startSpan('SELECT cart', { startTime: now + 1 }, trace.setSpan(ROOT_CONTEXT, root)).end(now + 2);
      root.end(now + (opts.ms ?? 5));
      return root.spanContext().traceId;
    };
    const sent = {
      aError: sendTrace(providers.a, { error: true }),
      aSlow: sendTrace(providers.a, { ms: 4000 }),
      aFast: sendTrace(providers.a, {}),
      bError: sendTrace(providers.b, { error: true }),
      bFast: sendTrace(providers.b, {}),
      bHealth: sendTrace(providers.b, { error: true, name: 'GET /health' }),
      noneError: sendTrace(providers.none, { error: true }),
    };
    await Promise.all(Object.values(providers).map((p) => p.shutdown()));

    const traceIds = (file: string) => [...new Set(backend(file).map((s) => s.traceId))].sort();
    await until(() => traceIds('tenant-a').length >= 2 && traceIds('tenant-b').length >= 1 && traceIds('default').length >= 1, 'the kept traces to reach the gateway', 10_000);
    for (const p of [agent!, collector!, gateway!]) p.child.kill('SIGTERM');
    expect(await Promise.all([agent!.exited, collector!.exited, gateway!.exited])).toEqual([0, 0, 0]);

    expect(traceIds('tenant-a')).toEqual([sent.aError, sent.aSlow].sort());
    expect(traceIds('tenant-b')).toEqual([sent.bError]);
    expect(traceIds('default')).toEqual([sent.noneError]);
    // Whole traces: each kept trace arrives with its child span.
    for (const file of ['tenant-a', 'tenant-b', 'default']) expect(backend(file).filter((s) => s.name === 'SELECT cart').map((s) => s.traceId).sort()).toEqual(traceIds(file));

    const hashed = createHash('sha256').update('alice').digest('hex');
    const roots = (file: string) => backend(file).filter((s) => s.name !== 'SELECT cart').map(({ tenant, traceId, attributes, status }) => ({ tenant, traceId, attributes, status }));
    // prod (the agent's default env) gets the user ID hashed; tenant-b's staging keeps it.
    expect(roots('tenant-a').sort((x, y) => x.traceId.localeCompare(y.traceId))).toEqual(
      [
        { tenant: 'tenant-a', traceId: sent.aError, attributes: { 'user.id': hashed, 'pipeline.layer': 'collector' }, status: { code: 2, message: 'payment failed' } },
        { tenant: 'tenant-a', traceId: sent.aSlow, attributes: { 'user.id': hashed, 'pipeline.layer': 'collector' }, status: { message: 'timeout' } },
      ].sort((x, y) => x.traceId.localeCompare(y.traceId)),
    );
    expect(roots('tenant-b')).toEqual([{ tenant: 'tenant-b', traceId: sent.bError, attributes: { 'user.id': 'alice', 'pipeline.layer': 'collector' }, status: { code: 2, message: 'payment failed' } }]);
    expect(roots('default')).toEqual([{ tenant: 'unknown', traceId: sent.noneError, attributes: { 'user.id': hashed, 'pipeline.layer': 'collector' }, status: { code: 2, message: 'payment failed' } }]);
  }, 20_000);
});
