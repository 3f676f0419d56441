/**
 * `nop` receiver (the Collector's test component): produces nothing by itself. Embedders push data
 * into its pipelines with `Collector.consumer('nop', signal)`.
 */
import { noLifecycle, type ReceiverFactory } from '../component/component.js';
import { struct, type Infer } from '../config/schema.js';

const config = struct({});

export const nopReceiverFactory: ReceiverFactory<Infer<typeof config>> = {
  kind: 'receiver',
  type: 'nop',
  description: 'Produces nothing by itself; push data in-process with Collector.consumer().',
  stability: 'beta',
  config,
  createTraces: () => noLifecycle,
  createMetrics: () => noLifecycle,
  createLogs: () => noLifecycle,
  createProfiles: () => noLifecycle,
};
