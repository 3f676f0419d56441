/**
 * `resource`: applies attribute actions to the resource of every signal (the Collector's
 * resourceprocessor).
 */
import type { Signal } from '../component/componentId.js';
import { noLifecycle, type CreateSettings, type Processor, type SignalData } from '../component/component.js';
import { genericProcessorFactory } from '../component/define.js';
import { struct, type Infer } from '../config/schema.js';
import type { Consumer } from '../consumer/consumer.js';
import { clientInfo } from '../client/clientInfo.js';
import { actionsDecoder, applyActions } from '../internal/attraction.js';
import type { SignalOps } from '../signals.js';

const config = struct(
  { attributes: actionsDecoder },
  {
    check: (c, ctx, node) => {
      if (c.attributes.length === 0 && !ctx.issues.list.some((d) => d.path.startsWith(`${ctx.path}.attributes`))) {
        ctx.issues.add('config-error', `${ctx.path}.attributes`, node?.loc ?? ctx.loc, 'missing required field "attributes"', { hint: 'add a list of actions such as - { key: env, value: prod, action: upsert }' });
      }
    },
  },
);

export type ResourceConfig = Infer<typeof config>;

export const resourceProcessorFactory = genericProcessorFactory({
  type: 'resource',
  description: 'Inserts, updates, deletes, hashes, extracts and converts resource attributes.',
  stability: 'beta',
  config,
  signals: ['traces', 'metrics', 'logs', 'profiles'] as readonly Signal[],
  create: <S extends Signal>(_set: CreateSettings, cfg: ResourceConfig, next: Consumer<SignalData[S]>, ops: SignalOps<SignalData[S]>): Processor<SignalData[S]> => ({
    ...noLifecycle,
    capabilities: { mutatesData: true },
    consume: (data) => {
      try {
        const info = clientInfo(data as object);
        for (const r of ops.resources(data)) applyActions(cfg.attributes, r.resource.attributes, info);
      } catch (err) {
        return Promise.reject(err);
      }
      return next.consume(data);
    },
  }),
});
