// AnyValue / KeyValue protobuf codec (common/v1): lazy sources for PMap and PSlice, and encoders
// that re-emit untouched entries as their original bytes (adjacent ones in a single copy).
import { PENDING, PMap, PSlice, isContainerClean, type AttrValue, type MapSource, type Slot, type ValueSource } from '../pcommon.js';
import { mayHaveKey } from './keyBloom.js';
import { LEN, Rd, utf8Read, type Src, type Wr } from './wire.js';

/** Decodes the AnyValue payload at [s, e). */
export function decodeAnyValue(src: Src, s: number, e: number): AttrValue {
  const r = Rd.take(src, s, e);
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
  r.give();
  return v;
}

// Result of KvSource.keyRange (module state: key lookups never nest).
let keyStart = -1;
let keyEnd = -1;

/** Whether another key field (a later one wins) follows in the KeyValue payload [p, e). */
function hasLaterKey(src: Src, p: number, e: number): boolean {
  const b = src.b;
  // The usual layout: only the value follows, as one field reaching the end.
  if (p === e) return false;
  if (b[p] === 0x12) {
    let q = p + 1;
    let n = 0;
    let shift = 0;
    for (;;) {
      const c = b[q++]!;
      n |= (c & 0x7f) << shift;
      if (c < 0x80) break;
      shift += 7;
    }
    if (q + n === e) return false;
  }
  return true;
}

/**
 * The end of the field at `p` when it has its usual short form (a one-byte tag, and a one-byte
 * varint or length where it has one); -1 otherwise, for the general reader.
 */
function skipPlainField(b: Uint8Array, p: number): number {
  const t = b[p]!;
  if (t >= 0x80) return -1;
  switch (t & 7) {
    case 0:
      return b[p + 1]! < 0x80 ? p + 2 : -1;
    case 1:
      return p + 9;
    case 2:
      return b[p + 1]! < 0x80 ? p + 2 + b[p + 1]! : -1;
    case 5:
      return p + 5;
    default:
      return -1;
  }
}

/** Start of the payload of the length-delimited field at `s` (after its tag and length). */
function payloadStart(b: Uint8Array, s: number): number {
  let p = s;
  while (b[p++]! >= 0x80);
  while (b[p++]! >= 0x80);
  return p;
}

/** The KeyValue fields numbered `field` inside the message range [s, e). */
export class KvSource implements MapSource {
  readonly tag: number;
  /** Cached {@link KvSource.block}; -2 until known. */
  private blockEnd = -2;
  constructor(
    readonly src: Src,
    readonly s: number,
    readonly e: number,
    field: number,
  ) {
    this.tag = (field << 3) | LEN;
  }

  fill(target: PMap | PSlice): void {
    const m = target as PMap;
    const want = this.tag;
    const r = Rd.take(this.src, this.s, this.e);
    const keys = m._k;
    const vals = m._v;
    const ranges = m._r!;
    while (r.p < r.e) {
      const start = r.p;
      const t = r.u32();
      if (t !== want) {
        r.skip(t & 7);
        continue;
      }
      r.p = r.len();
      keys.push(null);
      vals.push(PENDING);
      ranges.push(start, r.p);
    }
    r.give();
  }

  /** [start, end) of the (last) key bytes in the KeyValue field [s, e), or start -1 when absent. */
  private keyRange(s: number, e: number): void {
    const b = this.src.b;
    const p = payloadStart(b, s);
    // The usual layout: the key first, with a one-byte length.
    if (p < e && b[p] === 0x0a && b[p + 1]! < 0x80) {
      keyStart = p + 2;
      keyEnd = keyStart + b[p + 1]!;
      if (!hasLaterKey(this.src, keyEnd, e)) return;
    }
    const r = Rd.take(this.src, p, e);
    keyStart = -1;
    while (r.p < e) {
      const t = r.u32();
      if (t === 0x0a) {
        keyEnd = r.len();
        keyStart = r.p;
        r.p = keyEnd;
      } else r.skip(t & 7);
    }
    r.give();
  }

  key(s: number, e: number): string {
    this.keyRange(s, e);
    return keyStart < 0 ? '' : utf8Read(this.src.b, keyStart, keyEnd);
  }

  keyIs(s: number, e: number, key: string, ascii: boolean): boolean {
    this.keyRange(s, e);
    if (keyStart < 0) return key === '';
    const n = keyEnd - keyStart;
    if (!ascii) return utf8Read(this.src.b, keyStart, keyEnd) === key;
    if (n !== key.length) return false;
    const b = this.src.b;
    for (let i = 0; i < n; i++) if (b[keyStart + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  has(key: string, ascii: boolean): boolean {
    const keys = this.src.keys;
    if (ascii && keys !== null && !mayHaveKey(keys, key)) return false;
    const want = this.tag;
    const b = this.src.b;
    const e = this.e;
    const kl = key.length;
    let p = this.s;
    // The walk also learns `block()` when it reaches the end.
    let block = 0;
    let inBlock = false;
    while (p < e) {
      let end = -1;
      // The usual KeyValue: one-byte tag and lengths, the key first and only the value after it;
      // its key is compared in place. Any other layout goes through keyIs.
      if (b[p] === want && ascii) {
        const n = b[p + 1]!;
        const kvEnd = p + 2 + n;
        const klen = b[p + 3]!;
        const ke = p + 4 + klen;
        if (n < 0x80 && b[p + 2] === 0x0a && klen < 0x80 && (ke === kvEnd || (b[ke] === 0x12 && b[ke + 1]! < 0x80 && ke + 2 + b[ke + 1]! === kvEnd))) {
          if (klen === kl) {
            let i = 0;
            while (i < kl && b[p + 4 + i] === key.charCodeAt(i)) i++;
            if (i === kl) return true;
          }
          end = kvEnd;
        }
      }
      if (end < 0 && b[p] !== want) {
        const next = skipPlainField(b, p);
        if (next >= 0) {
          p = next;
          inBlock = false;
          continue;
        }
      }
      if (end < 0) {
        const r = Rd.take(this.src, p, e);
        const t = r.u32();
        if (t !== want) {
          r.skip(t & 7);
          p = r.p;
          r.give();
          inBlock = false;
          continue;
        }
        end = r.len();
        r.give();
        if (this.keyIs(p, end, key, ascii)) return true;
      }
      if (block !== 0 && !inBlock) block = -1;
      else if (block >= 0) block = end;
      inBlock = true;
      p = end;
    }
    this.blockEnd = block;
    return false;
  }

  /** Whether {@link block} is known without walking the range. */
  blockKnown(): boolean {
    return this.blockEnd !== -2;
  }

  /**
   * The end of the KeyValue fields in the source range when they form one contiguous block, 0
   * when there are none, -1 when other fields come between them.
   */
  block(): number {
    if (this.blockEnd !== -2) return this.blockEnd;
    const want = this.tag;
    const r = Rd.take(this.src, this.s, this.e);
    let block = 0;
    let inBlock = false;
    while (r.p < r.e) {
      const t = r.u32();
      r.skip(t & 7);
      if (t !== want) inBlock = false;
      else {
        if (block !== 0 && !inBlock) {
          block = -1;
          break;
        }
        block = r.p;
        inBlock = true;
      }
    }
    r.give();
    return (this.blockEnd = block);
  }

  value(s: number, e: number): AttrValue {
    const r = Rd.take(this.src, payloadStart(this.src.b, s), e);
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
    r.give();
    return vs < 0 ? null : decodeAnyValue(this.src, vs, ve);
  }

  /** Copies the source's KeyValue fields verbatim as fields `tag`. */
  copyFields(w: Wr, tag: number): void {
    const want = this.tag;
    const r = Rd.take(this.src, this.s, this.e);
    const runs = new Runs(w, this.src);
    while (r.p < r.e) {
      const start = r.p;
      const t = r.u32();
      if (t !== want) {
        r.skip(t & 7);
        continue;
      }
      const end = r.len();
      if (tag === want) runs.add(start, end);
      else {
        runs.flush();
        w.tag(tag);
        w.u32(end - r.p);
        w.raw(this.src, r.p, end);
      }
      r.p = end;
    }
    r.give();
    runs.flush();
  }
}

/** The elements of an ArrayValue payload [s, e). */
export class ArraySource implements ValueSource {
  readonly tag = 0x0a;
  constructor(
    readonly src: Src,
    readonly s: number,
    readonly e: number,
  ) {}

  fill(target: PMap | PSlice): void {
    const sl = target as PSlice;
    const r = Rd.take(this.src, this.s, this.e);
    while (r.p < r.e) {
      const start = r.p;
      const t = r.u32();
      if (t !== 0x0a) {
        r.skip(t & 7);
        continue;
      }
      const end = r.len();
      sl._v.push(PENDING);
      sl._r!.push(start, end);
      r.p = end;
    }
    r.give();
  }

  value(s: number, e: number): AttrValue {
    return decodeAnyValue(this.src, payloadStart(this.src.b, s), e);
  }
}

/** Collects adjacent source ranges and writes each run with one copy. */
class Runs {
  private s = -1;
  private e = -1;
  constructor(
    private readonly w: Wr,
    readonly src: Src,
  ) {}

  add(s: number, e: number): void {
    if (s === this.e) {
      this.e = e;
      return;
    }
    this.flush();
    this.s = s;
    this.e = e;
  }

  flush(): void {
    if (this.s >= 0) {
      this.w.raw(this.src, this.s, this.e);
      this.s = this.e = -1;
    }
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

/**
 * Writes entries with a recorded source range and an unchanged value as their original bytes
 * (retagged when the source tag differs), the others through `write`. `outer` lets the entries
 * join a run of adjacent bytes already being collected from the same source.
 */
function encodeEntries(
  w: Wr,
  tag: number,
  vs: ValueSource | null,
  v: Slot[],
  r: number[] | null,
  outer: Runs | null,
  write: (i: number) => void,
): void {
  const src = vs === null ? null : vs.src;
  const runs = src === null ? null : outer !== null && outer.src === src ? outer : new Runs(w, src);
  if (outer !== null && runs !== outer) outer.flush();
  const same = vs !== null && vs.tag === tag;
  for (let i = 0; i < v.length; i++) {
    const s = r === null ? -1 : r[2 * i]!;
    if (s >= 0 && rawReusable(v[i]!)) {
      const e = r![2 * i + 1]!;
      if (same) runs!.add(s, e);
      else {
        runs!.flush();
        const ps = payloadStart(src!.b, s);
        w.tag(tag);
        w.u32(e - ps);
        w.raw(src!, ps, e);
      }
      continue;
    }
    runs?.flush();
    write(i);
  }
  if (runs !== outer) runs?.flush();
}

function encodeSlice(w: Wr, sl: PSlice): void {
  if (sl._unfilled) {
    const vs = sl._vs as ArraySource;
    w.raw(vs.src, vs.s, vs.e);
    return;
  }
  encodeEntries(w, 0x0a, sl._vs, sl._v, sl._r, null, (i) => {
    w.tag(0x0a);
    const mark = w.begin(1);
    encodeAnyValue(w, sl._at(i));
    w.end(mark, 1);
  });
}

/** Writes one KeyValue field with tag `tag`. */
function encodeKeyValue(w: Wr, tag: number, key: string, value: AttrValue): void {
  w.tag(tag);
  const mark = w.begin(1);
  if (key !== '') {
    w.tag(0x0a);
    w.str(key);
  }
  w.tag(0x12);
  const vm = w.begin(1);
  encodeAnyValue(w, value);
  w.end(vm, 1);
  w.end(mark, 1);
}

/** Writes the entries added to map `m` while its source entries are not filled in. */
function encodeAdded(w: Wr, tag: number, m: PMap): void {
  const k = m._k;
  for (let i = 0; i < k.length; i++) encodeKeyValue(w, tag, k[i]!, m._v[i] as AttrValue);
}

/** Writes each entry of `m` as a KeyValue field with tag `tag`. */
export function encodeKeyValues(w: Wr, tag: number, m: PMap, outer: Runs | null = null): void {
  if (m._unfilled) {
    outer?.flush();
    (m._vs as KvSource).copyFields(w, tag);
    encodeAdded(w, tag, m);
    return;
  }
  encodeEntries(w, tag, m._vs, m._v, m._r, outer, (i) => encodeKeyValue(w, tag, m._key(i), m._at(i)));
}



/**
 * Copies the fields of `src[s, e)`, writing map `m` in place of the fields numbered `field`
 * (untouched entries and the fields around them become one copy).
 */
export function encodeWithMap(w: Wr, src: Src, s: number, e: number, field: number, m: PMap | null): void {
  if (m === null) {
    w.raw(src, s, e);
    return;
  }
  const vs = m._vs as KvSource | null;
  if (m._unfilled && vs!.src === src && vs!.s === s && vs!.e === e && vs!.tag === ((field << 3) | LEN)) {
    // The message's own map, only added to: its bytes with the added entries after the map's block,
    // or after every other field when that block was never walked (`has` answered from the key
    // filter): the map decodes the same either way.
    if (!vs!.blockKnown()) {
      w.raw(src, s, e);
      encodeAdded(w, (field << 3) | LEN, m);
      return;
    }
    const end = vs!.block();
    if (end >= 0) {
      const at = end === 0 ? e : end;
      w.raw(src, s, at);
      encodeAdded(w, (field << 3) | LEN, m);
      w.raw(src, at, e);
      return;
    }
  }
  const runs = new Runs(w, src);
  const r = Rd.take(src, s, e);
  let mapDone = false;
  while (r.p < e) {
    const fs = r.p;
    const t = r.u32();
    r.skip(t & 7);
    if (t >>> 3 !== field) runs.add(fs, r.p);
    else if (!mapDone) {
      mapDone = true;
      encodeKeyValues(w, (field << 3) | LEN, m, runs);
    }
  }
  r.give();
  if (!mapDone) {
    runs.flush();
    encodeKeyValues(w, (field << 3) | LEN, m);
  }
  runs.flush();
}
