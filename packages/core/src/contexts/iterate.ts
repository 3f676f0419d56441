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

/**
 * The reused context of `context`: an object literal with every field the context has, so its
 * shape is fixed from the start (a shape built field by field makes every access slower).
 */
function slots(context: ContextName): Slots {
  const cache = new PMap();
  switch (context) {
    case 'resource':
      return { context, cache, resource: undefined, resourceContainer: undefined };
    case 'scope':
      return { context, cache, resource: undefined, resourceContainer: undefined, scope: undefined, scopeContainer: undefined };
    case 'log':
      return { context, cache, resource: undefined, resourceContainer: undefined, scope: undefined, scopeContainer: undefined, log: undefined };
    case 'span':
      return { context, cache, resource: undefined, resourceContainer: undefined, scope: undefined, scopeContainer: undefined, span: undefined };
    case 'spanevent':
      return {
        context,
        cache,
        resource: undefined,
        resourceContainer: undefined,
        scope: undefined,
        scopeContainer: undefined,
        span: undefined,
        spanEvent: undefined,
        eventIndex: -1,
      };
    case 'spanlink':
      return { context, cache, resource: undefined, resourceContainer: undefined, scope: undefined, scopeContainer: undefined, span: undefined, spanLink: undefined };
    case 'metric':
      return { context, cache, resource: undefined, resourceContainer: undefined, scope: undefined, scopeContainer: undefined, metric: undefined, metrics: undefined };
    case 'datapoint':
      return {
        context,
        cache,
        resource: undefined,
        resourceContainer: undefined,
        scope: undefined,
        scopeContainer: undefined,
        metric: undefined,
        metrics: undefined,
        dataPoint: undefined,
      };
    case 'exemplar':
      return {
        context,
        cache,
        resource: undefined,
        resourceContainer: undefined,
        scope: undefined,
        scopeContainer: undefined,
        metric: undefined,
        metrics: undefined,
        dataPoint: undefined,
        exemplar: undefined,
      };
    case 'profile':
    case 'profilesample':
      return { context, cache, resource: undefined, resourceContainer: undefined, scope: undefined, scopeContainer: undefined, profile: undefined, dictionary: undefined };
  }
}

/** Gives the next item a fresh cache when the previous one wrote to it. */
function freshCache(s: Slots): void {
  if (s.cache.size !== 0) s.cache = new PMap();
}

function unsupported(context: ContextName, signal: string): Error {
  return new Error(`the ${context} context cannot iterate ${signal}`);
}

function forEachResource(
  containers: readonly ResourceContainer[],
  fn: (tctx: TransformContext) => void,
): void {
  const s = slots('resource');
  for (let i = 0; i < containers.length; i++) {
    atResource(s, containers[i]!);
    freshCache(s);
    fn(s);
  }
}

/** Points the context at a resource and its container. */
function atResource(s: Slots, rc: ResourceContainer): void {
  s.resource = rc.resource;
  s.resourceContainer = rc;
}

/** Points the context at a scope and its container. */
function atScope(s: Slots, sc: ScopeContainer): void {
  s.scope = sc.scope;
  s.scopeContainer = sc;
}

// The item loops below are written out per context: a shared resource/scope walker taking the
// item loop as a closure measured 3x slower per item.

function forEachScope<R extends ResourceContainer, S extends ScopeContainer>(
  containers: readonly R[],
  scopesOf: (rc: R) => readonly S[],
  fn: (tctx: TransformContext) => void,
): void {
  const s = slots('scope');
  for (let i = 0; i < containers.length; i++) {
    const rc = containers[i]!;
    atResource(s, rc);
    const scopes = scopesOf(rc);
    for (let j = 0; j < scopes.length; j++) {
      atScope(s, scopes[j]!);
      freshCache(s);
      fn(s);
    }
  }
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
      const s = slots('log');
      for (let i = 0; i < rls.length; i++) {
        const rl = rls[i]!;
        atResource(s, rl);
        const sls = rl.scopeLogs;
        for (let j = 0; j < sls.length; j++) {
          const sl = sls[j]!;
          atScope(s, sl);
          const records = sl.logRecords;
          for (let k = 0; k < records.length; k++) {
            s.log = records[k];
            freshCache(s);
            fn(s);
          }
        }
      }
      return;
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
    case 'span':
    case 'spanevent':
    case 'spanlink': {
      const s = slots(context);
      for (let i = 0; i < rss.length; i++) {
        const rs = rss[i]!;
        atResource(s, rs);
        const sss = rs.scopeSpans;
        for (let j = 0; j < sss.length; j++) {
          const ss = sss[j]!;
          atScope(s, ss);
          const spans = ss.spans;
          for (let k = 0; k < spans.length; k++) {
            const span = spans[k]!;
            s.span = span;
            if (context === 'span') {
              freshCache(s);
              fn(s);
            } else if (context === 'spanevent') {
              const events = span.events;
              for (let e = 0; e < events.length; e++) {
                s.spanEvent = events[e];
                s.eventIndex = e;
                freshCache(s);
                fn(s);
              }
            } else {
              const links = span.links;
              for (let l = 0; l < links.length; l++) {
                s.spanLink = links[l];
                freshCache(s);
                fn(s);
              }
            }
          }
        }
      }
      return;
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
    case 'metric':
    case 'datapoint':
    case 'exemplar': {
      const s = slots(context);
      for (let i = 0; i < rms.length; i++) {
        const rm = rms[i]!;
        atResource(s, rm);
        const sms = rm.scopeMetrics;
        for (let j = 0; j < sms.length; j++) {
          const sm = sms[j]!;
          atScope(s, sm);
          const list = sm.metrics;
          s.metrics = list;
          for (let k = 0; k < list.length; k++) {
            const metric = list[k]!;
            s.metric = metric;
            if (context === 'metric') {
              freshCache(s);
              fn(s);
              continue;
            }
            const points = dataPointsOf(metric);
            if (points === undefined) continue;
            for (let p = 0; p < points.length; p++) {
              const dp = points[p]!;
              s.dataPoint = dp;
              if (context === 'datapoint') {
                freshCache(s);
                fn(s);
              } else if ('exemplars' in dp) {
                const ex = dp.exemplars;
                for (let e = 0; e < ex.length; e++) {
                  s.exemplar = ex[e];
                  freshCache(s);
                  fn(s);
                }
              }
            }
          }
        }
      }
      return;
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
      const s = slots('profile');
      s.dictionary = profiles.dictionary;
      for (let i = 0; i < rps.length; i++) {
        const rp = rps[i]!;
        atResource(s, rp);
        const sps = rp.scopeProfiles;
        for (let j = 0; j < sps.length; j++) {
          const sp = sps[j]!;
          atScope(s, sp);
          const list = sp.profiles;
          for (let k = 0; k < list.length; k++) {
            s.profile = list[k];
            freshCache(s);
            fn(s);
          }
        }
      }
      return;
    }
    default:
      throw unsupported(context, 'profiles');
  }
}
