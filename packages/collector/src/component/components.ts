/**
 * The set of component factories a collector build knows, by kind and type.
 */
import type { ComponentKind } from './componentId.js';
import type { ConnectorFactory, ExporterFactory, ExtensionFactory, Factory, ProcessorFactory, ReceiverFactory } from './component.js';

export interface Components {
  readonly receivers: ReadonlyMap<string, ReceiverFactory>;
  readonly processors: ReadonlyMap<string, ProcessorFactory>;
  readonly exporters: ReadonlyMap<string, ExporterFactory>;
  readonly connectors: ReadonlyMap<string, ConnectorFactory>;
  readonly extensions: ReadonlyMap<string, ExtensionFactory>;
}

/** Groups factories by kind; a later factory of the same kind and type replaces an earlier one. */
export function makeComponents(...factories: readonly (Factory | readonly Factory[])[]): Components {
  const receivers = new Map<string, ReceiverFactory>();
  const processors = new Map<string, ProcessorFactory>();
  const exporters = new Map<string, ExporterFactory>();
  const connectors = new Map<string, ConnectorFactory>();
  const extensions = new Map<string, ExtensionFactory>();
  for (const f of factories.flat()) {
    switch (f.kind) {
      case 'receiver':
        receivers.set(f.type, f);
        break;
      case 'processor':
        processors.set(f.type, f);
        break;
      case 'exporter':
        exporters.set(f.type, f);
        break;
      case 'connector':
        connectors.set(f.type, f);
        break;
      case 'extension':
        extensions.set(f.type, f);
        break;
    }
  }
  return { receivers, processors, exporters, connectors, extensions };
}

export const SECTION_OF_KIND: Readonly<Record<ComponentKind, keyof Components>> = {
  receiver: 'receivers',
  processor: 'processors',
  exporter: 'exporters',
  connector: 'connectors',
  extension: 'extensions',
};

/** Every factory of a build, in kind then type order. */
export function listFactories(c: Components): Factory[] {
  const sorted = <F extends Factory>(m: ReadonlyMap<string, F>) => [...m.values()].sort((a, b) => (a.type < b.type ? -1 : 1));
  return [...sorted(c.receivers), ...sorted(c.processors), ...sorted(c.exporters), ...sorted(c.connectors), ...sorted(c.extensions)];
}
