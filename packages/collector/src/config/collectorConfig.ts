/**
 * The Collector's configuration file format: component sections keyed by `type[/name]`, and
 * `service` with extensions, pipelines and telemetry. Decoding checks everything a startup would:
 * unknown types and fields, bad values (with each factory's decoder), references between
 * pipelines and components, connector wiring and signal support.
 */
import { ComponentId, PipelineId, type ComponentKind, type Signal } from '../component/componentId.js';
import { factorySignals, type ConnectorFactory, type Factory } from '../component/component.js';
import type { Components } from '../component/components.js';
import { ConfigIssues, didYouMean, type Location } from './diagnostics.js';
import { child, int, list, oneOf, raw, record, string, struct, type DecodeContext, type Infer, type Located } from './schema.js';
import { joinPath, type CfgMap, type CfgNode } from './tree.js';

export interface ComponentConfig<F extends Factory = Factory> {
  readonly id: ComponentId;
  readonly factory: F;
  /** The decoded config (the factory's decoder output). */
  readonly config: unknown;
  readonly path: string;
  readonly loc: Location | undefined;
}

export interface PipelineConfig {
  readonly id: PipelineId;
  readonly receivers: readonly ComponentId[];
  readonly processors: readonly ComponentId[];
  readonly exporters: readonly ComponentId[];
}

const telemetryDecoder = struct({
  logs: struct({
    level: oneOf(['debug', 'info', 'warn', 'error'] as const, 'info', { caseInsensitive: true }),
    encoding: oneOf(['console', 'json'] as const, 'console'),
    // Accepted for compatibility and not used: logs always go to the injected logger (stderr for the CLI).
    output_paths: raw(),
    error_output_paths: raw(),
    development: raw(),
    disable_caller: raw(),
    disable_stacktrace: raw(),
    sampling: raw(),
    initial_fields: raw(),
    processors: raw(),
  }),
  metrics: struct({
    level: oneOf(['none', 'basic', 'normal', 'detailed'] as const, 'normal', { caseInsensitive: true }),
    /** Deprecated upstream in favour of `readers`, still the common form (and the seed's). */
    address: string(''),
    readers: list(
      struct({
        pull: struct({
          exporter: struct({
            prometheus: struct({
              host: string('localhost'),
              port: int(8888, { min: 0, max: 65535 }),
              without_units: raw(),
              without_type_suffix: raw(),
              without_scope_info: raw(),
            }),
          }),
        }),
      }),
    ),
  }),
  traces: struct({ level: oneOf(['none', 'basic', 'normal', 'detailed'] as const, 'basic', { caseInsensitive: true }), processors: raw() }),
  resource: record(string()),
});

export type TelemetryConfig = Infer<typeof telemetryDecoder> & {
  /** Where the Prometheus endpoint listens (`host:port`), or undefined when metrics are off. */
  readonly metricsEndpoint: string | undefined;
};

export interface CollectorConfig {
  readonly receivers: ReadonlyMap<string, ComponentConfig>;
  readonly processors: ReadonlyMap<string, ComponentConfig>;
  readonly exporters: ReadonlyMap<string, ComponentConfig>;
  readonly connectors: ReadonlyMap<string, ComponentConfig<ConnectorFactory>>;
  readonly extensions: ReadonlyMap<string, ComponentConfig>;
  readonly service: {
    readonly extensions: readonly ComponentId[];
    readonly pipelines: ReadonlyMap<string, PipelineConfig>;
    readonly telemetry: TelemetryConfig;
  };
}

const SECTIONS = [
  ['receivers', 'receiver'],
  ['processors', 'processor'],
  ['exporters', 'exporter'],
  ['connectors', 'connector'],
  ['extensions', 'extension'],
] as const satisfies readonly (readonly [keyof Components, ComponentKind])[];

const TOP_LEVEL = ['receivers', 'processors', 'exporters', 'connectors', 'extensions', 'service'];

/**
 * Decodes and checks a whole configuration. Every problem goes to `issues`; the result is only
 * usable when `issues.hasErrors` is false.
 */
export function decodeCollectorConfig(root: CfgMap, components: Components, issues: ConfigIssues): CollectorConfig {
  const ctx: DecodeContext = { issues, path: '', loc: root.loc };
  for (const e of root.entries.values()) {
    if (!TOP_LEVEL.includes(e.key)) {
      const hint = didYouMean(e.key, TOP_LEVEL);
      issues.add('unknown-field', e.key, e.keyLoc, `unknown top-level section "${e.key}"`, {
        label: 'unknown section',
        hint: hint ?? `a collector configuration has the sections ${TOP_LEVEL.join(', ')}`,
      });
    }
  }
  const sections = {} as Record<keyof Components, Map<string, ComponentConfig>>;
  // IDs defined with an unknown type or a malformed ID: reported once, where they are defined.
  const broken = new Set<string>();
  for (const [section, kind] of SECTIONS) {
    sections[section] = decodeSection(root.entries.get(section)?.node, section, kind, components, child(ctx, section, root.entries.get(section)?.node), broken);
  }
  const serviceNode = root.entries.get('service')?.node;
  const service = decodeService(serviceNode, sections, child(ctx, 'service', serviceNode), broken);
  return {
    receivers: sections.receivers,
    processors: sections.processors,
    exporters: sections.exporters,
    connectors: sections.connectors as Map<string, ComponentConfig<ConnectorFactory>>,
    extensions: sections.extensions,
    service,
  };
}

function decodeSection(
  node: CfgNode | undefined,
  section: keyof Components,
  kind: ComponentKind,
  components: Components,
  ctx: DecodeContext,
  broken: Set<string>,
): Map<string, ComponentConfig> {
  const out = new Map<string, ComponentConfig>();
  if (!node || (node.kind === 'scalar' && node.value === null)) return out;
  if (node.kind !== 'map') {
    ctx.issues.add('config-error', ctx.path, node.loc, `expected a mapping of ${section} by ID, found ${node.kind === 'seq' ? 'a list' : 'a value'}`);
    return out;
  }
  const factories = components[section] as ReadonlyMap<string, Factory>;
  for (const e of node.entries.values()) {
    const path = joinPath(ctx.path, e.key);
    const id = ComponentId.parse(e.key);
    if ('error' in id) {
      ctx.issues.add('config-error', path, e.keyLoc, id.error, { label: `invalid ${kind} ID` });
      broken.add(e.key.trim());
      continue;
    }
    const factory = factories.get(id.type);
    if (!factory) {
      const close = didYouMean(id.type, factories.keys());
      ctx.issues.add('unknown-component', path, e.keyLoc, `unknown ${kind} type "${id.type}"`, {
        label: `unknown ${kind} type`,
        hint: `${close ? close + ' ' : ''}this build has the ${section}: ${[...factories.keys()].sort().join(', ') || 'none'} (see \`ottl collector components\`)`,
      });
      broken.add(id.toString());
      continue;
    }
    const config = factory.config.decode(e.node, { issues: ctx.issues, path, loc: e.node.loc ?? e.keyLoc });
    out.set(id.toString(), { id, factory, config, path, loc: e.keyLoc });
  }
  return out;
}

function decodeService(
  node: CfgNode | undefined,
  sections: Record<keyof Components, Map<string, ComponentConfig>>,
  ctx: DecodeContext,
  broken: ReadonlySet<string>,
): CollectorConfig['service'] {
  const known = ['extensions', 'pipelines', 'telemetry'];
  const entries = node?.kind === 'map' ? node.entries : new Map<string, { key: string; keyLoc?: Location; node: CfgNode }>();
  if (node && node.kind !== 'map' && !(node.kind === 'scalar' && node.value === null)) {
    ctx.issues.add('config-error', 'service', node.loc, 'expected a mapping with extensions, pipelines and telemetry');
  }
  for (const e of entries.values()) {
    if (!known.includes(e.key)) {
      const hint = didYouMean(e.key, known);
      ctx.issues.add('unknown-field', joinPath('service', e.key), e.keyLoc, `unknown field "${e.key}"`, { label: 'unknown field', hint: hint ?? `valid fields here: ${known.join(', ')}` });
    }
  }
  const extNode = entries.get('extensions')?.node;
  const extensions = decodeRefs(extNode, child(ctx, 'extensions', extNode), 'extension', [sections.extensions], broken);
  const telNode = entries.get('telemetry')?.node;
  const telemetryBase = telemetryDecoder.decode(telNode, child(ctx, 'telemetry', telNode));
  const telemetry: TelemetryConfig = { ...telemetryBase, metricsEndpoint: metricsEndpoint(telemetryBase) };

  const pipelines = new Map<string, PipelineConfig>();
  const plNode = entries.get('pipelines')?.node;
  const plCtx = child(ctx, 'pipelines', plNode);
  if (!plNode || plNode.kind !== 'map' || plNode.entries.size === 0) {
    ctx.issues.add('config-error', 'service.pipelines', plNode?.loc ?? node?.loc, 'service must have at least one pipeline', {
      hint: 'add service.pipelines.<signal> with receivers and exporters, for example traces: { receivers: [otlp], exporters: [debug] }',
    });
  } else {
    for (const e of plNode.entries.values()) {
      const path = joinPath(plCtx.path, e.key);
      const id = PipelineId.parse(e.key);
      if ('error' in id) {
        ctx.issues.add('config-error', path, e.keyLoc, id.error, { label: 'invalid pipeline ID' });
        continue;
      }
      const pctx: DecodeContext = { issues: ctx.issues, path, loc: e.node.loc ?? e.keyLoc };
      if (e.node.kind !== 'map') {
        ctx.issues.add('config-error', path, e.node.loc ?? e.keyLoc, 'expected a mapping with receivers, processors and exporters');
        continue;
      }
      for (const f of e.node.entries.values()) {
        if (!['receivers', 'processors', 'exporters'].includes(f.key)) {
          const hint = didYouMean(f.key, ['receivers', 'processors', 'exporters']);
          ctx.issues.add('unknown-field', joinPath(path, f.key), f.keyLoc, `unknown field "${f.key}"`, { label: 'unknown field', hint: hint ?? 'a pipeline has receivers, processors and exporters' });
        }
      }
      const get = (k: string) => e.node.kind === 'map' ? e.node.entries.get(k)?.node : undefined;
      const receivers = decodeRefs(get('receivers'), child(pctx, 'receivers', get('receivers')), 'receiver', [sections.receivers, sections.connectors], broken, id.signal, 'receiver');
      const processors = decodeRefs(get('processors'), child(pctx, 'processors', get('processors')), 'processor', [sections.processors], broken, id.signal, 'processor');
      const exporters = decodeRefs(get('exporters'), child(pctx, 'exporters', get('exporters')), 'exporter', [sections.exporters, sections.connectors], broken, id.signal, 'exporter');
      const written = (k: string) => { const n = get(k); return n?.kind === 'seq' ? n.items.length : 0; };
      if (written('receivers') === 0 && receivers.length === 0) {
        ctx.issues.add('config-error', joinPath(path, 'receivers'), get('receivers')?.loc ?? e.keyLoc, `pipeline "${id}" must have at least one receiver`);
      }
      if (written('exporters') === 0 && exporters.length === 0) {
        ctx.issues.add('config-error', joinPath(path, 'exporters'), get('exporters')?.loc ?? e.keyLoc, `pipeline "${id}" must have at least one exporter`);
      }
      pipelines.set(id.toString(), { id, receivers, processors, exporters });
    }
    checkConnectors(sections.connectors as Map<string, ComponentConfig<ConnectorFactory>>, pipelines, ctx);
    checkConfigRefs(sections, pipelines, ctx);
  }
  checkStorageRefs(sections, extensions, ctx);
  return { extensions, pipelines, telemetry };
}

/**
 * A list of component IDs that must be defined in one of `defined`; with a signal, the component
 * must support it (connectors are checked separately, per pipeline pair).
 */
function decodeRefs(
  node: CfgNode | undefined,
  ctx: DecodeContext,
  kind: ComponentKind,
  defined: readonly Map<string, ComponentConfig>[],
  broken: ReadonlySet<string>,
  signal?: Signal,
  role?: 'receiver' | 'processor' | 'exporter',
): ComponentId[] {
  const out: ComponentId[] = [];
  const names = list(string()).decode(node, ctx);
  const items = node?.kind === 'seq' ? node.items : [];
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const path = `${ctx.path}[${i}]`;
    const loc = items[i]?.loc ?? ctx.loc;
    const id = ComponentId.parse(name);
    if ('error' in id) {
      ctx.issues.add('config-error', path, loc, id.error);
      return;
    }
    const key = id.toString();
    const cfg = defined.map((m) => m.get(key)).find((c) => c !== undefined);
    if (!cfg) {
      // A component with an unknown type was already reported where it is defined.
      if (broken.has(key)) return;
      const hint = didYouMean(key, defined.flatMap((m) => [...m.keys()]));
      ctx.issues.add('config-error', path, loc, `references ${kind} "${key}" which is not configured`, {
        label: `undefined ${kind}`,
        hint: hint ?? `define it under ${kind === 'extension' ? 'extensions' : role === 'processor' ? 'processors' : `${kind}s or connectors`} first`,
      });
      return;
    }
    if (seen.has(key)) {
      ctx.issues.add('config-error', path, loc, `references ${cfg.factory.kind} "${key}" more than once`);
      return;
    }
    seen.add(key);
    if (signal && cfg.factory.kind !== 'connector' && cfg.factory.kind !== 'extension') {
      if (!factorySignals(cfg.factory).includes(signal)) {
        ctx.issues.add('config-error', path, loc, `${cfg.factory.kind} "${key}" does not support ${signal}`, {
          label: `no ${signal} support`,
          hint: `${cfg.factory.type} supports: ${factorySignals(cfg.factory).join(', ') || 'no signal'}`,
        });
      }
    }
    if (cfg.factory.kind === 'connector' && role === 'processor') {
      ctx.issues.add('config-error', path, loc, `connector "${key}" cannot be used as a processor`);
    }
    out.push(id);
  });
  return out;
}

/** Every connector used in pipelines must be an exporter of one and a receiver of another, with a supported signal pair. */
function checkConnectors(connectors: Map<string, ComponentConfig<ConnectorFactory>>, pipelines: Map<string, PipelineConfig>, ctx: DecodeContext): void {
  for (const [key, c] of connectors) {
    const asExporter = [...pipelines.values()].filter((p) => p.exporters.some((id) => id.toString() === key));
    const asReceiver = [...pipelines.values()].filter((p) => p.receivers.some((id) => id.toString() === key));
    if (asExporter.length === 0 && asReceiver.length === 0) continue;
    for (const p of asExporter) {
      if (!asReceiver.some((q) => c.factory.supports.some(([f, t]) => f === p.id.signal && t === q.id.signal))) {
        ctx.issues.add('config-error', c.path, c.loc, `connector "${key}" is an exporter of ${p.id.signal} pipeline "${p.id}" but not a receiver of any pipeline it can feed`, {
          hint: `${c.factory.type} connects: ${c.factory.supports.map(([f, t]) => `${f} → ${t}`).join(', ')}`,
        });
      }
    }
    for (const q of asReceiver) {
      if (!asExporter.some((p) => c.factory.supports.some(([f, t]) => f === p.id.signal && t === q.id.signal))) {
        ctx.issues.add('config-error', c.path, c.loc, `connector "${key}" is a receiver of ${q.id.signal} pipeline "${q.id}" but not an exporter of any pipeline that can feed it`, {
          hint: `${c.factory.type} connects: ${c.factory.supports.map(([f, t]) => `${f} → ${t}`).join(', ')}`,
        });
      }
    }
  }
}

/**
 * IDs written inside component configs: the exporters a processor sends to itself
 * (`exporterRefs`) and the pipelines a connector routes to (`pipelineRefs`), each reported where
 * it is written.
 */
function checkConfigRefs(sections: Record<keyof Components, Map<string, ComponentConfig>>, pipelines: Map<string, PipelineConfig>, ctx: DecodeContext): void {
  const all = [...pipelines.values()];
  const report = (ref: Located<string>, c: ComponentConfig, message: string, hint?: string) =>
    ctx.issues.add('config-error', ref.path, ref.node?.loc ?? c.loc, message, hint === undefined ? {} : { hint });
  for (const [key, c] of sections.processors) {
    if (c.factory.kind !== 'processor' || !c.factory.exporterRefs) continue;
    const using = all.filter((p) => p.processors.some((id) => id.toString() === key));
    for (const p of using) {
      const after = p.processors.slice(p.processors.findIndex((id) => id.toString() === key) + 1);
      if (after.length === 0) continue;
      ctx.issues.add('config-error', c.path, c.loc, `processors after "${key}" in pipeline "${p.id}" (${after.join(', ')}) never see data: ${c.factory.type} sends to exporters itself`, {
        severity: 'warning',
      });
    }
    const signals = new Set(using.map((p) => p.id.signal));
    for (const ref of c.factory.exporterRefs(c.config)) {
      const id = ComponentId.parse(ref.value);
      const exp = 'error' in id ? undefined : sections.exporters.get(id.toString());
      if (!exp) {
        const connector = 'error' in id ? false : sections.connectors.has(id.toString());
        report(ref, c, `references exporter "${ref.value}" which is not configured`, connector ? `"${ref.value}" is a connector; ${c.factory.type} sends to exporters only` : (didYouMean(ref.value, sections.exporters.keys()) ?? 'define it under exporters first'));
        continue;
      }
      for (const signal of signals) {
        if (all.some((p) => p.id.signal === signal && p.exporters.some((e) => e.equals(exp.id)))) continue;
        report(ref, c, `exporter "${exp.id}" is not in any ${signal} pipeline, so ${c.factory.type} cannot send ${signal} to it`, `add it to the exporters of the ${signal} pipeline that has "${key}"`);
      }
    }
  }
  for (const [key, c] of sections.connectors) {
    const factory = c.factory;
    if (factory.kind !== 'connector' || !factory.pipelineRefs) continue;
    const from = new Set(all.filter((p) => p.exporters.some((id) => id.toString() === key)).map((p) => p.id.signal));
    for (const ref of factory.pipelineRefs(c.config)) {
      const id = PipelineId.parse(ref.value);
      const p = 'error' in id ? undefined : pipelines.get(id.toString());
      if (!p) {
        report(ref, c, `references pipeline "${ref.value}" which is not configured`, didYouMean(ref.value, pipelines.keys()) ?? 'define it under service.pipelines first');
      } else if (!p.receivers.some((r) => r.toString() === key)) {
        report(ref, c, `pipeline "${p.id}" does not receive from connector "${key}"`, `add ${key} to service.pipelines.${p.id}.receivers`);
      } else {
        for (const f of from) {
          if (factory.supports.some(([a, b]) => a === f && b === p.id.signal)) continue;
          report(ref, c, `connector "${key}" is an exporter of ${f} pipelines and cannot feed ${p.id.signal} pipeline "${p.id}"`, `${factory.type} connects: ${factory.supports.map(([a, b]) => `${a} → ${b}`).join(', ')}`);
        }
      }
    }
  }
}

/** Each storage extension an exporter names must be configured, offer storage, and be enabled in `service.extensions`. */
function checkStorageRefs(sections: Record<keyof Components, Map<string, ComponentConfig>>, enabled: readonly ComponentId[], ctx: DecodeContext): void {
  for (const c of sections.exporters.values()) {
    if (c.factory.kind !== 'exporter' || !c.factory.storageRefs) continue;
    for (const ref of c.factory.storageRefs(c.config)) {
      const where = ref.node?.loc ?? c.loc;
      const id = ComponentId.parse(ref.value);
      const ext = 'error' in id ? undefined : sections.extensions.get(id.toString());
      const storages = [...sections.extensions.values()].filter((e) => e.factory.kind === 'extension' && e.factory.storage).map((e) => e.id.toString());
      if (!ext) {
        ctx.issues.add('config-error', ref.path, where, `references extension "${ref.value}" which is not configured`, {
          label: 'undefined extension',
          hint: didYouMean(ref.value, storages) ?? 'define a storage extension such as file_storage under extensions, and list it in service.extensions',
        });
      } else if (!(ext.factory.kind === 'extension' && ext.factory.storage)) {
        ctx.issues.add('config-error', ref.path, where, `extension "${ref.value}" is not a storage extension`, {
          label: 'not a storage extension',
          hint: storages.length > 0 ? `storage extensions configured: ${storages.join(', ')}` : 'use a storage extension such as file_storage',
        });
      } else if (!enabled.some((e) => e.equals(ext.id))) {
        ctx.issues.add('config-error', ref.path, where, `storage extension "${ext.id}" is not enabled`, {
          label: 'extension not started',
          hint: `add ${ext.id} to service.extensions`,
        });
      }
    }
  }
}

function metricsEndpoint(t: Infer<typeof telemetryDecoder>): string | undefined {
  if (t.metrics.level === 'none') return undefined;
  if (t.metrics.address !== '') return t.metrics.address;
  const prom = t.metrics.readers.map((r) => r.pull.exporter.prometheus)[0];
  if (prom) return `${prom.host.includes(':') ? `[${prom.host}]` : prom.host}:${prom.port}`;
  return 'localhost:8888';
}
