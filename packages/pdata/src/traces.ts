import { SpanId, TraceId } from './ids.js';
import type { PMap } from './pcommon.js';
import { RequestBase, ResourceGroup, ScopeGroup } from './internal/groups.js';
import { readSpanId, readTraceId, writeId } from './internal/idwire.js';
import { AttrMsg, Msg, applyInit, encMsg, freezeAll, type Init } from './internal/msg.js';
import type { Rd, Wr } from './internal/wire.js';

/** ExportTraceServiceRequest / TracesData. */
export class Traces extends RequestBase<ResourceSpans, Span> {
  static create(init?: Init<Traces>): Traces {
    return applyInit(new Traces(), init);
  }

  get resourceSpans(): ResourceSpans[] {
    return this._list();
  }

  spanCount(): number {
    return this._hinted(() => this._recordCount());
  }

  protected _newItem(): ResourceSpans {
    return new ResourceSpans();
  }
}

/** trace/v1 ResourceSpans. */
export class ResourceSpans extends ResourceGroup<ScopeSpans> {
  static create(init?: Init<ResourceSpans>): ResourceSpans {
    return applyInit(new ResourceSpans(), init);
  }

  get scopeSpans(): ScopeSpans[] {
    return this._list();
  }

  protected _newItem(): ScopeSpans {
    return new ScopeSpans();
  }
}

/** trace/v1 ScopeSpans. */
export class ScopeSpans extends ScopeGroup<Span> {
  static create(init?: Init<ScopeSpans>): ScopeSpans {
    return applyInit(new ScopeSpans(), init);
  }

  get spans(): Span[] {
    return this._list();
  }

  protected _newItem(): Span {
    return new Span();
  }
}

/** Span.SpanKind values. */
export const SpanKind = {
  UNSPECIFIED: 0,
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
} as const;

/** Status.StatusCode values. */
export const StatusCode = { UNSET: 0, OK: 1, ERROR: 2 } as const;

/** trace/v1 Span. */
export class Span extends AttrMsg {
  private _traceId: TraceId = TraceId.EMPTY;
  private _spanId: SpanId = SpanId.EMPTY;
  private _traceState = '';
  private _parentSpanId: SpanId = SpanId.EMPTY;
  private _flags = 0;
  private _name = '';
  private _kind = 0;
  private _start = 0n;
  private _end = 0n;
  private _dropped = 0;
  private _events: SpanEvent[] | null = null;
  private _droppedEvents = 0;
  private _links: SpanLink[] | null = null;
  private _droppedLinks = 0;
  private _status: Status | null = null;

  static create(init?: Init<Span>): Span {
    return applyInit(new Span(), init);
  }

  get traceId(): TraceId {
    this._l();
    return this._traceId;
  }
  set traceId(v: TraceId) {
    this._w();
    this._traceId = v;
  }
  get spanId(): SpanId {
    this._l();
    return this._spanId;
  }
  set spanId(v: SpanId) {
    this._w();
    this._spanId = v;
  }
  /** W3C tracestate header value. */
  get traceState(): string {
    this._l();
    return this._traceState;
  }
  set traceState(v: string) {
    this._w();
    this._traceState = v;
  }
  get parentSpanId(): SpanId {
    this._l();
    return this._parentSpanId;
  }
  set parentSpanId(v: SpanId) {
    this._w();
    this._parentSpanId = v;
  }
  /** SpanFlags: low 8 bits W3C trace flags, bits 8–9 the remote-parent flags. */
  get flags(): number {
    this._l();
    return this._flags;
  }
  set flags(v: number) {
    this._w();
    this._flags = v;
  }
  get name(): string {
    this._l();
    return this._name;
  }
  set name(v: string) {
    this._w();
    this._name = v;
  }
  /** {@link SpanKind} value. */
  get kind(): number {
    this._l();
    return this._kind;
  }
  set kind(v: number) {
    this._w();
    this._kind = v;
  }
  get startTimeUnixNano(): bigint {
    this._l();
    return this._start;
  }
  set startTimeUnixNano(v: bigint) {
    this._w();
    this._start = v;
  }
  get endTimeUnixNano(): bigint {
    this._l();
    return this._end;
  }
  set endTimeUnixNano(v: bigint) {
    this._w();
    this._end = v;
  }
  get attributes(): PMap {
    return this._attrMap();
  }
  get droppedAttributesCount(): number {
    this._l();
    return this._dropped;
  }
  set droppedAttributesCount(v: number) {
    this._w();
    this._dropped = v;
  }
  get events(): SpanEvent[] {
    this._touch();
    return (this._events ??= this._arr([]));
  }
  get droppedEventsCount(): number {
    this._l();
    return this._droppedEvents;
  }
  set droppedEventsCount(v: number) {
    this._w();
    this._droppedEvents = v;
  }
  get links(): SpanLink[] {
    this._touch();
    return (this._links ??= this._arr([]));
  }
  get droppedLinksCount(): number {
    this._l();
    return this._droppedLinks;
  }
  set droppedLinksCount(v: number) {
    this._w();
    this._droppedLinks = v;
  }
  get status(): Status {
    this._l();
    return (this._status ??= this._fresh(new Status()));
  }

  protected override _mapField(): number {
    return 9;
  }

  protected _load(r: Rd): void {
    let events: SpanEvent[] | null = null;
    let links: SpanLink[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x0a:
          this._traceId = readTraceId(r);
          break;
        case 0x12:
          this._spanId = readSpanId(r);
          break;
        case 0x1a:
          this._traceState = r.str();
          break;
        case 0x22:
          this._parentSpanId = readSpanId(r);
          break;
        case 0x2a:
          this._name = r.str();
          break;
        case 0x30:
          this._kind = r.i32();
          break;
        case 0x39:
          this._start = r.fixed64();
          break;
        case 0x41:
          this._end = r.fixed64();
          break;
        case 0x50:
          this._dropped = r.u32();
          break;
        case 0x5a:
          (events ??= []).push(this._shell(new SpanEvent(), r));
          break;
        case 0x60:
          this._droppedEvents = r.u32();
          break;
        case 0x6a:
          (links ??= []).push(this._shell(new SpanLink(), r));
          break;
        case 0x70:
          this._droppedLinks = r.u32();
          break;
        case 0x7a:
          this._status = this._child(this._status ?? new Status(), r);
          break;
        case 0x85:
          this._flags = r.fixed32();
          break;
        default:
          r.skip(t & 7);
      }
    }
    if (events !== null) this._events = this._arr(events);
    if (links !== null) this._links = this._arr(links);
  }

  protected _reset(): void {
    this._traceId = TraceId.EMPTY;
    this._spanId = SpanId.EMPTY;
    this._traceState = '';
    this._parentSpanId = SpanId.EMPTY;
    this._flags = 0;
    this._name = '';
    this._kind = 0;
    this._start = 0n;
    this._end = 0n;
    this._resetAttrs();
    this._dropped = 0;
    this._events = null;
    this._droppedEvents = 0;
    this._links = null;
    this._droppedLinks = 0;
    this._status?._setSrc(null, 0, 0);
  }

  _enc(w: Wr): void {
    writeId(w, 0x0a, this._traceId);
    writeId(w, 0x12, this._spanId);
    if (this._traceState !== '') {
      w.tag(0x1a);
      w.str(this._traceState);
    }
    writeId(w, 0x22, this._parentSpanId);
    if (this._name !== '') {
      w.tag(0x2a);
      w.str(this._name);
    }
    if (this._kind !== 0) {
      w.tag(0x30);
      w.i32(this._kind);
    }
    if (this._start !== 0n) {
      w.tag(0x39);
      w.fixed64(this._start);
    }
    if (this._end !== 0n) {
      w.tag(0x41);
      w.fixed64(this._end);
    }
    this._encAttrs(w);
    if (this._dropped !== 0) {
      w.tag(0x50);
      w.u32(this._dropped);
    }
    if (this._events !== null) for (const m of this._events) encMsg(w, 0x5a, m, 1);
    if (this._droppedEvents !== 0) {
      w.tag(0x60);
      w.u32(this._droppedEvents);
    }
    if (this._links !== null) for (const m of this._links) encMsg(w, 0x6a, m, 1);
    if (this._droppedLinks !== 0) {
      w.tag(0x70);
      w.u32(this._droppedLinks);
    }
    if (this._status !== null) encMsg(w, 0x7a, this._status, 1);
    if (this._flags !== 0) {
      w.u32(0x85);
      w.fixed32(this._flags);
    }
  }

  protected override _childrenClean(): boolean {
    return super._childrenClean() && (this._status === null || this._status._isClean());
  }

  protected override _freeze(): void {
    super._freeze();
    freezeAll(this._events);
    freezeAll(this._links);
    this._status?.markReadOnly();
  }
}

/** trace/v1 Span.Event. */
export class SpanEvent extends AttrMsg {
  private _time = 0n;
  private _name = '';
  private _dropped = 0;

  static create(init?: Init<SpanEvent>): SpanEvent {
    return applyInit(new SpanEvent(), init);
  }

  get timeUnixNano(): bigint {
    this._l();
    return this._time;
  }
  set timeUnixNano(v: bigint) {
    this._w();
    this._time = v;
  }
  get name(): string {
    this._l();
    return this._name;
  }
  set name(v: string) {
    this._w();
    this._name = v;
  }
  get attributes(): PMap {
    return this._attrMap();
  }
  get droppedAttributesCount(): number {
    this._l();
    return this._dropped;
  }
  set droppedAttributesCount(v: number) {
    this._w();
    this._dropped = v;
  }

  protected override _mapField(): number {
    return 3;
  }

  protected _load(r: Rd): void {
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x09:
          this._time = r.fixed64();
          break;
        case 0x12:
          this._name = r.str();
          break;
        case 0x20:
          this._dropped = r.u32();
          break;
        default:
          r.skip(t & 7);
      }
    }
  }

  protected _reset(): void {
    this._time = 0n;
    this._name = '';
    this._resetAttrs();
    this._dropped = 0;
  }

  _enc(w: Wr): void {
    if (this._time !== 0n) {
      w.tag(0x09);
      w.fixed64(this._time);
    }
    if (this._name !== '') {
      w.tag(0x12);
      w.str(this._name);
    }
    this._encAttrs(w);
    if (this._dropped !== 0) {
      w.tag(0x20);
      w.u32(this._dropped);
    }
  }
}

/** trace/v1 Span.Link. */
export class SpanLink extends AttrMsg {
  private _traceId: TraceId = TraceId.EMPTY;
  private _spanId: SpanId = SpanId.EMPTY;
  private _traceState = '';
  private _dropped = 0;
  private _flags = 0;

  static create(init?: Init<SpanLink>): SpanLink {
    return applyInit(new SpanLink(), init);
  }

  get traceId(): TraceId {
    this._l();
    return this._traceId;
  }
  set traceId(v: TraceId) {
    this._w();
    this._traceId = v;
  }
  get spanId(): SpanId {
    this._l();
    return this._spanId;
  }
  set spanId(v: SpanId) {
    this._w();
    this._spanId = v;
  }
  get traceState(): string {
    this._l();
    return this._traceState;
  }
  set traceState(v: string) {
    this._w();
    this._traceState = v;
  }
  get attributes(): PMap {
    return this._attrMap();
  }
  get droppedAttributesCount(): number {
    this._l();
    return this._dropped;
  }
  set droppedAttributesCount(v: number) {
    this._w();
    this._dropped = v;
  }
  get flags(): number {
    this._l();
    return this._flags;
  }
  set flags(v: number) {
    this._w();
    this._flags = v;
  }

  protected override _mapField(): number {
    return 4;
  }

  protected _load(r: Rd): void {
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x0a:
          this._traceId = readTraceId(r);
          break;
        case 0x12:
          this._spanId = readSpanId(r);
          break;
        case 0x1a:
          this._traceState = r.str();
          break;
        case 0x28:
          this._dropped = r.u32();
          break;
        case 0x35:
          this._flags = r.fixed32();
          break;
        default:
          r.skip(t & 7);
      }
    }
  }

  protected _reset(): void {
    this._traceId = TraceId.EMPTY;
    this._spanId = SpanId.EMPTY;
    this._traceState = '';
    this._resetAttrs();
    this._dropped = 0;
    this._flags = 0;
  }

  _enc(w: Wr): void {
    writeId(w, 0x0a, this._traceId);
    writeId(w, 0x12, this._spanId);
    if (this._traceState !== '') {
      w.tag(0x1a);
      w.str(this._traceState);
    }
    this._encAttrs(w);
    if (this._dropped !== 0) {
      w.tag(0x28);
      w.u32(this._dropped);
    }
    if (this._flags !== 0) {
      w.tag(0x35);
      w.fixed32(this._flags);
    }
  }
}

/** trace/v1 Status. `code`: 0 unset, 1 ok, 2 error ({@link StatusCode}). */
export class Status extends Msg {
  private _message = '';
  private _code = 0;

  static create(init?: Init<Status>): Status {
    return applyInit(new Status(), init);
  }

  get message(): string {
    this._l();
    return this._message;
  }
  set message(v: string) {
    this._w();
    this._message = v;
  }
  get code(): number {
    this._l();
    return this._code;
  }
  set code(v: number) {
    this._w();
    this._code = v;
  }

  protected _load(r: Rd): void {
    while (r.p < r.e) {
      const t = r.u32();
      if (t === 0x12) this._message = r.str();
      else if (t === 0x18) this._code = r.i32();
      else r.skip(t & 7);
    }
  }

  protected _reset(): void {
    this._message = '';
    this._code = 0;
  }

  _enc(w: Wr): void {
    if (this._message !== '') {
      w.tag(0x12);
      w.str(this._message);
    }
    if (this._code !== 0) {
      w.tag(0x18);
      w.i32(this._code);
    }
  }

  protected _freeze(): void {}
}
