/**
 * `routing` processor: the Collector's deprecated routingprocessor, kept so that configs written
 * for it run unchanged (upstream replaced it with the `routing` connector).
 *
 * It does not hand data on: it sends each resource (ResourceSpans, ResourceMetrics, ResourceLogs)
 * to the exporters of every `table` entry that matches it, and to `default_exporters` when none
 * does. Processors after it in the pipeline never see data, and the pipeline's exporters only
 * receive what the table sends them. Every exporter named must be configured and sit in a
 * pipeline of each signal the processor serves (the graph hands their instances over).
 *
 * An entry matches by `value`, compared with the resource attribute `from_attribute` (with
 * `attribute_source: resource`; `drop_resource_routing_attribute` then removes that attribute from
 * the resources it routes), or by an OTTL `statement` in the resource context (`route() where
 * resource.attributes["x"] == "y"`; `delete_key` and `delete_matching_keys` may edit). With the
 * default `attribute_source: context` the value is the first value of the request header
 * `from_attribute` (any case) and the whole request goes to the exporters of the first value entry
 * equal to it, else to `default_exporters`; statement entries are then unused, as upstream. The
 * header is read from the gRPC request's metadata when the request came over gRPC (whatever
 * `include_metadata` says), else from the client metadata (`include_metadata` on the receiver);
 * neither survives a `batch` processor without `metadata_keys` before this one. `error_mode` (default
 * `propagate`): a failing statement fails the request; with `ignore` or `silent` the resource also
 * goes to `default_exporters`. A resource sent to several exporter lists is copied after every
 * entry ran, so all copies carry the edits of every matching statement. What is sent carries the
 * request's client info.
 */
import { resourceContext, type ResourceContainer } from '@ottl/core';
import type { Signal } from '../component/componentId.js';
import { noLifecycle, type CreateSettings, type Processor, type ProcessorFactory, type SignalData } from '../component/component.js';
import { bool, list, located, oneOf, string, struct, type DecodeContext, type Infer } from '../config/schema.js';
import { clientInfo, copyClientInfo, metadataValues } from '../client/clientInfo.js';
import { PermanentError, errorMessage, type Consumer } from '../consumer/consumer.js';
import { fanout, settleAll } from '../consumer/fanout.js';
import type { Logger } from '../logger.js';
import { checkRoute, routeTest, type CompiledRoute, type RouteOutcome } from '../internal/routing.js';
import { SIGNAL_OPS, type SignalOps } from '../signals.js';
import { errorModeDecoder, optionalText } from './ottlGroups.js';

const exporterList = list(located(string()));

const rawConfig = struct({
  from_attribute: located(string()),
  attribute_source: located(oneOf(['context', 'resource'] as const, 'context')),
  drop_resource_routing_attribute: located(bool(false)),
  default_exporters: exporterList,
  error_mode: errorModeDecoder('propagate'),
  table: list(located(struct({ value: string(), statement: optionalText, exporters: exporterList }))),
});

/** A checked table entry: a value of `from_attribute` or a compiled OTTL statement, and exporter ID strings. */
export type RoutingProcessorRoute = ({ readonly value: string } | { readonly statement: CompiledRoute }) & { readonly exporters: readonly string[] };

export type RoutingProcessorConfig = Infer<typeof rawConfig> & {
  readonly routes: readonly RoutingProcessorRoute[];
  /** True when value entries are matched with a request header (whole requests are routed). */
  readonly byRequest: boolean;
};

const config = {
  describe: rawConfig.describe,
  decode(node: Parameters<typeof rawConfig.decode>[0], ctx: DecodeContext): RoutingProcessorConfig {
    const raw = rawConfig.decode(node, ctx);
    const here = node?.loc ?? ctx.loc;
    if (raw.table.length === 0) {
      ctx.issues.add('config-error', `${ctx.path}.table`, here, 'invalid routing table: the routing table is empty', { hint: 'add entries such as - value: tenant-a with exporters: [otlp/tenant-a]' });
    }
    const routes: RoutingProcessorRoute[] = [];
    for (const { value: item, node: itemNode, path } of raw.table) {
      const loc = itemNode?.loc ?? here;
      const exporters = item.exporters.map((e) => e.value.trim());
      if (exporters.length === 0) ctx.issues.add('config-error', `${path}.exporters`, loc, 'invalid route: no exporters defined for the route');
      if (item.value !== '' && item.statement) {
        ctx.issues.add('config-error', path, loc, `invalid route: both statement (${item.statement.text}) and value (${item.value}) provided`, { hint: 'an entry matches by value or by statement' });
      } else if (item.statement) {
        const statement = checkRoute({ issues: ctx.issues, path, loc }, item.statement, { context: 'resource', kind: 'statement', text: item.statement.text });
        if (statement) routes.push({ statement, exporters });
      } else if (item.value !== '') routes.push({ value: item.value, exporters });
      else ctx.issues.add('config-error', path, loc, 'invalid (empty) route: empty routing attribute provided', { hint: 'give the entry a value (of from_attribute) or a statement' });
    }
    const byValue = raw.table.some((t) => t.value.value !== '');
    const from = raw.from_attribute;
    if (byValue && from.value === '') {
      ctx.issues.add('config-error', from.path, from.node?.loc ?? here, 'invalid attribute to read the route\'s value from: the FromAttribute property is empty', { hint: 'name the attribute whose value the table entries match, e.g. from_attribute: tenant' });
    }
    const source = raw.attribute_source;
    const drop = raw.drop_resource_routing_attribute;
    if (drop.value && (source.value !== 'resource' || !byValue)) {
      ctx.issues.add('config-error', drop.path, drop.node?.loc ?? here, 'drop_resource_routing_attribute needs value entries and attribute_source: resource');
    }
    return { ...raw, routes, byRequest: byValue && source.value === 'context' };
  },
};

/** A resource-level container; pdata's have `clone`. */
type Resource = ResourceContainer & { clone(): Resource };

function create<S extends Signal>(signal: S) {
  return (set: CreateSettings, cfg: RoutingProcessorConfig): Processor<SignalData[S]> => {
    const ops = SIGNAL_OPS[signal] as SignalOps<SignalData[S]>;
    const available = (set.exporters ?? new Map()) as ReadonlyMap<string, Consumer<SignalData[S]>>;
    const consumers = new Map<string, Consumer<SignalData[S]>>();
    const consumerFor = (ids: readonly string[]): Consumer<SignalData[S]> => {
      const key = ids.join(',');
      let c = consumers.get(key);
      if (!c) {
        const targets = [...new Set(ids)].map((id) => {
          const e = available.get(id);
          if (!e) throw new Error(`exporter "${id}" is not available for ${signal}`);
          return e;
        });
        consumers.set(key, (c = fanout(targets, ops)));
      }
      return c;
    };
    const fallback = cfg.default_exporters.length > 0 ? consumerFor(cfg.default_exporters.map((e) => e.value.trim())) : undefined;
    const routes = cfg.routes.map((r) => ({ test: 'statement' in r ? statementTest(cfg, r.statement, set.logger) : valueTest(cfg, r.value), consumer: consumerFor(r.exporters) }));
    const byValue = new Map<string, Consumer<SignalData[S]>>();
    for (const r of cfg.routes) if ('value' in r && !byValue.has(r.value)) byValue.set(r.value, consumerFor(r.exporters));
    return {
      ...noLifecycle,
      capabilities: { mutatesData: true },
      consume(data) {
        if (cfg.byRequest) {
          const target = byValue.get(requestValue(data as object, cfg.from_attribute.value) ?? '') ?? fallback;
          return target ? target.consume(data) : Promise.resolve();
        }
        const out = new Map<Consumer<SignalData[S]>, SignalData[S]>();
        const send = (c: Consumer<SignalData[S]>, r: Resource) => {
          let d = out.get(c);
          if (!d) {
            out.set(c, (d = ops.empty()));
            copyClientInfo(data as object, d as object);
          }
          (ops.resources(d) as Resource[]).push(r);
        };
        try {
          for (const r of ops.resources(data) as Resource[]) {
            const targets: Consumer<SignalData[S]>[] = [];
            let failed = false;
            for (const route of routes) {
              const outcome = route.test(r);
              if (outcome === 'matched') targets.push(route.consumer);
              failed ||= outcome === 'failed';
            }
            if (fallback && (failed || targets.length === 0)) targets.push(fallback);
            // Every target but the last gets its own copy.
            targets.forEach((c, i) => send(c, i === targets.length - 1 ? r : r.clone()));
          }
        } catch (err) {
          set.logger.warn('failed routing', { error: errorMessage(err) });
          return Promise.reject(new PermanentError(errorMessage(err)));
        }
        return settleAll([...out].map(([c, d]) => c.consume(d)));
      },
    };
  };
}

/** The first value of header `key` of the request: its gRPC metadata when it came over gRPC, else its client metadata. */
function requestValue(data: object, key: string): string | undefined {
  const info = clientInfo(data);
  return metadataValues(info.grpc ?? info.metadata, key)[0];
}

/** Matches resources for which the statement's where clause holds (running its editor). */
function statementTest(cfg: RoutingProcessorConfig, statement: CompiledRoute, logger: Logger): (r: Resource) => RouteOutcome {
  const test = routeTest(statement, cfg.error_mode, logger);
  return (r) => test(resourceContext(r));
}

/** Matches resources whose `from_attribute` is the string `value` (removing it when configured to). */
function valueTest(cfg: RoutingProcessorConfig, value: string): (r: Resource) => RouteOutcome {
  const key = cfg.from_attribute.value;
  return (r) => {
    const attrs = r.resource.attributes;
    if (attrs.get(key) !== value) return 'missed';
    if (cfg.drop_resource_routing_attribute.value) attrs.remove(key);
    return 'matched';
  };
}

export const routingProcessorFactory: ProcessorFactory<RoutingProcessorConfig> = {
  kind: 'processor',
  type: 'routing',
  description: 'Deprecated upstream (use the routing connector): sends each resource to the exporters of the table entries it matches.',
  stability: 'deprecated',
  config,
  exporterRefs: (cfg) => [...cfg.table.flatMap((t) => t.value.exporters), ...cfg.default_exporters],
  createTraces: create('traces'),
  createMetrics: create('metrics'),
  createLogs: create('logs'),
};
