// OTLP protobuf codec entry points: Export{Logs,Trace,Metrics,Profiles}ServiceRequest.
import { PdataDecodeError, resolveLimits, type DecodeLimits } from './errors.js';
import { Logs } from './logs.js';
import { Metrics } from './metrics.js';
import { Profiles } from './profiles.js';
import { Traces } from './traces.js';
import type { Msg } from './internal/msg.js';
import { LOGS, METRICS, PROFILES, TRACES, validate, type Schema } from './internal/validate.js';
import { Src, Wr } from './internal/wire.js';

function decode<T extends Msg>(m: T, s: Schema, bytes: Uint8Array, limits: DecodeLimits | undefined): T {
  if (!(bytes instanceof Uint8Array)) throw new PdataDecodeError('invalid-value', 'protobuf input must be a Uint8Array', { offset: 0 });
  const l = resolveLimits(limits);
  if (bytes.length > l.maxBytes)
    throw new PdataDecodeError('too-large', `${bytes.length} bytes exceed the limit of ${l.maxBytes}`, { offset: l.maxBytes });
  const keys = validate(bytes, s, l.maxDepth);
  m._setSrc(new Src(bytes, keys), 0, bytes.length);
  return m;
}

// Encoding writes into one buffer. When the result fills at least half of it, the result is a view
// of that buffer (no copy; it may be shorter than its ArrayBuffer) and the next encoding starts from
// a new buffer sized after this one; otherwise the result is an exact-size copy and the buffer is
// kept (while it stays ≤ 16 MiB) for the next encoding. So large batches are written once, small
// results never hold on to much spare capacity, and a steady stream of requests needs no growth copies.
const SCRATCH_MAX = 16 * 1024 * 1024;
let scratch: Wr | null = null;
let nextCapacity = 4096;

/** Room for an encoding of about `n` bytes, with the usual growth of an edited request. */
const roomFor = (n: number): number => n + (n >>> 3) + 1024;

/** Writes the fields of `m` at the end of `w`: its source bytes when it never changed. */
function writeFields(w: Wr, m: Msg): void {
  if (m._isClean()) {
    w.raw(m._src!, m._s, m._e);
    return;
  }
  if (m._src !== null) w.need(roomFor(m._e - m._s));
  m._encAny(w);
}

function encode(m: Msg): Uint8Array {
  if (m._isClean()) return m._src!.b.subarray(m._s, m._e);
  const w = scratch ?? new Wr(nextCapacity);
  scratch = null;
  w.p = 0;
  writeFields(w, m);
  if (w.p >= w.b.length >>> 1) {
    nextCapacity = roomFor(w.p);
    return w.finish();
  }
  const out = w.b.slice(0, w.p);
  if (w.b.length <= SCRATCH_MAX) scratch = w;
  return out;
}

/**
 * Decodes an ExportLogsServiceRequest (or LogsData: same wire format). The whole input is checked
 * up front; fields are then decoded on first access. The result keeps a reference to `bytes`:
 * callers must not modify them afterwards.
 */
export function decodeLogsProto(bytes: Uint8Array, limits?: DecodeLimits): Logs {
  return decode(new Logs(), LOGS, bytes, limits);
}

/**
 * Encodes to protobuf; parts never changed since decoding are copied from the input bytes, and a
 * request never changed at all is returned as a view of them (so treat every result as read-only).
 */
export function encodeLogsProto(logs: Logs): Uint8Array {
  return encode(logs);
}

/** Decodes an ExportTraceServiceRequest / TracesData; see {@link decodeLogsProto}. */
export function decodeTracesProto(bytes: Uint8Array, limits?: DecodeLimits): Traces {
  return decode(new Traces(), TRACES, bytes, limits);
}

export function encodeTracesProto(traces: Traces): Uint8Array {
  return encode(traces);
}

/** Decodes an ExportMetricsServiceRequest / MetricsData; see {@link decodeLogsProto}. */
export function decodeMetricsProto(bytes: Uint8Array, limits?: DecodeLimits): Metrics {
  return decode(new Metrics(), METRICS, bytes, limits);
}

export function encodeMetricsProto(metrics: Metrics): Uint8Array {
  return encode(metrics);
}

/** Decodes an ExportProfilesServiceRequest / ProfilesData (v1development); see {@link decodeLogsProto}. */
export function decodeProfilesProto(bytes: Uint8Array, limits?: DecodeLimits): Profiles {
  return decode(new Profiles(), PROFILES, bytes, limits);
}

export function encodeProfilesProto(profiles: Profiles): Uint8Array {
  return encode(profiles);
}

/**
 * Requests of one signal kept as protobuf bytes: `append` encodes a request after the ones appended
 * before it (concatenated requests of one signal form one request whose resource lists are joined),
 * and `take` returns everything appended since the last `take` as one request, decoded lazily from
 * those bytes without validating them again, then starts a new buffer. Holding many requests this
 * way keeps one buffer alive instead of their object graphs. `append` leaves its argument as it was;
 * the caller may drop it. Not for profiles: each profiles request carries its own dictionary.
 */
export class ProtoBatch<T extends Logs | Traces | Metrics> {
  private w: Wr | null = null;
  private capacity = 4096;
  private items = 0;

  private constructor(
    private readonly make: () => T,
    private readonly count: (data: T) => number,
  ) {}

  /** The joined request's `logRecordCount()` is known without reading its bytes. */
  static logs(): ProtoBatch<Logs> {
    return new ProtoBatch(() => new Logs(), (d) => d.logRecordCount());
  }
  /** The joined request's `spanCount()` is known without reading its bytes. */
  static traces(): ProtoBatch<Traces> {
    return new ProtoBatch(() => new Traces(), (d) => d.spanCount());
  }
  /** The joined request's `dataPointCount()` is known without reading its bytes. */
  static metrics(): ProtoBatch<Metrics> {
    return new ProtoBatch(() => new Metrics(), (d) => d.dataPointCount());
  }

  /** Bytes appended since the last `take`. */
  get byteLength(): number {
    return this.w === null ? 0 : this.w.p;
  }

  append(data: T): void {
    this.items += this.count(data);
    writeFields((this.w ??= new Wr(this.capacity)), data);
  }

  take(): T {
    const m = this.make();
    const w = this.w;
    const items = this.items;
    this.w = null;
    this.items = 0;
    if (w === null || w.p === 0) return m;
    this.capacity = roomFor(w.p);
    m._setSrc(new Src(w.b), 0, w.p);
    m._countHint = items;
    return m;
  }
}
