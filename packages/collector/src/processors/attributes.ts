/**
 * `attributes`: applies attribute actions to spans, log records and metric data points (the
 * Collector's attributesprocessor), optionally only to items matching `include` and not matching
 * `exclude`.
 */
import type { Logs, Metrics, Traces } from '@ottl/pdata';
import type { CreateSettings, Processor, ProcessorFactory } from '../component/component.js';
import { noLifecycle } from '../component/component.js';
import type { Signal } from '../component/componentId.js';
import { struct, type Infer } from '../config/schema.js';
import type { Consumer } from '../consumer/consumer.js';
import { clientInfo, type ClientInfo } from '../client/clientInfo.js';
import { actionsDecoder, applyActions } from '../internal/attraction.js';
import { includeExclude, matchPropertiesDecoder, matchSignalError, type Matcher } from '../internal/matchProperties.js';
import { metricPoints } from '../signals.js';

const config = struct(
  { actions: actionsDecoder, include: matchPropertiesDecoder, exclude: matchPropertiesDecoder },
  {
    check: (c, ctx, node) => {
      if (c.actions.length === 0 && !ctx.issues.list.some((d) => d.path.startsWith(`${ctx.path}.actions`))) {
        ctx.issues.add('config-error', `${ctx.path}.actions`, node?.loc ?? ctx.loc, 'missing required field "actions"', { hint: 'add a list of actions such as - { key: env, value: prod, action: upsert }' });
      }
    },
  },
);

export type AttributesConfig = Infer<typeof config>;

function matcherFor(cfg: AttributesConfig, signal: Signal): Matcher | undefined {
  for (const m of [cfg.include, cfg.exclude]) {
    const err = m && matchSignalError(m, signal);
    if (err) throw new Error(err);
  }
  return includeExclude(cfg.include?.matcher, cfg.exclude?.matcher);
}

function processor<T extends object>(next: Consumer<T>, apply: (data: T, info: ClientInfo) => void): Processor<T> {
  return {
    ...noLifecycle,
    capabilities: { mutatesData: true },
    consume: (data) => {
      try {
        apply(data, clientInfo(data));
      } catch (err) {
        return Promise.reject(err);
      }
      return next.consume(data);
    },
  };
}

export const attributesProcessorFactory: ProcessorFactory<AttributesConfig> = {
  kind: 'processor',
  type: 'attributes',
  description: 'Inserts, updates, deletes, hashes, extracts and converts attributes of spans, logs and metric data points.',
  stability: 'beta',
  config,
  createTraces(_set: CreateSettings, cfg, next: Consumer<Traces>) {
    const match = matcherFor(cfg, 'traces');
    return processor(next, (td, info) => {
      for (const rs of td.resourceSpans)
        for (const ss of rs.scopeSpans)
          for (const span of ss.spans) {
            if (match && !match({ resource: rs.resource.attributes, scopeName: ss.scope.name, scopeVersion: ss.scope.version, attributes: span.attributes, spanName: span.name, spanKind: span.kind })) continue;
            applyActions(cfg.actions, span.attributes, info);
          }
    });
  },
  createLogs(_set: CreateSettings, cfg, next: Consumer<Logs>) {
    const match = matcherFor(cfg, 'logs');
    return processor(next, (ld, info) => {
      for (const rl of ld.resourceLogs)
        for (const sl of rl.scopeLogs)
          for (const lr of sl.logRecords) {
            if (
              match &&
              !match({ resource: rl.resource.attributes, scopeName: sl.scope.name, scopeVersion: sl.scope.version, attributes: lr.attributes, logBody: lr.body, severityText: lr.severityText, severityNumber: lr.severityNumber })
            )
              continue;
            applyActions(cfg.actions, lr.attributes, info);
          }
    });
  },
  createMetrics(_set: CreateSettings, cfg, next: Consumer<Metrics>) {
    const match = matcherFor(cfg, 'metrics');
    return processor(next, (md, info) => {
      for (const rm of md.resourceMetrics)
        for (const sm of rm.scopeMetrics)
          for (const m of sm.metrics)
            for (const dp of metricPoints(m) as { attributes: import('@ottl/pdata').PMap }[]) {
              if (match && !match({ resource: rm.resource.attributes, scopeName: sm.scope.name, scopeVersion: sm.scope.version, attributes: dp.attributes, metricName: m.name })) continue;
              applyActions(cfg.actions, dp.attributes, info);
            }
    });
  },
};
