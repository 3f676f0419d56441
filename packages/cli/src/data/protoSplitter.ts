/**
 * Splits a stream of OTLP protobuf (one Export*ServiceRequest, or several concatenated, which
 * protobuf reads as one merged request) into its resource-level fields (field 1:
 * `resource_logs`, `resource_spans`, `resource_metrics`): each is a complete request holding one
 * resource. Chunks are joined only once the length of a field is known, so the work stays linear.
 * A profiles request (whose resources share a dictionary) is handed out whole at the end.
 */
export class ProtoSplitError extends Error {
  override readonly name = 'ProtoSplitError';
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** A varint at `p` of `b`: [value, next offset], or undefined when `b` ends first. */
function varint(b: Uint8Array, p: number): [number, number] | undefined {
  let value = 0;
  let mul = 1;
  for (let i = p; i < b.length && i < p + 10; i++) {
    const byte = b[i]!;
    value += (byte & 0x7f) * mul;
    if (byte < 0x80) return [value, i + 1];
    mul *= 128;
  }
  if (b.length >= p + 10) throw new ProtoSplitError('malformed varint');
  return undefined;
}

export class ProtoSplitter {
  private chunks: Uint8Array[] = [];
  private total = 0;
  /** Bytes the next field needs before it can be handed out (0: unknown yet). */
  private need = 0;
  private consumed = 0;

  constructor(private readonly whole: boolean) {}

  /** Feeds bytes; returns the complete resource fields (each a one-resource request). */
  push(bytes: Uint8Array): Uint8Array[] {
    if (bytes.length === 0) return [];
    this.chunks.push(bytes);
    this.total += bytes.length;
    if (this.whole || this.total < this.need) return [];
    return this.drain();
  }

  /** Ends the input: the rest must be whole fields. Returns what is left (the whole request for profiles). */
  end(): Uint8Array[] {
    if (this.whole) {
      const all = concat(this.chunks, this.total);
      this.chunks = [];
      this.total = 0;
      return all.length > 0 ? [all] : [];
    }
    const rest = this.drain();
    if (this.total > 0) throw new ProtoSplitError(`unexpected end of input (the protobuf is truncated ${this.total} bytes into a field at byte ${this.consumed})`);
    return rest;
  }

  private drain(): Uint8Array[] {
    const b = concat(this.chunks, this.total);
    const out: Uint8Array[] = [];
    let p = 0;
    this.need = 0;
    while (p < b.length) {
      const tag = varint(b, p);
      if (!tag) break;
      const [key, afterTag] = tag;
      const field = Math.floor(key / 8);
      const wire = key & 7;
      let end: number;
      if (wire === 2) {
        const len = varint(b, afterTag);
        if (!len) break;
        end = len[1] + len[0];
      } else if (wire === 0) {
        const v = varint(b, afterTag);
        if (!v) break;
        end = v[1];
      } else if (wire === 1) end = afterTag + 8;
      else if (wire === 5) end = afterTag + 4;
      else throw new ProtoSplitError(`unsupported wire type ${wire} at byte ${this.consumed + p}`);
      if (end > b.length) {
        this.need = end - p;
        break;
      }
      if (field === 1 && wire === 2) out.push(b.slice(p, end));
      p = end;
    }
    this.consumed += p;
    const rest = b.slice(p);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.total = rest.length;
    return out;
  }
}
