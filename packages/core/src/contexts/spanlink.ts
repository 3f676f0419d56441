/**
 * The `spanlink` path table (reference §6.9) and the span link TransformContext builder. Span link
 * statements reach the parent span as `span.*` and use the span enums.
 */
import { PMap, type ResourceSpans, type ScopeSpans, type Span, type SpanLink } from '@ottl/pdata';
import { idField, mapField, pathTable, SPAN_ID, TRACE_ID, uint32Field, type PathTable } from './fields.js';
import { traceStateField } from './span.js';
import type { SpanLinkTransformContext } from './types.js';

export const spanLinkTable: PathTable<SpanLinkTransformContext> = pathTable('spanlink', {
  trace_id: idField(
    'the trace id of the linked span',
    TRACE_ID,
    (ctx) => ctx.spanLink.traceId,
    (ctx, v) => (ctx.spanLink.traceId = v),
  ),
  span_id: idField(
    'the span id of the linked span',
    SPAN_ID,
    (ctx) => ctx.spanLink.spanId,
    (ctx, v) => (ctx.spanLink.spanId = v),
  ),
  trace_state: traceStateField(
    'the W3C tracestate header of the link',
    (ctx) => ctx.spanLink.traceState,
    (ctx, v) => (ctx.spanLink.traceState = v),
  ),
  attributes: mapField('the link attributes', (ctx) => ctx.spanLink.attributes),
  dropped_attributes_count: uint32Field(
    'the number of link attributes dropped',
    (ctx) => ctx.spanLink.droppedAttributesCount,
    (ctx, v) => (ctx.spanLink.droppedAttributesCount = v),
  ),
  flags: uint32Field(
    'the link flags (W3C trace flags)',
    (ctx) => ctx.spanLink.flags,
    (ctx, v) => (ctx.spanLink.flags = v),
  ),
});

/** A `spanlink` context for `link`, one of `span`'s links. */
export function spanLinkContext(
  resourceSpans: ResourceSpans,
  scopeSpans: ScopeSpans,
  span: Span,
  link: SpanLink,
): SpanLinkTransformContext {
  return {
    context: 'spanlink',
    cache: new PMap(),
    resource: resourceSpans.resource,
    resourceContainer: resourceSpans,
    scope: scopeSpans.scope,
    scopeContainer: scopeSpans,
    span,
    spanLink: link,
  };
}
