import type { PMap } from './pcommon.js';
import { AttrMsg, Msg, applyInit, encMsg, freezeAll, type Init } from './internal/msg.js';
import type { Rd, Wr } from './internal/wire.js';

/** resource/v1 Resource. */
export class Resource extends AttrMsg {
  private _dropped = 0;
  private _entityRefs: EntityRef[] | null = null;

  static create(init?: Init<Resource>): Resource {
    return applyInit(new Resource(), init);
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
  /** Entity references (resource/v1 field 3, development status). */
  get entityRefs(): EntityRef[] {
    this._touch();
    return (this._entityRefs ??= this._arr([]));
  }

  protected override _mapField(): number {
    return 1;
  }

  protected _load(r: Rd): void {
    let refs: EntityRef[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x10:
          this._dropped = r.u32();
          break;
        case 0x1a:
          (refs ??= []).push(this._shell(new EntityRef(), r));
          break;
        default:
          r.skip(t & 7);
      }
    }
    if (refs !== null) this._entityRefs = this._arr(refs);
  }

  protected _reset(): void {
    this._resetAttrs();
    this._dropped = 0;
    this._entityRefs = null;
  }

  _enc(w: Wr): void {
    this._encAttrs(w);
    if (this._dropped !== 0) {
      w.tag(0x10);
      w.u32(this._dropped);
    }
    if (this._entityRefs !== null) for (const m of this._entityRefs) encMsg(w, 0x1a, m, 1);
  }

  protected override _freeze(): void {
    super._freeze();
    freezeAll(this._entityRefs);
  }
}

/** common/v1 EntityRef. */
export class EntityRef extends Msg {
  private _schemaUrl = '';
  private _type = '';
  private _idKeys: string[] | null = null;
  private _descriptionKeys: string[] | null = null;

  static create(init?: Init<EntityRef>): EntityRef {
    return applyInit(new EntityRef(), init);
  }

  get schemaUrl(): string {
    this._l();
    return this._schemaUrl;
  }
  set schemaUrl(v: string) {
    this._w();
    this._schemaUrl = v;
  }
  get type(): string {
    this._l();
    return this._type;
  }
  set type(v: string) {
    this._w();
    this._type = v;
  }
  get idKeys(): string[] {
    this._touch();
    return (this._idKeys ??= this._arr([]));
  }
  get descriptionKeys(): string[] {
    this._touch();
    return (this._descriptionKeys ??= this._arr([]));
  }

  protected _load(r: Rd): void {
    let ids: string[] | null = null;
    let descs: string[] | null = null;
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x0a:
          this._schemaUrl = r.str();
          break;
        case 0x12:
          this._type = r.str();
          break;
        case 0x1a:
          (ids ??= []).push(r.str());
          break;
        case 0x22:
          (descs ??= []).push(r.str());
          break;
        default:
          r.skip(t & 7);
      }
    }
    if (ids !== null) this._idKeys = this._arr(ids);
    if (descs !== null) this._descriptionKeys = this._arr(descs);
  }

  protected _reset(): void {
    this._schemaUrl = '';
    this._type = '';
    this._idKeys = null;
    this._descriptionKeys = null;
  }

  _enc(w: Wr): void {
    if (this._schemaUrl !== '') {
      w.tag(0x0a);
      w.str(this._schemaUrl);
    }
    if (this._type !== '') {
      w.tag(0x12);
      w.str(this._type);
    }
    if (this._idKeys !== null)
      for (const k of this._idKeys) {
        w.tag(0x1a);
        w.str(k);
      }
    if (this._descriptionKeys !== null)
      for (const k of this._descriptionKeys) {
        w.tag(0x22);
        w.str(k);
      }
  }

  protected _freeze(): void {
    if (this._idKeys !== null) Object.freeze(this._idKeys);
    if (this._descriptionKeys !== null) Object.freeze(this._descriptionKeys);
  }
}

/** common/v1 InstrumentationScope. */
export class InstrumentationScope extends AttrMsg {
  private _name = '';
  private _version = '';
  private _dropped = 0;

  static create(init?: Init<InstrumentationScope>): InstrumentationScope {
    return applyInit(new InstrumentationScope(), init);
  }

  get name(): string {
    this._l();
    return this._name;
  }
  set name(v: string) {
    this._w();
    this._name = v;
  }
  get version(): string {
    this._l();
    return this._version;
  }
  set version(v: string) {
    this._w();
    this._version = v;
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
        case 0x0a:
          this._name = r.str();
          break;
        case 0x12:
          this._version = r.str();
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
    this._name = '';
    this._version = '';
    this._resetAttrs();
    this._dropped = 0;
  }

  _enc(w: Wr): void {
    if (this._name !== '') {
      w.tag(0x0a);
      w.str(this._name);
    }
    if (this._version !== '') {
      w.tag(0x12);
      w.str(this._version);
    }
    this._encAttrs(w);
    if (this._dropped !== 0) {
      w.tag(0x20);
      w.u32(this._dropped);
    }
  }
}
