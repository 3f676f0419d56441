// AnyValue / KeyValue protobuf codec (common/v1): lazy sources for PMap and PSlice, and encoders
// that re-emit untouched entries as their original bytes.
import { PENDING, PMap, PSlice, isContainerClean, type AttrValue, type Slot, type ValueSource } from '../pcommon.js';
import { LEN, Rd, type Src, type Wr } from './wire.js';

/** Decodes the AnyValue payload at [s, e). */
export function decodeAnyValue(src: Src, s: number, e: number): AttrValue {
  const r = new Rd(src, s, e);
  let v: AttrValue = null;
  while (r.p < e) {
    const t = r.u32();
    switch (t) {
      case 0x0a:
        v = r.str();
        break;
      case 0x10:
        v = r.bool();
        break;
      case 0x18:
        v = r.i64();
        break;
      case 0x21:
        v = r.double();
        break;
      case 0x2a: {
        const end = r.len();
        const sl = new PSlice();
        sl._setSource(new ArraySource(src, r.p, end));
        v = sl;
        r.p = end;
        break;
      }
      case 0x32: {
        const end = r.len();
        const m = new PMap();
        m._setSource(new KvSource(src, r.p, end, 1));
        v = m;
        r.p = end;
        break;
      }
      case 0x3a:
        v = r.bytes();
        break;
      default:
        r.skip(t & 7);
    }
  }
  return v;
}

/** The KeyValue fields numbered `field` inside the message range [s, e). */
export class KvSource implements ValueSource {
  constructor(
    readonly src: Src,
    readonly s: number,
    readonly e: number,
    readonly field: number,
  ) {}

  fill(target: PMap | PSlice): void {
    const m = target as PMap;
    const want = (this.field << 3) | LEN;
    const r = new Rd(this.src, this.s, this.e);
    const keys = m._k;
    const vals = m._v;
    const ranges = m._r!;
    while (r.p < r.e) {
      const t = r.u32();
      if (t !== want) {
        r.skip(t & 7);
        continue;
      }
      const end = r.len();
      const start = r.p;
      let key = '';
      while (r.p < end) {
        const kt = r.u32();
        if (kt === 0x0a) key = r.str();
        else r.skip(kt & 7);
      }
      keys.push(key);
      vals.push(PENDING);
      ranges.push(start, end);
    }
  }

  value(s: number, e: number): AttrValue {
    const r = new Rd(this.src, s, e);
    let vs = -1;
    let ve = -1;
    while (r.p < e) {
      const t = r.u32();
      if (t === 0x12) {
        ve = r.len();
        vs = r.p;
        r.p = ve;
      } else r.skip(t & 7);
    }
    return vs < 0 ? null : decodeAnyValue(this.src, vs, ve);
  }

  /** Copies the source's KeyValue fields verbatim, renumbered as `tag`. */
  copyFields(w: Wr, tag: number): void {
    const want = (this.field << 3) | LEN;
    const r = new Rd(this.src, this.s, this.e);
    const b = this.src.b;
    while (r.p < r.e) {
      const t = r.u32();
      if (t !== want) {
        r.skip(t & 7);
        continue;
      }
      const end = r.len();
      w.tag(tag);
      w.u32(end - r.p);
      w.raw(b, r.p, end);
      r.p = end;
    }
  }
}

/** The elements of an ArrayValue payload [s, e). */
export class ArraySource implements ValueSource {
  constructor(
    readonly src: Src,
    readonly s: number,
    readonly e: number,
  ) {}

  fill(target: PMap | PSlice): void {
    const sl = target as PSlice;
    const r = new Rd(this.src, this.s, this.e);
    while (r.p < r.e) {
      const t = r.u32();
      if (t !== 0x0a) {
        r.skip(t & 7);
        continue;
      }
      const end = r.len();
      sl._v.push(PENDING);
      sl._r!.push(r.p, end);
      r.p = end;
    }
  }

  value(s: number, e: number): AttrValue {
    return decodeAnyValue(this.src, s, e);
  }
}

/** Whether slot `v` with a recorded byte range may be re-emitted from those bytes. */
function rawReusable(v: Slot): boolean {
  return v === PENDING || (typeof v !== 'object' || v === null ? true : !(v instanceof Uint8Array) && isContainerClean(v));
}

/** Writes the fields of an AnyValue holding `v` (nothing for Empty). */
export function encodeAnyValue(w: Wr, v: AttrValue): void {
  switch (typeof v) {
    case 'string':
      w.tag(0x0a);
      w.str(v);
      return;
    case 'boolean':
      w.tag(0x10);
      w.u32(v ? 1 : 0);
      return;
    case 'bigint':
      w.tag(0x18);
      w.varint64(v);
      return;
    case 'number':
      w.tag(0x21);
      w.double(v);
      return;
  }
  if (v === null) return;
  if (v instanceof Uint8Array) {
    w.tag(0x3a);
    w.bytes(v);
  } else if (v instanceof PMap) {
    w.tag(0x32);
    const mark = w.begin(1);
    encodeKeyValues(w, 0x0a, v);
    w.end(mark, 1);
  } else {
    w.tag(0x2a);
    const mark = w.begin(1);
    encodeSlice(w, v);
    w.end(mark, 1);
  }
}

function encodeSlice(w: Wr, sl: PSlice): void {
  if (sl._unfilled) {
    const vs = sl._vs as ArraySource;
    w.raw(vs.src.b, vs.s, vs.e);
    return;
  }
  const v = sl._v;
  const r = sl._r;
  for (let i = 0; i < v.length; i++) {
    w.tag(0x0a);
    const x = v[i]!;
    if (r !== null && r[2 * i]! >= 0 && rawReusable(x)) {
      const s = r[2 * i]!;
      const e = r[2 * i + 1]!;
      w.u32(e - s);
      w.raw(sl._vs!.src.b, s, e);
    } else {
      const mark = w.begin(1);
      encodeAnyValue(w, x === PENDING ? sl._at(i) : x);
      w.end(mark, 1);
    }
  }
}

/** Writes each entry of `m` as a KeyValue field with tag `tag`. */
export function encodeKeyValues(w: Wr, tag: number, m: PMap): void {
  if (m._unfilled) {
    (m._vs as KvSource).copyFields(w, tag);
    return;
  }
  const k = m._k;
  const v = m._v;
  const r = m._r;
  for (let i = 0; i < k.length; i++) {
    w.tag(tag);
    const x = v[i]!;
    if (r !== null && r[2 * i]! >= 0 && rawReusable(x)) {
      const s = r[2 * i]!;
      const e = r[2 * i + 1]!;
      w.u32(e - s);
      w.raw(m._vs!.src.b, s, e);
      continue;
    }
    const mark = w.begin(1);
    const key = k[i]!;
    if (key !== '') {
      w.tag(0x0a);
      w.str(key);
    }
    w.tag(0x12);
    const vm = w.begin(1);
    encodeAnyValue(w, x === PENDING ? m._at(i) : x);
    w.end(vm, 1);
    w.end(mark, 1);
  }
}
