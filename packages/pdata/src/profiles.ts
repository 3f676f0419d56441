// OTLP profiles v1development as of opentelemetry-proto v1.10 / v1.11 (field numbers in
// README.md). Indices (`…Index`, `…Strindex`, `attributeIndices`) point into the request's
// `dictionary` tables.
import { ProfileId, SpanId, TraceId } from './ids.js';
import { PMap, PSlice, isContainerClean, type AttrValue } from './pcommon.js';
import { decodeAnyValue, encodeAnyValue } from './internal/anyvalue.js';
import { RequestBase, ResourceGroup, ScopeGroup } from './internal/groups.js';
import { readProfileId, readSpanId, readTraceId, writeId } from './internal/idwire.js';
import { Msg, applyInit, encMsg, freezeAll, type Init } from './internal/msg.js';
import type { Rd, Wr } from './internal/wire.js';

/** Reads one occurrence of a repeated int32 field, packed (`packedTag`) or not. */
function readInt32s(r: Rd, t: number, packedTag: number, out: number[]): void {
  if (t === packedTag) {
    const end = r.len();
    while (r.p < end) out.push(r.i32());
  } else out.push(r.i32());
}

function writeInt32s(w: Wr, packedTag: number, v: readonly number[] | null): void {
  if (v === null || v.length === 0) return;
  w.tag(packedTag);
  const mark = w.begin(1);
  for (const x of v) w.i32(x);
  w.end(mark, 1);
}

function writeVarint32(w: Wr, tag: number, v: number): void {
  if (v !== 0) {
    w.tag(tag);
    w.i32(v);
  }
}

function writeVarint64(w: Wr, tag: number, v: bigint): void {
  if (v !== 0n) {
    w.tag(tag);
    w.varint64(v);
  }
}

function freezeArr(a: unknown[] | null): void {
  if (a !== null) Object.freeze(a);
}

/** ExportProfilesServiceRequest / ProfilesData. */
export class Profiles extends RequestBase<ResourceProfiles, Profile> {
  private _dictionary: ProfilesDictionary | null = null;

  static create(init?: Init<Profiles>): Profiles {
    return applyInit(new Profiles(), init);
  }

  get resourceProfiles(): ResourceProfiles[] {
    return this._list();
  }
  /** The tables that every profile's indices point into. */
  get dictionary(): ProfilesDictionary {
    this._l();
    return (this._dictionary ??= this._fresh(new ProfilesDictionary()));
  }

  sampleCount(): number {
    return this._sumRecords((p) => p._sampleCount());
  }

  protected _newItem(): ResourceProfiles {
    return new ResourceProfiles();
  }

  protected override _loadOther(r: Rd, t: number): void {
    if (t !== 0x12) {
      r.skip(t & 7);
      return;
    }
    this._dictionary = this._child(this._dictionary ?? new ProfilesDictionary(), r);
  }

  protected override _reset(): void {
    super._reset();
    this._dictionary?._setSrc(null, 0, 0);
  }

  override _enc(w: Wr): void {
    super._enc(w);
    if (this._dictionary !== null) encMsg(w, 0x12, this._dictionary, 4);
  }

  protected override _childrenClean(): boolean {
    return this._dictionary === null || this._dictionary._isClean();
  }

  protected override _freeze(): void {
    super._freeze();
    this._dictionary?.markReadOnly();
  }
}

/** profiles/v1development ResourceProfiles. */
export class ResourceProfiles extends ResourceGroup<ScopeProfiles> {
  static create(init?: Init<ResourceProfiles>): ResourceProfiles {
    return applyInit(new ResourceProfiles(), init);
  }
  get scopeProfiles(): ScopeProfiles[] {
    return this._list();
  }
  protected _newItem(): ScopeProfiles {
    return new ScopeProfiles();
  }
}

/** profiles/v1development ScopeProfiles. */
export class ScopeProfiles extends ScopeGroup<Profile> {
  static create(init?: Init<ScopeProfiles>): ScopeProfiles {
    return applyInit(new ScopeProfiles(), init);
  }
  get profiles(): Profile[] {
    return this._list();
  }
  protected _newItem(): Profile {
    return new Profile();
  }
}

/** profiles/v1development ProfilesDictionary. Index 0 of each table is its "null" entry by convention. */
export class ProfilesDictionary extends Msg {
  private _mappingTable: Mapping[] | null = null;
  private _locationTable: Location[] | null = null;
  private _functionTable: ProfileFunction[] | null = null;
  private _linkTable: ProfileLink[] | null = null;
  private _stringTable: string[] | null = null;
  private _attributeTable: KeyValueAndUnit[] | null = null;
  private _stackTable: Stack[] | null = null;

  static create(init?: Init<ProfilesDictionary>): ProfilesDictionary {
    return applyInit(new ProfilesDictionary(), init);
  }

  get mappingTable(): Mapping[] {
    this._touch();
    return (this._mappingTable ??= this._arr([]));
  }
  get locationTable(): Location[] {
    this._touch();
    return (this._locationTable ??= this._arr([]));
  }
  get functionTable(): ProfileFunction[] {
    this._touch();
    return (this._functionTable ??= this._arr([]));
  }
  get linkTable(): ProfileLink[] {
    this._touch();
    return (this._linkTable ??= this._arr([]));
  }
  get stringTable(): string[] {
    this._touch();
    return (this._stringTable ??= this._arr([]));
  }
  get attributeTable(): KeyValueAndUnit[] {
    this._touch();
    return (this._attributeTable ??= this._arr([]));
  }
  get stackTable(): Stack[] {
    this._touch();
    return (this._stackTable ??= this._arr([]));
  }

  protected _load(r: Rd): void {
    const maps: Mapping[] = [];
    const locs: Location[] = [];
    const fns: ProfileFunction[] = [];
    const links: ProfileLink[] = [];
    const strs: string[] = [];
    const attrs: KeyValueAndUnit[] = [];
    const stacks: Stack[] = [];
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x0a:
          maps.push(this._shell(new Mapping(), r));
          break;
        case 0x12:
          locs.push(this._shell(new Location(), r));
          break;
        case 0x1a:
          fns.push(this._shell(new ProfileFunction(), r));
          break;
        case 0x22:
          links.push(this._shell(new ProfileLink(), r));
          break;
        case 0x2a:
          strs.push(r.str());
          break;
        case 0x32:
          attrs.push(this._shell(new KeyValueAndUnit(), r));
          break;
        case 0x3a:
          stacks.push(this._shell(new Stack(), r));
          break;
        default:
          r.skip(t & 7);
      }
    }
    this._mappingTable = this._arr(maps);
    this._locationTable = this._arr(locs);
    this._functionTable = this._arr(fns);
    this._linkTable = this._arr(links);
    this._stringTable = this._arr(strs);
    this._attributeTable = this._arr(attrs);
    this._stackTable = this._arr(stacks);
  }

  protected _reset(): void {
    this._mappingTable = null;
    this._locationTable = null;
    this._functionTable = null;
    this._linkTable = null;
    this._stringTable = null;
    this._attributeTable = null;
    this._stackTable = null;
  }

  _enc(w: Wr): void {
    if (this._mappingTable !== null) for (const m of this._mappingTable) encMsg(w, 0x0a, m, 1);
    if (this._locationTable !== null) for (const m of this._locationTable) encMsg(w, 0x12, m, 1);
    if (this._functionTable !== null) for (const m of this._functionTable) encMsg(w, 0x1a, m, 1);
    if (this._linkTable !== null) for (const m of this._linkTable) encMsg(w, 0x22, m, 1);
    if (this._stringTable !== null)
      for (const s of this._stringTable) {
        w.tag(0x2a);
        w.str(s);
      }
    if (this._attributeTable !== null) for (const m of this._attributeTable) encMsg(w, 0x32, m, 1);
    if (this._stackTable !== null) for (const m of this._stackTable) encMsg(w, 0x3a, m, 1);
  }

  protected _freeze(): void {
    freezeAll(this._mappingTable);
    freezeAll(this._locationTable);
    freezeAll(this._functionTable);
    freezeAll(this._linkTable);
    freezeArr(this._stringTable);
    freezeAll(this._attributeTable);
    freezeAll(this._stackTable);
  }
}

/** profiles/v1development ValueType: indices into the string table. */
export class ValueType extends Msg {
  private _typeStrindex = 0;
  private _unitStrindex = 0;

  static create(init?: Init<ValueType>): ValueType {
    return applyInit(new ValueType(), init);
  }

  get typeStrindex(): number {
    this._l();
    return this._typeStrindex;
  }
  set typeStrindex(v: number) {
    this._w();
    this._typeStrindex = v;
  }
  get unitStrindex(): number {
    this._l();
    return this._unitStrindex;
  }
  set unitStrindex(v: number) {
    this._w();
    this._unitStrindex = v;
  }

  protected _load(r: Rd): void {
    while (r.p < r.e) {
      const t = r.u32();
      if (t === 0x08) this._typeStrindex = r.i32();
      else if (t === 0x10) this._unitStrindex = r.i32();
      else r.skip(t & 7);
    }
  }

  protected _reset(): void {
    this._typeStrindex = 0;
    this._unitStrindex = 0;
  }

  _enc(w: Wr): void {
    writeVarint32(w, 0x08, this._typeStrindex);
    writeVarint32(w, 0x10, this._unitStrindex);
  }

  protected _freeze(): void {}
}

/** profiles/v1development Profile. */
export class Profile extends Msg {
  private _sampleType: ValueType | null = null;
  private _samples: Sample[] | null = null;
  private _time = 0n;
  private _duration = 0n;
  private _periodType: ValueType | null = null;
  private _period = 0n;
  private _profileId: ProfileId = ProfileId.EMPTY;
  private _dropped = 0;
  private _originalPayloadFormat = '';
  private _originalPayload: Uint8Array = new Uint8Array(0);
  private _attributeIndices: number[] | null = null;

  static create(init?: Init<Profile>): Profile {
    return applyInit(new Profile(), init);
  }

  get sampleType(): ValueType {
    this._l();
    return (this._sampleType ??= this._fresh(new ValueType()));
  }
  get samples(): Sample[] {
    this._touch();
    return (this._samples ??= this._arr([]));
  }
  get timeUnixNano(): bigint {
    this._l();
    return this._time;
  }
  set timeUnixNano(v: bigint) {
    this._w();
    this._time = v;
  }
  /** uint64 nanoseconds. */
  get durationNano(): bigint {
    this._l();
    return this._duration;
  }
  set durationNano(v: bigint) {
    this._w();
    this._duration = v;
  }
  get periodType(): ValueType {
    this._l();
    return (this._periodType ??= this._fresh(new ValueType()));
  }
  get period(): bigint {
    this._l();
    return this._period;
  }
  set period(v: bigint) {
    this._w();
    this._period = v;
  }
  get profileId(): ProfileId {
    this._l();
    return this._profileId;
  }
  set profileId(v: ProfileId) {
    this._w();
    this._profileId = v;
  }
  get droppedAttributesCount(): number {
    this._l();
    return this._dropped;
  }
  set droppedAttributesCount(v: number) {
    this._w();
    this._dropped = v;
  }
  get originalPayloadFormat(): string {
    this._l();
    return this._originalPayloadFormat;
  }
  set originalPayloadFormat(v: string) {
    this._w();
    this._originalPayloadFormat = v;
  }
  /** The bytes are stored as given; the returned array is the live one. */
  get originalPayload(): Uint8Array {
    this._touch();
    return this._originalPayload;
  }
  set originalPayload(v: Uint8Array) {
    this._w();
    this._originalPayload = v;
  }
  /** Indices into `dictionary.attributeTable`. */
  get attributeIndices(): number[] {
    this._touch();
    return (this._attributeIndices ??= this._arr([]));
  }

  /** @internal */
  _sampleCount(): number {
    this._l();
    return this._samples === null ? 0 : this._samples.length;
  }

  protected _load(r: Rd): void {
    let samples: Sample[] | null = null;
    let attrs: number[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x0a:
          this._sampleType = this._child(this._sampleType ?? new ValueType(), r);
          break;
        case 0x12:
          (samples ??= []).push(this._shell(new Sample(), r));
          break;
        case 0x19:
          this._time = r.fixed64();
          break;
        case 0x20:
          this._duration = r.u64();
          break;
        case 0x2a:
          this._periodType = this._child(this._periodType ?? new ValueType(), r);
          break;
        case 0x30:
          this._period = r.i64();
          break;
        case 0x3a:
          this._profileId = readProfileId(r);
          break;
        case 0x40:
          this._dropped = r.u32();
          break;
        case 0x4a:
          this._originalPayloadFormat = r.str();
          break;
        case 0x52:
          this._originalPayload = r.bytes();
          break;
        case 0x58:
        case 0x5a:
          readInt32s(r, t, 0x5a, (attrs ??= []));
          break;
        default:
          r.skip(t & 7);
      }
    }
    if (samples !== null) this._samples = this._arr(samples);
    if (attrs !== null) this._attributeIndices = this._arr(attrs);
  }

  protected _reset(): void {
    this._sampleType?._setSrc(null, 0, 0);
    this._samples = null;
    this._time = 0n;
    this._duration = 0n;
    this._periodType?._setSrc(null, 0, 0);
    this._period = 0n;
    this._profileId = ProfileId.EMPTY;
    this._dropped = 0;
    this._originalPayloadFormat = '';
    this._originalPayload = new Uint8Array(0);
    this._attributeIndices = null;
  }

  _enc(w: Wr): void {
    if (this._sampleType !== null) encMsg(w, 0x0a, this._sampleType, 1);
    if (this._samples !== null) for (const m of this._samples) encMsg(w, 0x12, m, 1);
    if (this._time !== 0n) {
      w.tag(0x19);
      w.fixed64(this._time);
    }
    writeVarint64(w, 0x20, this._duration);
    if (this._periodType !== null) encMsg(w, 0x2a, this._periodType, 1);
    writeVarint64(w, 0x30, this._period);
    writeId(w, 0x3a, this._profileId);
    if (this._dropped !== 0) {
      w.tag(0x40);
      w.u32(this._dropped);
    }
    if (this._originalPayloadFormat !== '') {
      w.tag(0x4a);
      w.str(this._originalPayloadFormat);
    }
    if (this._originalPayload.length > 0) {
      w.tag(0x52);
      w.bytes(this._originalPayload);
    }
    writeInt32s(w, 0x5a, this._attributeIndices);
  }

  protected override _childrenClean(): boolean {
    return (this._sampleType === null || this._sampleType._isClean()) && (this._periodType === null || this._periodType._isClean());
  }

  protected _freeze(): void {
    this._sampleType?.markReadOnly();
    freezeAll(this._samples);
    this._periodType?.markReadOnly();
    freezeArr(this._attributeIndices);
  }
}

/** profiles/v1development Sample. */
export class Sample extends Msg {
  private _stackIndex = 0;
  private _attributeIndices: number[] | null = null;
  private _linkIndex = 0;
  private _values: bigint[] | null = null;
  private _timestamps: bigint[] | null = null;

  static create(init?: Init<Sample>): Sample {
    return applyInit(new Sample(), init);
  }

  get stackIndex(): number {
    this._l();
    return this._stackIndex;
  }
  set stackIndex(v: number) {
    this._w();
    this._stackIndex = v;
  }
  get attributeIndices(): number[] {
    this._touch();
    return (this._attributeIndices ??= this._arr([]));
  }
  get linkIndex(): number {
    this._l();
    return this._linkIndex;
  }
  set linkIndex(v: number) {
    this._w();
    this._linkIndex = v;
  }
  get values(): bigint[] {
    this._touch();
    return (this._values ??= this._arr([]));
  }
  get timestampsUnixNano(): bigint[] {
    this._touch();
    return (this._timestamps ??= this._arr([]));
  }

  protected _load(r: Rd): void {
    let attrs: number[] | null = null;
    let values: bigint[] | null = null;
    let times: bigint[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x08:
          this._stackIndex = r.i32();
          break;
        case 0x10:
        case 0x12:
          readInt32s(r, t, 0x12, (attrs ??= []));
          break;
        case 0x18:
          this._linkIndex = r.i32();
          break;
        case 0x20:
          (values ??= []).push(r.i64());
          break;
        case 0x22: {
          const end = r.len();
          values ??= [];
          while (r.p < end) values.push(r.i64());
          break;
        }
        case 0x29:
          (times ??= []).push(r.fixed64());
          break;
        case 0x2a: {
          const end = r.len();
          times ??= [];
          while (r.p < end) times.push(r.fixed64());
          break;
        }
        default:
          r.skip(t & 7);
      }
    }
    if (attrs !== null) this._attributeIndices = this._arr(attrs);
    if (values !== null) this._values = this._arr(values);
    if (times !== null) this._timestamps = this._arr(times);
  }

  protected _reset(): void {
    this._stackIndex = 0;
    this._attributeIndices = null;
    this._linkIndex = 0;
    this._values = null;
    this._timestamps = null;
  }

  _enc(w: Wr): void {
    writeVarint32(w, 0x08, this._stackIndex);
    writeInt32s(w, 0x12, this._attributeIndices);
    writeVarint32(w, 0x18, this._linkIndex);
    if (this._values !== null && this._values.length > 0) {
      w.tag(0x22);
      const mark = w.begin(1);
      for (const v of this._values) w.varint64(v);
      w.end(mark, 1);
    }
    if (this._timestamps !== null && this._timestamps.length > 0) {
      w.tag(0x2a);
      w.u32(this._timestamps.length * 8);
      for (const v of this._timestamps) w.fixed64(v);
    }
  }

  protected _freeze(): void {
    freezeArr(this._attributeIndices);
    freezeArr(this._values);
    freezeArr(this._timestamps);
  }
}

/** profiles/v1development Mapping. */
export class Mapping extends Msg {
  private _memoryStart = 0n;
  private _memoryLimit = 0n;
  private _fileOffset = 0n;
  private _filenameStrindex = 0;
  private _attributeIndices: number[] | null = null;

  static create(init?: Init<Mapping>): Mapping {
    return applyInit(new Mapping(), init);
  }

  get memoryStart(): bigint {
    this._l();
    return this._memoryStart;
  }
  set memoryStart(v: bigint) {
    this._w();
    this._memoryStart = v;
  }
  get memoryLimit(): bigint {
    this._l();
    return this._memoryLimit;
  }
  set memoryLimit(v: bigint) {
    this._w();
    this._memoryLimit = v;
  }
  get fileOffset(): bigint {
    this._l();
    return this._fileOffset;
  }
  set fileOffset(v: bigint) {
    this._w();
    this._fileOffset = v;
  }
  get filenameStrindex(): number {
    this._l();
    return this._filenameStrindex;
  }
  set filenameStrindex(v: number) {
    this._w();
    this._filenameStrindex = v;
  }
  get attributeIndices(): number[] {
    this._touch();
    return (this._attributeIndices ??= this._arr([]));
  }

  protected _load(r: Rd): void {
    let attrs: number[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x08:
          this._memoryStart = r.u64();
          break;
        case 0x10:
          this._memoryLimit = r.u64();
          break;
        case 0x18:
          this._fileOffset = r.u64();
          break;
        case 0x20:
          this._filenameStrindex = r.i32();
          break;
        case 0x28:
        case 0x2a:
          readInt32s(r, t, 0x2a, (attrs ??= []));
          break;
        default:
          r.skip(t & 7);
      }
    }
    if (attrs !== null) this._attributeIndices = this._arr(attrs);
  }

  protected _reset(): void {
    this._memoryStart = 0n;
    this._memoryLimit = 0n;
    this._fileOffset = 0n;
    this._filenameStrindex = 0;
    this._attributeIndices = null;
  }

  _enc(w: Wr): void {
    writeVarint64(w, 0x08, this._memoryStart);
    writeVarint64(w, 0x10, this._memoryLimit);
    writeVarint64(w, 0x18, this._fileOffset);
    writeVarint32(w, 0x20, this._filenameStrindex);
    writeInt32s(w, 0x2a, this._attributeIndices);
  }

  protected _freeze(): void {
    freezeArr(this._attributeIndices);
  }
}

/** profiles/v1development Stack. */
export class Stack extends Msg {
  private _locationIndices: number[] | null = null;

  static create(init?: Init<Stack>): Stack {
    return applyInit(new Stack(), init);
  }

  /** Indices into `dictionary.locationTable`, leaf first. */
  get locationIndices(): number[] {
    this._touch();
    return (this._locationIndices ??= this._arr([]));
  }

  protected _load(r: Rd): void {
    let locs: number[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      if (t === 0x08 || t === 0x0a) readInt32s(r, t, 0x0a, (locs ??= []));
      else r.skip(t & 7);
    }
    if (locs !== null) this._locationIndices = this._arr(locs);
  }

  protected _reset(): void {
    this._locationIndices = null;
  }

  _enc(w: Wr): void {
    writeInt32s(w, 0x0a, this._locationIndices);
  }

  protected _freeze(): void {
    freezeArr(this._locationIndices);
  }
}

/** profiles/v1development Location. */
export class Location extends Msg {
  private _mappingIndex = 0;
  private _address = 0n;
  private _lines: Line[] | null = null;
  private _attributeIndices: number[] | null = null;

  static create(init?: Init<Location>): Location {
    return applyInit(new Location(), init);
  }

  get mappingIndex(): number {
    this._l();
    return this._mappingIndex;
  }
  set mappingIndex(v: number) {
    this._w();
    this._mappingIndex = v;
  }
  get address(): bigint {
    this._l();
    return this._address;
  }
  set address(v: bigint) {
    this._w();
    this._address = v;
  }
  get lines(): Line[] {
    this._touch();
    return (this._lines ??= this._arr([]));
  }
  get attributeIndices(): number[] {
    this._touch();
    return (this._attributeIndices ??= this._arr([]));
  }

  protected _load(r: Rd): void {
    let lines: Line[] | null = null;
    let attrs: number[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x08:
          this._mappingIndex = r.i32();
          break;
        case 0x10:
          this._address = r.u64();
          break;
        case 0x1a:
          (lines ??= []).push(this._shell(new Line(), r));
          break;
        case 0x20:
        case 0x22:
          readInt32s(r, t, 0x22, (attrs ??= []));
          break;
        default:
          r.skip(t & 7);
      }
    }
    if (lines !== null) this._lines = this._arr(lines);
    if (attrs !== null) this._attributeIndices = this._arr(attrs);
  }

  protected _reset(): void {
    this._mappingIndex = 0;
    this._address = 0n;
    this._lines = null;
    this._attributeIndices = null;
  }

  _enc(w: Wr): void {
    writeVarint32(w, 0x08, this._mappingIndex);
    writeVarint64(w, 0x10, this._address);
    if (this._lines !== null) for (const m of this._lines) encMsg(w, 0x1a, m, 1);
    writeInt32s(w, 0x22, this._attributeIndices);
  }

  protected _freeze(): void {
    freezeAll(this._lines);
    freezeArr(this._attributeIndices);
  }
}

/** profiles/v1development Line. */
export class Line extends Msg {
  private _functionIndex = 0;
  private _line = 0n;
  private _column = 0n;

  static create(init?: Init<Line>): Line {
    return applyInit(new Line(), init);
  }

  get functionIndex(): number {
    this._l();
    return this._functionIndex;
  }
  set functionIndex(v: number) {
    this._w();
    this._functionIndex = v;
  }
  get line(): bigint {
    this._l();
    return this._line;
  }
  set line(v: bigint) {
    this._w();
    this._line = v;
  }
  get column(): bigint {
    this._l();
    return this._column;
  }
  set column(v: bigint) {
    this._w();
    this._column = v;
  }

  protected _load(r: Rd): void {
    while (r.p < r.e) {
      const t = r.u32();
      if (t === 0x08) this._functionIndex = r.i32();
      else if (t === 0x10) this._line = r.i64();
      else if (t === 0x18) this._column = r.i64();
      else r.skip(t & 7);
    }
  }

  protected _reset(): void {
    this._functionIndex = 0;
    this._line = 0n;
    this._column = 0n;
  }

  _enc(w: Wr): void {
    writeVarint32(w, 0x08, this._functionIndex);
    writeVarint64(w, 0x10, this._line);
    writeVarint64(w, 0x18, this._column);
  }

  protected _freeze(): void {}
}

/** profiles/v1development Function (named ProfileFunction to keep clear of the JS global). */
export class ProfileFunction extends Msg {
  private _nameStrindex = 0;
  private _systemNameStrindex = 0;
  private _filenameStrindex = 0;
  private _startLine = 0n;

  static create(init?: Init<ProfileFunction>): ProfileFunction {
    return applyInit(new ProfileFunction(), init);
  }

  get nameStrindex(): number {
    this._l();
    return this._nameStrindex;
  }
  set nameStrindex(v: number) {
    this._w();
    this._nameStrindex = v;
  }
  get systemNameStrindex(): number {
    this._l();
    return this._systemNameStrindex;
  }
  set systemNameStrindex(v: number) {
    this._w();
    this._systemNameStrindex = v;
  }
  get filenameStrindex(): number {
    this._l();
    return this._filenameStrindex;
  }
  set filenameStrindex(v: number) {
    this._w();
    this._filenameStrindex = v;
  }
  get startLine(): bigint {
    this._l();
    return this._startLine;
  }
  set startLine(v: bigint) {
    this._w();
    this._startLine = v;
  }

  protected _load(r: Rd): void {
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x08:
          this._nameStrindex = r.i32();
          break;
        case 0x10:
          this._systemNameStrindex = r.i32();
          break;
        case 0x18:
          this._filenameStrindex = r.i32();
          break;
        case 0x20:
          this._startLine = r.i64();
          break;
        default:
          r.skip(t & 7);
      }
    }
  }

  protected _reset(): void {
    this._nameStrindex = 0;
    this._systemNameStrindex = 0;
    this._filenameStrindex = 0;
    this._startLine = 0n;
  }

  _enc(w: Wr): void {
    writeVarint32(w, 0x08, this._nameStrindex);
    writeVarint32(w, 0x10, this._systemNameStrindex);
    writeVarint32(w, 0x18, this._filenameStrindex);
    writeVarint64(w, 0x20, this._startLine);
  }

  protected _freeze(): void {}
}

/** profiles/v1development Link (named ProfileLink to keep clear of span links). */
export class ProfileLink extends Msg {
  private _traceId: TraceId = TraceId.EMPTY;
  private _spanId: SpanId = SpanId.EMPTY;

  static create(init?: Init<ProfileLink>): ProfileLink {
    return applyInit(new ProfileLink(), init);
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

  protected _load(r: Rd): void {
    while (r.p < r.e) {
      const t = r.u32();
      if (t === 0x0a) this._traceId = readTraceId(r);
      else if (t === 0x12) this._spanId = readSpanId(r);
      else r.skip(t & 7);
    }
  }

  protected _reset(): void {
    this._traceId = TraceId.EMPTY;
    this._spanId = SpanId.EMPTY;
  }

  _enc(w: Wr): void {
    writeId(w, 0x0a, this._traceId);
    writeId(w, 0x12, this._spanId);
  }

  protected _freeze(): void {}
}

/** profiles/v1development KeyValueAndUnit: an attribute-table entry. */
export class KeyValueAndUnit extends Msg {
  private _keyStrindex = 0;
  private _value: AttrValue = null;
  private _unitStrindex = 0;

  static create(init?: Init<KeyValueAndUnit>): KeyValueAndUnit {
    return applyInit(new KeyValueAndUnit(), init);
  }

  get keyStrindex(): number {
    this._l();
    return this._keyStrindex;
  }
  set keyStrindex(v: number) {
    this._w();
    this._keyStrindex = v;
  }
  get value(): AttrValue {
    this._l();
    return this._value;
  }
  set value(v: AttrValue) {
    this._w();
    this._value = v;
  }
  /** Index of the unit in the string table; 0 = implicit or none. */
  get unitStrindex(): number {
    this._l();
    return this._unitStrindex;
  }
  set unitStrindex(v: number) {
    this._w();
    this._unitStrindex = v;
  }

  protected _load(r: Rd): void {
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x08:
          this._keyStrindex = r.i32();
          break;
        case 0x12: {
          const end = r.len();
          const v = decodeAnyValue(this._src!, r.p, end);
          if (this._ro && (v instanceof PMap || v instanceof PSlice)) v.markReadOnly();
          this._value = v;
          r.p = end;
          break;
        }
        case 0x18:
          this._unitStrindex = r.i32();
          break;
        default:
          r.skip(t & 7);
      }
    }
  }

  protected _reset(): void {
    this._keyStrindex = 0;
    this._value = null;
    this._unitStrindex = 0;
  }

  _enc(w: Wr): void {
    writeVarint32(w, 0x08, this._keyStrindex);
    if (this._value !== null) {
      w.tag(0x12);
      const mark = w.begin(1);
      encodeAnyValue(w, this._value);
      w.end(mark, 1);
    }
    writeVarint32(w, 0x18, this._unitStrindex);
  }

  protected override _childrenClean(): boolean {
    return isContainerClean(this._value);
  }

  protected _freeze(): void {
    const v = this._value;
    if (v instanceof PMap || v instanceof PSlice) v.markReadOnly();
  }
}
