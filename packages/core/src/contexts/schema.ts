/**
 * Builds a {@link ContextSchema} from path tables: the path resolution algorithm of reference §6.2
 * (context prefix, ancestors, `cache`, segment dispatch, completeness checks) with upstream's
 * messages, did-you-mean hints, and accessors bound at resolution time.
 */
import type { PMap } from '@ottl/pdata';
import type { Diagnostic, Range, TextEdit } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { PathNode, PathSegmentNode } from '../language/ast.js';
import type { ContextName, TransformContext } from '../types/signature.js';
import { OttlError, type Value } from '../types/values.js';
import { mapField, type FieldDef, type FieldTable, type PathTable } from './fields.js';
import { keyKindOf } from './keys.js';
import { canonicalPathText, literalKeyValue, upstreamPathText } from './pathText.js';
import { didYouMeanHint } from '../check/names.js';
import { closestNames, mistakeHint } from './suggest.js';
import type { ContextSchema, PathAccessor, PathInfo, PathResolution } from './types.js';

type Ctx = TransformContext;

/** A path table reachable under one or more prefixes (`scope` and `instrumentation_scope`). */
export interface ReachableTable {
  readonly names: readonly string[];
  readonly table: PathTable<Ctx>;
}

export interface ContextDef {
  readonly name: ContextName;
  /** The item's own table; its first name is the context name. */
  readonly own: ReachableTable;
  /** Ancestor tables, outermost first (resource, scope, …). */
  readonly ancestors: readonly ReachableTable[];
  readonly enums: ReadonlyMap<string, bigint>;
  /**
   * Every context's own table, for hints naming the contexts a path really belongs to. Called
   * lazily, only when an unknown path is reported.
   */
  readonly allTables: () => readonly ReachableTable[];
}

const CACHE = 'cache';

const cacheField: FieldDef<Ctx> = mapField(
  'per-item scratch map, empty for every item and never exported',
  (ctx: Ctx): PMap => ctx.cache,
);

function diagnostic(
  code: DiagnosticCode,
  message: string,
  range: Range,
  label: string,
  hint?: string,
  fix?: readonly TextEdit[],
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { code, severity: 'error', message, range, label };
  if (hint !== undefined) d.hint = hint;
  if (fix !== undefined) d.fix = fix;
  return d;
}

/** Own fields only: a segment named `constructor` or `toString` is not a path. */
function hasField(fields: FieldTable<Ctx>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(fields, name);
}

function quoteList(items: readonly string[]): string {
  return items.map((s) => `"${s}"`).join(', ');
}

function readOnlySetter(message: string): (ctx: Ctx, value: Value) => void {
  return () => {
    throw new OttlError(message);
  };
}

export function createContextSchema(def: ContextDef): ContextSchema {
  const own = def.own;
  const ownName = def.name;
  const reachable: ReachableTable[] = [own, ...def.ancestors];
  const tables = new Map<string, PathTable<Ctx>>();
  for (const r of reachable) for (const n of r.names) tables.set(n, r.table);
  const pathContextNames = reachable.flatMap((r) => r.names);
  let paths: PathInfo[] | undefined;

  function fieldNames(table: PathTable<Ctx>, isOwn: boolean): string[] {
    const names = Object.keys(table.fields);
    return isOwn ? [...names, CACHE] : names;
  }

  /** Hints for an unknown segment `name` written under `pathCtx`. */
  function unknownSegmentHint(pathCtx: string, name: string): string | undefined {
    const fixed = mistakeHint(pathCtx, name);
    if (fixed) return fixed;
    for (const r of reachable) {
      if (r.table.name !== pathCtx && hasField(r.table.fields, name)) {
        return `did you mean \`${r.names[0]}.${name}\`?`;
      }
    }
    const table = tables.get(pathCtx)!;
    const close = didYouMeanHint(closestNames(name, fieldNames(table, table === own.table)));
    if (close) return close;
    const elsewhere = def
      .allTables()
      .filter((r) => !reachable.includes(r) && hasField(r.table.fields, name))
      .map((r) => r.names[0]!);
    if (elsewhere.length > 0) {
      return `\`${name}\` is a path of the ${elsewhere.join(', ')} context${elsewhere.length > 1 ? 's' : ''}, which ${ownName} statements cannot reach; run the statement in ${elsewhere.length > 1 ? 'one of those contexts' : 'that context'}`;
    }
    return undefined;
  }

  function resolvePath(path: PathNode, options: { prefixed: boolean }): PathResolution {
    const text = upstreamPathText(path);
    const fail = (d: Diagnostic): PathResolution => ({ diagnostics: [d] });
    let segments: readonly PathSegmentNode[] = path.segments;
    let pathCtx: string;

    if (options.prefixed) {
      if (path.context === undefined) {
        const first = segments[0]?.name ?? '';
        const guess =
          reachable.find((r) => (r === own && first === CACHE) || hasField(r.table.fields, first)) ?? own;
        const suggestion = guess.names[0]! + '.' + canonicalPathText(undefined, segments);
        return fail(
          diagnostic(
            'missing-context',
            `missing context name for path "${text}", possibly valid options are: ${quoteList(pathContextNames.map((n) => n + '.' + text))}`,
            path.range,
            'path without a context name',
            `write \`${suggestion}\``,
            [{ range: { start: path.range.start, end: path.range.start }, newText: guess.names[0]! + '.' }],
          ),
        );
      }
      if (!tables.has(path.context)) {
        const known = def.allTables().some((r) => r.names.includes(path.context!));
        const range = path.contextRange ?? path.range;
        const hint =
          mistakeHint(ownName, path.context) ??
          (known
            ? `${ownName} statements can only use paths of ${pathContextNames.join(', ')}`
            : didYouMeanHint(closestNames(path.context, pathContextNames)));
        return fail(
          diagnostic(
            known ? 'path-not-in-context' : 'unknown-context',
            `context "${path.context}" from path "${text}" is not valid, it must be replaced by one of: ${quoteList(pathContextNames)}`,
            range,
            known ? `the ${path.context} context is not reachable here` : 'unknown context',
            hint,
          ),
        );
      }
      pathCtx = path.context;
    } else {
      if (path.context !== undefined) {
        const range = path.contextRange ?? path.range;
        segments = [{ kind: 'PathSegment', name: path.context, nameRange: range, keys: [], range }, ...segments];
      }
      const first = segments[0]!;
      if (tables.has(first.name)) {
        pathCtx = first.name;
        if (first.keys.length > 0) return fail(keysNotUsed(first));
        segments = segments.slice(1);
        if (segments.length === 0) {
          return fail(
            diagnostic(
              'unknown-path',
              notAValidPath(first.name, text, tables.get(first.name)!),
              path.range,
              'a context name, not a path',
              `write a path of the ${first.name} context, e.g. \`${first.name}.${Object.keys(tables.get(first.name)!.fields)[0]}\``,
            ),
          );
        }
      } else {
        pathCtx = ownName;
      }
    }

    const table = tables.get(pathCtx)!;
    const first = segments[0]!;
    let field: FieldDef<Ctx> | undefined;
    if (first.name === CACHE) {
      if (table !== own.table) {
        const replacement = text.replace(pathCtx + '.', ownName + '.');
        return fail(
          diagnostic(
            'cache-other-context',
            `access to cache must be performed using the same context, please replace "${text}" with "${replacement}"`,
            path.range,
            `the ${pathCtx} cache is not available to ${ownName} statements`,
            `write \`${ownName}.${canonicalPathText(undefined, segments)}\``,
          ),
        );
      }
      field = cacheField;
    } else {
      field = hasField(table.fields, first.name) ? table.fields[first.name] : undefined;
    }
    if (field === undefined) return fail(unknownSegment(first, pathCtx, table, text));

    for (let i = 1; i < segments.length; i++) {
      const seg = segments[i]!;
      const prev = segments[i - 1]!;
      if (field.sub === undefined) {
        return fail(
          diagnostic(
            'unknown-path',
            `the path section "${seg.name}" was not used by the context - this likely means you are using extra path sections`,
            seg.nameRange,
            'extra path section',
            `\`${prev.name}\` has no sub-paths; remove \`.${seg.name}\``,
          ),
        );
      }
      if (prev.keys.length > 0) return fail(keysNotUsed(prev));
      const next: FieldDef<Ctx> | undefined = hasField(field.sub, seg.name) ? field.sub[seg.name] : undefined;
      if (next === undefined) {
        return fail(
          diagnostic(
            'unknown-path',
            notAValidPath(seg.name, text, table),
            seg.nameRange,
            `not a sub-path of ${prev.name}`,
            didYouMeanHint(closestNames(seg.name, Object.keys(field.sub))) ??
              `\`${prev.name}\` has the sub-paths ${Object.keys(field.sub).map((n) => '`' + n + '`').join(', ')}`,
          ),
        );
      }
      field = next;
    }

    const last = segments[segments.length - 1]!;
    const keys = last.keys;
    if (keys.length > 0) {
      if (field.keyed === undefined) return fail(keysNotUsed(last));
      const countError = field.keyed.checkCount?.(keys.length);
      if (countError !== undefined) {
        return fail(diagnostic('invalid-key', countError, keys[0]!.range, 'wrong number of keys'));
      }
    }
    const canonical = canonicalPathText(table === own.table ? ownName : pathCtx, segments);
    return { accessor: makeAccessor(field, canonical, last), diagnostics: [] };
  }

  function keysNotUsed(seg: PathSegmentNode): Diagnostic {
    return diagnostic(
      'invalid-key',
      `the keys indexing "${seg.name}" were not used by the context - this likely means you are trying to index a path that does not support indexing`,
      { start: seg.keys[0]!.range.start, end: seg.keys[seg.keys.length - 1]!.range.end },
      `${seg.name} cannot be indexed`,
      `remove the keys after \`${seg.name}\``,
    );
  }

  function notAValidPath(segment: string, text: string, table: PathTable<Ctx>): string {
    return `segment "${segment}" from path "${text}" is not a valid path nor a valid OTTL keyword for the ${table.name} context - review ${table.docRef} to see all valid paths`;
  }

  function unknownSegment(seg: PathSegmentNode, pathCtx: string, table: PathTable<Ctx>, text: string): Diagnostic {
    const isContextName = def.allTables().some((r) => r.names.includes(seg.name));
    if (isContextName) {
      return diagnostic(
        'path-not-in-context',
        notAValidPath(seg.name, text, table),
        seg.nameRange,
        `the ${seg.name} context is not reachable here`,
        `${ownName} statements can only use paths of ${pathContextNames.join(', ')}`,
      );
    }
    return diagnostic(
      'unknown-path',
      notAValidPath(seg.name, text, table),
      seg.nameRange,
      `unknown path of the ${table.name} context`,
      unknownSegmentHint(pathCtx, seg.name),
    );
  }

  return {
    name: ownName,
    pathContextNames,
    enums: def.enums,
    resolvePath,
    listPaths: () => (paths ??= listAllPaths(reachable, ownName)),
  };
}

function makeAccessor(field: FieldDef<Ctx>, text: string, last: PathSegmentNode): PathAccessor {
  const keyNodes = last.keys;
  const readOnlySet = field.set === undefined ? readOnlySetter(field.readOnlyError ?? `the path ${text} cannot be modified`) : undefined;
  if (keyNodes.length === 0) {
    // Field functions never use `this`, so they serve as accessors unwrapped.
    const get = field.get;
    const set = readOnlySet ?? field.set!;
    return {
      type: field.type,
      readOnly: readOnlySet !== undefined,
      text,
      keys: keyNodes,
      get,
      set: (ctx, _keys, v) => set(ctx, v),
      getBound: get,
      setBound: set,
    };
  }
  const keyed = field.keyed!;
  const kinds = keyNodes.map(keyKindOf);
  const accessor: PathAccessor = {
    type: keyed.type,
    readOnly: readOnlySet !== undefined,
    text,
    keys: keyNodes,
    get: (ctx, keys) => keyed.get(ctx, keys, kinds),
    set: readOnlySet ? (ctx, _keys, v) => readOnlySet(ctx, v) : (ctx, keys, v) => keyed.set(ctx, keys, kinds, v),
  };
  if (kinds.includes('expr')) return accessor;
  const literals = keyNodes.map((k) => literalKeyValue(k)!);
  if (literals.length === 1 && typeof literals[0] === 'string' && keyed.bindKey && !readOnlySet) {
    const bound = keyed.bindKey(literals[0]);
    return { ...accessor, getBound: bound.get, setBound: bound.set };
  }
  return {
    ...accessor,
    getBound: (ctx) => keyed.get(ctx, literals, kinds),
    setBound: readOnlySet ?? ((ctx, v) => keyed.set(ctx, literals, kinds, v)),
  };
}

function listAllPaths(reachable: readonly ReachableTable[], ownName: string): PathInfo[] {
  const out: PathInfo[] = [];
  const walk = (context: string, segments: string[], f: FieldDef<Ctx>): void => {
    const info: { -readonly [K in keyof PathInfo]: PathInfo[K] } = {
      text: context + '.' + segments.join('.'),
      context,
      segments,
      type: f.type,
      readOnly: f.set === undefined,
      doc: f.doc,
    };
    if (f.keyed) info.keys = { kind: f.keyed.kind, type: f.keyed.type };
    out.push(info);
    for (const [name, sub] of Object.entries(f.sub ?? {})) walk(context, [...segments, name], sub);
  };
  for (const r of reachable) {
    for (const name of r.names) {
      const fields: FieldTable<Ctx> = r.table.fields;
      for (const [seg, f] of Object.entries(fields)) walk(name, [seg], f);
      if (name === ownName) walk(name, [CACHE], cacheField);
    }
  }
  return out;
}
