import { copyClientInfo } from '../client/clientInfo.js';
import { errorMessage, type Consumer } from './consumer.js';

/** What fan-out needs of a signal's data: a deep clone and a way to mark it read-only. */
export interface Cloneable<T> {
  clone(data: T): T;
  markReadOnly(data: T): void;
}

/**
 * One consumer that forwards to several (the Collector's fanoutconsumer).
 *
 * Ownership: read-only consumers share the original (marked read-only when more than one consumer
 * sees it); every mutating consumer gets its own clone, except that the last mutating consumer gets
 * the original when no read-only consumer needs it. So no clone is made for a single consumer or
 * for any number of read-only consumers. Clones carry the original's client info. The fan-out itself declares `mutatesData` when any of its
 * consumers does. All consumers are called; the promise rejects with the
 * first error (an `AggregateError` when several failed), after all of them settled.
 */
export function fanout<T>(consumers: readonly Consumer<T>[], ops: Cloneable<T>): Consumer<T> {
  if (consumers.length === 1) return consumers[0]!;
  const mutating = consumers.filter((c) => c.capabilities.mutatesData);
  const readOnly = consumers.filter((c) => !c.capabilities.mutatesData);
  return {
    // Handing the original to the last mutating consumer is only safe when the fan-out owns it.
    capabilities: { mutatesData: mutating.length > 0 },
    async consume(data: T): Promise<void> {
      const calls: Promise<void>[] = [];
      // Clones are taken before any consumer starts, so no consumer sees another's changes.
      const lastMutatingGetsOriginal = readOnly.length === 0;
      const inputs = mutating.map((_, i) => (lastMutatingGetsOriginal && i === mutating.length - 1 ? data : cloneWithInfo(ops, data)));
      if (readOnly.length > 1) ops.markReadOnly(data);
      mutating.forEach((c, i) => calls.push(safeConsume(c, inputs[i]!)));
      for (const c of readOnly) calls.push(safeConsume(c, data));
      return settleAll(calls);
    },
  };
}

function cloneWithInfo<T>(ops: Cloneable<T>, data: T): T {
  const copy = ops.clone(data);
  copyClientInfo(data as object, copy as object);
  return copy;
}

/**
 * Waits for every call; rejects with the only error, or an `AggregateError` when several failed
 * (the fan-out's contract, for components that send different data to several consumers).
 */
export async function settleAll(calls: readonly Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(calls);
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, errors.map(errorMessage).join('; '));
}

/** Calls `c.consume`, turning a synchronous throw into a rejection. */
export function safeConsume<T>(c: Consumer<T>, data: T): Promise<void> {
  try {
    return c.consume(data);
  } catch (err) {
    return Promise.reject(err);
  }
}
