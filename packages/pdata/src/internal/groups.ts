// The resource → scope → record nesting shared by every signal.
import { InstrumentationScope, Resource } from '../common.js';
import { Msg, encMsg, freezeAll } from './msg.js';
import { Rd, type Wr } from './wire.js';

/** A request: `repeated Resource{Signal} = 1` (ExportXServiceRequest / XData). */
export abstract class RequestBase<R extends Msg> extends Msg {
  private _items: R[] | null = null;

  protected abstract _newItem(): R;

  /** @internal The resource groups without marking this request changed. */
  _groups(): R[] {
    this._l();
    return this._items ?? [];
  }

  protected _list(): R[] {
    this._touch();
    return (this._items ??= this._arr([]));
  }

  protected _load(r: Rd): void {
    const out: R[] = [];
    while (r.p < r.e) {
      const t = r.u32();
      if (t === 0x0a) {
        const end = r.len();
        out.push(this._shell(this._newItem(), r.p, end));
        r.p = end;
      } else this._loadOther(r, t);
    }
    this._items = this._arr(out);
  }

  /** @internal Fields other than 1 (the profiles dictionary). */
  protected _loadOther(r: Rd, t: number): void {
    r.skip(t & 7);
  }

  protected _reset(): void {
    this._items = null;
  }

  _enc(w: Wr): void {
    if (this._items !== null) for (const m of this._items) encMsg(w, 0x0a, m, 4);
  }

  protected _freeze(): void {
    freezeAll(this._items);
  }
}

/** `{ Resource resource = 1; repeated Scope{Signal} = 2; string schema_url = 3; }` */
export abstract class ResourceGroup<S extends Msg> extends Msg {
  private _resource: Resource | null = null;
  private _items: S[] | null = null;
  private _schemaUrl = '';

  protected abstract _newItem(): S;

  get resource(): Resource {
    this._l();
    return (this._resource ??= this._fresh(new Resource()));
  }
  get schemaUrl(): string {
    this._l();
    return this._schemaUrl;
  }
  set schemaUrl(v: string) {
    this._w();
    this._schemaUrl = v;
  }

  /** @internal The scope groups without marking this group changed. */
  _groups(): S[] {
    this._l();
    return this._items ?? [];
  }

  protected _list(): S[] {
    this._touch();
    return (this._items ??= this._arr([]));
  }

  protected _load(r: Rd): void {
    const out: S[] = [];
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x0a: {
          const end = r.len();
          this._resource = this._child(this._resource ?? new Resource(), r.p, end);
          r.p = end;
          break;
        }
        case 0x12: {
          const end = r.len();
          out.push(this._shell(this._newItem(), r.p, end));
          r.p = end;
          break;
        }
        case 0x1a:
          this._schemaUrl = r.str();
          break;
        default:
          r.skip(t & 7);
      }
    }
    this._items = this._arr(out);
  }

  protected _reset(): void {
    this._resource?._setSrc(null, 0, 0);
    this._items = null;
    this._schemaUrl = '';
  }

  _enc(w: Wr): void {
    if (this._resource !== null) encMsg(w, 0x0a, this._resource, 2);
    if (this._items !== null) for (const m of this._items) encMsg(w, 0x12, m, 4);
    if (this._schemaUrl !== '') {
      w.tag(0x1a);
      w.str(this._schemaUrl);
    }
  }

  protected override _childrenClean(): boolean {
    return this._resource === null || this._resource._isClean();
  }

  protected _freeze(): void {
    this._resource?.markReadOnly();
    freezeAll(this._items);
  }
}

/** `{ InstrumentationScope scope = 1; repeated Record = 2; string schema_url = 3; }` */
export abstract class ScopeGroup<T extends Msg> extends Msg {
  private _scope: InstrumentationScope | null = null;
  private _items: T[] | null = null;
  private _schemaUrl = '';
  /** Records counted in the source bytes of this group while lazy; -1 until counted. */
  private _lazyCount = -1;

  protected abstract _newItem(): T;

  get scope(): InstrumentationScope {
    this._l();
    return (this._scope ??= this._fresh(new InstrumentationScope()));
  }
  get schemaUrl(): string {
    this._l();
    return this._schemaUrl;
  }
  set schemaUrl(v: string) {
    this._w();
    this._schemaUrl = v;
  }

  /** @internal The records without marking this group changed. */
  _records(): T[] {
    this._l();
    return this._items ?? [];
  }

  /** @internal The number of records; counted from the bytes (once) while this group is not loaded. */
  _recordCount(): number {
    if (!this._lazy) return this._items === null ? 0 : this._items.length;
    if (this._lazyCount >= 0) return this._lazyCount;
    const r = Rd.take(this._src!, this._s, this._e);
    let n = 0;
    while (r.p < r.e) {
      const t = r.u32();
      if (t === 0x12) n++;
      r.skip(t & 7);
    }
    r.give();
    return (this._lazyCount = n);
  }

  protected _list(): T[] {
    this._touch();
    return (this._items ??= this._arr([]));
  }

  protected _load(r: Rd): void {
    const out: T[] = [];
    while (r.p < r.e) {
      const t = r.u32();
      switch (t) {
        case 0x0a: {
          const end = r.len();
          this._scope = this._child(this._scope ?? new InstrumentationScope(), r.p, end);
          r.p = end;
          break;
        }
        case 0x12: {
          const end = r.len();
          out.push(this._shell(this._newItem(), r.p, end));
          r.p = end;
          break;
        }
        case 0x1a:
          this._schemaUrl = r.str();
          break;
        default:
          r.skip(t & 7);
      }
    }
    this._items = this._arr(out);
  }

  protected _reset(): void {
    this._scope?._setSrc(null, 0, 0);
    this._items = null;
    this._schemaUrl = '';
    this._lazyCount = -1;
  }

  _enc(w: Wr): void {
    if (this._scope !== null) encMsg(w, 0x0a, this._scope, 1);
    if (this._items !== null) for (const m of this._items) encMsg(w, 0x12, m, 2);
    if (this._schemaUrl !== '') {
      w.tag(0x1a);
      w.str(this._schemaUrl);
    }
  }

  protected override _childrenClean(): boolean {
    return this._scope === null || this._scope._isClean();
  }

  protected _freeze(): void {
    this._scope?.markReadOnly();
    freezeAll(this._items);
  }
}
