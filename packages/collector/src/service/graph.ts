/**
 * The pipeline graph (the Collector's `service/internal/graph`): one receiver instance per
 * (receiver, signal), one processor instance per (pipeline, processor), one exporter instance per
 * (exporter, signal), one connector instance per (connector, from-signal, to-signal). Receivers
 * feeding several pipelines fan out; pipelines fan out to their exporters. A processor that sends
 * to exporters itself (`ProcessorFactory.exporterRefs`, the legacy routing processor) is given
 * their instances for its signal and counts as upstream of them.
 *
 * Order: `start` goes from exporters up to receivers (so nothing receives data before its
 * downstream is running); `shutdown` goes from receivers down to exporters, each stage finishing
 * (flushing batches, draining queues) before the next one stops — so nothing already accepted is
 * lost.
 */
import { ComponentId, type ComponentKind, type Signal } from '../component/componentId.js';
import { createFunctionName, type BuildInfo, type Component, type CreateSettings, type Endpoint, type Host, type SignalData } from '../component/component.js';
import type { CollectorConfig, ComponentConfig, PipelineConfig } from '../config/collectorConfig.js';
import { errorMessage, type Consumer } from '../consumer/consumer.js';
import { fanout } from '../consumer/fanout.js';
import type { Logger } from '../logger.js';
import { SIGNAL_OPS } from '../signals.js';
import { processorTelemetry } from '../telemetry/componentTelemetry.js';
import type { MetricsRegistry } from '../telemetry/metrics.js';

export interface GraphSettings {
  readonly logger: Logger;
  readonly metrics: MetricsRegistry;
  readonly buildInfo: BuildInfo;
}

interface GraphNode {
  readonly key: string;
  readonly kind: ComponentKind;
  readonly id: ComponentId;
  readonly component: Component;
  /** Nodes this one sends data to. */
  readonly downstream: GraphNode[];
}

interface BuiltPipeline {
  readonly consumer: Consumer<unknown>;
  /** Nodes data entering the pipeline reaches first. */
  readonly heads: GraphNode[];
}

type AnyConsumer = Consumer<unknown>;

/** Thrown when components cannot be created or wired (a cycle through connectors). */
export class GraphError extends Error {
  override readonly name = 'GraphError';
}

export class Graph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly pipelines = new Map<string, BuiltPipeline>();
  private readonly building = new Set<string>();
  private readonly receiverEntries = new Map<string, AnyConsumer>();
  private started: GraphNode[] = [];

  private constructor(
    private readonly config: CollectorConfig,
    private readonly set: GraphSettings,
  ) {}

  /** Creates every component of the configured pipelines (nothing starts yet). */
  static build(config: CollectorConfig, set: GraphSettings): Graph {
    const g = new Graph(config, set);
    for (const p of config.service.pipelines.values()) g.pipeline(p);
    g.buildReceivers();
    return g;
  }

  /** The consumer a receiver of `signal` pushes into (the fan-out to its pipelines). */
  receiverConsumer<S extends Signal>(receiverId: string, signal: S): Consumer<SignalData[S]> | undefined {
    return this.receiverEntries.get(`${receiverId}|${signal}`) as Consumer<SignalData[S]> | undefined;
  }

  /** What the started components listen on, once per component. */
  endpoints(): { readonly id: string; readonly endpoint: Endpoint }[] {
    const seen = new Set<string>();
    const out: { id: string; endpoint: Endpoint }[] = [];
    for (const n of this.started) {
      for (const e of n.component.endpoints?.() ?? []) {
        const key = `${n.id}|${e.name}|${e.address}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ id: n.id.toString(), endpoint: e });
      }
    }
    return out;
  }

  /** Every node in shutdown order: receivers first, exporters last. */
  topologicalOrder(): GraphNode[] {
    const indegree = new Map<GraphNode, number>();
    for (const n of this.nodes.values()) indegree.set(n, indegree.get(n) ?? 0);
    for (const n of this.nodes.values()) for (const d of n.downstream) indegree.set(d, (indegree.get(d) ?? 0) + 1);
    const ready = [...this.nodes.values()].filter((n) => indegree.get(n) === 0);
    const out: GraphNode[] = [];
    while (ready.length > 0) {
      const n = ready.shift()!;
      out.push(n);
      for (const d of n.downstream) {
        const k = indegree.get(d)! - 1;
        indegree.set(d, k);
        if (k === 0) ready.push(d);
      }
    }
    return out;
  }

  /** Starts components from exporters to receivers; on a failure, shuts down what started and rethrows. */
  async start(host: Host): Promise<void> {
    const order = this.topologicalOrder().reverse();
    for (const n of order) {
      try {
        await n.component.start(host);
      } catch (err) {
        this.started.push(n);
        await this.shutdown();
        throw new GraphError(`failed to start ${n.kind} "${n.id}": ${errorMessage(err)}`, { cause: err });
      }
      this.started.push(n);
    }
  }

  /** Shuts components down from receivers to exporters, each after its upstream finished. Errors are logged. */
  async shutdown(): Promise<void> {
    const started = new Set(this.started);
    this.started = [];
    for (const n of this.topologicalOrder()) {
      if (!started.has(n)) continue;
      try {
        await n.component.shutdown();
      } catch (err) {
        this.set.logger.error(`failed to shut down ${n.kind}`, { id: n.id.toString(), error: err });
      }
    }
  }

  private settings(kind: ComponentKind, id: ComponentId, signal: Signal, pipeline?: string): CreateSettings {
    const fields: Record<string, string> = { kind, name: id.toString(), data_type: signal };
    if (pipeline !== undefined) fields['pipeline'] = pipeline;
    return { id, kind, signal, logger: this.set.logger.with(fields), metrics: this.set.metrics, buildInfo: this.set.buildInfo };
  }

  private addNode(key: string, kind: ComponentKind, id: ComponentId, component: Component): GraphNode {
    const node: GraphNode = { key, kind, id, component, downstream: [] };
    this.nodes.set(key, node);
    return node;
  }

  private create<T>(what: string, make: () => T): T {
    try {
      const made = make();
      if (made === undefined) throw new Error('the factory returned nothing');
      return made;
    } catch (err) {
      throw new GraphError(`failed to create ${what}: ${errorMessage(err)}`, { cause: err });
    }
  }

  private pipeline(p: PipelineConfig): BuiltPipeline {
    const key = p.id.toString();
    const done = this.pipelines.get(key);
    if (done) return done;
    if (this.building.has(key)) throw new GraphError(`cycle in pipelines through connectors: ${[...this.building, key].join(' → ')}`);
    this.building.add(key);
    const signal = p.id.signal;
    const ops = SIGNAL_OPS[signal];

    const tails: { consumer: AnyConsumer; node: GraphNode }[] = [];
    for (const expId of p.exporters) {
      const conn = this.config.connectors.get(expId.toString());
      if (conn) tails.push(...this.connectorsFrom(conn, p));
      else tails.push(this.exporter(this.config.exporters.get(expId.toString())!, signal));
    }
    let next: AnyConsumer = fanout(
      tails.map((t) => t.consumer),
      ops as never,
    );
    let heads: GraphNode[] = tails.map((t) => t.node);
    let mutates = tails.some((t) => t.consumer.capabilities.mutatesData);
    for (let i = p.processors.length - 1; i >= 0; i--) {
      const procId = p.processors[i]!;
      const cfg = this.config.processors.get(procId.toString())!;
      const tel = processorTelemetry(this.set.metrics, procId, signal);
      const out = next;
      const outgoing: AnyConsumer = {
        capabilities: out.capabilities,
        consume: (d) => {
          tel.outgoing(ops.count(d as never));
          return out.consume(d);
        },
      };
      const fn = createFunctionName(signal);
      const direct = this.directExporters(cfg, signal);
      const proc = this.create(`processor "${procId}" in pipeline "${key}"`, () => {
        const create = cfg.factory[fn as keyof typeof cfg.factory] as unknown as (s: CreateSettings, c: unknown, n: AnyConsumer) => Component & AnyConsumer;
        const set = this.settings('processor', procId, signal, key);
        return create.call(cfg.factory, direct.size > 0 ? { ...set, exporters: new Map([...direct].map(([id, e]) => [id, e.consumer])) } : set, cfg.config, outgoing);
      });
      const node = this.addNode(`processor|${key}|${procId}`, 'processor', procId, proc);
      node.downstream.push(...heads, ...[...direct.values()].map((e) => e.node));
      heads = [node];
      mutates ||= proc.capabilities.mutatesData;
      next = {
        capabilities: proc.capabilities,
        consume: (d) => {
          tel.incoming(ops.count(d as never));
          return proc.consume(d);
        },
      };
    }
    const entry = next;
    const built: BuiltPipeline = { consumer: { capabilities: { mutatesData: mutates }, consume: (d) => entry.consume(d) }, heads };
    this.building.delete(key);
    this.pipelines.set(key, built);
    return built;
  }

  private exporter(cfg: ComponentConfig, signal: Signal): { consumer: AnyConsumer; node: GraphNode } {
    const key = `exporter|${signal}|${cfg.id}`;
    const existing = this.nodes.get(key);
    if (existing) return { consumer: existing.component as unknown as AnyConsumer, node: existing };
    const fn = createFunctionName(signal);
    const exp = this.create(`exporter "${cfg.id}" for ${signal}`, () => {
      const create = cfg.factory[fn as keyof typeof cfg.factory] as unknown as (s: CreateSettings, c: unknown) => Component & AnyConsumer;
      return create.call(cfg.factory, this.settings('exporter', cfg.id, signal), cfg.config);
    });
    return { consumer: exp, node: this.addNode(key, 'exporter', cfg.id, exp) };
  }

  /** The exporters a processor sends to itself (`ProcessorFactory.exporterRefs`), created for `signal`, by ID string. */
  private directExporters(cfg: ComponentConfig, signal: Signal): Map<string, { consumer: AnyConsumer; node: GraphNode }> {
    const out = new Map<string, { consumer: AnyConsumer; node: GraphNode }>();
    if (cfg.factory.kind !== 'processor' || !cfg.factory.exporterRefs) return out;
    for (const ref of cfg.factory.exporterRefs(cfg.config)) {
      const id = ComponentId.parse(ref.value);
      const exp = 'error' in id ? undefined : this.config.exporters.get(id.toString());
      if (exp && !out.has(exp.id.toString())) out.set(exp.id.toString(), this.exporter(exp, signal));
    }
    return out;
  }

  /** The connector instances that pipeline `from` exports to: one per receiving signal. */
  private connectorsFrom(cfg: ComponentConfig, from: PipelineConfig): { consumer: AnyConsumer; node: GraphNode }[] {
    const factory = cfg.factory;
    if (factory.kind !== 'connector') throw new GraphError(`"${cfg.id}" is not a connector`);
    const receivers = [...this.config.service.pipelines.values()].filter((q) => q.receivers.some((r) => r.equals(cfg.id)));
    const toSignals = [...new Set(receivers.map((q) => q.id.signal))].filter((t) => factory.supports.some(([f, s]) => f === from.id.signal && s === t));
    return toSignals.map((to) => {
      const key = `connector|${cfg.id}|${from.id.signal}|${to}`;
      const existing = this.nodes.get(key);
      if (existing) return { consumer: existing.component as unknown as AnyConsumer, node: existing };
      const targets = receivers.filter((q) => q.id.signal === to);
      const next = new Map(targets.map((q) => [q.id.toString(), this.pipeline(q)] as const));
      const conn = this.create(`connector "${cfg.id}" (${from.id.signal} → ${to})`, () =>
        factory.create(this.settings('connector', cfg.id, from.id.signal), cfg.config, from.id.signal, to, new Map([...next].map(([k, b]) => [k, b.consumer as never]))),
      );
      const node = this.addNode(key, 'connector', cfg.id, conn);
      for (const b of next.values()) node.downstream.push(...b.heads);
      return { consumer: conn as unknown as AnyConsumer, node };
    });
  }

  private buildReceivers(): void {
    const groups = new Map<string, { cfg: ComponentConfig; signal: Signal; pipelines: BuiltPipeline[] }>();
    for (const p of this.config.service.pipelines.values()) {
      for (const rid of p.receivers) {
        const cfg = this.config.receivers.get(rid.toString());
        if (!cfg) continue; // a connector: fed by its exporter side
        const gkey = `${rid}|${p.id.signal}`;
        let g = groups.get(gkey);
        if (!g) groups.set(gkey, (g = { cfg, signal: p.id.signal, pipelines: [] }));
        g.pipelines.push(this.pipeline(p));
      }
    }
    for (const [gkey, g] of groups) {
      const next = fanout(
        g.pipelines.map((b) => b.consumer),
        SIGNAL_OPS[g.signal] as never,
      );
      this.receiverEntries.set(gkey, next);
      const fn = createFunctionName(g.signal);
      const rec = this.create(`receiver "${g.cfg.id}" for ${g.signal}`, () => {
        const create = g.cfg.factory[fn as keyof typeof g.cfg.factory] as unknown as (s: CreateSettings, c: unknown, n: AnyConsumer) => Component;
        return create.call(g.cfg.factory, this.settings('receiver', g.cfg.id, g.signal), g.cfg.config, next);
      });
      const node = this.addNode(`receiver|${gkey}`, 'receiver', g.cfg.id, rec);
      for (const b of g.pipelines) node.downstream.push(...b.heads);
    }
  }
}
