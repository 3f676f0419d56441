/**
 * `ottl trace`: runs the stages like `run` does, and for every item and every statement tells
 * whether its `where` clause matched, which paths it changed (before → after) and what error it
 * raised; filter stages tell which items they dropped. Items are named by their place in the
 * request (`resourceLogs[0].scopeLogs[0].logRecords[2]`).
 */
import {
  dataPointsOf,
  forEachLogItem,
  forEachMetricItem,
  forEachProfileItem,
  forEachTraceItem,
  parseStatement,
  type ContextName,
  type OttlError,
  type StatementProgram,
  type TransformContext,
} from '@ottl/core';
import type { Signal, SignalData } from '@ottl/collector';
import type { Logs, Metrics, Profiles, Traces } from '@ottl/pdata';
import type { Environments } from '../rules/environments.js';
import type { FilterStage, RulePipeline, StatementStage } from '../rules/pipeline.js';
import { RESOURCE_ARRAY_KEY } from '../data/input.js';
import { changes, Snapshotter, type Change } from './snapshot.js';

export interface TracedStatement {
  /** 1-based position in its group. */
  readonly index: number;
  readonly statement: string;
  /** Whether the `where` clause held; absent when the statement has none. */
  readonly where?: boolean;
  readonly changes: readonly Change[];
  readonly error?: string;
}

export interface TraceEntry {
  readonly source: string;
  readonly request: number;
  /** The item's place in the request. */
  readonly item: string;
  readonly context: ContextName | 'filter';
  readonly stage: string;
  readonly statements: readonly TracedStatement[];
  /** The group's `conditions` held for no item: its statements did not run. */
  readonly skipped?: true;
  /** Filter stages: the item was dropped (with everything under it). */
  readonly dropped?: true;
}

export interface TracePlace {
  readonly source: string;
  readonly request: number;
  readonly resourceIndex: number;
}

const SCOPE_KEY: Readonly<Record<Signal, string>> = { logs: 'scopeLogs', traces: 'scopeSpans', metrics: 'scopeMetrics', profiles: 'scopeProfiles' };
const ITEM_KEY: Readonly<Record<Signal, string>> = { logs: 'logRecords', traces: 'spans', metrics: 'metrics', profiles: 'profiles' };

/** Index of `item` in `array` (a cached index per array, rebuilt when its length changes). */
class Indexer {
  private readonly maps = new WeakMap<readonly unknown[], { n: number; map: Map<unknown, number> }>();

  of(array: readonly unknown[], item: unknown): number {
    let entry = this.maps.get(array);
    if (!entry || entry.n !== array.length) {
      entry = { n: array.length, map: new Map(array.map((x, i) => [x, i])) };
      this.maps.set(array, entry);
    }
    return entry.map.get(item) ?? -1;
  }
}

type Loose = Record<string, unknown>;

export class Tracer {
  private readonly snapshotters = new Map<ContextName, Snapshotter>();
  private readonly hasWhere = new Map<string, boolean>();
  private readonly indexer = new Indexer();

  constructor(
    private readonly pipeline: RulePipeline,
    private readonly envs: Environments,
  ) {}

  private snapshotter(context: ContextName): Snapshotter {
    let s = this.snapshotters.get(context);
    if (!s) this.snapshotters.set(context, (s = new Snapshotter(this.envs.get('transform', context), context)));
    return s;
  }

  private where(text: string): boolean {
    let w = this.hasWhere.get(text);
    if (w === undefined) this.hasWhere.set(text, (w = parseStatement(text).ast?.where !== undefined));
    return w;
  }

  /** The place of the item a transform context is about, e.g. `resourceSpans[0].scopeSpans[1].spans[3].events[0]`. */
  locate(signal: Signal, data: SignalData[Signal], ctx: TransformContext, resourceIndex: number): string {
    const c = ctx as unknown as Loose;
    const rc = c['resourceContainer'] as Loose;
    const rIndex = this.indexer.of((data as unknown as Loose)[RESOURCE_ARRAY_KEY[signal]] as unknown[], rc) + resourceIndex;
    let place = `${RESOURCE_ARRAY_KEY[signal]}[${rIndex}]`;
    if (ctx.context === 'resource') return place;
    const sc = c['scopeContainer'] as Loose;
    place += `.${SCOPE_KEY[signal]}[${this.indexer.of(rc[SCOPE_KEY[signal]] as unknown[], sc)}]`;
    if (ctx.context === 'scope') return place;
    const item = c['log'] ?? c['span'] ?? c['metric'] ?? c['profile'];
    place += `.${ITEM_KEY[signal]}[${this.indexer.of(sc[ITEM_KEY[signal]] as unknown[], item)}]`;
    if (ctx.context === 'spanevent') place += `.events[${this.indexer.of((item as Loose)['events'] as unknown[], c['spanEvent'])}]`;
    if (ctx.context === 'spanlink') place += `.links[${this.indexer.of((item as Loose)['links'] as unknown[], c['spanLink'])}]`;
    if (ctx.context === 'datapoint' || ctx.context === 'exemplar') {
      const dp = c['dataPoint'];
      place += `.dataPoints[${this.indexer.of(dataPointsOf(item as never) as unknown[], dp)}]`;
      if (ctx.context === 'exemplar') place += `.exemplars[${this.indexer.of((dp as Loose)['exemplars'] as unknown[], c['exemplar'])}]`;
    }
    return place;
  }

  /**
   * Applies the pipeline to `data` (in place, as `run` does), reporting every item to `emit`.
   * Errors are reported on their statement and the next item goes on, whatever the error mode.
   */
  async trace(signal: Signal, data: SignalData[Signal], place: TracePlace, emit: (e: TraceEntry) => void): Promise<void> {
    for (const stage of this.pipeline.stages) {
      if (!stage.signals.includes(signal)) continue;
      if (stage.kind === 'statements') this.traceStatements(stage, signal, data, place, emit);
      else await this.traceFilter(stage, signal, data, place, emit);
    }
  }

  private traceStatements(stage: StatementStage, signal: Signal, data: SignalData[Signal], place: TracePlace, emit: (e: TraceEntry) => void): void {
    const program: StatementProgram = stage.program;
    const snap = this.snapshotter(program.context);
    const visit = (ctx: TransformContext) => {
      const item = this.locate(signal, data, ctx, place.resourceIndex);
      const statements: TracedStatement[] = [];
      let previous = snap.take(ctx);
      const observer = (i: number, matched: boolean, _changed?: boolean, error?: OttlError) => {
        const now = snap.take(ctx);
        const text = program.statements[i]!.text;
        statements.push({
          index: i + 1,
          statement: text,
          ...(this.where(text) ? { where: error ? false : matched } : {}),
          changes: changes(previous, now),
          ...(error ? { error: error.message } : {}),
        });
        previous = now;
      };
      try {
        program.execute(ctx, observer);
      } catch {
        // Propagated after the observer saw it; the trace goes on with the next item.
      }
      emit({
        source: place.source,
        request: place.request,
        item,
        context: program.context,
        stage: stage.name,
        statements,
        ...(statements.length === 0 && program.statements.length > 0 ? { skipped: true as const } : {}),
      });
    };
    switch (signal) {
      case 'logs':
        return forEachLogItem(program.context, data as Logs, visit);
      case 'traces':
        return forEachTraceItem(program.context, data as Traces, visit);
      case 'metrics':
        return forEachMetricItem(program.context, data as Metrics, visit);
      case 'profiles':
        return forEachProfileItem(program.context, data as Profiles, visit);
    }
  }

  private async traceFilter(stage: FilterStage, signal: Signal, data: SignalData[Signal], place: TracePlace, emit: (e: TraceEntry) => void): Promise<void> {
    // Every container and item with its place, top-down; after the filter, report the top-most ones gone.
    const before: { obj: unknown; place: string; depth: number }[] = [];
    const resources = (data as unknown as Loose)[RESOURCE_ARRAY_KEY[signal]] as Loose[];
    resources.forEach((r, ri) => {
      const rp = `${RESOURCE_ARRAY_KEY[signal]}[${ri + place.resourceIndex}]`;
      before.push({ obj: r, place: rp, depth: 0 });
      (r[SCOPE_KEY[signal]] as Loose[]).forEach((s, si) => {
        const sp = `${rp}.${SCOPE_KEY[signal]}[${si}]`;
        before.push({ obj: s, place: sp, depth: 1 });
        (s[ITEM_KEY[signal]] as Loose[]).forEach((it, ii) => {
          const ip = `${sp}.${ITEM_KEY[signal]}[${ii}]`;
          before.push({ obj: it, place: ip, depth: 2 });
          const subs = signal === 'traces' ? (it['events'] as unknown[]) : signal === 'metrics' ? (dataPointsOf(it as never) as unknown[]) : [];
          const subKey = signal === 'traces' ? 'events' : 'dataPoints';
          subs.forEach((x, xi) => before.push({ obj: x, place: `${ip}.${subKey}[${xi}]`, depth: 3 }));
        });
      });
    });
    const parents: unknown[] = [];
    await this.pipeline.filterProcessor(stage, signal).consume(data);
    const after = new Set<unknown>();
    for (const r of (data as unknown as Loose)[RESOURCE_ARRAY_KEY[signal]] as Loose[]) {
      after.add(r);
      for (const s of r[SCOPE_KEY[signal]] as Loose[]) {
        after.add(s);
        for (const it of s[ITEM_KEY[signal]] as Loose[]) {
          after.add(it);
          const subs = signal === 'traces' ? (it['events'] as unknown[]) : signal === 'metrics' ? (dataPointsOf(it as never) as unknown[]) : [];
          for (const x of subs) after.add(x);
        }
      }
    }
    for (const b of before) {
      parents.length = b.depth;
      const parentGone = parents.some((p) => !after.has(p));
      parents[b.depth] = b.obj;
      if (after.has(b.obj) || parentGone) continue;
      emit({ source: place.source, request: place.request, item: b.place, context: 'filter', stage: stage.name, statements: [], dropped: true });
    }
  }
}
