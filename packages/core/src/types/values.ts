/**
 * The runtime values that flow through OTTL (upstream's "Go any"), and the errors evaluation raises.
 *
 * | OTTL type | JS representation |
 * |---|---|
 * | nil      | `null` (a pdata Empty value reads as `null` too) |
 * | string   | `string` |
 * | int      | `bigint` — int64, exact; arithmetic wraps like Go (see math helpers) |
 * | float    | `number` — float64, even when integral (`1.0`) |
 * | bool     | `boolean` |
 * | bytes    | `Uint8Array` |
 * | ids      | `TraceId` / `SpanId` / `ProfileId` from `@ottl/pdata` (distinct from bytes) |
 * | map      | `PMap` from `@ottl/pdata` (attributes, cache, map literals, converter results) |
 * | list     | `PSlice` (pdata slices, live) or a plain JS array of values (list literals, converter results) |
 * | time     | {@link OttlTime} |
 * | duration | {@link OttlDuration} |
 * | opaque   | any other object (pdata structs such as a Status or the events of a span) |
 *
 * Values read out of pdata maps and slices are live: a PMap or PSlice returned by a getter writes
 * through. Plain JS arrays are never shared with pdata; setting one into pdata converts it.
 */
import type { PMap, PSlice, TraceId, SpanId, ProfileId } from '@ottl/pdata';

export type Value =
  | null
  | string
  | bigint
  | number
  | boolean
  | Uint8Array
  | TraceId
  | SpanId
  | ProfileId
  | PMap
  | PSlice
  | readonly Value[]
  | OttlTime
  | OttlDuration
  | object;

/**
 * A time zone: an IANA name (`"UTC"`, `"America/New_York"`) or a fixed offset from UTC in seconds
 * (`{ offsetSeconds, name? }`, e.g. parsed from `-07:00`).
 */
export type TimeZone = string | { readonly offsetSeconds: number; readonly name?: string };

/**
 * An instant with nanosecond precision and the zone it is shown in (Go `time.Time`). Equality and
 * ordering use the instant only; date-part converters (`Hour`, `Day`…) use the zone.
 */
export class OttlTime {
  constructor(
    /** Nanoseconds since the Unix epoch (may be negative). */
    readonly epochNanos: bigint,
    readonly zone: TimeZone = 'UTC',
  ) {}
}

/** A signed span of time in nanoseconds (Go `time.Duration`, int64). */
export class OttlDuration {
  constructor(readonly nanos: bigint) {}
}

/** An error raised while evaluating OTTL. The message is upstream's wording where one exists. */
export class OttlError extends Error {
  override readonly name: string = 'OttlError';
}

/**
 * A typed getter received a value of the wrong type (upstream `TypeError`). `Is*` converters catch
 * it and return false instead of failing.
 */
export class OttlTypeError extends OttlError {
  override readonly name: string = 'OttlTypeError';
}

/** A function rejected its arguments when it was created (a parse/config-time error). */
export class OttlCreateError extends OttlError {
  override readonly name: string = 'OttlCreateError';
  constructor(
    message: string,
    /** Which diagnostic code reports it: a rejected regular expression or another rejected argument. */
    readonly reason: 'invalid-argument' | 'invalid-regex' = 'invalid-argument',
  ) {
    super(message);
  }
}
