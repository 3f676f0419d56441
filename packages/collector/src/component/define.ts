/**
 * Helpers to write factories for components that treat every signal alike.
 */
import type { Signal } from './componentId.js';
import type { CreateSettings, Exporter, ExporterFactory, Processor, ProcessorFactory, SignalData, Stability } from './component.js';
import type { Consumer } from '../consumer/consumer.js';
import type { Decoder, Located } from '../config/schema.js';
import { signalOps, type SignalOps } from '../signals.js';


export interface GenericProcessorSpec<C> {
  readonly type: string;
  readonly description: string;
  readonly stability: Stability;
  readonly config: Decoder<C>;
  readonly signals: readonly Signal[];
  create<S extends Signal>(set: CreateSettings, config: C, next: Consumer<SignalData[S]>, ops: SignalOps<SignalData[S]>): Processor<SignalData[S]>;
}

/** A processor factory whose per-signal create functions all call one generic `create`. */
export function genericProcessorFactory<C>(spec: GenericProcessorSpec<C>): ProcessorFactory<C> {
  const f: Record<string, unknown> = { kind: 'processor', type: spec.type, description: spec.description, stability: spec.stability, config: spec.config };
  for (const s of spec.signals) {
    f[`create${s[0]!.toUpperCase()}${s.slice(1)}`] = (set: CreateSettings, config: C, next: Consumer<never>) => spec.create(set, config, next, signalOps(s) as never);
  }
  return f as unknown as ProcessorFactory<C>;
}

export interface GenericExporterSpec<C> {
  readonly type: string;
  readonly description: string;
  readonly stability: Stability;
  readonly config: Decoder<C>;
  readonly signals: readonly Signal[];
  readonly storageRefs?: (config: C) => readonly Located<string>[];
  create<S extends Signal>(set: CreateSettings, config: C, ops: SignalOps<SignalData[S]>): Exporter<SignalData[S]>;
}

/** An exporter factory whose per-signal create functions all call one generic `create`. */
export function genericExporterFactory<C>(spec: GenericExporterSpec<C>): ExporterFactory<C> {
  const f: Record<string, unknown> = { kind: 'exporter', type: spec.type, description: spec.description, stability: spec.stability, config: spec.config };
  if (spec.storageRefs) f['storageRefs'] = spec.storageRefs;
  for (const s of spec.signals) {
    f[`create${s[0]!.toUpperCase()}${s.slice(1)}`] = (set: CreateSettings, config: C) => spec.create(set, config, signalOps(s) as never);
  }
  return f as unknown as ExporterFactory<C>;
}

