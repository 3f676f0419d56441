import { ProfileId, SpanId, TraceId } from '../ids.js';
import type { Rd, Wr } from './wire.js';

// Ids on the wire: `validate` guarantees the length is 0 or the id's size.

export function readTraceId(r: Rd): TraceId {
  const end = r.len();
  const id = end === r.p ? TraceId.EMPTY : TraceId._own(r.b.slice(r.p, end));
  r.p = end;
  return id;
}

export function readSpanId(r: Rd): SpanId {
  const end = r.len();
  const id = end === r.p ? SpanId.EMPTY : SpanId._own(r.b.slice(r.p, end));
  r.p = end;
  return id;
}

export function readProfileId(r: Rd): ProfileId {
  const end = r.len();
  const id = end === r.p ? ProfileId.EMPTY : ProfileId._own(r.b.slice(r.p, end));
  r.p = end;
  return id;
}

/** Writes a non-empty id as bytes field `tag`; empty ids are omitted. */
export function writeId(w: Wr, tag: number, id: TraceId | SpanId | ProfileId): void {
  if (id === TraceId.EMPTY || id === SpanId.EMPTY || id === ProfileId.EMPTY || id.isEmpty()) return;
  w.tag(tag);
  w.bytes(id._b);
}
