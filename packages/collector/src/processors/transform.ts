/**
 * `transform`: runs OTTL statements on every signal (the Collector's transformprocessor).
 *
 * `trace_statements`, `metric_statements`, `log_statements`, `profile_statements` take a flat list
 * of statements (one group, context inferred from the path prefixes) or groups `{ context,
 * error_mode, conditions, statements }` (with `context`, paths may be unprefixed). Groups run in
 * config order, each over the whole payload. `error_mode` (default `ignore`): `propagate` fails the
 * request (the data is dropped and the sender gets a permanent error), `ignore` logs and goes on
 * with the next statement, `silent` goes on quietly. Every statement is compiled once, when the
 * config is loaded (errors point into the YAML file); the processors created from it share that.
 */
import { createEnvironment, type ContextName, type Environment, type ErrorMode, type StatementProgram } from '@ottl/core';
import type { Signal } from '../component/componentId.js';
import { noLifecycle, type CreateSettings, type Processor, type ProcessorFactory, type SignalData } from '../component/component.js';
import { bool, struct, type Infer } from '../config/schema.js';
import { PermanentError, errorMessage, type Consumer } from '../consumer/consumer.js';
import type { Logger } from '../logger.js';
import { errorModeDecoder, groupsDecoder, reportByText, resolveGroupContext, type OttlGroup } from './ottlGroups.js';

export const TRANSFORM_CONTEXTS: { readonly [S in Signal]: readonly ContextName[] } = {
  traces: ['resource', 'scope', 'span', 'spanevent', 'spanlink'],
  metrics: ['resource', 'scope', 'metric', 'datapoint', 'exemplar'],
  logs: ['resource', 'scope', 'log'],
  profiles: ['resource', 'scope', 'profile'],
};

const STATEMENT_KEYS = { traces: 'trace_statements', metrics: 'metric_statements', logs: 'log_statements', profiles: 'profile_statements' } as const;

/** A group's texts with its context resolved. */
interface GroupTexts {
  readonly context: ContextName;
  /** Paths must carry a context prefix (inferred groups) or may omit it (groups with `context`). */
  readonly prefixed: boolean;
  readonly errorMode: ErrorMode;
  readonly statements: readonly string[];
  readonly conditions: readonly string[];
}

/** A group ready to run: compiled once, when the config was checked. */
export interface ResolvedGroup extends GroupTexts {
  /** Reports to no logger; processors run `program.withLogger(theirs, errorMode)`, so `errorMode` decides. */
  readonly program: StatementProgram;
}

/** Checking environment: compiles without a logger, only to collect diagnostics. */
let checkEnv: Environment | undefined;

const rawConfig = struct(
  {
    error_mode: errorModeDecoder('ignore'),
    flatten_data: bool(false),
    trace_statements: groupsDecoder(TRANSFORM_CONTEXTS.traces, 'statements', true),
    metric_statements: groupsDecoder(TRANSFORM_CONTEXTS.metrics, 'statements', true),
    log_statements: groupsDecoder(TRANSFORM_CONTEXTS.logs, 'statements', true),
    profile_statements: groupsDecoder(TRANSFORM_CONTEXTS.profiles, 'statements', true),
  },
  {
    hints: Object.fromEntries(
      Object.entries(STATEMENT_KEYS).map(([signal, key]) => [
        signal,
        `the transform processor reads ${signal} statements from \`${key}\` (with context-prefixed paths such as span.attributes), or from groups with a \`context\``,
      ]),
    ),
  },
);

export type TransformConfig = Infer<typeof rawConfig> & { readonly groups: { readonly [S in Signal]: readonly ResolvedGroup[] } };

const config = {
  describe: rawConfig.describe,
  decode(node: Parameters<typeof rawConfig.decode>[0], ctx: Parameters<typeof rawConfig.decode>[1]): TransformConfig {
    const raw = rawConfig.decode(node, ctx);
    if (raw.flatten_data) {
      ctx.issues.add('config-error', `${ctx.path}.flatten_data`, node?.loc ?? ctx.loc, 'flatten_data is not supported yet', { hint: 'remove it; resource writes from log statements affect every log of that resource' });
    }
    const env = (checkEnv ??= createEnvironment());
    const groups = {} as { [S in Signal]: ResolvedGroup[] };
    for (const signal of ['traces', 'metrics', 'logs', 'profiles'] as const) {
      const key = STATEMENT_KEYS[signal];
      groups[signal] = [];
      for (const g of raw[key] as OttlGroup[]) {
        const gctx = { issues: ctx.issues, path: g.path, loc: g.loc };
        const resolve = (context: ContextName): GroupTexts => ({
          context,
          prefixed: g.context === undefined,
          errorMode: g.errorMode ?? raw.error_mode,
          statements: g.texts.map((t) => t.text),
          conditions: g.conditions.map((t) => t.text),
        });
        /** Compiles the group in `context`, reporting its errors. */
        const compile = (group: GroupTexts): StatementProgram | undefined => {
          const out = compileGroup(env, group);
          if (!out.program) reportByText(gctx, g, out.byText);
          return out.program;
        };
        const context = resolveGroupContext(g, 'statement', TRANSFORM_CONTEXTS[signal], (c) => new Set(env.functionsFor(c).keys()), gctx, (c) => !compile(resolve(c)));
        if (!context) continue;
        const texts = resolve(context);
        const program = compile(texts);
        if (program) groups[signal].push({ ...texts, program });
      }
    }
    return { ...raw, groups };
  },
};

function compileGroup(env: Environment, g: GroupTexts) {
  return env.compileStatements(g.statements, {
    context: g.context,
    pathContextNames: g.prefixed,
    errorMode: g.errorMode,
    ...(g.conditions.length > 0 ? { conditions: g.conditions } : {}),
  });
}

const RUN = {
  traces: (p: StatementProgram, d: SignalData['traces']) => p.processTraces(d),
  metrics: (p: StatementProgram, d: SignalData['metrics']) => p.processMetrics(d),
  logs: (p: StatementProgram, d: SignalData['logs']) => p.processLogs(d),
  profiles: (p: StatementProgram, d: SignalData['profiles']) => p.processProfiles(d),
};

function create<S extends Signal>(signal: S) {
  return (set: CreateSettings, cfg: TransformConfig, next: Consumer<SignalData[S]>): Processor<SignalData[S]> => {
    const logger: Logger = set.logger;
    const programs = cfg.groups[signal].map((g) => g.program.withLogger(logger, g.errorMode));
    const run = RUN[signal] as (p: StatementProgram, d: SignalData[S]) => void;
    return {
      ...noLifecycle,
      capabilities: { mutatesData: programs.length > 0 },
      consume(data) {
        try {
          for (const p of programs) run(p, data);
        } catch (err) {
          logger.warn('failed processing', { error: errorMessage(err) });
          return Promise.reject(new PermanentError(errorMessage(err)));
        }
        return next.consume(data);
      },
    };
  };
}

export const transformProcessorFactory: ProcessorFactory<TransformConfig> = {
  kind: 'processor',
  type: 'transform',
  description: 'Modifies telemetry with OTTL statements (basic or advanced groups, context inference, error_mode).',
  stability: 'beta',
  config,
  createTraces: create('traces'),
  createMetrics: create('metrics'),
  createLogs: create('logs'),
  createProfiles: create('profiles'),
};
