/**
 * Names the place of an item in a request, the way `trace` and `test` report it:
 * `resourceSpans[0].scopeSpans[1].spans[3].events[0]`.
 */
import { dataPointsOf, forEachLogItem, forEachMetricItem, forEachProfileItem, forEachTraceItem, type ContextName, type TransformContext } from '@ottl/core';
import type { Logs, Metrics, Profiles, Traces } from '@ottl/pdata';
import type { Signal, SignalData } from '@ottl/collector';
import { RESOURCE_ARRAY_KEY } from '../data/input.js';

export const SCOPE_KEY: Readonly<Record<Signal, string>> = { logs: 'scopeLogs', traces: 'scopeSpans', metrics: 'scopeMetrics', profiles: 'scopeProfiles' };
export const ITEM_KEY: Readonly<Record<Signal, string>> = { logs: 'logRecords', traces: 'spans', metrics: 'metrics', profiles: 'profiles' };

export type Loose = Record<string, unknown>;

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

export class Locator {
  private readonly indexer = new Indexer();

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

}

/** Calls `fn` for every item of `context` in `data` (core's iteration, with a fresh cache per item). */
export function forEachItem(signal: Signal, context: ContextName, data: SignalData[Signal], fn: (ctx: TransformContext) => void): void {
  switch (signal) {
    case 'logs':
      return forEachLogItem(context, data as Logs, fn);
    case 'traces':
      return forEachTraceItem(context, data as Traces, fn);
    case 'metrics':
      return forEachMetricItem(context, data as Metrics, fn);
    case 'profiles':
      return forEachProfileItem(context, data as Profiles, fn);
  }
}
