/**
 * Running a collector as a process: configuration files in, the collector and its Prometheus
 * endpoint started, SIGINT/SIGTERM turned into a draining shutdown.
 */
import { readFile } from 'node:fs/promises';
import type { Components } from '../component/components.js';
import type { Endpoint } from '../component/component.js';
import { ConfigError, ConfigIssues, type ConfigSource } from '../config/diagnostics.js';
import type { EnvLookup } from '../config/tree.js';
import { errorMessage } from '../consumer/consumer.js';
import type { Logger } from '../logger.js';
import type { TelemetryConfig } from '../config/collectorConfig.js';
import { Collector, validateConfig, type ValidationResult } from '../service/collector.js';
import { nodeComponents } from './components.js';
import { registerProcessMetrics, startTelemetryServer, type TelemetryServer } from './telemetryServer.js';

/** Reads config files (`-` is stdin) into sources; a missing file becomes a ConfigError naming it. */
export async function readConfigFiles(files: readonly string[]): Promise<ConfigSource[]> {
  const problem = (message: string) => {
    const issues = new ConfigIssues();
    issues.add('config-error', '', undefined, message);
    return new ConfigError(issues.list);
  };
  if (files.length === 0) throw problem('no configuration given: pass --config FILE');
  return Promise.all(
    files.map(async (name) => {
      try {
        return { name, text: await readFile(name === '-' ? '/dev/stdin' : name, 'utf8') };
      } catch (err) {
        throw problem(`cannot read the configuration file ${name}: ${(err as Error).message}`);
      }
    }),
  );
}

export interface RunOptions {
  readonly components?: Components;
  readonly logger?: Logger;
  /** Builds the logger from `service.telemetry.logs` (used when `logger` is not given). */
  readonly makeLogger?: (logs: TelemetryConfig['logs']) => Logger;
  readonly env?: EnvLookup;
  /** Longest a shutdown may take before it gives up waiting for queues (default 30 s). */
  readonly shutdownTimeoutMs?: number;
}

/** A started collector process: the collector, its telemetry endpoint, and a bounded shutdown. */
export interface RunningCollector {
  readonly collector: Collector;
  /** Settles with the error when a component reports a fatal error (the collector is then shut down). */
  readonly fatal: Promise<Error>;
  /** Receivers, extensions and the telemetry endpoint, as bound. */
  endpoints(): { readonly id: string; readonly endpoint: Endpoint }[];
  /**
   * Drains and stops the collector, giving up (logged) after `shutdownTimeoutMs`, then closes the
   * telemetry endpoint. Rejects when the collector's shutdown failed; the endpoint is closed then too.
   */
  shutdown(): Promise<void>;
}

/** Validates config files without creating anything (the `validate` command). */
export async function validateConfigFiles(files: readonly string[], options: RunOptions = {}): Promise<ValidationResult> {
  return validateConfig({ sources: await readConfigFiles(files) }, options.components ?? nodeComponents(), options.env);
}

/** Builds and starts a collector from sources; throws ConfigError for bad configs. */
export async function startCollector(sources: readonly ConfigSource[], options: RunOptions = {}): Promise<RunningCollector> {
  const components = options.components ?? nodeComponents();
  // Validated (and OTTL compiled) once: the logger may follow the config's telemetry.logs; a bad
  // config throws below, with every problem.
  const validated = validateConfig({ sources }, components, options.env);
  const logger = options.logger ?? (validated.config && options.makeLogger?.(validated.config.service.telemetry.logs));
  let reportFatal: (e: Error) => void = () => {};
  const fatal = new Promise<Error>((resolve) => (reportFatal = resolve));
  const collector = new Collector(
    { validated },
    {
      components,
      onFatalError: (err) => {
        collector.logger.error('a component reported a fatal error', { error: err });
        reportFatal(err);
      },
      ...(logger ? { logger } : {}),
      ...(options.env ? { env: options.env } : {}),
    },
  );
  let telemetry: TelemetryServer | undefined;
  const endpoint = collector.config.service.telemetry.metricsEndpoint;
  if (endpoint !== undefined) {
    registerProcessMetrics(collector.metrics);
    telemetry = await startTelemetryServer(collector.metrics, endpoint);
    collector.logger.info('Serving metrics', { address: telemetry.address });
  }
  try {
    await collector.start();
  } catch (err) {
    await telemetry?.close();
    throw err;
  }
  const timeoutMs = options.shutdownTimeoutMs ?? 30_000;
  let stopping: Promise<void> | undefined;
  return {
    collector,
    fatal,
    endpoints: () => [...collector.endpoints(), ...(telemetry ? [{ id: 'telemetry', endpoint: { name: 'metrics', address: telemetry.address } }] : [])],
    shutdown: () =>
      (stopping ??= (async () => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timedOut = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), timeoutMs);
          timer.unref();
        });
        try {
          const result = await Promise.race([collector.shutdown().then(() => 'done' as const), timedOut]);
          if (result === 'timeout') collector.logger.error(`shutdown did not finish within ${timeoutMs}ms; data still queued may be lost`);
        } finally {
          clearTimeout(timer);
          await telemetry?.close();
        }
      })()),
  };
}

/**
 * Runs until SIGINT or SIGTERM (or a fatal component error), then drains and resolves with the exit
 * code: 0 after a signal, 1 after a fatal error or when the shutdown failed (logged). Never rejects.
 */
export function runUntilSignal(running: RunningCollector): Promise<number> {
  return new Promise<number>((resolve) => {
    let done = false;
    const stop = (why: string, code: number) => {
      if (done) return;
      done = true;
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      running.collector.logger.info(`Received ${why}, shutting down`);
      running.shutdown().then(
        () => resolve(code),
        (err: unknown) => {
          running.collector.logger.error('shutdown failed', { error: errorMessage(err) });
          resolve(1);
        },
      );
    };
    const onInt = () => stop('SIGINT', 0);
    const onTerm = () => stop('SIGTERM', 0);
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    void running.fatal.then(() => stop('a fatal error', 1));
  });
}
