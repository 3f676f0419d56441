/** `forward` connector: passes data unchanged from one pipeline to the pipelines it feeds (same signal). */
import { SIGNALS } from '../component/componentId.js';
import { noLifecycle, type ConnectorFactory } from '../component/component.js';
import { struct, type Infer } from '../config/schema.js';
import { fanout } from '../consumer/fanout.js';
import { SIGNAL_OPS } from '../signals.js';

const config = struct({});

export const forwardConnectorFactory: ConnectorFactory<Infer<typeof config>> = {
  kind: 'connector',
  type: 'forward',
  description: 'Forwards data from one pipeline to others of the same signal.',
  stability: 'beta',
  config,
  supports: SIGNALS.map((s) => [s, s] as const),
  create(_set, _cfg, from, _to, next) {
    const out = fanout([...next.values()], SIGNAL_OPS[from] as never);
    return { ...noLifecycle, capabilities: out.capabilities, consume: (d) => out.consume(d as never) };
  },
};
