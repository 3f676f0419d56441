/**
 * Iteration over telemetry in the execution model of reference §8.1: every item of a context, in
 * order, with a fresh cache per item. Loops read live lengths, so items appended while iterating
 * (by `copy_metric`, `extract_count_metric`…) are visited later in the same pass.
 *
 * The TransformContext passed to `fn` is one object per call of a `forEach*Item` function whose
 * fields are updated in place for each item (so iterating allocates nothing per item); `fn` must
 * not keep it after it returns. Its `cache` is a new, empty map for every item that follows an item
 * which used the cache.
 */
import { PMap, type Logs, type Metrics, type Profiles, type Traces } from '@ottl/pdata';
import type { ContextName, TransformContext } from '../types/signature.js';
import { dataPointsOf } from './metric.js';
import type { ResourceContainer, ScopeContainer } from './types.js';

/** The mutable view of a TransformContext the iterators reuse across items. */
type Slots = { -readonly [K in keyof TransformContext]: TransformContext[K] } & { cache: PMap };

/** Creates the reused context with every field of `context` present, so its shape never changes. */
function slots(context: ContextName, fields: readonly string[]): Slots {
  const s: Slots = { context, cache: new PMap() };
  for (const f of fields) s[f] = undefined;
  return s;
}

/** Gives the next item a fresh cache when the previous one wrote to it. */
function freshCache(s: Slots): void {
  if (s.cache.size !== 0) s.cache = new PMap();
}

function unsupported(context: ContextName, signal: string): Error {
  return new Error(`the ${context} context cannot iterate ${signal}`);
}

const RESOURCE_FIELDS = ['resource', 'resourceContainer'] as const;
const SCOPE_FIELDS = [...RESOURCE_FIELDS, 'scope', 'scopeContainer'] as const;

function forEachResource(
  containers: readonly ResourceContainer[],
  fn: (tctx: TransformContext) => void,
): void {
  const s = slots('resource', RESOURCE_FIELDS);
  for (let i = 0; i < containers.length; i++) {
    const rc = containers[i]!;
    s.resource = rc.resource;
    s.resourceContainer = rc;
    freshCache(s);
    fn(s);
  }
}

/**
 * Visits every (resource, scope) pair of `containers` with a context `s` whose resource and scope
 * fields are set; `inner` handles the items below the scope.
 */
function forEachScopeOf<R extends ResourceContainer, S extends ScopeContainer>(
  containers: readonly R[],
  scopesOf: (rc: R) => readonly S[],
  s: Slots,
  inner: (sc: S) => void,
): void {
  for (let i = 0; i < containers.length; i++) {
    const rc = containers[i]!;
    s.resource = rc.resource;
    s.resourceContainer = rc;
    const scopes = scopesOf(rc);
    for (let j = 0; j < scopes.length; j++) {
      const sc = scopes[j]!;
      s.scope = sc.scope;
      s.scopeContainer = sc;
      inner(sc);
    }
  }
}

function forEachScope<R extends ResourceContainer, S extends ScopeContainer>(
  containers: readonly R[],
  scopesOf: (rc: R) => readonly S[],
  fn: (tctx: TransformContext) => void,
): void {
  const s = slots('scope', SCOPE_FIELDS);
  forEachScopeOf(containers, scopesOf, s, () => {
    freshCache(s);
    fn(s);
  });
}

/** Runs `fn` on every item of `context` (resource, scope or log) in `logs`. */
export function forEachLogItem(context: ContextName, logs: Logs, fn: (tctx: TransformContext) => void): void {
  const rls = logs.resourceLogs;
  switch (context) {
    case 'resource':
      return forEachResource(rls, fn);
    case 'scope':
      return forEachScope(rls, (rl) => rl.scopeLogs, fn);
    case 'log': {
      const s = slots('log', [...SCOPE_FIELDS, 'log']);
      return forEachScopeOf(rls, (rl) => rl.scopeLogs, s, (sl) => {
        const records = sl.logRecords;
        for (let k = 0; k < records.length; k++) {
          s.log = records[k];
          freshCache(s);
          fn(s);
        }
      });
    }
    default:
      throw unsupported(context, 'logs');
  }
}

/** Runs `fn` on every item of `context` (resource, scope, span, spanevent, spanlink) in `traces`. */
export function forEachTraceItem(context: ContextName, traces: Traces, fn: (tctx: TransformContext) => void): void {
  const rss = traces.resourceSpans;
  switch (context) {
    case 'resource':
      return forEachResource(rss, fn);
    case 'scope':
      return forEachScope(rss, (rs) => rs.scopeSpans, fn);
    case 'span': {
      const s = slots('span', [...SCOPE_FIELDS, 'span']);
      return forEachScopeOf(rss, (rs) => rs.scopeSpans, s, (ss) => {
        const spans = ss.spans;
        for (let k = 0; k < spans.length; k++) {
          s.span = spans[k];
          freshCache(s);
          fn(s);
        }
      });
    }
    case 'spanevent': {
      const s = slots('spanevent', [...SCOPE_FIELDS, 'span', 'spanEvent', 'eventIndex']);
      return forEachScopeOf(rss, (rs) => rs.scopeSpans, s, (ss) => {
        const spans = ss.spans;
        for (let k = 0; k < spans.length; k++) {
          const span = spans[k]!;
          s.span = span;
          const events = span.events;
          for (let e = 0; e < events.length; e++) {
            s.spanEvent = events[e];
            s.eventIndex = e;
            freshCache(s);
            fn(s);
          }
        }
      });
    }
    case 'spanlink': {
      const s = slots('spanlink', [...SCOPE_FIELDS, 'span', 'spanLink']);
      return forEachScopeOf(rss, (rs) => rs.scopeSpans, s, (ss) => {
        const spans = ss.spans;
        for (let k = 0; k < spans.length; k++) {
          const span = spans[k]!;
          s.span = span;
          const links = span.links;
          for (let l = 0; l < links.length; l++) {
            s.spanLink = links[l];
            freshCache(s);
            fn(s);
          }
        }
      });
    }
    default:
      throw unsupported(context, 'traces');
  }
}

/**
 * Runs `fn` on every item of `context` (resource, scope, metric, datapoint, exemplar) in
 * `metrics`. Metric contexts carry the live `ScopeMetrics.metrics` array as `metrics`; metrics
 * appended to it during the pass are visited too.
 */
export function forEachMetricItem(context: ContextName, metrics: Metrics, fn: (tctx: TransformContext) => void): void {
  const rms = metrics.resourceMetrics;
  switch (context) {
    case 'resource':
      return forEachResource(rms, fn);
    case 'scope':
      return forEachScope(rms, (rm) => rm.scopeMetrics, fn);
    case 'metric': {
      const s = slots('metric', [...SCOPE_FIELDS, 'metric', 'metrics']);
      return forEachScopeOf(rms, (rm) => rm.scopeMetrics, s, (sm) => {
        const list = sm.metrics;
        s.metrics = list;
        for (let k = 0; k < list.length; k++) {
          s.metric = list[k];
          freshCache(s);
          fn(s);
        }
      });
    }
    case 'datapoint':
    case 'exemplar': {
      const exemplars = context === 'exemplar';
      const s = slots(context, [...SCOPE_FIELDS, 'metric', 'metrics', 'dataPoint', ...(exemplars ? ['exemplar'] : [])]);
      return forEachScopeOf(rms, (rm) => rm.scopeMetrics, s, (sm) => {
        const list = sm.metrics;
        s.metrics = list;
        for (let k = 0; k < list.length; k++) {
          const metric = list[k]!;
          s.metric = metric;
          const points = dataPointsOf(metric);
          if (points === undefined) continue;
          for (let p = 0; p < points.length; p++) {
            const dp = points[p]!;
            s.dataPoint = dp;
            if (!exemplars) {
              freshCache(s);
              fn(s);
              continue;
            }
            if (!('exemplars' in dp)) continue;
            const ex = dp.exemplars;
            for (let e = 0; e < ex.length; e++) {
              s.exemplar = ex[e];
              freshCache(s);
              fn(s);
            }
          }
        }
      });
    }
    default:
      throw unsupported(context, 'metrics');
  }
}

/** Runs `fn` on every item of `context` (resource, scope, profile) in `profiles`. */
export function forEachProfileItem(context: ContextName, profiles: Profiles, fn: (tctx: TransformContext) => void): void {
  const rps = profiles.resourceProfiles;
  switch (context) {
    case 'resource':
      return forEachResource(rps, fn);
    case 'scope':
      return forEachScope(rps, (rp) => rp.scopeProfiles, fn);
    case 'profile': {
      const s = slots('profile', [...SCOPE_FIELDS, 'profile', 'dictionary']);
      s.dictionary = profiles.dictionary;
      return forEachScopeOf(rps, (rp) => rp.scopeProfiles, s, (sp) => {
        const list = sp.profiles;
        for (let k = 0; k < list.length; k++) {
          s.profile = list[k];
          freshCache(s);
          fn(s);
        }
      });
    }
    default:
      throw unsupported(context, 'profiles');
  }
}
