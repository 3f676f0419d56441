/**
 * The contract between OTTL contexts and their consumers (checker, interpreter, compiler, language
 * service): how a parsed path becomes an accessor and what a context schema offers (declared in
 * `types/context.ts`, below the checker that needs them, and re-exported here), and the concrete
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
import type { TransformContext } from '../types/signature.js';

export type {
  ContextSchema,
  PathAccessor,
  PathInfo,
  PathKeyKind,
  PathResolution,
} from '../types/context.js';

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
