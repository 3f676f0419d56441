/**
 * The contract between OTTL contexts and their consumers (checker, interpreter, compiler, language
 * service): how a parsed path becomes an accessor, what a context schema offers, and the concrete
 * TransformContext shapes the builders in this folder produce.
 */
import type {
  Exemplar,
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  InstrumentationScope,
  LogRecord,
  Metric,
  NumberDataPoint,
  Profile,
  ProfilesDictionary,
  Resource,
  Span,
  SpanEvent,
  SpanLink,
  SummaryDataPoint,
} from '@ottl/pdata';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { KeyNode, PathNode } from '../language/ast.js';
import type { ContextName, OttlType, TransformContext } from '../types/signature.js';
import type { Value } from '../types/values.js';

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

// ---------------------------------------------------------------------------------------------
// Concrete TransformContexts (shared contract between contexts, engine and functions)

/** A ResourceLogs / ResourceSpans / ResourceMetrics / ResourceProfiles. */
export interface ResourceContainer {
  readonly resource: Resource;
  schemaUrl: string;
}

/** A ScopeLogs / ScopeSpans / ScopeMetrics / ScopeProfiles. */
export interface ScopeContainer {
  readonly scope: InstrumentationScope;
  schemaUrl: string;
}

export type DataPoint =
  | NumberDataPoint
  | HistogramDataPoint
  | ExponentialHistogramDataPoint
  | SummaryDataPoint;

export interface ResourceTransformContext extends TransformContext {
  readonly resource: Resource;
  readonly resourceContainer: ResourceContainer;
}

export interface ScopeTransformContext extends ResourceTransformContext {
  readonly scope: InstrumentationScope;
  readonly scopeContainer: ScopeContainer;
}

export interface LogTransformContext extends ScopeTransformContext {
  readonly context: 'log';
  readonly log: LogRecord;
}

export interface SpanTransformContext extends ScopeTransformContext {
  readonly span: Span;
}

export interface SpanEventTransformContext extends SpanTransformContext {
  readonly context: 'spanevent';
  readonly spanEvent: SpanEvent;
  /** Index of the event within its span's `events`; -1 when the embedder did not supply one. */
  readonly eventIndex: number;
}

export interface SpanLinkTransformContext extends SpanTransformContext {
  readonly context: 'spanlink';
  readonly spanLink: SpanLink;
}

export interface MetricTransformContext extends ScopeTransformContext {
  readonly metric: Metric;
  /** The live `ScopeMetrics.metrics` array holding `metric`; metric functions may append to it. */
  readonly metrics: Metric[];
}

export interface DataPointTransformContext extends MetricTransformContext {
  readonly dataPoint: DataPoint;
}

export interface ExemplarTransformContext extends DataPointTransformContext {
  readonly context: 'exemplar';
  readonly exemplar: Exemplar;
}

export interface ProfileTransformContext extends ScopeTransformContext {
  readonly profile: Profile;
  readonly dictionary: ProfilesDictionary;
}
