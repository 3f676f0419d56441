/**
 * The path contract of OTTL contexts, as the layers below `contexts/` see it: what a context schema
 * offers and how a parsed path becomes an accessor. The checker depends on these declarations; the
 * implementations live in `contexts/`, which re-exports them from `contexts/types.ts`.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { KeyNode, PathNode } from '../language/ast.js';
import type { ContextName, OttlType, TransformContext } from './signature.js';
import type { Value } from './values.js';

/**
 * A resolved path, bound to one context. Resolution did all the work that does not depend on the
 * item (segment dispatch, enum lookups, literal keys), so `get`/`set` only touch pdata.
 *
 * Errors: `get` and `set` throw {@link OttlError} with upstream's message (type mismatch, read-only
 * path, bad key, index out of bounds). Nothing else is thrown.
 */
export interface PathAccessor {
  /** Static type of the value (after the path's own keys if it consumes them); `any` when it depends on data. */
  readonly type: OttlType;
  readonly readOnly: boolean;
  /** Canonical full path with its context prefix and keys as written, e.g. `log.attributes["k"][0]`. */
  readonly text: string;
  /**
   * The key nodes whose evaluated values `get`/`set` expect, in order (the keys of the path's last
   * segment; empty when the path takes none). The caller evaluates each and passes the values.
   */
  readonly keys: readonly KeyNode[];
  /**
   * Reads the value; `keys` are the evaluated {@link keys} (a string indexes a map, a bigint a
   * slice; any other value raises upstream's key error). Values read out of pdata maps and slices
   * are live PMap/PSlice references; bytes are copies.
   */
  get(ctx: TransformContext, keys: readonly Value[]): Value;
  /**
   * Writes; throws OttlError with upstream's message on a type mismatch or a read-only path. Values
   * stored into pdata are copied (maps, lists, bytes), never shared. A nil value reaches the setter
   * only when the `set` editor lets it (feature gate `ottl.set.allowNil`): containers are cleared,
   * attribute values and bodies become Empty, scalar fields throw.
   */
  set(ctx: TransformContext, keys: readonly Value[], value: Value): void;
  /**
   * Fast path, present when every key of the path is a literal (or it has none): the same as
   * `get(ctx, <the literal keys>)` with the keys bound at resolution time (no key array, no
   * per-call dispatch on key kinds).
   */
  readonly getBound?: (ctx: TransformContext) => Value;
  /** Fast path for `set`, present exactly when {@link getBound} is. */
  readonly setBound?: (ctx: TransformContext, value: Value) => void;
}

export interface PathResolution {
  /** Present when the path is valid in the context; then `diagnostics` has no error. */
  accessor?: PathAccessor;
  diagnostics: Diagnostic[];
}

/** How the keys after a path index its value. */
export type PathKeyKind =
  /** a map: string keys, nested keys into maps and slices (attributes, cache) */
  | 'map'
  /** a value that may be a map or a slice (log body) */
  | 'value'
  /** exactly one string key (span trace_state) */
  | 'member'
  /** int keys into a typed list (profile index lists) */
  | 'list';

/** One path form of a context, for completion, hover and docs. */
export interface PathInfo {
  /** Full canonical text with the context prefix, e.g. `span.trace_id.string`. */
  readonly text: string;
  /** The path context the form belongs to (`resource`, `scope`, `span`…). */
  readonly context: string;
  /** The segments after the context name, e.g. `["trace_id", "string"]`. */
  readonly segments: readonly string[];
  readonly type: OttlType;
  readonly readOnly: boolean;
  readonly doc: string;
  /** Present when the path takes keys: how they index it and the type of what they reach. */
  readonly keys?: { readonly kind: PathKeyKind; readonly type: OttlType };
}

export interface ContextSchema {
  readonly name: ContextName;
  /** Prefixes usable here: own name, ancestors, aliases (`instrumentation_scope`). Own name first. */
  readonly pathContextNames: readonly string[];
  /** Enum symbols of this context and their int64 values. */
  readonly enums: ReadonlyMap<string, bigint>;
  /**
   * Resolves a parsed path. prefixed=true: paths must start with a context name (new mode);
   * false: legacy (unprefixed = own context; a first segment naming an ancestor reaches it).
   * Never throws; problems come back as diagnostics with upstream's message and a hint.
   */
  resolvePath(path: PathNode, options: { prefixed: boolean }): PathResolution;
  /** Every path form with its type, read-only flag and one-line doc — for completion, hover, docs. */
  listPaths(): readonly PathInfo[];
}
