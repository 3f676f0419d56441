/** Go's zero `time.Time` (January 1, year 1, 00:00:00 UTC) in nanoseconds since the Unix epoch. */
export const GO_ZERO_TIME_NANOS = -62135596800n * 1_000_000_000n;
