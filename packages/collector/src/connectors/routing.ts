/**
 * `routing` connector: sends each item to the pipelines of the first table entry whose OTTL
 * statement or condition holds for it (the Collector's routingconnector).
 *
 * `table` entries `{ context, statement | condition, pipelines }` are tried in order, each taking
 * the items its test holds for out of what is left, so an item goes to one entry's pipelines at
 * most; what no entry took goes to `default_pipelines` (or is dropped). `context` `resource` moves
 * whole resources; `span` (traces), `log` (logs), `metric` and `datapoint` (metrics) move single
 * items with a copy of their resource and scope. Without `context`, the context is inferred from
 * the path prefixes and is `resource` when they do not name one. `error_mode` (default
 * `propagate`): a test that fails fails the request and nothing is sent; with `ignore` (logged) or
 * `silent` the item counts as not matching. Every entry is compiled once, when the config is
 * loaded (errors point into the YAML file), and each pipeline named must receive from this
 * connector.
 */
import { DEFAULT_CONTEXT_PRIORITY, dataPointContext, inferContext, logContext, metricContext, parse, resourceContext, spanContext, type ContextName, type TransformContext } from '@ottl/core';
import type { Logs, Metrics, Traces } from '@ottl/pdata';
import { PipelineId, type Signal } from '../component/componentId.js';
import { noLifecycle, type ConnectorFactory, type SignalData } from '../component/component.js';
import { didYouMean } from '../config/diagnostics.js';
import { list, located, string, struct, type DecodeContext, type Infer, type Located } from '../config/schema.js';
import { copyClientInfo } from '../client/clientInfo.js';
import { PermanentError, errorMessage, type Consumer } from '../consumer/consumer.js';
import { fanout, settleAll } from '../consumer/fanout.js';
import { checkRoute, routeTest, routingFunctionNames, type CompiledRoute, type RouteTest, type RouteText } from '../internal/routing.js';
import { errorModeDecoder, optionalText } from '../processors/ottlGroups.js';
import type { Logger } from '../logger.js';
import { SIGNAL_OPS, moveDataPointsIf, moveIf, moveLogRecordsIf, moveMetricsIf, moveSpansIf, type SignalOps } from '../signals.js';

type RoutedSignal = 'traces' | 'metrics' | 'logs';

/** Moves the items of `src` that `test` matches into `dst`. */
type Mover<T> = (src: T, dst: T, test: RouteTest) => void;

const hit = (test: RouteTest, ctx: TransformContext) => test(ctx) === 'matched';

/** The contexts an entry may route by, per signal, and how each moves what matched. */
const MOVERS: { readonly [S in RoutedSignal]: Readonly<Partial<Record<ContextName, Mover<SignalData[S]>>>> } = {
  traces: {
    resource: (src: Traces, dst: Traces, t) => moveIf(src.resourceSpans, dst.resourceSpans, (r) => hit(t, resourceContext(r))),
    span: (src: Traces, dst: Traces, t) => moveSpansIf(src, dst, (rs, ss, span) => hit(t, spanContext(rs, ss, span))),
  },
  metrics: {
    resource: (src: Metrics, dst: Metrics, t) => moveIf(src.resourceMetrics, dst.resourceMetrics, (r) => hit(t, resourceContext(r))),
    metric: (src: Metrics, dst: Metrics, t) => moveMetricsIf(src, dst, (rm, sm, m) => hit(t, metricContext(rm, sm, m))),
    datapoint: (src: Metrics, dst: Metrics, t) => moveDataPointsIf(src, dst, (rm, sm, m, dp) => hit(t, dataPointContext(rm, sm, m, dp))),
  },
  logs: {
    resource: (src: Logs, dst: Logs, t) => moveIf(src.resourceLogs, dst.resourceLogs, (r) => hit(t, resourceContext(r))),
    log: (src: Logs, dst: Logs, t) => moveLogRecordsIf(src, dst, (rl, sl, lr) => hit(t, logContext(rl, sl, lr))),
  },
};

const CONTEXTS = ['resource', 'span', 'metric', 'datapoint', 'log'] as const;

const pipelineList = list(located(string()));

const rawConfig = struct(
  {
    error_mode: errorModeDecoder('propagate'),
    default_pipelines: pipelineList,
    table: list(
      located(
        struct({
          context: located(string()),
          statement: optionalText,
          condition: optionalText,
          pipelines: pipelineList,
        }),
      ),
    ),
  },
  { hints: { match_once: 'match_once was removed upstream in v0.120.0: every item now goes to the first entry that matches it' } },
);

/** A checked table entry, compiled. */
export interface RoutingRoute extends CompiledRoute {
  /** Pipeline ID strings. */
  readonly pipelines: readonly string[];
}

export type RoutingConnectorConfig = Infer<typeof rawConfig> & { readonly routes: readonly RoutingRoute[] };

/** The signal every pipeline of `refs` has, if they agree. */
function signalOf(refs: readonly Located<string>[]): Signal | undefined {
  const signals = new Set(refs.flatMap((r) => {
    const id = PipelineId.parse(r.value);
    return 'error' in id ? [] : [id.signal];
  }));
  return signals.size === 1 ? [...signals][0] : undefined;
}

/** The context an entry without one runs in: inferred from its path prefixes, else `resource`. */
function inferred(text: string, kind: RouteText['kind'], allowed: readonly ContextName[]): ContextName {
  const { ast } = parse(text, kind);
  if (!ast) return 'resource';
  const r = inferContext([ast], { allowed, priority: DEFAULT_CONTEXT_PRIORITY, functionsFor: routingFunctionNames });
  return r.context ?? 'resource';
}

type Entry = Infer<typeof rawConfig>['table'][number];

/** Checks one table entry; the route it defines, or undefined after reporting why there is none. */
function checkEntry(entry: Entry, ctx: DecodeContext): RoutingRoute | undefined {
  const { statement, condition, pipelines, context: written } = entry.value;
  const loc = entry.node?.loc ?? ctx.loc;
  if (pipelines.length === 0) {
    ctx.issues.add('config-error', `${entry.path}.pipelines`, loc, 'invalid route: no pipelines defined', { hint: 'list the pipelines that receive what this route matches, e.g. pipelines: [traces/acme]' });
  }
  const text = statement ?? condition;
  if (!text || (statement && condition)) {
    const message = text ? 'invalid route: both condition and statement provided' : 'invalid route: no condition or statement provided';
    ctx.issues.add('config-error', entry.path, loc, message, { hint: 'write either condition: <condition> or statement: route() where <condition>' });
    return undefined;
  }
  const kind = statement ? 'statement' : 'condition';
  const signal = signalOf(pipelines);
  const allowed: readonly ContextName[] = signal && signal !== 'profiles' ? (Object.keys(MOVERS[signal]) as ContextName[]) : ['resource'];
  const name = written.value.toLowerCase();
  const wloc = written.node?.loc ?? loc;
  let context: ContextName;
  if (name === '') context = inferred(text.text, kind, allowed);
  else if (name === 'request') {
    ctx.issues.add('config-error', written.path, wloc, 'the request context reads request metadata, which this runtime does not carry yet', {
      hint: 'route on what the data carries, e.g. context: resource with condition: attributes["tenant"] == "acme"',
    });
    return undefined;
  } else if (!(CONTEXTS as readonly string[]).includes(name)) {
    ctx.issues.add('config-error', written.path, wloc, `invalid context: ${written.value}`, { hint: didYouMean(name, CONTEXTS) ?? `valid contexts: ${CONTEXTS.join(', ')}` });
    return undefined;
  } else if (signal && !allowed.includes(name as ContextName)) {
    ctx.issues.add('config-error', written.path, wloc, `context ${name} does not apply to the ${signal} pipelines this route names`, { hint: `valid contexts for ${signal}: ${allowed.join(', ')}` });
    return undefined;
  } else context = name as ContextName;
  const compiled = checkRoute({ issues: ctx.issues, path: entry.path, loc }, text, { context, kind, text: text.text });
  return compiled && pipelines.length > 0 ? { ...compiled, pipelines: pipelines.map((p) => canonical(p.value)) } : undefined;
}

function canonical(pipeline: string): string {
  const id = PipelineId.parse(pipeline);
  return 'error' in id ? pipeline : id.toString();
}

const config = {
  describe: rawConfig.describe,
  decode(node: Parameters<typeof rawConfig.decode>[0], ctx: DecodeContext): RoutingConnectorConfig {
    const raw = rawConfig.decode(node, ctx);
    if (raw.table.length === 0) {
      ctx.issues.add('config-error', `${ctx.path}.table`, node?.loc ?? ctx.loc, 'invalid routing table: the routing table is empty', {
        hint: 'add entries such as - condition: resource.attributes["tenant"] == "acme" with pipelines: [traces/acme]',
      });
    }
    const routes = raw.table.flatMap((entry) => checkEntry(entry, ctx) ?? []);
    return { ...raw, routes };
  },
};

export const routingConnectorFactory: ConnectorFactory<RoutingConnectorConfig> = {
  kind: 'connector',
  type: 'routing',
  description: 'Routes traces, metrics and logs to pipelines by OTTL statements or conditions (resource, span, metric, datapoint, log contexts).',
  stability: 'alpha',
  config,
  supports: (['traces', 'metrics', 'logs'] as const).map((s) => [s, s] as const),
  pipelineRefs: (cfg) => [...cfg.table.flatMap((e) => e.value.pipelines), ...cfg.default_pipelines],
  create(set, cfg, from, _to, next) {
    const ops = SIGNAL_OPS[from];
    // One consumer per distinct pipeline list: entries routing to the same pipelines share a request.
    const consumers = new Map<string, Consumer<SignalData[typeof from]>>();
    const consumerFor = (pipelines: readonly string[]) => {
      const key = pipelines.join(',');
      let c = consumers.get(key);
      if (!c) {
        const targets = pipelines.map((p) => {
          // The connector feeds its own signal (from === to).
          const t = next.get(p) as Consumer<SignalData[typeof from]> | undefined;
          if (!t) throw new Error(`pipeline "${p}" does not receive from connector "${set.id}"`);
          return t;
        });
        consumers.set(key, (c = fanout(targets, ops as never)));
      }
      return c;
    };
    const movers = MOVERS[from as RoutedSignal] as Readonly<Partial<Record<ContextName, Mover<SignalData[typeof from]>>>>;
    const routes = cfg.routes.map((r) => {
      const move = movers[r.context];
      if (!move) throw new Error(`context ${r.context} does not apply to ${from}`);
      return { move, test: routeTest(r, cfg.error_mode, set.logger), consumer: consumerFor(r.pipelines) };
    });
    const fallback = cfg.default_pipelines.length > 0 ? consumerFor(cfg.default_pipelines.map((p) => canonical(p.value))) : undefined;
    return { ...noLifecycle, ...router(ops as SignalOps<SignalData[typeof from]>, routes, fallback, set.logger) };
  },
};

/** Routes each request through `routes` in order; what is left goes to `fallback`. Every part carries the request's client info. */
function router<T>(ops: SignalOps<T>, routes: readonly { move: Mover<T>; test: RouteTest; consumer: Consumer<T> }[], fallback: Consumer<T> | undefined, logger: Logger): Consumer<T> {
  return {
    capabilities: { mutatesData: true },
    consume(data) {
      const out = new Map<Consumer<T>, T>();
      const add = (c: Consumer<T> | undefined, d: T) => {
        if (!c || ops.isEmpty(d)) return;
        const have = out.get(c);
        if (have) ops.moveAppend(d, have);
        else out.set(c, d);
      };
      try {
        for (const r of routes) {
          if (ops.isEmpty(data)) break;
          const matched = ops.empty();
          copyClientInfo(data as object, matched as object);
          r.move(data, matched, r.test);
          add(r.consumer, matched);
        }
      } catch (err) {
        logger.warn('failed routing', { error: errorMessage(err) });
        return Promise.reject(new PermanentError(errorMessage(err)));
      }
      add(fallback, data);
      return settleAll([...out].map(([c, d]) => c.consume(d)));
    },
  };
}
