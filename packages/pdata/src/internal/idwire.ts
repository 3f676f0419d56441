import { ProfileId, SpanId, TraceId } from '../ids.js';
import type { Rd, Wr } from './wire.js';

// Ids on the wire: `validate` guarantees the length is 0 or the id's size.

export function readTraceId(r: Rd): TraceId {
  const end = r.len();
  const id = end === r.p ? TraceId.EMPTY : TraceId._at(r.b, r.p);
  r.p = end;
  return id;
}

export function readSpanId(r: Rd): SpanId {
  const end = r.len();
  const id = end === r.p ? SpanId.EMPTY : SpanId._at(r.b, r.p);
  r.p = end;
  return id;
}

export function readProfileId(r: Rd): ProfileId {
  const end = r.len();
  const id = end === r.p ? ProfileId.EMPTY : ProfileId._at(r.b, r.p);
  r.p = end;
  return id;
}

/** Writes a non-empty id as bytes field `tag`; empty ids are omitted. */
export function writeId(w: Wr, tag: number, id: TraceId | SpanId | ProfileId): void {
  if ((id._w0 | id._w1 | id._w2 | id._w3) === 0) return;
  const size = id.size;
  w.tag(tag);
  w.u32(size);
  w.need(size);
  const dv = w.dv;
  dv.setInt32(w.p, id._w0, true);
  dv.setInt32(w.p + 4, id._w1, true);
  if (size === 16) {
    dv.setInt32(w.p + 8, id._w2, true);
    dv.setInt32(w.p + 12, id._w3, true);
  }
  w.p += size;
}
