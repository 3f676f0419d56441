import { SpanId, TraceId } from './ids.js';
import { PENDING, PMap, PSlice, isContainerClean, type AttrValue, type Slot } from './pcommon.js';
import { decodeAnyValue, encodeAnyValue } from './internal/anyvalue.js';
import { RequestBase, ResourceGroup, ScopeGroup } from './internal/groups.js';
import { AttrMsg, applyInit, type Init } from './internal/msg.js';
import type { Rd, Wr } from './internal/wire.js';
import { readSpanId, readTraceId, writeId } from './internal/idwire.js';

/** ExportLogsServiceRequest / LogsData. */
export class Logs extends RequestBase<ResourceLogs, LogRecord> {
  static create(init?: Init<Logs>): Logs {
    return applyInit(new Logs(), init);
  }

  get resourceLogs(): ResourceLogs[] {
    return this._list();
  }

  logRecordCount(): number {
    return this._hinted(() => this._recordCount());
  }

  protected _newItem(): ResourceLogs {
    return new ResourceLogs();
  }
}

/** logs/v1 ResourceLogs. */
export class ResourceLogs extends ResourceGroup<ScopeLogs> {
  static create(init?: Init<ResourceLogs>): ResourceLogs {
    return applyInit(new ResourceLogs(), init);
  }

  get scopeLogs(): ScopeLogs[] {
    return this._list();
  }

  protected _newItem(): ScopeLogs {
    return new ScopeLogs();
  }
}

/** logs/v1 ScopeLogs. */
export class ScopeLogs extends ScopeGroup<LogRecord> {
  static create(init?: Init<ScopeLogs>): ScopeLogs {
    return applyInit(new ScopeLogs(), init);
  }

  get logRecords(): LogRecord[] {
    return this._list();
  }

  protected _newItem(): LogRecord {
    return new LogRecord();
  }
}

/** logs/v1 LogRecord. `body` is any {@link AttrValue} (`null` = Empty). */
export class LogRecord extends AttrMsg {
  private _time = 0n;
  private _observedTime = 0n;
  private _severityNumber = 0;
  private _severityText = '';
  private _body: Slot = null;
  private _bs = 0;
  private _be = 0;
  private _dropped = 0;
  private _flags = 0;
  private _traceId: TraceId = TraceId.EMPTY;
  private _spanId: SpanId = SpanId.EMPTY;
  private _eventName = '';

  static create(init?: Init<LogRecord>): LogRecord {
    return applyInit(new LogRecord(), init);
  }

  get timeUnixNano(): bigint {
    this._l();
    return this._time;
  }
  set timeUnixNano(v: bigint) {
    this._w();
    this._time = v;
  }
  get observedTimeUnixNano(): bigint {
    this._l();
    return this._observedTime;
  }
  set observedTimeUnixNano(v: bigint) {
    this._w();
    this._observedTime = v;
  }
  /** SeverityNumber enum value (0 unspecified … 24 FATAL4). */
  get severityNumber(): number {
    this._l();
    return this._severityNumber;
  }
  set severityNumber(v: number) {
    this._w();
    this._severityNumber = v;
  }
  get severityText(): string {
    this._l();
    return this._severityText;
  }
  set severityText(v: string) {
    this._w();
    this._severityText = v;
  }
  get body(): AttrValue {
    this._l();
    let b = this._body;
    if (b === PENDING) {
      b = this._body = decodeAnyValue(this._src!, this._bs, this._be);
      if (this._ro && (b instanceof PMap || b instanceof PSlice)) b.markReadOnly();
    }
    return b;
  }
  set body(v: AttrValue) {
    this._w();
    this._body = v;
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
  /** LogRecordFlags: the low 8 bits are the W3C trace flags. */
  get flags(): number {
    this._l();
    return this._flags;
  }
  set flags(v: number) {
    this._w();
    this._flags = v;
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
  get eventName(): string {
    this._l();
    return this._eventName;
  }
  set eventName(v: string) {
    this._w();
    this._eventName = v;
  }

  protected override _mapField(): number {
    return 6;
  }

  protected _load(r: Rd): void {
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x09:
          this._time = r.fixed64();
          break;
        case 0x10:
          this._severityNumber = r.i32();
          break;
        case 0x1a:
          this._severityText = r.str();
          break;
        case 0x2a:
          this._be = r.len();
          this._bs = r.p;
          this._body = PENDING;
          r.p = this._be;
          break;
        case 0x38:
          this._dropped = r.u32();
          break;
        case 0x45:
          this._flags = r.fixed32();
          break;
        case 0x4a:
          this._traceId = readTraceId(r);
          break;
        case 0x52:
          this._spanId = readSpanId(r);
          break;
        case 0x59:
          this._observedTime = r.fixed64();
          break;
        case 0x62:
          this._eventName = r.str();
          break;
        default:
          r.skip(t & 7);
      }
    }
  }

  protected _reset(): void {
    this._time = 0n;
    this._observedTime = 0n;
    this._severityNumber = 0;
    this._severityText = '';
    this._body = null;
    this._resetAttrs();
    this._dropped = 0;
    this._flags = 0;
    this._traceId = TraceId.EMPTY;
    this._spanId = SpanId.EMPTY;
    this._eventName = '';
  }

  _enc(w: Wr): void {
    if (this._time !== 0n) {
      w.tag(0x09);
      w.fixed64(this._time);
    }
    if (this._severityNumber !== 0) {
      w.tag(0x10);
      w.i32(this._severityNumber);
    }
    if (this._severityText !== '') {
      w.tag(0x1a);
      w.str(this._severityText);
    }
    const body = this._body;
    if (body === PENDING) {
      w.tag(0x2a);
      w.u32(this._be - this._bs);
      w.raw(this._src!, this._bs, this._be);
    } else if (body !== null) {
      w.tag(0x2a);
      const mark = w.begin(1);
      encodeAnyValue(w, body);
      w.end(mark, 1);
    }
    this._encAttrs(w);
    if (this._dropped !== 0) {
      w.tag(0x38);
      w.u32(this._dropped);
    }
    if (this._flags !== 0) {
      w.tag(0x45);
      w.fixed32(this._flags);
    }
    writeId(w, 0x4a, this._traceId);
    writeId(w, 0x52, this._spanId);
    if (this._observedTime !== 0n) {
      w.tag(0x59);
      w.fixed64(this._observedTime);
    }
    if (this._eventName !== '') {
      w.tag(0x62);
      w.str(this._eventName);
    }
  }

  protected override _childrenClean(): boolean {
    return super._childrenClean() && isContainerClean(this._body);
  }

  protected override _freeze(): void {
    super._freeze();
    const b = this._body;
    if (b instanceof PMap || b instanceof PSlice) b.markReadOnly();
  }
}
