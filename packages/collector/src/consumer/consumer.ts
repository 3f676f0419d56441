/**
 * The consumer contract every pipeline stage implements (the Collector's `consumer` package).
 *
 * - `consume(data)` hands `data` over: after the call the caller must not read or write it again,
 *   unless the consumer declared `mutatesData: false`, in which case it promises to leave it
 *   untouched and the caller may share it with other read-only consumers.
 * - The returned promise settles once the data was accepted downstream (processed synchronously,
 *   enqueued in an exporter queue or buffered in a batch). It rejects with a
 *   {@link PermanentError} when retrying the same data can never succeed (bad data) and with any
 *   other error (typically {@link RefusedError}) when the sender may retry later.
 * - A consumer never throws synchronously; failures are always a rejected promise.
 */

export interface Capabilities {
  /** True when `consume` may modify the data it receives; fan-out clones data only for these. */
  readonly mutatesData: boolean;
}

export interface Consumer<T> {
  readonly capabilities: Capabilities;
  consume(data: T): Promise<void>;
}

/** Data that can never be accepted: receivers answer HTTP 400 / gRPC INVALID_ARGUMENT, exporters do not retry. */
export class PermanentError extends Error {
  override readonly name: string = 'PermanentError';
}

/**
 * Data refused for now (memory pressure, a full queue); receivers answer HTTP 503 / gRPC
 * UNAVAILABLE so that clients retry.
 */
export class RefusedError extends Error {
  override readonly name: string = 'RefusedError';
}

/** True for a {@link PermanentError}, or an `AggregateError` whose every error is permanent. */
export function isPermanent(err: unknown): boolean {
  if (err instanceof AggregateError) return err.errors.length > 0 && err.errors.every(isPermanent);
  return err instanceof PermanentError;
}

/** The error's message, whatever was thrown. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Builds a consumer from a function; the function's throw becomes a rejection. */
export function consumerFrom<T>(fn: (data: T) => void | Promise<void>, capabilities: Capabilities = { mutatesData: false }): Consumer<T> {
  return {
    capabilities,
    consume: async (data) => {
      await fn(data);
    },
  };
}

/** Accepts and drops everything. */
export function nopConsumer<T>(): Consumer<T> {
  return { capabilities: { mutatesData: false }, consume: () => Promise.resolve() };
}
