/**
 * The rules `run`, `trace`, `test` and `repl` apply, as an ordered list of stages: statement
 * programs (from `-e`, a `.ottl` file, or a transform processor's groups) and filter processors
 * (from Collector YAML, run by @ottl/collector's filter processor so dropping follows the
 * Collector's rules). Stages run in order, each over the whole piece of data it is given.
 */
import type { ContextName, StatementProgram } from '@ottl/core';
import {
  ComponentId,
  DEFAULT_BUILD_INFO,
  MetricsRegistry,
  filterProcessorFactory,
  type Consumer,
  type CreateSettings,
  type FilterConfig,
  type Logger,
  type Processor,
  type Signal,
  type SignalData,
} from '@ottl/collector';

/** The signals whose data has items of a context. */
export function signalsOfContext(context: ContextName): readonly Signal[] {
  switch (context) {
    case 'log':
      return ['logs'];
    case 'span':
    case 'spanevent':
    case 'spanlink':
      return ['traces'];
    case 'metric':
    case 'datapoint':
    case 'exemplar':
      return ['metrics'];
    case 'profile':
    case 'profilesample':
      return ['profiles'];
    case 'resource':
    case 'scope':
      return ['logs', 'traces', 'metrics', 'profiles'];
  }
}

export interface StatementStage {
  readonly kind: 'statements';
  /** Where the statements come from: `-e`, a file, `processors.transform/x log_statements[0]`. */
  readonly name: string;
  readonly program: StatementProgram;
  readonly signals: readonly Signal[];
}

export interface FilterStage {
  readonly kind: 'filter';
  readonly name: string;
  readonly id: string;
  readonly config: FilterConfig;
  readonly signals: readonly Signal[];
}

export type Stage = StatementStage | FilterStage;

const PROCESS: { readonly [S in Signal]: (p: StatementProgram, d: SignalData[S]) => void } = {
  logs: (p, d) => p.processLogs(d),
  traces: (p, d) => p.processTraces(d),
  metrics: (p, d) => p.processMetrics(d),
  profiles: (p, d) => p.processProfiles(d),
};

const CREATE = {
  logs: 'createLogs',
  traces: 'createTraces',
  metrics: 'createMetrics',
  profiles: 'createProfiles',
} as const;

export class RulePipeline {
  private readonly filters = new Map<string, Processor<SignalData[Signal]>>();

  constructor(
    readonly stages: readonly Stage[],
    private readonly logger: Logger,
  ) {}

  /** The signals at least one stage applies to. */
  signals(): Set<Signal> {
    return new Set(this.stages.flatMap((s) => s.signals));
  }

  /** The filter processor of a stage for one signal (created on first use). */
  filterProcessor(stage: FilterStage, signal: Signal): Processor<SignalData[Signal]> {
    const key = `${stage.id}/${signal}`;
    let p = this.filters.get(key);
    if (!p) {
      const id = ComponentId.parse(stage.id);
      const settings = {
        id: id instanceof ComponentId ? id : new ComponentId('filter'),
        kind: 'processor' as const,
        logger: this.logger,
        metrics: new MetricsRegistry(),
        signal,
        buildInfo: DEFAULT_BUILD_INFO,
      };
      const create = filterProcessorFactory[CREATE[signal]] as (s: CreateSettings, c: FilterConfig, next: Consumer<SignalData[Signal]>) => Processor<SignalData[Signal]>;
      // The filter works in place; what it forwards is the same object, so the end of the chain discards it.
      p = create(settings, stage.config, { capabilities: { mutatesData: false }, consume: () => Promise.resolve() });
      this.filters.set(key, p);
    }
    return p;
  }

  /**
   * Applies every stage for `signal` to `data`, in place (filters remove what they drop). Throws
   * the first error a stage propagates.
   */
  async apply(signal: Signal, data: SignalData[Signal]): Promise<void> {
    for (const stage of this.stages) {
      if (!stage.signals.includes(signal)) continue;
      if (stage.kind === 'statements') (PROCESS[signal] as (p: StatementProgram, d: SignalData[Signal]) => void)(stage.program, data);
      else await this.filterProcessor(stage, signal).consume(data);
    }
  }
}
