/**
 * Paths as written (a chain of segment names) read against the document's context: which path
 * forms they can continue into, what they are, which enums their values take, and which map keys
 * the document already uses with them.
 */
import {
  CONTEXT_NAMES,
  getContextSchema,
  isContextName,
  visit,
  type ContextSchema,
  type PathInfo,
  type PathNode,
} from '@ottl/core';
import type { DocumentModel } from './document.js';

/** Every path prefix some context accepts (context names and the `instrumentation_scope` alias). */
export const ALL_PATH_CONTEXT_NAMES: readonly string[] = [...CONTEXT_NAMES, 'instrumentation_scope'];

/** The schema names are read against: the document's, else the one the first name designates. */
export function schemaFor(model: DocumentModel, first: string | undefined): ContextSchema | undefined {
  if (model.schema) return model.schema;
  const name = first === 'instrumentation_scope' ? 'scope' : first;
  return name !== undefined && isContextName(name) ? getContextSchema(name) : undefined;
}

/** The context prefixes usable at a path start. */
export function pathContextNames(model: DocumentModel): readonly string[] {
  return model.schema?.pathContextNames ?? ALL_PATH_CONTEXT_NAMES;
}

interface Reading {
  /** `PathInfo.context` of the forms this reading matches. */
  readonly context: string;
  /** The names after the context prefix. */
  readonly segments: readonly string[];
}

/**
 * The ways `names` can be read: with its first name as a context prefix, and (unless paths must
 * be prefixed) as a path of the document's own context.
 */
function readings(model: DocumentModel, schema: ContextSchema, names: readonly string[]): Reading[] {
  const out: Reading[] = [];
  if (names.length > 0 && schema.pathContextNames.includes(names[0]!)) out.push({ context: names[0]!, segments: names.slice(1) });
  if (!model.prefixed && model.schema) out.push({ context: schema.name, segments: names });
  return out;
}

function startsWith(segments: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= segments.length && prefix.every((s, i) => segments[i] === s);
}

/**
 * The segments that may follow `names` and a dot, each with the path form it completes (absent
 * for an intermediate segment that is no path by itself), in schema order.
 */
export function nextSegments(model: DocumentModel, names: readonly string[]): { name: string; info?: PathInfo }[] {
  const schema = schemaFor(model, names[0]);
  if (!schema) return [];
  const out = new Map<string, PathInfo | undefined>();
  for (const r of readings(model, schema, names)) {
    for (const info of schema.listPaths()) {
      if (info.context !== r.context || info.segments.length <= r.segments.length || !startsWith(info.segments, r.segments)) continue;
      const name = info.segments[r.segments.length]!;
      const exact = info.segments.length === r.segments.length + 1 ? info : undefined;
      if (!out.has(name) || (exact && !out.get(name))) out.set(name, exact);
    }
  }
  return [...out].map(([name, info]) => (info ? { name, info } : { name }));
}

/** The path form `names` denotes exactly, if any. */
export function pathInfo(model: DocumentModel, names: readonly string[]): PathInfo | undefined {
  const schema = schemaFor(model, names[0]);
  if (!schema) return undefined;
  for (const r of readings(model, schema, names)) {
    const info = schema.listPaths().find((i) => i.context === r.context && i.segments.length === r.segments.length && startsWith(i.segments, r.segments));
    if (info) return info;
  }
  return undefined;
}

/** The names of a parsed path (context prefix first, when it has one). */
export function pathNames(path: PathNode): string[] {
  return [...(path.context !== undefined ? [path.context] : []), ...path.segments.map((s) => s.name)];
}

/**
 * The enum symbols a path's values take, when its documentation names their family
 * (`the span kind (SPAN_KIND_* enums)`); undefined when it names none.
 */
export function enumFamily(info: PathInfo | undefined): string | undefined {
  return info !== undefined ? /\b([A-Z][A-Z0-9_]*_)\* enums\b/.exec(info.doc)?.[1] : undefined;
}

/** The enum symbols usable in the document, with their values. */
export function enumsOf(model: DocumentModel): ReadonlyMap<string, bigint> {
  if (model.schema) return model.schema.enums;
  const all = new Map<string, bigint>();
  for (const c of CONTEXT_NAMES) for (const [k, v] of getContextSchema(c).enums) all.set(k, v);
  return all;
}

/**
 * The string keys the document already uses right after the path `names` (`attributes["k"]`
 * gives `k` for `attributes`), most used first; a key written at offset `except` (the one being
 * typed) does not count.
 */
export function knownKeys(model: DocumentModel, names: readonly string[], except: number): string[] {
  const target = pathInfo(model, names);
  if (!target) return [];
  const counts = new Map<string, number>();
  for (const entry of model.entries) {
    if (!entry.ast) continue;
    visit(entry.ast, {
      Path: (p) => {
        const last = p.segments[p.segments.length - 1];
        const key = last?.keys[0]?.value;
        if (key?.kind !== 'Literal' || typeof key.value !== 'string') return;
        if (key.range.start.offset <= except && except <= key.range.end.offset) return;
        if (pathInfo(model, pathNames(p)) !== target) return;
        counts.set(key.value, (counts.get(key.value) ?? 0) + 1);
      },
    });
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
}
