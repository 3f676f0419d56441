/** `nop` exporter (the Collector's test component): accepts and drops everything. */
import type { Signal } from '../component/componentId.js';
import { noLifecycle } from '../component/component.js';
import { genericExporterFactory } from '../component/define.js';
import { struct } from '../config/schema.js';

export const nopExporterFactory = genericExporterFactory({
  type: 'nop',
  description: 'Drops everything it receives.',
  stability: 'beta',
  config: struct({}),
  signals: ['traces', 'metrics', 'logs', 'profiles'] as readonly Signal[],
  create: () => ({ ...noLifecycle, capabilities: { mutatesData: false }, consume: () => Promise.resolve() }),
});
