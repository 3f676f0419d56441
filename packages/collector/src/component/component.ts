/**
 * The component model (the Collector's `component`, `receiver`, `processor`, `exporter`,
 * `connector` and `extension` packages): factories with a config decoder whose defaults are the
 * default config, and one create function per supported signal.
 */
import type { Logs, Metrics, Profiles, Traces } from '@ottl/pdata';
import type { Decoder, Located } from '../config/schema.js';
import type { Consumer } from '../consumer/consumer.js';
import type { Logger } from '../logger.js';
import type { MetricsRegistry } from '../telemetry/metrics.js';
import type { ComponentId, ComponentKind, Signal } from './componentId.js';

export interface SignalData {
  traces: Traces;
  metrics: Metrics;
  logs: Logs;
  profiles: Profiles;
}

/**
 * Lifecycle of every component. `start` is called once before any data arrives (receivers start
 * last, exporters first); `shutdown` is called once, after every upstream component has shut down,
 * and must hand on or flush everything it accepted before resolving. Both may be called on a
 * component that failed to start.
 */
export interface Component {
  start(host: Host): Promise<void>;
  shutdown(): Promise<void>;
  /** Addresses the component listens on once started (servers report their bound ports). */
  endpoints?(): readonly Endpoint[];
}

/** A listening address, for startup banners and tests using ephemeral ports. */
export interface Endpoint {
  /** What is served: `otlp grpc`, `otlp http`, `health_check`. */
  readonly name: string;
  /** `host:port` as bound (the real port when 0 was configured). */
  readonly address: string;
}

export type CollectorState = 'created' | 'starting' | 'running' | 'stopping' | 'stopped';

/** What a component may ask of the running collector. */
export interface Host {
  /** Extensions by ID string (started before any pipeline component). */
  readonly extensions: ReadonlyMap<string, Component>;
  /** The collector's lifecycle state (the health check reports it). */
  state(): CollectorState;
  /** Reports an error that makes the collector unusable (the service shuts down). */
  reportFatalError(err: Error): void;
}

/** Passed to every create function. */
export interface CreateSettings {
  readonly id: ComponentId;
  readonly kind: ComponentKind;
  /** Tagged with the component's kind, ID and (when per-signal) signal. */
  readonly logger: Logger;
  readonly metrics: MetricsRegistry;
  /** The signal this instance serves (absent for extensions). */
  readonly signal?: Signal;
  /** The collector's build info, for user agents and telemetry. */
  readonly buildInfo: BuildInfo;
  /**
   * For a processor whose factory has `exporterRefs`: those exporters' instances for `signal`, by
   * ID string. Absent for every other component.
   */
  readonly exporters?: ReadonlyMap<string, Consumer<unknown>>;
}

export interface BuildInfo {
  readonly command: string;
  readonly description: string;
  readonly version: string;
}

export type Receiver = Component;
export type Processor<T> = Component & Consumer<T>;
export type Exporter<T> = Component & Consumer<T>;
export type Connector<T> = Component & Consumer<T>;
export type Extension = Component;

/** Development status of a component per signal, as the Collector documents it. */
export type Stability = 'development' | 'alpha' | 'beta' | 'stable' | 'deprecated';

interface FactoryBase<C> {
  readonly type: string;
  /** Decodes this component's config; `decode(undefined)` is the default config. */
  readonly config: Decoder<C>;
  readonly description: string;
  readonly stability: Stability;
}

export interface ReceiverFactory<C = unknown> extends FactoryBase<C> {
  readonly kind: 'receiver';
  createTraces?(set: CreateSettings, config: C, next: Consumer<Traces>): Receiver;
  createMetrics?(set: CreateSettings, config: C, next: Consumer<Metrics>): Receiver;
  createLogs?(set: CreateSettings, config: C, next: Consumer<Logs>): Receiver;
  createProfiles?(set: CreateSettings, config: C, next: Consumer<Profiles>): Receiver;
}

export interface ProcessorFactory<C = unknown> extends FactoryBase<C> {
  readonly kind: 'processor';
  /**
   * Exporters this processor sends to itself instead of handing data on (the legacy `routing`
   * processor), as written in its config. Startup fails unless each one is a configured exporter
   * in a pipeline of every signal the processor serves. The graph passes their instances in
   * `CreateSettings.exporters`, starts them before the processor and shuts them down after it.
   */
  exporterRefs?(config: C): readonly Located<string>[];
  createTraces?(set: CreateSettings, config: C, next: Consumer<Traces>): Processor<Traces>;
  createMetrics?(set: CreateSettings, config: C, next: Consumer<Metrics>): Processor<Metrics>;
  createLogs?(set: CreateSettings, config: C, next: Consumer<Logs>): Processor<Logs>;
  createProfiles?(set: CreateSettings, config: C, next: Consumer<Profiles>): Processor<Profiles>;
}

export interface ExporterFactory<C = unknown> extends FactoryBase<C> {
  readonly kind: 'exporter';
  /**
   * Storage extensions named in this exporter's config (`sending_queue.storage`), as written.
   * Startup fails unless each one is a configured extension whose factory has `storage` and is
   * listed in `service.extensions` (so it runs before the exporter starts).
   */
  storageRefs?(config: C): readonly Located<string>[];
  createTraces?(set: CreateSettings, config: C): Exporter<Traces>;
  createMetrics?(set: CreateSettings, config: C): Exporter<Metrics>;
  createLogs?(set: CreateSettings, config: C): Exporter<Logs>;
  createProfiles?(set: CreateSettings, config: C): Exporter<Profiles>;
}

/**
 * A connector is an exporter of one pipeline and a receiver of another. `supports` lists the
 * (from, to) signal pairs; `create` builds the instance for one pair.
 */
export interface ConnectorFactory<C = unknown> extends FactoryBase<C> {
  readonly kind: 'connector';
  readonly supports: readonly (readonly [Signal, Signal])[];
  /**
   * Pipelines named in this connector's config (a routing table), as written. Startup fails unless
   * each one receives from the connector and has a signal the connector can feed from every
   * pipeline it is an exporter of; `create` then finds each in its `next` map.
   */
  pipelineRefs?(config: C): readonly Located<string>[];
  create<F extends Signal, T extends Signal>(
    set: CreateSettings,
    config: C,
    from: F,
    to: T,
    /** Downstream consumers by pipeline ID string (routing connectors pick among them). */
    next: ReadonlyMap<string, Consumer<SignalData[T]>>,
  ): Connector<SignalData[F]>;
}

export interface ExtensionFactory<C = unknown> extends FactoryBase<C> {
  readonly kind: 'extension';
  /** Its instances are `StorageExtension`s (`extensions/storage.ts`). */
  readonly storage?: boolean;
  create(set: CreateSettings, config: C): Extension;
}

export type Factory = ReceiverFactory | ProcessorFactory | ExporterFactory | ConnectorFactory | ExtensionFactory;

type CreateName = 'createTraces' | 'createMetrics' | 'createLogs' | 'createProfiles';

/** The per-signal create function's name (`traces` → `createTraces`). */
export function createFunctionName(signal: Signal): CreateName {
  return `create${signal[0]!.toUpperCase()}${signal.slice(1)}` as CreateName;
}

/** The signals a receiver, processor or exporter factory can create. */
export function factorySignals(f: ReceiverFactory | ProcessorFactory | ExporterFactory): Signal[] {
  return (['traces', 'metrics', 'logs', 'profiles'] as const).filter((s) => typeof f[createFunctionName(s)] === 'function');
}

/**
 * Components with no work to do at start or shutdown; processors and exporters extend it.
 */
export const noLifecycle: Component = {
  start: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/**
 * One instance shared by every signal that was created from the same config object (the
 * Collector's sharedcomponent): the OTLP receiver serves traces, metrics and logs on one port.
 * `start` runs once, on the first call; `shutdown` runs once, when every handle has shut down.
 */
export class SharedComponents<C extends object, I extends Component> {
  private readonly instances = new WeakMap<C, { instance: I; handles: number; started?: Promise<void>; stopped: number }>();

  /** Returns a handle for `config`, creating the instance with `make` the first time. */
  get(config: C, make: () => I, use: (instance: I) => void): Component {
    let entry = this.instances.get(config);
    if (!entry) {
      entry = { instance: make(), handles: 0, stopped: 0 };
      this.instances.set(config, entry);
    }
    const e = entry;
    e.handles++;
    use(e.instance);
    let stopped = false;
    return {
      start: (host) => (e.started ??= e.instance.start(host)),
      endpoints: () => e.instance.endpoints?.() ?? [],
      shutdown: async () => {
        if (stopped) return;
        stopped = true;
        e.stopped++;
        if (e.stopped === e.handles) await e.instance.shutdown();
      },
    };
  }
}
