import { SpanId, TraceId } from './ids.js';
import type { PMap } from './pcommon.js';
import { RequestBase, ResourceGroup, ScopeGroup } from './internal/groups.js';
import { readSpanId, readTraceId, writeId } from './internal/idwire.js';
import { AttrMsg, Msg, applyInit, encMsg, freezeAll, type Init } from './internal/msg.js';
import type { Rd, Wr } from './internal/wire.js';

/** ExportMetricsServiceRequest / MetricsData. */
export class Metrics extends RequestBase<ResourceMetrics, Metric> {
  static create(init?: Init<Metrics>): Metrics {
    return applyInit(new Metrics(), init);
  }

  get resourceMetrics(): ResourceMetrics[] {
    return this._list();
  }

  metricCount(): number {
    return this._recordCount();
  }

  /** Data points of every metric (histogram and summary points count once each). */
  dataPointCount(): number {
    return this._hinted(() => this._sumRecords((m) => m._pointCount()));
  }

  protected _newItem(): ResourceMetrics {
    return new ResourceMetrics();
  }
}

/** metrics/v1 ResourceMetrics. */
export class ResourceMetrics extends ResourceGroup<ScopeMetrics> {
  static create(init?: Init<ResourceMetrics>): ResourceMetrics {
    return applyInit(new ResourceMetrics(), init);
  }

  get scopeMetrics(): ScopeMetrics[] {
    return this._list();
  }

  protected _newItem(): ScopeMetrics {
    return new ScopeMetrics();
  }
}

/** metrics/v1 ScopeMetrics. */
export class ScopeMetrics extends ScopeGroup<Metric> {
  static create(init?: Init<ScopeMetrics>): ScopeMetrics {
    return applyInit(new ScopeMetrics(), init);
  }

  get metrics(): Metric[] {
    return this._list();
  }

  protected _newItem(): Metric {
    return new Metric();
  }
}

/** Which data field a {@link Metric} holds (the OTTL enum values). */
export const MetricType = {
  NONE: 0,
  GAUGE: 1,
  SUM: 2,
  HISTOGRAM: 3,
  EXPONENTIAL_HISTOGRAM: 4,
  SUMMARY: 5,
} as const;
export type MetricType = (typeof MetricType)[keyof typeof MetricType];

/** AggregationTemporality values. */
export const AggregationTemporality = { UNSPECIFIED: 0, DELTA: 1, CUMULATIVE: 2 } as const;

/** DataPointFlags: bit 0 = no recorded value. */
export const DataPointFlags = { NO_RECORDED_VALUE: 1 } as const;

type MetricData = Gauge | Sum | Histogram | ExponentialHistogram | Summary;

/** metrics/v1 Metric. Exactly one of `gauge` … `summary` is set, as `type` says. */
export class Metric extends AttrMsg {
  private _name = '';
  private _description = '';
  private _unit = '';
  private _type: MetricType = MetricType.NONE;
  private _data: MetricData | null = null;

  static create(init?: Init<Metric>): Metric {
    return applyInit(new Metric(), init);
  }

  get name(): string {
    this._l();
    return this._name;
  }
  set name(v: string) {
    this._w();
    this._name = v;
  }
  get description(): string {
    this._l();
    return this._description;
  }
  set description(v: string) {
    this._w();
    this._description = v;
  }
  get unit(): string {
    this._l();
    return this._unit;
  }
  set unit(v: string) {
    this._w();
    this._unit = v;
  }
  get metadata(): PMap {
    return this._attrMap();
  }
  get type(): MetricType {
    this._l();
    return this._type;
  }
  get gauge(): Gauge | undefined {
    this._l();
    return this._type === MetricType.GAUGE ? (this._data as Gauge) : undefined;
  }
  get sum(): Sum | undefined {
    this._l();
    return this._type === MetricType.SUM ? (this._data as Sum) : undefined;
  }
  get histogram(): Histogram | undefined {
    this._l();
    return this._type === MetricType.HISTOGRAM ? (this._data as Histogram) : undefined;
  }
  get exponentialHistogram(): ExponentialHistogram | undefined {
    this._l();
    return this._type === MetricType.EXPONENTIAL_HISTOGRAM ? (this._data as ExponentialHistogram) : undefined;
  }
  get summary(): Summary | undefined {
    this._l();
    return this._type === MetricType.SUMMARY ? (this._data as Summary) : undefined;
  }

  private _setData<T extends MetricData>(type: MetricType, d: T): T {
    this._w();
    this._type = type;
    d._ro = this._ro;
    this._data = d;
    return d;
  }
  /** Makes this a gauge with no data points (dropping any other data) and returns it. */
  setEmptyGauge(): Gauge {
    return this._setData(MetricType.GAUGE, new Gauge());
  }
  setEmptySum(): Sum {
    return this._setData(MetricType.SUM, new Sum());
  }
  setEmptyHistogram(): Histogram {
    return this._setData(MetricType.HISTOGRAM, new Histogram());
  }
  setEmptyExponentialHistogram(): ExponentialHistogram {
    return this._setData(MetricType.EXPONENTIAL_HISTOGRAM, new ExponentialHistogram());
  }
  setEmptySummary(): Summary {
    return this._setData(MetricType.SUMMARY, new Summary());
  }

  /** @internal */
  _pointCount(): number {
    this._l();
    return this._data === null ? 0 : this._data._points().length;
  }

  protected override _mapField(): number {
    return 12;
  }

  protected _load(r: Rd): void {
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x0a:
          this._name = r.str();
          break;
        case 0x12:
          this._description = r.str();
          break;
        case 0x1a:
          this._unit = r.str();
          break;
        case 0x2a:
          this._loadData(r, MetricType.GAUGE, new Gauge());
          break;
        case 0x3a:
          this._loadData(r, MetricType.SUM, new Sum());
          break;
        case 0x4a:
          this._loadData(r, MetricType.HISTOGRAM, new Histogram());
          break;
        case 0x52:
          this._loadData(r, MetricType.EXPONENTIAL_HISTOGRAM, new ExponentialHistogram());
          break;
        case 0x5a:
          this._loadData(r, MetricType.SUMMARY, new Summary());
          break;
        default:
          r.skip(t & 7);
      }
    }
  }

  private _loadData(r: Rd, type: MetricType, d: MetricData): void {
    this._type = type;
    this._data = this._shell(d, r);
  }

  protected _reset(): void {
    this._name = '';
    this._description = '';
    this._unit = '';
    this._type = MetricType.NONE;
    this._data = null;
    this._resetAttrs();
  }

  _enc(w: Wr): void {
    if (this._name !== '') {
      w.tag(0x0a);
      w.str(this._name);
    }
    if (this._description !== '') {
      w.tag(0x12);
      w.str(this._description);
    }
    if (this._unit !== '') {
      w.tag(0x1a);
      w.str(this._unit);
    }
    if (this._data !== null) encMsg(w, DATA_TAGS[this._type]!, this._data, 2);
    this._encAttrs(w);
  }

  protected override _childrenClean(): boolean {
    return super._childrenClean() && (this._data === null || this._data._isClean());
  }

  protected override _freeze(): void {
    super._freeze();
    this._data?.markReadOnly();
  }
}

const DATA_TAGS = [0, 0x2a, 0x3a, 0x4a, 0x52, 0x5a];

/** The data points, temporality and monotonicity shared by the metric data messages. */
abstract class PointsBase<P extends Msg> extends Msg {
  private _dataPoints: P[] | null = null;
  /** @internal */ protected _temporality = 0;
  /** @internal */ protected _monotonic = false;

  protected abstract _newPoint(): P;

  /** @internal The points without marking this message changed. */
  _points(): P[] {
    this._l();
    return this._dataPoints ?? [];
  }

  get dataPoints(): P[] {
    this._touch();
    return (this._dataPoints ??= this._arr([]));
  }

  protected _load(r: Rd): void {
    const out: P[] = [];
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x0a:
          out.push(this._shell(this._newPoint(), r));
          break;
        case 0x10:
          this._temporality = r.i32();
          break;
        case 0x18:
          this._monotonic = r.bool();
          break;
        default:
          r.skip(t & 7);
      }
    }
    this._dataPoints = this._arr(out);
  }

  protected _reset(): void {
    this._dataPoints = null;
    this._temporality = 0;
    this._monotonic = false;
  }

  _enc(w: Wr): void {
    if (this._dataPoints !== null) for (const p of this._dataPoints) encMsg(w, 0x0a, p, 2);
    if (this._temporality !== 0) {
      w.tag(0x10);
      w.i32(this._temporality);
    }
    if (this._monotonic) {
      w.tag(0x18);
      w.u32(1);
    }
  }

  protected _freeze(): void {
    freezeAll(this._dataPoints);
  }
}

/** metrics/v1 Gauge. */
export class Gauge extends PointsBase<NumberDataPoint> {
  static create(init?: Init<Gauge>): Gauge {
    return applyInit(new Gauge(), init);
  }
  protected _newPoint(): NumberDataPoint {
    return new NumberDataPoint();
  }
}

/** metrics/v1 Sum. */
export class Sum extends PointsBase<NumberDataPoint> {
  static create(init?: Init<Sum>): Sum {
    return applyInit(new Sum(), init);
  }
  protected _newPoint(): NumberDataPoint {
    return new NumberDataPoint();
  }
  /** {@link AggregationTemporality} value. */
  get aggregationTemporality(): number {
    this._l();
    return this._temporality;
  }
  set aggregationTemporality(v: number) {
    this._w();
    this._temporality = v;
  }
  get isMonotonic(): boolean {
    this._l();
    return this._monotonic;
  }
  set isMonotonic(v: boolean) {
    this._w();
    this._monotonic = v;
  }
}

/** metrics/v1 Histogram. */
export class Histogram extends PointsBase<HistogramDataPoint> {
  static create(init?: Init<Histogram>): Histogram {
    return applyInit(new Histogram(), init);
  }
  protected _newPoint(): HistogramDataPoint {
    return new HistogramDataPoint();
  }
  get aggregationTemporality(): number {
    this._l();
    return this._temporality;
  }
  set aggregationTemporality(v: number) {
    this._w();
    this._temporality = v;
  }
}

/** metrics/v1 ExponentialHistogram. */
export class ExponentialHistogram extends PointsBase<ExponentialHistogramDataPoint> {
  static create(init?: Init<ExponentialHistogram>): ExponentialHistogram {
    return applyInit(new ExponentialHistogram(), init);
  }
  protected _newPoint(): ExponentialHistogramDataPoint {
    return new ExponentialHistogramDataPoint();
  }
  get aggregationTemporality(): number {
    this._l();
    return this._temporality;
  }
  set aggregationTemporality(v: number) {
    this._w();
    this._temporality = v;
  }
}

/** metrics/v1 Summary. */
export class Summary extends PointsBase<SummaryDataPoint> {
  static create(init?: Init<Summary>): Summary {
    return applyInit(new Summary(), init);
  }
  protected _newPoint(): SummaryDataPoint {
    return new SummaryDataPoint();
  }
}

/** A double that proto3 would not omit (anything but +0). */
function dblSet(v: number): boolean {
  return v !== 0 || Object.is(v, -0);
}

function writeDouble(w: Wr, tag: number, v: number): void {
  w.tag(tag);
  w.double(v);
}

function writeFixed64(w: Wr, tag: number, v: bigint): void {
  if (v !== 0n) {
    w.tag(tag);
    w.fixed64(v);
  }
}

/** Reads a repeated fixed64 field occurrence, packed (`packedTag`) or not. */
function readFixed64s(r: Rd, t: number, packedTag: number, out: bigint[]): void {
  if (t === packedTag) {
    const end = r.len();
    while (r.p < end) out.push(r.fixed64());
  } else out.push(r.fixed64());
}

/** Value oneof of number data points and exemplars. */
export type NumberValueType = 'empty' | 'int' | 'double';

/** The `as_double` / `as_int` oneof, timestamps, attributes and exemplars of a number point or exemplar. */
abstract class NumberValueBase extends AttrMsg {
  /** @internal */ protected _vt: NumberValueType = 'empty';
  /** @internal */ protected _dbl = 0;
  /** @internal */ protected _int = 0n;

  get valueType(): NumberValueType {
    this._l();
    return this._vt;
  }
  /** The double value (0 unless `valueType` is 'double'); setting it makes the value a double. */
  get doubleValue(): number {
    this._l();
    return this._vt === 'double' ? this._dbl : 0;
  }
  set doubleValue(v: number) {
    this._w();
    this._vt = 'double';
    this._dbl = v;
  }
  /** The int value (0n unless `valueType` is 'int'); setting it makes the value an int. */
  get intValue(): bigint {
    this._l();
    return this._vt === 'int' ? this._int : 0n;
  }
  set intValue(v: bigint) {
    this._w();
    this._vt = 'int';
    this._int = v;
  }
  /** Makes the value Empty (neither field set). */
  clearValue(): void {
    this._w();
    this._vt = 'empty';
  }

  protected _resetValue(): void {
    this._vt = 'empty';
    this._dbl = 0;
    this._int = 0n;
  }

  protected _encValue(w: Wr, doubleTag: number, intTag: number): void {
    if (this._vt === 'double') writeDouble(w, doubleTag, this._dbl);
    else if (this._vt === 'int') {
      w.tag(intTag);
      w.fixed64(this._int);
    }
  }
}

/** metrics/v1 NumberDataPoint. */
export class NumberDataPoint extends NumberValueBase {
  private _start = 0n;
  private _time = 0n;
  private _exemplars: Exemplar[] | null = null;
  private _flags = 0;

  static create(init?: Init<NumberDataPoint>): NumberDataPoint {
    return applyInit(new NumberDataPoint(), init);
  }

  get attributes(): PMap {
    return this._attrMap();
  }
  get startTimeUnixNano(): bigint {
    this._l();
    return this._start;
  }
  set startTimeUnixNano(v: bigint) {
    this._w();
    this._start = v;
  }
  get timeUnixNano(): bigint {
    this._l();
    return this._time;
  }
  set timeUnixNano(v: bigint) {
    this._w();
    this._time = v;
  }
  get exemplars(): Exemplar[] {
    this._touch();
    return (this._exemplars ??= this._arr([]));
  }
  /** {@link DataPointFlags}. */
  get flags(): number {
    this._l();
    return this._flags;
  }
  set flags(v: number) {
    this._w();
    this._flags = v;
  }

  protected override _mapField(): number {
    return 7;
  }

  protected _load(r: Rd): void {
    let ex: Exemplar[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x11:
          this._start = r.fixed64();
          break;
        case 0x19:
          this._time = r.fixed64();
          break;
        case 0x21:
          this._vt = 'double';
          this._dbl = r.double();
          break;
        case 0x2a:
          (ex ??= []).push(this._shell(new Exemplar(), r));
          break;
        case 0x31:
          this._vt = 'int';
          this._int = r.sfixed64();
          break;
        case 0x40:
          this._flags = r.u32();
          break;
        default:
          r.skip(t & 7);
      }
    }
    if (ex !== null) this._exemplars = this._arr(ex);
  }

  protected _reset(): void {
    this._resetAttrs();
    this._start = 0n;
    this._time = 0n;
    this._resetValue();
    this._exemplars = null;
    this._flags = 0;
  }

  _enc(w: Wr): void {
    writeFixed64(w, 0x11, this._start);
    writeFixed64(w, 0x19, this._time);
    this._encValue(w, 0x21, 0x31);
    if (this._exemplars !== null) for (const m of this._exemplars) encMsg(w, 0x2a, m, 1);
    this._encAttrs(w);
    if (this._flags !== 0) {
      w.tag(0x40);
      w.u32(this._flags);
    }
  }

  protected override _freeze(): void {
    super._freeze();
    freezeAll(this._exemplars);
  }
}

/** metrics/v1 Exemplar. */
export class Exemplar extends NumberValueBase {
  private _time = 0n;
  private _spanId: SpanId = SpanId.EMPTY;
  private _traceId: TraceId = TraceId.EMPTY;

  static create(init?: Init<Exemplar>): Exemplar {
    return applyInit(new Exemplar(), init);
  }

  get filteredAttributes(): PMap {
    return this._attrMap();
  }
  get timeUnixNano(): bigint {
    this._l();
    return this._time;
  }
  set timeUnixNano(v: bigint) {
    this._w();
    this._time = v;
  }
  get spanId(): SpanId {
    this._l();
    return this._spanId;
  }
  set spanId(v: SpanId) {
    this._w();
    this._spanId = v;
  }
  get traceId(): TraceId {
    this._l();
    return this._traceId;
  }
  set traceId(v: TraceId) {
    this._w();
    this._traceId = v;
  }

  protected override _mapField(): number {
    return 7;
  }

  protected _load(r: Rd): void {
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x11:
          this._time = r.fixed64();
          break;
        case 0x19:
          this._vt = 'double';
          this._dbl = r.double();
          break;
        case 0x22:
          this._spanId = readSpanId(r);
          break;
        case 0x2a:
          this._traceId = readTraceId(r);
          break;
        case 0x31:
          this._vt = 'int';
          this._int = r.sfixed64();
          break;
        default:
          r.skip(t & 7);
      }
    }
  }

  protected _reset(): void {
    this._resetAttrs();
    this._time = 0n;
    this._resetValue();
    this._spanId = SpanId.EMPTY;
    this._traceId = TraceId.EMPTY;
  }

  _enc(w: Wr): void {
    writeFixed64(w, 0x11, this._time);
    this._encValue(w, 0x19, 0x31);
    writeId(w, 0x22, this._spanId);
    writeId(w, 0x2a, this._traceId);
    this._encAttrs(w);
  }
}

/** metrics/v1 HistogramDataPoint. `sum`, `min`, `max` are `undefined` when absent. */
export class HistogramDataPoint extends AttrMsg {
  private _start = 0n;
  private _time = 0n;
  private _count = 0n;
  private _sum: number | undefined = undefined;
  private _bucketCounts: bigint[] | null = null;
  private _explicitBounds: number[] | null = null;
  private _exemplars: Exemplar[] | null = null;
  private _flags = 0;
  private _min: number | undefined = undefined;
  private _max: number | undefined = undefined;

  static create(init?: Init<HistogramDataPoint>): HistogramDataPoint {
    return applyInit(new HistogramDataPoint(), init);
  }

  get attributes(): PMap {
    return this._attrMap();
  }
  get startTimeUnixNano(): bigint {
    this._l();
    return this._start;
  }
  set startTimeUnixNano(v: bigint) {
    this._w();
    this._start = v;
  }
  get timeUnixNano(): bigint {
    this._l();
    return this._time;
  }
  set timeUnixNano(v: bigint) {
    this._w();
    this._time = v;
  }
  get count(): bigint {
    this._l();
    return this._count;
  }
  set count(v: bigint) {
    this._w();
    this._count = v;
  }
  get sum(): number | undefined {
    this._l();
    return this._sum;
  }
  set sum(v: number | undefined) {
    this._w();
    this._sum = v;
  }
  get bucketCounts(): bigint[] {
    this._touch();
    return (this._bucketCounts ??= this._arr([]));
  }
  get explicitBounds(): number[] {
    this._touch();
    return (this._explicitBounds ??= this._arr([]));
  }
  get exemplars(): Exemplar[] {
    this._touch();
    return (this._exemplars ??= this._arr([]));
  }
  get flags(): number {
    this._l();
    return this._flags;
  }
  set flags(v: number) {
    this._w();
    this._flags = v;
  }
  get min(): number | undefined {
    this._l();
    return this._min;
  }
  set min(v: number | undefined) {
    this._w();
    this._min = v;
  }
  get max(): number | undefined {
    this._l();
    return this._max;
  }
  set max(v: number | undefined) {
    this._w();
    this._max = v;
  }

  protected override _mapField(): number {
    return 9;
  }

  protected _load(r: Rd): void {
    let counts: bigint[] | null = null;
    let bounds: number[] | null = null;
    let ex: Exemplar[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x11:
          this._start = r.fixed64();
          break;
        case 0x19:
          this._time = r.fixed64();
          break;
        case 0x21:
          this._count = r.fixed64();
          break;
        case 0x29:
          this._sum = r.double();
          break;
        case 0x31:
        case 0x32:
          readFixed64s(r, t, 0x32, (counts ??= []));
          break;
        case 0x39:
          (bounds ??= []).push(r.double());
          break;
        case 0x3a: {
          const end = r.len();
          bounds ??= [];
          while (r.p < end) bounds.push(r.double());
          break;
        }
        case 0x42:
          (ex ??= []).push(this._shell(new Exemplar(), r));
          break;
        case 0x50:
          this._flags = r.u32();
          break;
        case 0x59:
          this._min = r.double();
          break;
        case 0x61:
          this._max = r.double();
          break;
        default:
          r.skip(t & 7);
      }
    }
    if (counts !== null) this._bucketCounts = this._arr(counts);
    if (bounds !== null) this._explicitBounds = this._arr(bounds);
    if (ex !== null) this._exemplars = this._arr(ex);
  }

  protected _reset(): void {
    this._resetAttrs();
    this._start = 0n;
    this._time = 0n;
    this._count = 0n;
    this._sum = undefined;
    this._bucketCounts = null;
    this._explicitBounds = null;
    this._exemplars = null;
    this._flags = 0;
    this._min = undefined;
    this._max = undefined;
  }

  _enc(w: Wr): void {
    writeFixed64(w, 0x11, this._start);
    writeFixed64(w, 0x19, this._time);
    writeFixed64(w, 0x21, this._count);
    if (this._sum !== undefined) writeDouble(w, 0x29, this._sum);
    if (this._bucketCounts !== null && this._bucketCounts.length > 0) {
      w.tag(0x32);
      w.u32(this._bucketCounts.length * 8);
      for (const c of this._bucketCounts) w.fixed64(c);
    }
    if (this._explicitBounds !== null && this._explicitBounds.length > 0) {
      w.tag(0x3a);
      w.u32(this._explicitBounds.length * 8);
      for (const b of this._explicitBounds) w.double(b);
    }
    if (this._exemplars !== null) for (const m of this._exemplars) encMsg(w, 0x42, m, 1);
    this._encAttrs(w);
    if (this._flags !== 0) {
      w.tag(0x50);
      w.u32(this._flags);
    }
    if (this._min !== undefined) writeDouble(w, 0x59, this._min);
    if (this._max !== undefined) writeDouble(w, 0x61, this._max);
  }

  protected override _freeze(): void {
    super._freeze();
    if (this._bucketCounts !== null) Object.freeze(this._bucketCounts);
    if (this._explicitBounds !== null) Object.freeze(this._explicitBounds);
    freezeAll(this._exemplars);
  }
}

/** metrics/v1 ExponentialHistogramDataPoint.Buckets. */
export class Buckets extends Msg {
  private _offset = 0;
  private _bucketCounts: bigint[] | null = null;

  static create(init?: Init<Buckets>): Buckets {
    return applyInit(new Buckets(), init);
  }

  get offset(): number {
    this._l();
    return this._offset;
  }
  set offset(v: number) {
    this._w();
    this._offset = v;
  }
  get bucketCounts(): bigint[] {
    this._touch();
    return (this._bucketCounts ??= this._arr([]));
  }

  protected _load(r: Rd): void {
    let counts: bigint[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x08:
          this._offset = r.s32();
          break;
        case 0x10:
          (counts ??= []).push(r.u64());
          break;
        case 0x12: {
          const end = r.len();
          counts ??= [];
          while (r.p < end) counts.push(r.u64());
          break;
        }
        default:
          r.skip(t & 7);
      }
    }
    if (counts !== null) this._bucketCounts = this._arr(counts);
  }

  protected _reset(): void {
    this._offset = 0;
    this._bucketCounts = null;
  }

  _enc(w: Wr): void {
    if (this._offset !== 0) {
      w.tag(0x08);
      w.s32(this._offset);
    }
    if (this._bucketCounts !== null && this._bucketCounts.length > 0) {
      w.tag(0x12);
      const mark = w.begin(1);
      for (const c of this._bucketCounts) w.varint64(c);
      w.end(mark, 1);
    }
  }

  protected _freeze(): void {
    if (this._bucketCounts !== null) Object.freeze(this._bucketCounts);
  }
}

/** metrics/v1 ExponentialHistogramDataPoint. `sum`, `min`, `max` are `undefined` when absent. */
export class ExponentialHistogramDataPoint extends AttrMsg {
  private _start = 0n;
  private _time = 0n;
  private _count = 0n;
  private _sum: number | undefined = undefined;
  private _scale = 0;
  private _zeroCount = 0n;
  private _positive: Buckets | null = null;
  private _negative: Buckets | null = null;
  private _flags = 0;
  private _exemplars: Exemplar[] | null = null;
  private _min: number | undefined = undefined;
  private _max: number | undefined = undefined;
  private _zeroThreshold = 0;

  static create(init?: Init<ExponentialHistogramDataPoint>): ExponentialHistogramDataPoint {
    return applyInit(new ExponentialHistogramDataPoint(), init);
  }

  get attributes(): PMap {
    return this._attrMap();
  }
  get startTimeUnixNano(): bigint {
    this._l();
    return this._start;
  }
  set startTimeUnixNano(v: bigint) {
    this._w();
    this._start = v;
  }
  get timeUnixNano(): bigint {
    this._l();
    return this._time;
  }
  set timeUnixNano(v: bigint) {
    this._w();
    this._time = v;
  }
  get count(): bigint {
    this._l();
    return this._count;
  }
  set count(v: bigint) {
    this._w();
    this._count = v;
  }
  get sum(): number | undefined {
    this._l();
    return this._sum;
  }
  set sum(v: number | undefined) {
    this._w();
    this._sum = v;
  }
  get scale(): number {
    this._l();
    return this._scale;
  }
  set scale(v: number) {
    this._w();
    this._scale = v;
  }
  get zeroCount(): bigint {
    this._l();
    return this._zeroCount;
  }
  set zeroCount(v: bigint) {
    this._w();
    this._zeroCount = v;
  }
  get positive(): Buckets {
    this._l();
    return (this._positive ??= this._fresh(new Buckets()));
  }
  get negative(): Buckets {
    this._l();
    return (this._negative ??= this._fresh(new Buckets()));
  }
  get flags(): number {
    this._l();
    return this._flags;
  }
  set flags(v: number) {
    this._w();
    this._flags = v;
  }
  get exemplars(): Exemplar[] {
    this._touch();
    return (this._exemplars ??= this._arr([]));
  }
  get min(): number | undefined {
    this._l();
    return this._min;
  }
  set min(v: number | undefined) {
    this._w();
    this._min = v;
  }
  get max(): number | undefined {
    this._l();
    return this._max;
  }
  set max(v: number | undefined) {
    this._w();
    this._max = v;
  }
  get zeroThreshold(): number {
    this._l();
    return this._zeroThreshold;
  }
  set zeroThreshold(v: number) {
    this._w();
    this._zeroThreshold = v;
  }

  protected override _mapField(): number {
    return 1;
  }

  protected _load(r: Rd): void {
    let ex: Exemplar[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x11:
          this._start = r.fixed64();
          break;
        case 0x19:
          this._time = r.fixed64();
          break;
        case 0x21:
          this._count = r.fixed64();
          break;
        case 0x29:
          this._sum = r.double();
          break;
        case 0x30:
          this._scale = r.s32();
          break;
        case 0x39:
          this._zeroCount = r.fixed64();
          break;
        case 0x42:
          this._positive = this._child(this._positive ?? new Buckets(), r);
          break;
        case 0x4a:
          this._negative = this._child(this._negative ?? new Buckets(), r);
          break;
        case 0x50:
          this._flags = r.u32();
          break;
        case 0x5a:
          (ex ??= []).push(this._shell(new Exemplar(), r));
          break;
        case 0x61:
          this._min = r.double();
          break;
        case 0x69:
          this._max = r.double();
          break;
        case 0x71:
          this._zeroThreshold = r.double();
          break;
        default:
          r.skip(t & 7);
      }
    }
    if (ex !== null) this._exemplars = this._arr(ex);
  }

  protected _reset(): void {
    this._resetAttrs();
    this._start = 0n;
    this._time = 0n;
    this._count = 0n;
    this._sum = undefined;
    this._scale = 0;
    this._zeroCount = 0n;
    this._positive?._setSrc(null, 0, 0);
    this._negative?._setSrc(null, 0, 0);
    this._flags = 0;
    this._exemplars = null;
    this._min = undefined;
    this._max = undefined;
    this._zeroThreshold = 0;
  }

  _enc(w: Wr): void {
    this._encAttrs(w);
    writeFixed64(w, 0x11, this._start);
    writeFixed64(w, 0x19, this._time);
    writeFixed64(w, 0x21, this._count);
    if (this._sum !== undefined) writeDouble(w, 0x29, this._sum);
    if (this._scale !== 0) {
      w.tag(0x30);
      w.s32(this._scale);
    }
    writeFixed64(w, 0x39, this._zeroCount);
    if (this._positive !== null) encMsg(w, 0x42, this._positive, 1);
    if (this._negative !== null) encMsg(w, 0x4a, this._negative, 1);
    if (this._flags !== 0) {
      w.tag(0x50);
      w.u32(this._flags);
    }
    if (this._exemplars !== null) for (const m of this._exemplars) encMsg(w, 0x5a, m, 1);
    if (this._min !== undefined) writeDouble(w, 0x61, this._min);
    if (this._max !== undefined) writeDouble(w, 0x69, this._max);
    if (dblSet(this._zeroThreshold)) writeDouble(w, 0x71, this._zeroThreshold);
  }

  protected override _childrenClean(): boolean {
    return (
      super._childrenClean() &&
      (this._positive === null || this._positive._isClean()) &&
      (this._negative === null || this._negative._isClean())
    );
  }

  protected override _freeze(): void {
    super._freeze();
    this._positive?.markReadOnly();
    this._negative?.markReadOnly();
    freezeAll(this._exemplars);
  }
}

/** metrics/v1 SummaryDataPoint.ValueAtQuantile. */
export class ValueAtQuantile extends Msg {
  private _quantile = 0;
  private _value = 0;

  static create(init?: Init<ValueAtQuantile>): ValueAtQuantile {
    return applyInit(new ValueAtQuantile(), init);
  }

  get quantile(): number {
    this._l();
    return this._quantile;
  }
  set quantile(v: number) {
    this._w();
    this._quantile = v;
  }
  get value(): number {
    this._l();
    return this._value;
  }
  set value(v: number) {
    this._w();
    this._value = v;
  }

  protected _load(r: Rd): void {
    while (r.p < r.e) {
      const t = r.u32();
      if (t === 0x09) this._quantile = r.double();
      else if (t === 0x11) this._value = r.double();
      else r.skip(t & 7);
    }
  }

  protected _reset(): void {
    this._quantile = 0;
    this._value = 0;
  }

  _enc(w: Wr): void {
    if (dblSet(this._quantile)) writeDouble(w, 0x09, this._quantile);
    if (dblSet(this._value)) writeDouble(w, 0x11, this._value);
  }

  protected _freeze(): void {}
}

/** metrics/v1 SummaryDataPoint. */
export class SummaryDataPoint extends AttrMsg {
  private _start = 0n;
  private _time = 0n;
  private _count = 0n;
  private _sum = 0;
  private _quantileValues: ValueAtQuantile[] | null = null;
  private _flags = 0;

  static create(init?: Init<SummaryDataPoint>): SummaryDataPoint {
    return applyInit(new SummaryDataPoint(), init);
  }

  get attributes(): PMap {
    return this._attrMap();
  }
  get startTimeUnixNano(): bigint {
    this._l();
    return this._start;
  }
  set startTimeUnixNano(v: bigint) {
    this._w();
    this._start = v;
  }
  get timeUnixNano(): bigint {
    this._l();
    return this._time;
  }
  set timeUnixNano(v: bigint) {
    this._w();
    this._time = v;
  }
  get count(): bigint {
    this._l();
    return this._count;
  }
  set count(v: bigint) {
    this._w();
    this._count = v;
  }
  get sum(): number {
    this._l();
    return this._sum;
  }
  set sum(v: number) {
    this._w();
    this._sum = v;
  }
  get quantileValues(): ValueAtQuantile[] {
    this._touch();
    return (this._quantileValues ??= this._arr([]));
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
    return 7;
  }

  protected _load(r: Rd): void {
    let qs: ValueAtQuantile[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x11:
          this._start = r.fixed64();
          break;
        case 0x19:
          this._time = r.fixed64();
          break;
        case 0x21:
          this._count = r.fixed64();
          break;
        case 0x29:
          this._sum = r.double();
          break;
        case 0x32:
          (qs ??= []).push(this._shell(new ValueAtQuantile(), r));
          break;
        case 0x40:
          this._flags = r.u32();
          break;
        default:
          r.skip(t & 7);
      }
    }
    if (qs !== null) this._quantileValues = this._arr(qs);
  }

  protected _reset(): void {
    this._resetAttrs();
    this._start = 0n;
    this._time = 0n;
    this._count = 0n;
    this._sum = 0;
    this._quantileValues = null;
    this._flags = 0;
  }

  _enc(w: Wr): void {
    writeFixed64(w, 0x11, this._start);
    writeFixed64(w, 0x19, this._time);
    writeFixed64(w, 0x21, this._count);
    if (dblSet(this._sum)) writeDouble(w, 0x29, this._sum);
    if (this._quantileValues !== null) for (const q of this._quantileValues) encMsg(w, 0x32, q, 1);
    this._encAttrs(w);
    if (this._flags !== 0) {
      w.tag(0x40);
      w.u32(this._flags);
    }
  }

  protected override _freeze(): void {
    super._freeze();
    freezeAll(this._quantileValues);
  }
}
