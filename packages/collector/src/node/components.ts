/** Every component of this build: the browser-safe ones plus the network and file components. */
import { totalmem } from 'node:os';
import type { Factory } from '../component/component.js';
import { makeComponents, type Components } from '../component/components.js';
import { browserFactories } from '../components.js';
import { defaultMemorySource, memoryLimiterFactory } from '../processors/memoryLimiter.js';
import { fileExporterFactory } from './fileExporter.js';
import { fileStorageExtensionFactory } from './fileStorage.js';
import { healthCheckExtensionFactory } from './healthCheck.js';
import { otlpExporterFactory, otlpHttpExporterFactory } from './otlpExporters.js';
import { otlpReceiverFactory } from './otlpReceiver.js';

export function nodeFactories(): Factory[] {
  return [
    ...browserFactories(),
    // Knows the machine's memory, so limit_percentage works.
    memoryLimiterFactory({ ...defaultMemorySource, totalBytes: () => totalmem() }),
    otlpReceiverFactory,
    otlpExporterFactory,
    otlpHttpExporterFactory,
    fileExporterFactory,
    healthCheckExtensionFactory,
    fileStorageExtensionFactory,
  ] as Factory[];
}

/** All components, plus `extra` factories (replacing built-ins of the same kind and type). */
export function nodeComponents(...extra: Factory[]): Components {
  return makeComponents(nodeFactories(), extra);
}
