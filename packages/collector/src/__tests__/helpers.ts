// Test-only helpers: small builders for pdata requests and a capturing exporter.
import { Logs, LogRecord, ResourceLogs, ScopeLogs, Traces, ResourceSpans, ScopeSpans, Span, TraceId, SpanId, Metrics, ResourceMetrics, ScopeMetrics, Metric, NumberDataPoint } from '@ottl/pdata';
import { ComponentId, type ComponentKind, type Signal } from '../component/componentId.js';
import type { CreateSettings, ExporterFactory, SignalData } from '../component/component.js';
import { ConfigIssues, type ConfigSource } from '../config/diagnostics.js';
import type { Decoder } from '../config/schema.js';
import { treeFromObject } from '../config/tree.js';
import type { Consumer } from '../consumer/consumer.js';
import { createMemoryLogger } from '../logger.js';
import { Collector, DEFAULT_BUILD_INFO } from '../service/collector.js';
import type { Components } from '../component/components.js';
import { metricPoints } from '../signals.js';
import { MetricsRegistry } from '../telemetry/metrics.js';
import { noLifecycle } from '../component/component.js';
import { genericExporterFactory } from '../component/define.js';
import { bool, struct, type Fields } from '../config/schema.js';

export function makeLogs(resources: { attrs?: Record<string, unknown>; bodies: string[]; scope?: string }[]): Logs {
  return Logs.create({
    resourceLogs: resources.map((r) =>
      ResourceLogs.create({
        resource: { attributes: r.attrs ?? {} },
        scopeLogs: [ScopeLogs.create({ scope: { name: r.scope ?? 'test' }, logRecords: r.bodies.map((b) => LogRecord.create({ body: b, timeUnixNano: 1_700_000_000_000_000_000n })) })],
      }),
    ),
  });
}

export function makeTraces(resources: { attrs?: Record<string, unknown>; spans: string[] }[]): Traces {
  let n = 1;
  return Traces.create({
    resourceSpans: resources.map((r) =>
      ResourceSpans.create({
        resource: { attributes: r.attrs ?? {} },
        scopeSpans: [
          ScopeSpans.create({
            scope: { name: 'test' },
            spans: r.spans.map((name) => {
              const id = n++;
              return Span.create({
                name,
                traceId: TraceId.fromHex(id.toString(16).padStart(32, '0')),
                spanId: SpanId.fromHex(id.toString(16).padStart(16, '0')),
                startTimeUnixNano: 1_700_000_000_000_000_000n,
                endTimeUnixNano: 1_700_000_000_500_000_000n,
              });
            }),
          }),
        ],
      }),
    ),
  });
}

export function makeGauges(resources: { names: string[]; points: number }[]): Metrics {
  return Metrics.create({
    resourceMetrics: resources.map((r) =>
      ResourceMetrics.create({
        scopeMetrics: [
          ScopeMetrics.create({
            metrics: r.names.map((name) => {
              const m = Metric.create({ name });
              const g = m.setEmptyGauge();
              for (let i = 0; i < r.points; i++) g.dataPoints.push(NumberDataPoint.create({ intValue: BigInt(i), timeUnixNano: 1n }));
              return m;
            }),
          }),
        ],
      }),
    ),
  });
}

/** Log bodies in order, for assertions. */
export function logBodies(ld: Logs): unknown[] {
  return ld.resourceLogs.flatMap((rl) => rl.scopeLogs.flatMap((sl) => sl.logRecords.map((lr) => lr.body)));
}

export function spanNames(td: Traces): string[] {
  return td.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => s.name)));
}

/**
 * An exporter (type `capture` unless given, accepting `fields` besides `mutates`) that records what
 * it receives per signal and per exporter ID; `mutates: true` declares mutatesData.
 */
export function captureExporter(
  type = 'capture',
  fields: Fields = {},
): { factory: ExporterFactory; received: { [S in Signal]: SignalData[S][] }; byId: Map<string, unknown[]> } {
  const received = { traces: [], metrics: [], logs: [], profiles: [] } as { [S in Signal]: SignalData[S][] };
  const byId = new Map<string, unknown[]>();
  const factory = genericExporterFactory({
    type,
    description: 'test exporter',
    stability: 'development',
    config: struct({ mutates: bool(false), ...fields }),
    signals: ['traces', 'metrics', 'logs', 'profiles'],
    create: (set, cfg) => ({
      ...noLifecycle,
      capabilities: { mutatesData: cfg.mutates as boolean },
      consume: (d) => {
        (received[set.signal!] as unknown[]).push(d);
        const id = set.id.toString();
        byId.set(id, [...(byId.get(id) ?? []), d]);
        return Promise.resolve();
      },
    }),
  });
  return { factory, received, byId };
}

/** Create settings for a component under test, with a fresh metrics registry and a memory logger. */
export function testSettings(id: string, signal: Signal, kind: ComponentKind = 'processor'): CreateSettings & { logger: ReturnType<typeof createMemoryLogger> } {
  const parsed = ComponentId.parse(id);
  if ('error' in parsed) throw new Error(parsed.error);
  return { id: parsed, kind, signal, logger: createMemoryLogger(), metrics: new MetricsRegistry(), buildInfo: DEFAULT_BUILD_INFO };
}

/** Decodes `config` (plain JS) with a factory's decoder; throws on config errors. */
export function decodeFor<C>(decoder: Decoder<C>, config: unknown): C {
  const issues = new ConfigIssues();
  const value = decoder.decode(treeFromObject(config), { issues, path: 'test', loc: undefined });
  const errors = issues.errors;
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('\n'));
  return value;
}

/** Resolves once `cond()` holds (polled every few milliseconds); rejects after `ms`. */
export async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A consumer that records what it gets. */
export function sink<T>(): Consumer<T> & { got: T[] } {
  const got: T[] = [];
  return { got, capabilities: { mutatesData: false }, consume: (d) => (got.push(d), Promise.resolve()) };
}

/** One line per resource: its attributes, then its items (log bodies, span names, metric name[point values]). */
export function resourceLines(d: unknown): string[] {
  const line = (attrs: unknown, items: unknown[]) => `${JSON.stringify(attrs)} ${items.join(',')}`;
  const points = (m: Metric) => `${m.name}[${metricPoints(m).map((p) => String((p as NumberDataPoint).intValue)).join(' ')}]`;
  if (d instanceof Logs) return d.resourceLogs.map((r) => line(r.resource.attributes.toRaw(), r.scopeLogs.flatMap((s) => s.logRecords.map((l) => l.body))));
  if (d instanceof Traces) return d.resourceSpans.map((r) => line(r.resource.attributes.toRaw(), r.scopeSpans.flatMap((s) => s.spans.map((x) => x.name))));
  return (d as Metrics).resourceMetrics.map((r) => line(r.resource.attributes.toRaw(), r.scopeMetrics.flatMap((s) => s.metrics.map(points))));
}

/**
 * Starts a collector from YAML `sources` with `components` (whose `capture`-style exporter is
 * `cap`), pushes `input` into receiver `nop`, and shuts down. Returns what each exporter got,
 * request by request as {@link resourceLines}, how `consume` ended, and the warnings logged.
 */
export async function runCollector<S extends Signal>(sources: readonly ConfigSource[], components: Components, cap: ReturnType<typeof captureExporter>, signal: S, input: SignalData[S]) {
  const logger = createMemoryLogger('warn');
  const col = new Collector({ sources }, { components, logger, env: () => undefined });
  await col.start();
  const result = await col.consumer('nop', signal).consume(input).then(
    () => 'ok',
    (e: unknown) => (e as Error).message,
  );
  await col.shutdown();
  const got = Object.fromEntries([...cap.byId].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, reqs]) => [id, reqs.map(resourceLines)]));
  return { got, result, warnings: logger.entries.map((e) => e.message) };
}
