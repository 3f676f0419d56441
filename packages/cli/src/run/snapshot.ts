/**
 * A flat picture of one item as OTTL sees it: every readable path of the context (its own fields,
 * its resource and scope, the cache) with map and list contents spread into `path["key"]` and
 * `path[0]` entries, each shown as text. Two pictures compared say which paths a statement
 * changed, before → after.
 */
import { PMap, PSlice } from '@ottl/pdata';
import type { ContextName, Environment, PathInfo, TransformContext, Value, ValueExpression } from '@ottl/core';
import { displayValue } from '../render/value.js';

export type Snapshot = Map<string, string>;

export interface Change {
  readonly path: string;
  /** Undefined: the path did not exist. */
  readonly before?: string;
  readonly after?: string;
}

/** The paths worth showing: no aliases, no derived forms (`.string`, times beside unix nanos), no opaque structs. */
function shownPaths(paths: readonly PathInfo[]): PathInfo[] {
  const shown: PathInfo[] = [];
  const texts = new Set<string>();
  for (const p of paths) {
    if (p.context === 'instrumentation_scope' || p.type === 'opaque' || p.type === 'time') continue;
    const parent = `${p.context}.${p.segments.slice(0, -1).join('.')}`;
    if (p.segments.length > 1 && texts.has(parent)) continue;
    shown.push(p);
    texts.add(p.text);
  }
  return shown;
}

export class Snapshotter {
  private readonly expressions: { readonly path: string; readonly expr: ValueExpression }[];

  constructor(env: Environment, context: ContextName) {
    const schema = env.contexts.get(context);
    this.expressions = (schema ? shownPaths(schema.listPaths()) : []).flatMap((p) => {
      const { expression } = env.compileValueExpression(p.text, { context, pathContextNames: true });
      return expression ? [{ path: p.text, expr: expression }] : [];
    });
  }

  take(ctx: TransformContext): Snapshot {
    const out: Snapshot = new Map();
    for (const { path, expr } of this.expressions) {
      let v: Value;
      try {
        v = expr.evaluate(ctx);
      } catch {
        continue;
      }
      spread(out, path, v);
    }
    return out;
  }
}

function spread(out: Snapshot, path: string, v: Value): void {
  if (v instanceof PMap && v.size > 0) {
    for (const [k, x] of v.entries()) spread(out, `${path}[${JSON.stringify(k)}]`, x as Value);
  } else if (v instanceof PSlice && v.length > 0) {
    for (let i = 0; i < v.length; i++) spread(out, `${path}[${i}]`, v.get(i) as Value);
  } else out.set(path, displayValue(v));
}

/** An empty map or list that became non-empty (or the reverse) shows as its entries only. */
function isEmptyContainerOf(path: string, value: string | undefined, other: Snapshot): boolean {
  if (value !== '{}' && value !== '[]') return false;
  for (const k of other.keys()) if (k.startsWith(path + '[')) return true;
  return false;
}

/** The paths whose text differs, in the order of `after` then the removed ones. */
export function changes(before: Snapshot, after: Snapshot): Change[] {
  const out: Change[] = [];
  for (const [path, a] of after) {
    const b = before.get(path);
    if (b === a) continue;
    if (b === undefined && isEmptyContainerOf(path, a, before)) continue;
    out.push({ path, ...(b !== undefined ? { before: b } : {}), after: a });
  }
  for (const [path, b] of before) if (!after.has(path) && !isEmptyContainerOf(path, b, after)) out.push({ path, before: b });
  return out;
}
