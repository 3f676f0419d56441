// The resource → scope → record nesting shared by every signal.
import { InstrumentationScope, Resource } from '../common.js';
import { Msg, encMsg, freezeAll } from './msg.js';
import { Rd, type Wr } from './wire.js';

/** A request: `repeated Resource{Signal} = 1` (ExportXServiceRequest / XData). */
export abstract class RequestBase<R extends ResourceGroup<ScopeGroup<T>>, T extends Msg> extends Msg {
  private _items: R[] | null = null;
  /**
   * @internal The item count (records, spans or data points) of a request built by `ProtoBatch`,
   * which counted what it joined; answered while the request is unopened, -1 when unknown.
   */
  _countHint = -1;

  /** The item count: the hint while unopened, else `count()`. */
  protected _hinted(count: () => number): number {
    return this._lazy && this._countHint >= 0 ? this._countHint : count();
  }

  protected abstract _newItem(): R;

  /** The resource groups without marking this request changed. */
  private _groups(): R[] {
    this._l();
    return this._items ?? [];
  }

  /** The records of every scope group; scope groups nobody opened are counted from their bytes. */
  protected _recordCount(): number {
    let n = 0;
    for (const rg of this._groups()) for (const sg of rg._peek()) n += sg._count();
    return n;
  }

  /** The sum of `f` over every record (loads the groups, marks nothing changed). */
  protected _sumRecords(f: (record: T) => number): number {
    let n = 0;
    for (const rg of this._groups()) for (const sg of rg._peek()) for (const rec of sg._peek()) n += f(rec);
    return n;
  }

  protected _list(): R[] {
    this._touch();
    return (this._items ??= this._arr([]));
  }

  protected _load(r: Rd): void {
    const out: R[] = [];
    while (r.p < r.e) {
      const t = r.u32();
      if (t === 0x0a) out.push(this._shell(this._newItem(), r));
      else this._loadOther(r, t);
    }
    this._items = this._arr(out);
  }

  /** @internal Fields other than 1 (the profiles dictionary). */
  protected _loadOther(r: Rd, t: number): void {
    r.skip(t & 7);
  }

  protected _reset(): void {
    this._items = null;
    this._countHint = -1;
  }

  _enc(w: Wr): void {
    if (this._items !== null) for (const m of this._items) encMsg(w, 0x0a, m, 4);
  }

  protected _freeze(): void {
    freezeAll(this._items);
  }
}

/**
 * `{ H head = 1; repeated T items = 2; string schema_url = 3; }`: ResourceX (head `Resource`) and
 * ScopeX (head `InstrumentationScope`) of every signal.
 */
abstract class Group<H extends Msg, T extends Msg> extends Msg {
  private _head: H | null = null;
  private _items: T[] | null = null;
  private _schemaUrl = '';
  /** Items counted in the source bytes of this group while lazy; -1 until counted. */
  private _lazyCount = -1;

  protected abstract _newItem(): T;
  protected abstract _newHead(): H;
  /** Bytes reserved for the length of the head and of each item when encoding (their usual size). */
  protected abstract _headReserve(): number;
  protected abstract _itemReserve(): number;

  /** The head message (created empty when absent). */
  protected _headMsg(): H {
    this._l();
    return (this._head ??= this._fresh(this._newHead()));
  }
  /** @internal The head is a group's only child message field, whatever `name` says. */
  override _present(): Msg | null {
    this._l();
    return this._head;
  }
  get schemaUrl(): string {
    this._l();
    return this._schemaUrl;
  }
  set schemaUrl(v: string) {
    this._w();
    this._schemaUrl = v;
  }

  /** @internal The items without marking this group changed. */
  _peek(): T[] {
    this._l();
    return this._items ?? [];
  }

  /** @internal The number of items; counted from the bytes (once) while this group is not loaded. */
  _count(): number {
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
        case 0x0a:
          this._head = this._child(this._head ?? this._newHead(), r);
          break;
        case 0x12:
          out.push(this._shell(this._newItem(), r));
          break;
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
    this._head?._setSrc(null, 0, 0);
    this._items = null;
    this._schemaUrl = '';
    this._lazyCount = -1;
  }

  _enc(w: Wr): void {
    if (this._head !== null) encMsg(w, 0x0a, this._head, this._headReserve());
    if (this._items !== null) {
      const reserve = this._itemReserve();
      for (const m of this._items) encMsg(w, 0x12, m, reserve);
    }
    if (this._schemaUrl !== '') {
      w.tag(0x1a);
      w.str(this._schemaUrl);
    }
  }

  protected override _childrenClean(): boolean {
    return this._head === null || this._head._isClean();
  }

  protected _freeze(): void {
    this._head?.markReadOnly();
    freezeAll(this._items);
  }
}

/** `{ Resource resource = 1; repeated Scope{Signal} = 2; string schema_url = 3; }` */
export abstract class ResourceGroup<S extends ScopeGroup<Msg>> extends Group<Resource, S> {
  get resource(): Resource {
    return this._headMsg();
  }
  protected _newHead(): Resource {
    return new Resource();
  }
  protected _headReserve(): number {
    return 2;
  }
  protected _itemReserve(): number {
    return 4;
  }
}

/** `{ InstrumentationScope scope = 1; repeated Record = 2; string schema_url = 3; }` */
export abstract class ScopeGroup<T extends Msg> extends Group<InstrumentationScope, T> {
  get scope(): InstrumentationScope {
    return this._headMsg();
  }
  protected _newHead(): InstrumentationScope {
    return new InstrumentationScope();
  }
  protected _headReserve(): number {
    return 1;
  }
  protected _itemReserve(): number {
    return 2;
  }
}
