/**
 * The embeddable collector: configuration in (YAML sources or a plain object), a running graph of
 * components out. Browser-safe; `@ottl/collector/node` adds the network components, the
 * Prometheus endpoint and signal handling around it.
 */
import { ComponentId, type Signal } from '../component/componentId.js';
import type { BuildInfo, CollectorState, Component, Endpoint, Host, SignalData } from '../component/component.js';
import type { Components } from '../component/components.js';
import { decodeCollectorConfig, type CollectorConfig } from '../config/collectorConfig.js';
import { ConfigError, ConfigIssues, type ConfigDiagnostic, type ConfigSource } from '../config/diagnostics.js';
import { loadSources, processEnv, treeFromObject, type CfgMap, type EnvLookup } from '../config/tree.js';
import { errorMessage, type Consumer } from '../consumer/consumer.js';
import { nopLogger, type Logger } from '../logger.js';
import { MetricsRegistry } from '../telemetry/metrics.js';
import { Graph } from './graph.js';

export const DEFAULT_BUILD_INFO: BuildInfo = { command: 'ottl collector', description: 'OTTL toolchain collector', version: '0.1.0' };

/** YAML sources (merged in order, like several `--config` files) or a config object built in code. */
export type ConfigInput = { readonly sources: readonly ConfigSource[] } | { readonly object: Readonly<Record<string, unknown>> };

export interface CollectorOptions {
  readonly components: Components;
  readonly logger?: Logger;
  /** Variables for `${env:NAME}`; default `process.env` where it exists. */
  readonly env?: EnvLookup;
  readonly buildInfo?: BuildInfo;
  /** Called when a component reports a fatal error; default: log it and shut down. */
  readonly onFatalError?: (err: Error) => void;
}

export interface ValidationResult {
  /** Present when there are no errors. */
  readonly config?: CollectorConfig;
  readonly diagnostics: readonly ConfigDiagnostic[];
  readonly sources: readonly ConfigSource[];
}

/** Loads, decodes and checks a configuration without creating anything. Never throws on user input. */
export function validateConfig(input: ConfigInput, components: Components, env: EnvLookup = processEnv): ValidationResult {
  const issues = new ConfigIssues();
  const sources = 'sources' in input ? input.sources : [];
  const root: CfgMap = 'sources' in input ? loadSources(input.sources, issues, env) : (treeFromObject(input.object) as CfgMap);
  if (root.kind !== 'map') {
    issues.add('config-error', '', undefined, 'a collector configuration must be a mapping');
    return { diagnostics: issues.list, sources };
  }
  const config = issues.hasErrors ? undefined : decodeCollectorConfig(root, components, issues);
  return { ...(config && !issues.hasErrors ? { config } : {}), diagnostics: issues.list, sources };
}

/**
 * A collector built from a configuration. Construction validates the configuration (throwing a
 * {@link ConfigError} with every problem) and creates every component; `start` starts extensions,
 * then exporters up to receivers; `shutdown` drains everything accepted and stops in the reverse
 * order. Use {@link Collector.consumer} to push data in-process into the pipelines of a receiver.
 */
export class Collector {
  readonly config: CollectorConfig;
  readonly metrics: MetricsRegistry;
  readonly logger: Logger;
  /** Warnings found while loading the configuration (deprecated or ignored fields). */
  readonly warnings: readonly ConfigDiagnostic[];
  private readonly graph: Graph;
  private readonly extensions = new Map<string, Component>();
  private stateValue: CollectorState = 'created';
  private stopping: Promise<void> | undefined;
  private readonly listeners = new Set<(s: CollectorState) => void>();

  /** `validated`: what {@link validateConfig} returned for the same components and env, used as is. */
  constructor(input: ConfigInput | { readonly validated: ValidationResult }, private readonly options: CollectorOptions) {
    const result = 'validated' in input ? input.validated : validateConfig(input, options.components, options.env);
    if (!result.config) throw new ConfigError(result.diagnostics.filter((d) => d.severity === 'error'), result.sources);
    this.config = result.config;
    this.warnings = result.diagnostics;
    this.logger = options.logger ?? nopLogger;
    const buildInfo = options.buildInfo ?? DEFAULT_BUILD_INFO;
    this.metrics = new MetricsRegistry({
      service_name: this.config.service.telemetry.resource['service.name'] ?? 'otelcol',
      service_version: this.config.service.telemetry.resource['service.version'] ?? buildInfo.version,
      ...(this.config.service.telemetry.resource['service.instance.id'] ? { service_instance_id: this.config.service.telemetry.resource['service.instance.id'] } : {}),
    });
    for (const w of this.warnings) this.logger.warn(w.message, { path: w.path });
    for (const id of this.config.service.extensions) {
      const cfg = this.config.extensions.get(id.toString())!;
      if (cfg.factory.kind !== 'extension') continue;
      const factory = cfg.factory;
      this.extensions.set(
        id.toString(),
        factory.create({ id, kind: 'extension', logger: this.logger.with({ kind: 'extension', name: id.toString() }), metrics: this.metrics, buildInfo }, cfg.config),
      );
    }
    this.graph = Graph.build(this.config, { logger: this.logger, metrics: this.metrics, buildInfo });
  }

  get state(): CollectorState {
    return this.stateValue;
  }

  /** Calls `listener` on every state change. Returns a function that removes it. */
  onStateChange(listener: (s: CollectorState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    if (this.stateValue !== 'created') throw new Error(`cannot start a collector that is ${this.stateValue}`);
    this.setState('starting');
    const host: Host = {
      extensions: this.extensions,
      state: () => this.stateValue,
      reportFatalError: (err) => {
        if (this.options.onFatalError) this.options.onFatalError(err);
        else {
          this.logger.error('fatal error reported by a component; shutting down', { error: err });
          void this.shutdown();
        }
      },
    };
    const startedExtensions: Component[] = [];
    try {
      for (const [id, ext] of this.extensions) {
        try {
          await ext.start(host);
        } catch (err) {
          throw new Error(`failed to start extension "${id}": ${errorMessage(err)}`, { cause: err });
        }
        startedExtensions.push(ext);
      }
      await this.graph.start(host);
    } catch (err) {
      for (const ext of startedExtensions.reverse()) await ext.shutdown().catch(() => {});
      this.setState('stopped');
      throw err;
    }
    this.setState('running');
    this.logger.info('Everything is ready. Begin running and processing data.');
  }

  /** Drains and stops everything; safe to call more than once (later calls wait for the first). */
  shutdown(): Promise<void> {
    this.stopping ??= (async () => {
      if (this.stateValue === 'created' || this.stateValue === 'stopped') {
        this.setState('stopped');
        return;
      }
      this.setState('stopping');
      this.logger.info('Starting shutdown...');
      await this.graph.shutdown();
      for (const [id, ext] of [...this.extensions].reverse()) {
        await ext.shutdown().catch((err: unknown) => this.logger.error('failed to shut down extension', { id, error: err }));
      }
      this.setState('stopped');
      this.logger.info('Shutdown complete.');
    })();
    return this.stopping;
  }

  /** Addresses the running receivers and extensions listen on (`{ id: 'otlp', endpoint: { name: 'otlp grpc', address } }`). */
  endpoints(): { readonly id: string; readonly endpoint: Endpoint }[] {
    const ext = [...this.extensions].flatMap(([id, c]) => (c.endpoints?.() ?? []).map((endpoint) => ({ id, endpoint })));
    return [...this.graph.endpoints(), ...ext];
  }

  /**
   * The consumer that receiver `receiverId` pushes `signal` data into: the fan-out to every
   * pipeline listing that receiver. Throws when no pipeline of that signal lists it.
   */
  consumer<S extends Signal>(receiverId: string, signal: S): Consumer<SignalData[S]> {
    const id = ComponentId.parse(receiverId);
    const c = 'error' in id ? undefined : this.graph.receiverConsumer(id.toString(), signal);
    if (!c) throw new Error(`no ${signal} pipeline has the receiver "${receiverId}"`);
    return c;
  }

  private setState(s: CollectorState): void {
    this.stateValue = s;
    for (const l of this.listeners) l(s);
  }
}
