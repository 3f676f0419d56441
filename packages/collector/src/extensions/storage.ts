/**
 * Storage extensions (the Collector's `extension/xextension/storage`): a running extension that
 * keeps data across restarts for other components. Here a storage client is a persistent queue of
 * encoded requests, which is what the exporters' `sending_queue.storage` needs. Browser-safe: the
 * file implementation (`file_storage`) lives in `@ottl/collector/node`.
 */
import type { ComponentId, Signal } from '../component/componentId.js';
import type { Component, Extension } from '../component/component.js';

/** Who a queue belongs to: each (component, signal) gets its own, kept apart from the others. */
export interface StorageOwner {
  readonly kind: 'exporter';
  readonly id: ComponentId;
  readonly signal: Signal;
}

/** A request held in a persistent queue. `seq` grows with every append, across restarts. */
export interface StoredRequest {
  readonly seq: number;
  /** Items (spans, data points, log records, samples) in the request, as given to `append`. */
  readonly items: number;
}

/**
 * A durable FIFO of encoded requests. Calls may overlap; appends keep their call order.
 * Everything appended and not acknowledged survives a crash of the process (and, with the
 * extension's `fsync`, of the machine) and is listed in `pending` when the queue is opened again.
 */
export interface PersistentQueue {
  /** The requests not acknowledged when the queue was opened, oldest first. */
  readonly pending: readonly StoredRequest[];
  /** Resolves once the request is stored; rejects when it could not be (it is then not in the queue). */
  append(bytes: Uint8Array, items: number): Promise<StoredRequest>;
  /** The bytes given to `append` for a request that is not acknowledged yet. */
  read(seq: number): Promise<Uint8Array>;
  /** Marks a request done, in any order; once it resolves the request is never listed again. */
  ack(seq: number): Promise<void>;
  /** Releases files; what is not acknowledged stays for the next open. */
  close(): Promise<void>;
}

/** An extension that offers persistent queues. */
export interface StorageExtension extends Extension {
  /** Opens the owner's queue (after the extension started); one open queue per owner at a time. */
  openQueue(owner: StorageOwner): Promise<PersistentQueue>;
}

export function isStorageExtension(c: Component | undefined): c is StorageExtension {
  return typeof (c as Partial<StorageExtension> | undefined)?.openQueue === 'function';
}
