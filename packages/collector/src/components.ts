/**
 * The browser-safe components of this build. `@ottl/collector/node` adds the network receivers
 * and exporters, the file exporter and the health_check extension.
 */
import type { Factory } from './component/component.js';
import { makeComponents, type Components } from './component/components.js';
import { forwardConnectorFactory } from './connectors/forward.js';
import { routingConnectorFactory } from './connectors/routing.js';
import { debugExporter } from './exporters/debug.js';
import { nopExporterFactory } from './exporters/nop.js';
import { attributesProcessorFactory } from './processors/attributes.js';
import { batchProcessorFactory } from './processors/batch.js';
import { memoryLimiterFactory } from './processors/memoryLimiter.js';
import { resourceProcessorFactory } from './processors/resource.js';
import { transformProcessorFactory } from './processors/transform.js';
import { filterProcessorFactory } from './processors/filter.js';
import { routingProcessorFactory } from './processors/routing.js';
import { probabilisticSamplerFactory } from './processors/probabilisticSampler.js';
import { tailSamplingProcessorFactory } from './processors/tailSampling.js';
import { nopReceiverFactory } from './receivers/nop.js';

/** The factories of the browser-safe components. */
export function browserFactories(): Factory[] {
  return [
    nopReceiverFactory,
    batchProcessorFactory,
    memoryLimiterFactory(),
    attributesProcessorFactory,
    resourceProcessorFactory,
    transformProcessorFactory,
    filterProcessorFactory,
    probabilisticSamplerFactory,
    tailSamplingProcessorFactory,
    routingProcessorFactory,
    debugExporter,
    nopExporterFactory,
    forwardConnectorFactory,
    routingConnectorFactory,
  ] as Factory[];
}

/** Every browser-safe component, plus `extra` factories (which replace built-ins of the same kind and type). */
export function defaultComponents(...extra: Factory[]): Components {
  return makeComponents(browserFactories(), extra);
}
