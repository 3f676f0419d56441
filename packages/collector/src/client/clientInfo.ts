/**
 * Client info that travels with a request (the Collector's `client.Info`): who sent it and the
 * headers it came with. Consumers take no context argument, so the info is attached to the
 * request object itself (the pdata root: `Traces`, `Logs`, `Metrics`, `Profiles`) in a weak map;
 * it is gone when the object is.
 *
 * Who attaches and carries it, as upstream does with its context:
 * - the `otlp` receiver attaches `addr` always, `metadata` only with `include_metadata`, and the
 *   gRPC request's own metadata (`grpc`) always;
 * - fan-out clones, routing splits and tail_sampling's immediate releases carry the info of the
 *   request they came from;
 * - `batch` sends batches without info, or, with `metadata_keys`, with those keys' values only.
 *
 * A component that builds a new request from an old one and wants the info to follow calls
 * {@link copyClientInfo}. Browser-safe.
 */

/** Header values by lowercased key, in the order received. */
export type Metadata = ReadonlyMap<string, readonly string[]>;

export interface ClientInfo {
  /** The peer's `host:port`, when a network receiver took the request. */
  readonly addr?: string;
  /** `client.Info.Metadata`: the request's headers, lowercased keys; empty unless the receiver has `include_metadata`. */
  readonly metadata: Metadata;
  /**
   * The gRPC request's metadata whatever `include_metadata` says: upstream components reading the
   * incoming gRPC context (the routing processor) see it as long as nothing re-batched the data.
   */
  readonly grpc?: Metadata;
}

const NONE: ClientInfo = { metadata: new Map() };
const infos = new WeakMap<object, ClientInfo>();

/** The info attached to `data`, or an info with no address and no metadata. */
export function clientInfo(data: object): ClientInfo {
  return infos.get(data) ?? NONE;
}

/** Attaches `info` to `data`, replacing what it had. */
export function attachClientInfo(data: object, info: ClientInfo): void {
  infos.set(data, info);
}

/** Gives `to` the info of `from` (nothing when `from` has none). */
export function copyClientInfo(from: object, to: object): void {
  const info = infos.get(from);
  if (info !== undefined) infos.set(to, info);
}

/** The values of `key` (any case), empty when absent. */
export function metadataValues(md: Metadata, key: string): readonly string[] {
  return md.get(key.toLowerCase()) ?? [];
}

/** New metadata from header-like pairs: keys lowercased, values of keys equal but for case joined. */
export function newMetadata(entries: Iterable<readonly [string, readonly string[] | undefined]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, vs] of entries) {
    if (vs === undefined || vs.length === 0) continue;
    const key = k.toLowerCase();
    const have = out.get(key);
    if (have) have.push(...vs);
    else out.set(key, [...vs]);
  }
  return out;
}
