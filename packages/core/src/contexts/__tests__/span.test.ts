import { ResourceSpans, ScopeSpans, Span, SpanEvent, SpanId, SpanLink, Status, TraceId } from '@ottl/pdata';
import { describe, expect, it } from 'vitest';
import { OttlTime, type Value } from '../../types/values.js';
import { getContextSchema } from '../registry.js';
import { spanContext } from '../span.js';
import { spanEventContext } from '../spanevent.js';
import { spanLinkContext } from '../spanlink.js';
import { errorOf, get, set, toJson } from './harness.js';

function fixture() {
  const rs = ResourceSpans.create({ resource: { attributes: { 'service.name': 'svc' } } });
  const ss = ScopeSpans.create({ scope: { name: 'lib' } });
  const span = Span.create({
    traceId: TraceId.fromHex('0102030405060708090a0b0c0d0e0f10'),
    spanId: SpanId.fromHex('1112131415161718'),
    parentSpanId: SpanId.EMPTY,
    traceState: 'foo=bar,baz=qux',
    name: 'operationA',
    kind: 2,
    startTimeUnixNano: 1000n,
    endTimeUnixNano: 5000n,
    attributes: { 'http.method': 'get' },
    droppedAttributesCount: 1,
    droppedEventsCount: 2,
    droppedLinksCount: 3,
    status: { code: 2, message: 'boom' },
    events: [SpanEvent.create({ name: 'ev0', timeUnixNano: 1500n, attributes: { e: 1n } })],
    links: [SpanLink.create({ traceId: TraceId.fromHex('ffffffffffffffffffffffffffffffff'), flags: 1, traceState: 'a=b' })],
  });
  rs.scopeSpans.push(ss);
  ss.spans.push(span);
  return { rs, ss, span };
}

describe('span context: get', () => {
  const cases: [string, unknown][] = [
    ['trace_id', { $traceId: '0102030405060708090a0b0c0d0e0f10' }],
    ['trace_id.string', '0102030405060708090a0b0c0d0e0f10'],
    ['span_id.string', '1112131415161718'],
    ['parent_span_id', { $spanId: '0000000000000000' }],
    ['parent_span_id.string', '0000000000000000'],
    ['trace_state', 'foo=bar,baz=qux'],
    ['trace_state["baz"]', 'qux'],
    ['trace_state["nope"]', null],
    ['name', 'operationA'],
    ['kind', 2],
    ['kind.string', 'Server'],
    ['kind.deprecated_string', 'SPAN_KIND_SERVER'],
    ['start_time_unix_nano', 1000],
    ['end_time', { $time: '5000' }],
    ['attributes["http.method"]', 'get'],
    ['dropped_attributes_count', 1],
    ['dropped_events_count', 2],
    ['dropped_links_count', 3],
    ['status', { $opaque: 'Status' }],
    ['status.code', 2],
    ['status.message', 'boom'],
    ['events', [{ $opaque: 'SpanEvent' }]],
    ['links', [{ $opaque: 'SpanLink' }]],
    ['resource.attributes["service.name"]', 'svc'],
    ['scope.name', 'lib'],
  ];
  it.each(cases)('%s', (path, expected) => {
    const { rs, ss, span } = fixture();
    expect(toJson(get(spanContext(rs, ss, span), path))).toEqual(expected);
  });
});

describe('span context: set', () => {
  const cases: [string, Value, string, unknown][] = [
    ['name', 'renamed', 'name', 'renamed'],
    ['kind', 3n, 'kind.string', 'Client'],
    ['kind.string', 'Consumer', 'kind', 5],
    ['kind.deprecated_string', 'SPAN_KIND_PRODUCER', 'kind', 4],
    ['trace_state["new"]', 'v', 'trace_state', 'new=v,foo=bar,baz=qux'],
    ['trace_state["foo"]', 'x', 'trace_state', 'foo=x,baz=qux'],
    ['trace_state["Bad Key"]', 'x', 'trace_state', 'foo=bar,baz=qux'],
    ['trace_state', 'a=1', 'trace_state["a"]', '1'],
    ['start_time', new OttlTime(-1n), 'start_time_unix_nano', -1],
    ['end_time_unix_nano', 9n, 'end_time', { $time: '9' }],
    ['status.code', 1n, 'status.code', 1],
    ['status.message', 'ok', 'status.message', 'ok'],
    ['parent_span_id.string', '0000000000000009', 'parent_span_id', { $spanId: '0000000000000009' }],
    ['dropped_links_count', 7n, 'dropped_links_count', 7],
    ['events', [], 'events', []],
    ['links', null, 'links', []],
  ];
  it.each(cases)('%s = %s', (path, value, readBack, expected) => {
    const { rs, ss, span } = fixture();
    const ctx = spanContext(rs, ss, span);
    set(ctx, path, value);
    expect(toJson(get(ctx, readBack))).toEqual(expected);
  });

  it('copies a status and events from another span', () => {
    const a = fixture();
    const b = fixture();
    const other = Status.create({ code: 1, message: 'fine' });
    const ctx = spanContext(a.rs, a.ss, a.span);
    set(ctx, 'status', other);
    expect(get(ctx, 'status.message')).toBe('fine');
    b.span.events.push(SpanEvent.create({ name: 'ev1' }));
    set(ctx, 'events', b.span.events);
    expect(a.span.events.map((e) => e.name)).toEqual(['ev0', 'ev1']);
    expect(a.span.events[0]).not.toBe(b.span.events[0]);
    set(ctx, 'events', a.span.events);
    expect(a.span.events.map((e) => e.name)).toEqual(['ev0', 'ev1']);
  });

  const errors: [string, Value, string][] = [
    ['kind.string', 'Sever', 'unknown span kind string, Sever'],
    ['kind.deprecated_string', 'Server', 'unknown span kind deprecated string, Server'],
    ['kind', 'Server', 'expects int64 but got string'],
    ['status', 'ok', 'expects ptrace.Status but got string'],
    ['events', 'x', 'expects ptrace.SpanEventSlice but got string'],
    ['trace_state["k"]', 1n, 'expects string but got int64'],
    ['span_id', TraceId.fromHex('0102030405060708090a0b0c0d0e0f10'), 'expects pcommon.SpanID but got pcommon.TraceID'],
  ];
  it.each(errors)('%s = %s fails', (path, value, message) => {
    const { rs, ss, span } = fixture();
    expect(errorOf(() => set(spanContext(rs, ss, span), path, value))).toBe(message);
  });

  it('reads an invalid tracestate as nil and ignores writes to it', () => {
    const { rs, ss, span } = fixture();
    span.traceState = 'not valid';
    const ctx = spanContext(rs, ss, span);
    expect(get(ctx, 'trace_state["not valid"]')).toBe(null);
    set(ctx, 'trace_state["k"]', 'v');
    expect(span.traceState).toBe('not valid');
  });

  it('has the span enums', () => {
    expect(Object.fromEntries(getContextSchema('span').enums)).toEqual({
      SPAN_KIND_UNSPECIFIED: 0n,
      SPAN_KIND_INTERNAL: 1n,
      SPAN_KIND_SERVER: 2n,
      SPAN_KIND_CLIENT: 3n,
      SPAN_KIND_PRODUCER: 4n,
      SPAN_KIND_CONSUMER: 5n,
      STATUS_CODE_UNSET: 0n,
      STATUS_CODE_OK: 1n,
      STATUS_CODE_ERROR: 2n,
    });
    expect(getContextSchema('spanevent').enums).toBe(getContextSchema('span').enums);
  });
});

describe('spanevent context', () => {
  it('reads and writes the event and its parent span', () => {
    const { rs, ss, span } = fixture();
    const ctx = spanEventContext(rs, ss, span, span.events[0]!, 0);
    expect(get(ctx, 'name')).toBe('ev0');
    expect(get(ctx, 'span.name')).toBe('operationA');
    expect(toJson(get(ctx, 'time'))).toEqual({ $time: '1500' });
    expect(get(ctx, 'attributes["e"]')).toBe(1n);
    expect(get(ctx, 'event_index')).toBe(0n);
    set(ctx, 'span.attributes["from_event"]', 'yes');
    expect(span.attributes.get('from_event')).toBe('yes');
    set(ctx, 'spanevent.name', 'renamed', true);
    expect(span.events[0]!.name).toBe('renamed');
    expect(errorOf(() => set(ctx, 'event_index', 3n))).toBe("the 'event_index' path cannot be modified");
    expect(errorOf(() => get(spanEventContext(rs, ss, span, span.events[0]!, -1), 'event_index'))).toBe(
      'the current span event index is not available',
    );
  });
});

describe('spanlink context', () => {
  it('reads and writes the link and its parent span', () => {
    const { rs, ss, span } = fixture();
    const ctx = spanLinkContext(rs, ss, span, span.links[0]!);
    expect(get(ctx, 'trace_id.string')).toBe('ffffffffffffffffffffffffffffffff');
    expect(get(ctx, 'flags')).toBe(1n);
    expect(get(ctx, 'trace_state["a"]')).toBe('b');
    expect(get(ctx, 'span.kind')).toBe(2n);
    set(ctx, 'attributes["k"]', 'v');
    expect(span.links[0]!.attributes.get('k')).toBe('v');
  });
});
