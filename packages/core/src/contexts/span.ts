/**
 * The `span` path table (reference §6.7), the span enums, and the span TransformContext builder.
 * The table is shared by the contexts below a span (spanevent, spanlink), where `span.` names the
 * parent span.
 */
import { PMap, SpanEvent, SpanLink, type ResourceSpans, type ScopeSpans, type Span, type Status } from '@ottl/pdata';
import { OttlError } from '../types/values.js';
import {
  expectSetString,
  idField,
  instanceOf,
  int32Field,
  mapField,
  pathTable,
  SPAN_ID,
  stringField,
  structArrayField,
  structField,
  timeField,
  TRACE_ID,
  uint32Field,
  uint64Field,
  type FieldDef,
  type PathTable,
} from './fields.js';
import { traceStateGet, traceStateInsert } from './traceState.js';
import type { SpanTransformContext } from './types.js';

/** `SPAN_KIND_*` and `STATUS_CODE_*` (span, spanevent and spanlink contexts). */
export const spanEnums: ReadonlyMap<string, bigint> = new Map([
  ['SPAN_KIND_UNSPECIFIED', 0n],
  ['SPAN_KIND_INTERNAL', 1n],
  ['SPAN_KIND_SERVER', 2n],
  ['SPAN_KIND_CLIENT', 3n],
  ['SPAN_KIND_PRODUCER', 4n],
  ['SPAN_KIND_CONSUMER', 5n],
  ['STATUS_CODE_UNSET', 0n],
  ['STATUS_CODE_OK', 1n],
  ['STATUS_CODE_ERROR', 2n],
]);

/** pdata `SpanKind.String()`: index = kind. */
const KIND_NAMES = ['Unspecified', 'Internal', 'Server', 'Client', 'Producer', 'Consumer'];
/** The enum symbols by kind, as the deprecated string form prints them. */
const KIND_SYMBOLS = KIND_NAMES.map((_, i) => [...spanEnums].find(([, v]) => v === BigInt(i))![0]);

function kindStringField(
  doc: string,
  names: readonly string[],
  unknown: string,
): FieldDef<SpanTransformContext> {
  return stringField(
    doc,
    (ctx) => names[ctx.span.kind] ?? '',
    (ctx, s) => {
      const kind = names.indexOf(s);
      if (kind < 0) throw new OttlError(`${unknown}, ${s}`);
      ctx.span.kind = kind;
    },
  );
}

const kindField: FieldDef<SpanTransformContext> = {
  ...int32Field<SpanTransformContext>(
    'the span kind (SPAN_KIND_* enums)',
    (ctx) => ctx.span.kind,
    (ctx, v) => (ctx.span.kind = v),
  ),
  sub: {
    string: kindStringField(
      'the span kind as a string: Unspecified, Internal, Server, Client, Producer or Consumer',
      KIND_NAMES,
      'unknown span kind string',
    ),
    deprecated_string: kindStringField(
      'the span kind as its enum symbol (SPAN_KIND_SERVER…); deprecated, use kind.string',
      KIND_SYMBOLS,
      'unknown span kind deprecated string',
    ),
  },
};

/**
 * A W3C tracestate string field; `trace_state["key"]` reads a member (nil when absent or the
 * header is invalid) and inserts/updates one (invalid keys, values or headers are ignored).
 */
export function traceStateField<C>(
  doc: string,
  read: (ctx: C) => string,
  write: (ctx: C, v: string) => void,
): FieldDef<C> {
  return {
    ...stringField(doc, read, write),
    keyed: {
      kind: 'member',
      type: 'string',
      checkCount: (n) => (n === 1 ? undefined : 'must provide exactly 1 key when accessing trace_state'),
      get: (ctx, keys) => {
        if (typeof keys[0] !== 'string') throw new OttlError('trace_state indexing type must be a string');
        return traceStateGet(read(ctx), keys[0]) ?? null;
      },
      set: (ctx, keys, _kinds, v) => {
        const value = expectSetString(v);
        if (typeof keys[0] !== 'string') throw new OttlError('trace_state indexing type must be a string');
        const updated = traceStateInsert(read(ctx), keys[0], value);
        if (updated !== undefined) write(ctx, updated);
      },
    },
  };
}

const statusField: FieldDef<SpanTransformContext> = {
  ...structField<SpanTransformContext, Status>(
    'the span status (code and message)',
    'ptrace.Status',
    (ctx) => ctx.span.status,
  ),
  sub: {
    code: int32Field(
      'the status code (STATUS_CODE_* enums)',
      (ctx) => ctx.span.status.code,
      (ctx, v) => (ctx.span.status.code = v),
    ),
    message: stringField(
      'the status message',
      (ctx) => ctx.span.status.message,
      (ctx, v) => (ctx.span.status.message = v),
    ),
  },
};

export const spanTable: PathTable<SpanTransformContext> = pathTable('span', {
  trace_id: idField('the trace id', TRACE_ID, (ctx) => ctx.span.traceId, (ctx, v) => (ctx.span.traceId = v)),
  span_id: idField('the span id', SPAN_ID, (ctx) => ctx.span.spanId, (ctx, v) => (ctx.span.spanId = v)),
  parent_span_id: idField(
    'the parent span id (all zeros for a root span)',
    SPAN_ID,
    (ctx) => ctx.span.parentSpanId,
    (ctx, v) => (ctx.span.parentSpanId = v),
  ),
  trace_state: traceStateField(
    'the W3C tracestate header of the span',
    (ctx) => ctx.span.traceState,
    (ctx, v) => (ctx.span.traceState = v),
  ),
  name: stringField('the span name', (ctx) => ctx.span.name, (ctx, v) => (ctx.span.name = v)),
  kind: kindField,
  start_time_unix_nano: uint64Field(
    'the start time, in nanoseconds since the Unix epoch',
    (ctx) => ctx.span.startTimeUnixNano,
    (ctx, v) => (ctx.span.startTimeUnixNano = v),
  ),
  end_time_unix_nano: uint64Field(
    'the end time, in nanoseconds since the Unix epoch',
    (ctx) => ctx.span.endTimeUnixNano,
    (ctx, v) => (ctx.span.endTimeUnixNano = v),
  ),
  start_time: timeField(
    'the start time',
    (ctx) => ctx.span.startTimeUnixNano,
    (ctx, v) => (ctx.span.startTimeUnixNano = v),
  ),
  end_time: timeField(
    'the end time',
    (ctx) => ctx.span.endTimeUnixNano,
    (ctx, v) => (ctx.span.endTimeUnixNano = v),
  ),
  attributes: mapField('the span attributes', (ctx) => ctx.span.attributes),
  dropped_attributes_count: uint32Field(
    'the number of span attributes dropped',
    (ctx) => ctx.span.droppedAttributesCount,
    (ctx, v) => (ctx.span.droppedAttributesCount = v),
  ),
  events: structArrayField(
    'the span events; setting replaces all events with copies',
    instanceOf(SpanEvent),
    'ptrace.SpanEventSlice',
    (ctx) => ctx.span.events,
  ),
  dropped_events_count: uint32Field(
    'the number of span events dropped',
    (ctx) => ctx.span.droppedEventsCount,
    (ctx, v) => (ctx.span.droppedEventsCount = v),
  ),
  links: structArrayField(
    'the span links; setting replaces all links with copies',
    instanceOf(SpanLink),
    'ptrace.SpanLinkSlice',
    (ctx) => ctx.span.links,
  ),
  dropped_links_count: uint32Field(
    'the number of span links dropped',
    (ctx) => ctx.span.droppedLinksCount,
    (ctx, v) => (ctx.span.droppedLinksCount = v),
  ),
  status: statusField,
});

/** A `span` context for one span of `scopeSpans` in `resourceSpans`. */
export function spanContext(resourceSpans: ResourceSpans, scopeSpans: ScopeSpans, span: Span): SpanTransformContext {
  return {
    context: 'span',
    cache: new PMap(),
    resource: resourceSpans.resource,
    resourceContainer: resourceSpans,
    scope: scopeSpans.scope,
    scopeContainer: scopeSpans,
    span,
  };
}
