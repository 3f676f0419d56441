/**
 * `ottl trace`: runs the stages like `run` does, and for every item and every statement tells
 * whether its `where` clause matched, which paths it changed (before → after) and what error it
 * raised; filter stages tell which items they dropped. Items are named by their place in the
 * request (`resourceLogs[0].scopeLogs[0].logRecords[2]`).
 */
import {
  dataPointsOf,
  parseStatement,
  type ContextName,
  type OttlError,
  type StatementProgram,
  type TransformContext,
} from '@ottl/core';
import type { Signal, SignalData } from '@ottl/collector';
import type { Environments } from '../rules/environments.js';
import type { FilterStage, RulePipeline, StatementStage } from '../rules/pipeline.js';
import { RESOURCE_ARRAY_KEY } from '../data/input.js';
import { changes, Snapshotter, type Change } from './snapshot.js';
import { forEachItem, ITEM_KEY, Locator, SCOPE_KEY, type Loose } from './locate.js';

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
  /** Filter stages: the conditions that held for the dropped item. */
  readonly matched?: readonly string[];
}

export interface TracePlace {
  readonly source: string;
  readonly request: number;
  readonly resourceIndex: number;
}


/** The object a transform context is about (the one a filter drops). */
function itemOf(ctx: TransformContext): unknown {
  const c = ctx as unknown as Loose;
  switch (ctx.context) {
    case 'resource':
      return c['resourceContainer'];
    case 'scope':
      return c['scopeContainer'];
    case 'spanevent':
      return c['spanEvent'];
    case 'datapoint':
      return c['dataPoint'];
    default:
      return c['log'] ?? c['span'] ?? c['metric'] ?? c['profile'];
  }
}

export class Tracer {
  private readonly snapshotters = new Map<ContextName, Snapshotter>();
  private readonly hasWhere = new Map<string, boolean>();
  private readonly locator = new Locator();

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
      const item = this.locator.locate(signal, data, ctx, place.resourceIndex);
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
    forEachItem(signal, program.context, data, visit);
  }

  /** For each item of `data`, the filter conditions of `stage` that hold for it (evaluated one by one). */
  private conditionsHolding(stage: FilterStage, signal: Signal, data: SignalData[Signal]): Map<unknown, string[]> {
    const holding = new Map<unknown, string[]>();
    for (const g of stage.config.groups[signal]) {
      const env = this.envs.get('filter', g.context);
      for (const text of g.conditions) {
        const { conditions } = env.compileConditions([text], { context: g.context, pathContextNames: g.prefixed, errorMode: 'silent' });
        if (!conditions) continue;
        forEachItem(signal, g.context, data, (ctx) => {
          if (!conditions.evaluate(ctx)) return;
          const item = itemOf(ctx);
          const list = holding.get(item);
          if (list) list.push(text);
          else holding.set(item, [text]);
        });
      }
    }
    return holding;
  }

  private async traceFilter(stage: FilterStage, signal: Signal, data: SignalData[Signal], place: TracePlace, emit: (e: TraceEntry) => void): Promise<void> {
    const holding = this.conditionsHolding(stage, signal, data);
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
      const matched = holding.get(b.obj);
      emit({ source: place.source, request: place.request, item: b.place, context: 'filter', stage: stage.name, statements: [], dropped: true, ...(matched ? { matched } : {}) });
    }
  }
}
