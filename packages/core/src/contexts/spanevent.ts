/**
 * The `spanevent` path table (reference §6.8) and the span event TransformContext builder. Span
 * event statements reach the parent span as `span.*` and use the span enums.
 */
import { PMap, type ResourceSpans, type ScopeSpans, type Span, type SpanEvent } from '@ottl/pdata';
import { OttlError } from '../types/values.js';
import {
  mapField,
  pathTable,
  readOnlyField,
  stringField,
  timeField,
  uint32Field,
  uint64Field,
  type PathTable,
} from './fields.js';
import type { SpanEventTransformContext } from './types.js';

export const spanEventTable: PathTable<SpanEventTransformContext> = pathTable('spanevent', {
  time_unix_nano: uint64Field(
    'the time of the event, in nanoseconds since the Unix epoch',
    (ctx) => ctx.spanEvent.timeUnixNano,
    (ctx, v) => (ctx.spanEvent.timeUnixNano = v),
  ),
  time: timeField(
    'the time of the event',
    (ctx) => ctx.spanEvent.timeUnixNano,
    (ctx, v) => (ctx.spanEvent.timeUnixNano = v),
  ),
  name: stringField('the event name', (ctx) => ctx.spanEvent.name, (ctx, v) => (ctx.spanEvent.name = v)),
  attributes: mapField('the event attributes', (ctx) => ctx.spanEvent.attributes),
  dropped_attributes_count: uint32Field(
    'the number of event attributes dropped',
    (ctx) => ctx.spanEvent.droppedAttributesCount,
    (ctx, v) => (ctx.spanEvent.droppedAttributesCount = v),
  ),
  event_index: readOnlyField(
    'the index of the event within its span (read-only)',
    'int',
    (ctx) => {
      if (ctx.eventIndex < 0) throw new OttlError('the current span event index is not available');
      return BigInt(ctx.eventIndex);
    },
    "the 'event_index' path cannot be modified",
  ),
});

/**
 * A `spanevent` context for `event`, the event at `index` of `span`'s events (pass -1 when the
 * index is unknown; reading `spanevent.event_index` then fails).
 */
export function spanEventContext(
  resourceSpans: ResourceSpans,
  scopeSpans: ScopeSpans,
  span: Span,
  event: SpanEvent,
  index: number,
): SpanEventTransformContext {
  return {
    context: 'spanevent',
    cache: new PMap(),
    resource: resourceSpans.resource,
    resourceContainer: resourceSpans,
    scope: scopeSpans.scope,
    scopeContainer: scopeSpans,
    span,
    spanEvent: event,
    eventIndex: index,
  };
}
