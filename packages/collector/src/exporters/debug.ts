/**
 * `debug`: writes telemetry to the collector's log (the Collector's debugexporter). `basic` logs
 * counts, `normal` one line per record, `detailed` the full dump. The first `sampling_initial`
 * messages each second are written, then every `sampling_thereafter`-th.
 */
import type { Signal } from '../component/componentId.js';
import type { CreateSettings, Exporter, SignalData } from '../component/component.js';
import { noLifecycle } from '../component/component.js';
import { genericExporterFactory } from '../component/define.js';
import { bool, int, oneOf, struct, type Infer } from '../config/schema.js';
import type { SignalOps } from '../signals.js';
import { exporterTelemetry } from '../telemetry/componentTelemetry.js';
import { dumpLogs, dumpMetrics, dumpProfiles, dumpTraces, summarize } from './textMarshaler.js';

const config = struct({
  verbosity: oneOf(['basic', 'normal', 'detailed'] as const, 'basic', { caseInsensitive: true }),
  sampling_initial: int(2, { min: 0 }),
  sampling_thereafter: int(1, { min: 0 }),
  use_internal_logger: bool(true),
});

export type DebugConfig = Infer<typeof config>;

const DUMP: { [S in Signal]: (d: SignalData[S]) => string } = { traces: dumpTraces, logs: dumpLogs, metrics: dumpMetrics, profiles: dumpProfiles };
const TITLE: Record<Signal, string> = { traces: 'Traces', logs: 'Logs', metrics: 'Metrics', profiles: 'Profiles' };

/** Options for embedding: where output goes when `use_internal_logger` is false (default: the logger too). */
export interface DebugExporterOptions {
  readonly write?: (text: string) => void;
}

export function debugExporterFactory(options: DebugExporterOptions = {}) {
  return genericExporterFactory({
    type: 'debug',
    description: 'Writes telemetry to the log (counts, one line per record, or a full dump).',
    stability: 'development',
    config,
    signals: ['traces', 'metrics', 'logs', 'profiles'] as readonly Signal[],
    create: <S extends Signal>(set: CreateSettings, cfg: DebugConfig, ops: SignalOps<SignalData[S]>): Exporter<SignalData[S]> => {
      const signal = set.signal as S;
      const tel = exporterTelemetry(set.metrics, set.id, signal);
      let windowStart = 0;
      let inWindow = 0;
      const sampled = () => {
        const now = Date.now();
        if (now - windowStart >= 1000) {
          windowStart = now;
          inWindow = 0;
        }
        inWindow++;
        if (inWindow <= cfg.sampling_initial) return true;
        return cfg.sampling_thereafter > 0 && (inWindow - cfg.sampling_initial) % cfg.sampling_thereafter === 0;
      };
      return {
        ...noLifecycle,
        capabilities: { mutatesData: false },
        consume: (data) => {
          const n = ops.count(data);
          if (sampled()) {
            const fields = { [`${ops.items.replace('metric_points', 'data points').replace('log_records', 'log records')}`]: n, 'resource count': ops.resources(data).length };
            const detail = cfg.verbosity === 'basic' ? '' : cfg.verbosity === 'normal' ? summarize(signal, data) : DUMP[signal](data as never);
            if (!cfg.use_internal_logger && options.write) options.write(detail === '' ? `${TITLE[signal]} ${JSON.stringify(fields)}\n` : detail);
            else set.logger.info(detail === '' ? TITLE[signal] : `${TITLE[signal]}\n${detail.trimEnd()}`, fields);
          }
          tel.sent(n);
          return Promise.resolve();
        },
      };
    },
  });
}

export const debugExporter = debugExporterFactory();
