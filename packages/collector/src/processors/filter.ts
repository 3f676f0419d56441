/**
 * `filter`: drops telemetry for which any OTTL condition is true (the Collector's filterprocessor).
 *
 * Two styles: the legacy blocks `traces: { span, spanevent }`, `metrics: { metric, datapoint }`,
 * `logs: { log_record }` (unprefixed paths relative to the block's context), and
 * `trace_conditions` / `metric_conditions` / `log_conditions` / `profile_conditions` (a flat list
 * whose conditions each get their context inferred, or groups `{ context, error_mode, conditions }`).
 * Conditions are evaluated from the top down: a dropped resource or scope takes everything under
 * it, spans / logs / metrics / data points are dropped one by one, a span event is removed from
 * its span, a metric whose data points were all dropped is dropped, and containers left empty are
 * removed. When nothing is left the request ends here. Only converters can be called (plus
 * `IsRootSpan` for spans and `HasAttrKeyOnDatapoint` / `HasAttrOnDatapoint` for metrics).
 * `error_mode` (default `propagate`): an erroring condition fails the request; with `ignore` or
 * `silent` it counts as false.
 */
import {
  createEnvironment,
  dataPointContext,
  dataPointsOf,
  functionsForContext,
  logContext,
  metricContext,
  profileContext,
  resourceContext,
  scopeContext,
  spanContext,
  spanEventContext,
  type ConditionSequence,
  type ContextName,
  type Environment,
  type ErrorMode,
  type TransformContext,
} from '@ottl/core';
import type { Logs, Metrics, Profiles, Traces } from '@ottl/pdata';
import type { Signal } from '../component/componentId.js';
import { noLifecycle, type CreateSettings, type Processor, type ProcessorFactory, type SignalData } from '../component/component.js';
import { struct, type DecodeContext, type Infer } from '../config/schema.js';
import { PermanentError, errorMessage, type Consumer } from '../consumer/consumer.js';
import type { Logger } from '../logger.js';
import { SIGNAL_OPS, removeIf } from '../signals.js';
import { errorModeDecoder, groupsDecoder, reportByText, resolveGroupContext, textList, type OttlGroup } from './ottlGroups.js';

export const FILTER_CONTEXTS: { readonly [S in Signal]: readonly ContextName[] } = {
  traces: ['resource', 'scope', 'span', 'spanevent'],
  metrics: ['resource', 'scope', 'metric', 'datapoint'],
  logs: ['resource', 'scope', 'log'],
  profiles: ['resource', 'scope', 'profile'],
};

const CONDITION_KEYS = { traces: 'trace_conditions', metrics: 'metric_conditions', logs: 'log_conditions', profiles: 'profile_conditions' } as const;

/** Legacy blocks: YAML key → context. */
const LEGACY: { readonly [S in Signal]: Readonly<Record<string, ContextName>> } = {
  traces: { span: 'span', spanevent: 'spanevent' },
  metrics: { metric: 'metric', datapoint: 'datapoint' },
  logs: { log_record: 'log' },
  profiles: {},
};

/** A group's conditions with its context resolved. */
interface ConditionTexts {
  readonly context: ContextName;
  readonly prefixed: boolean;
  readonly errorMode: ErrorMode;
  readonly conditions: readonly string[];
}

/** A group ready to run: compiled once, when the config was checked. */
export interface ConditionGroup extends ConditionTexts {
  /** Reports to no logger; processors run `compiled.withLogger(theirs, errorMode)`, so `errorMode` decides. */
  readonly compiled: ConditionSequence;
}

const rawConfig = struct({
  error_mode: errorModeDecoder('propagate'),
  traces: struct({ span: textList, spanevent: textList }),
  metrics: struct({ metric: textList, datapoint: textList }),
  logs: struct({ log_record: textList }),
  trace_conditions: groupsDecoder(FILTER_CONTEXTS.traces, 'conditions', false),
  metric_conditions: groupsDecoder(FILTER_CONTEXTS.metrics, 'conditions', false),
  log_conditions: groupsDecoder(FILTER_CONTEXTS.logs, 'conditions', false),
  profile_conditions: groupsDecoder(FILTER_CONTEXTS.profiles, 'conditions', false),
});

export type FilterConfig = Infer<typeof rawConfig> & { readonly groups: { readonly [S in Signal]: readonly ConditionGroup[] } };

const envs = new Map<ContextName, Environment>();
/** The filter processor's function set for a context, in a checking environment. */
function checkEnvFor(c: ContextName): Environment {
  let env = envs.get(c);
  if (!env) envs.set(c, (env = createEnvironment({ functions: functionsForContext(c, { processor: 'filter' }) })));
  return env;
}

function compile(env: Environment, g: ConditionTexts) {
  return env.compileConditions(g.conditions, { context: g.context, pathContextNames: g.prefixed, errorMode: g.errorMode });
}

function resolve(g: OttlGroup, signal: Signal, defaultMode: ErrorMode, ctx: DecodeContext, out: ConditionGroup[]): void {
  const gctx: DecodeContext = { issues: ctx.issues, path: g.path, loc: g.loc };
  const make = (context: ContextName): ConditionTexts => ({ context, prefixed: g.context === undefined, errorMode: g.errorMode ?? defaultMode, conditions: g.texts.map((t) => t.text) });
  /** Compiles the group in its context, reporting its errors. */
  const check = (group: ConditionTexts): ConditionSequence | undefined => {
    const r = compile(checkEnvFor(group.context), group);
    if (!r.conditions) reportByText(gctx, g, r.byText);
    return r.conditions;
  };
  const context = resolveGroupContext(g, 'condition', FILTER_CONTEXTS[signal], (c) => new Set(checkEnvFor(c).functionsFor(c).keys()), gctx, (c) => !check(make(c)));
  if (!context) return;
  const texts = make(context);
  const compiled = check(texts);
  if (compiled) out.push({ ...texts, compiled });
}

const config = {
  describe: rawConfig.describe,
  decode(node: Parameters<typeof rawConfig.decode>[0], ctx: DecodeContext): FilterConfig {
    const raw = rawConfig.decode(node, ctx);
    const groups = {} as { [S in Signal]: ConditionGroup[] };
    for (const signal of ['traces', 'metrics', 'logs', 'profiles'] as const) {
      groups[signal] = [];
      const key = CONDITION_KEYS[signal];
      const legacyBlock = signal === 'profiles' ? {} : (raw[signal] as Record<string, OttlGroup['texts']>);
      const legacyUsed = Object.values(legacyBlock).some((texts) => texts.length > 0);
      const modern = raw[key] as OttlGroup[];
      if (legacyUsed && modern.length > 0) {
        ctx.issues.add('config-error', `${ctx.path}.${key}`, node?.loc ?? ctx.loc, `${key} cannot be used together with the legacy ${signal} block`, { hint: `move the conditions of ${signal} into ${key}` });
        continue;
      }
      for (const [yamlKey, context] of Object.entries(LEGACY[signal])) {
        const texts = legacyBlock[yamlKey] ?? [];
        if (texts.length === 0) continue;
        resolve({ context, errorMode: undefined, texts, conditions: [], path: `${ctx.path}.${signal}.${yamlKey}`, loc: texts[0]!.loc, basic: false }, signal, raw.error_mode, ctx, groups[signal]);
      }
      for (const g of modern) {
        // A flat list: every condition gets its own inferred context.
        const parts = g.basic ? g.texts.map((t) => ({ ...g, texts: [t], path: t.path, loc: t.loc })) : [g];
        for (const part of parts) resolve(part, signal, raw.error_mode, ctx, groups[signal]);
      }
    }
    return { ...raw, groups };
  },
};

/** Compiled conditions by context; an item is dropped when any sequence of its context holds. */
type Levels = Partial<Record<ContextName, ConditionSequence[]>>;

function any(seqs: ConditionSequence[] | undefined, ctx: () => TransformContext): boolean {
  if (!seqs) return false;
  const c = ctx();
  for (const s of seqs) if (s.evaluate(c)) return true;
  return false;
}

const FILTERS: { [S in Signal]: (levels: Levels, data: SignalData[S]) => void } = {
  traces: (lv, td: Traces) => {
    removeIf(td.resourceSpans, (rs) => {
      if (any(lv.resource, () => resourceContext(rs))) return true;
      if (!lv.scope && !lv.span && !lv.spanevent) return false;
      removeIf(rs.scopeSpans, (ss) => {
        if (any(lv.scope, () => scopeContext(rs, ss))) return true;
        if (!lv.span && !lv.spanevent) return false;
        removeIf(ss.spans, (span) => {
          if (any(lv.span, () => spanContext(rs, ss, span))) return true;
          if (lv.spanevent) removeIf(span.events, (ev, i) => any(lv.spanevent, () => spanEventContext(rs, ss, span, ev, i)));
          return false;
        });
        return ss.spans.length === 0;
      });
      return rs.scopeSpans.length === 0;
    });
  },
  metrics: (lv, md: Metrics) => {
    removeIf(md.resourceMetrics, (rm) => {
      if (any(lv.resource, () => resourceContext(rm))) return true;
      if (!lv.scope && !lv.metric && !lv.datapoint) return false;
      removeIf(rm.scopeMetrics, (sm) => {
        if (any(lv.scope, () => scopeContext(rm, sm))) return true;
        if (!lv.metric && !lv.datapoint) return false;
        removeIf(sm.metrics, (m) => {
          if (any(lv.metric, () => metricContext(rm, sm, m))) return true;
          const points = lv.datapoint ? dataPointsOf(m) : undefined;
          if (!points || points.length === 0) return false;
          removeIf(points, (dp) => any(lv.datapoint, () => dataPointContext(rm, sm, m, dp)));
          return points.length === 0;
        });
        return sm.metrics.length === 0;
      });
      return rm.scopeMetrics.length === 0;
    });
  },
  logs: (lv, ld: Logs) => {
    removeIf(ld.resourceLogs, (rl) => {
      if (any(lv.resource, () => resourceContext(rl))) return true;
      if (!lv.scope && !lv.log) return false;
      removeIf(rl.scopeLogs, (sl) => {
        if (any(lv.scope, () => scopeContext(rl, sl))) return true;
        if (!lv.log) return false;
        removeIf(sl.logRecords, (lr) => any(lv.log, () => logContext(rl, sl, lr)));
        return sl.logRecords.length === 0;
      });
      return rl.scopeLogs.length === 0;
    });
  },
  profiles: (lv, pd: Profiles) => {
    removeIf(pd.resourceProfiles, (rp) => {
      if (any(lv.resource, () => resourceContext(rp))) return true;
      if (!lv.scope && !lv.profile) return false;
      removeIf(rp.scopeProfiles, (sp) => {
        if (any(lv.scope, () => scopeContext(rp, sp))) return true;
        if (!lv.profile) return false;
        removeIf(sp.profiles, (p) => any(lv.profile, () => profileContext(rp, sp, p, pd.dictionary)));
        return sp.profiles.length === 0;
      });
      return rp.scopeProfiles.length === 0;
    });
  },
};

function create<S extends Signal>(signal: S) {
  return (set: CreateSettings, cfg: FilterConfig, next: Consumer<SignalData[S]>): Processor<SignalData[S]> => {
    const logger: Logger = set.logger;
    const levels: Levels = {};
    for (const g of cfg.groups[signal]) (levels[g.context] ??= []).push(g.compiled.withLogger(logger, g.errorMode));
    const ops = SIGNAL_OPS[signal];
    const noun = { traces: 'spans', metrics: 'datapoints', logs: 'logs', profiles: 'profiles' }[signal];
    const filtered = set.metrics.counter(`otelcol_processor_filter_${noun}_filtered`, `Number of ${noun} dropped by the filter processor.`, { processor: set.id.toString() });
    const filter = FILTERS[signal] as (lv: Levels, d: SignalData[S]) => void;
    const active = cfg.groups[signal].length > 0;
    return {
      ...noLifecycle,
      capabilities: { mutatesData: active },
      consume(data) {
        if (!active) return next.consume(data);
        const before = ops.count(data);
        try {
          filter(levels, data);
        } catch (err) {
          logger.warn('failed processing', { error: errorMessage(err) });
          return Promise.reject(new PermanentError(errorMessage(err)));
        }
        const after = ops.count(data);
        filtered.add(before - after);
        if (ops.resources(data).length === 0) return Promise.resolve();
        return next.consume(data);
      },
    };
  };
}

export const filterProcessorFactory: ProcessorFactory<FilterConfig> = {
  kind: 'processor',
  type: 'filter',
  description: 'Drops telemetry matching OTTL conditions (legacy blocks or *_conditions with context inference).',
  stability: 'alpha',
  config,
  createTraces: create('traces'),
  createMetrics: create('metrics'),
  createLogs: create('logs'),
  createProfiles: create('profiles'),
};
