const HEX_PAIRS: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hexNibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** @internal Parses exactly `2*size` hex digits (either case); null when `hex` is anything else. */
export function hexToBytes(hex: string, size: number): Uint8Array | null {
  if (hex.length !== size * 2) return null;
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const h = hexNibble(hex.charCodeAt(2 * i));
    const l = hexNibble(hex.charCodeAt(2 * i + 1));
    if (h < 0 || l < 0) return null;
    out[i] = (h << 4) | l;
  }
  return out;
}

function bytesToHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX_PAIRS[b[i]!];
  return s;
}

function word(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
}

/**
 * Shared behaviour of the immutable id value classes. Instances never change; compare them with
 * `equals` (or by `toHex()`), not `===`. The all-zero id is "empty" and is omitted on the wire.
 */
abstract class ByteId {
  // The bytes as little-endian int32 words (w2, w3 stay 0 for 8-byte ids): small integers keep
  // decoding allocation-free apart from the id object itself.
  /** @internal */ readonly _w0: number;
  /** @internal */ readonly _w1: number;
  /** @internal */ readonly _w2: number;
  /** @internal */ readonly _w3: number;
  private _hex: string | undefined = undefined;

  protected constructor(w0: number, w1: number, w2: number, w3: number) {
    this._w0 = w0;
    this._w1 = w1;
    this._w2 = w2;
    this._w3 = w3;
  }

  /** Number of bytes: 16 for trace and profile ids, 8 for span ids. */
  abstract get size(): number;

  /** Lowercase hex, `2 * size` characters (all zeros for the empty id). */
  toHex(): string {
    return (this._hex ??= bytesToHex(this.toBytes()));
  }

  toString(): string {
    return this.toHex();
  }

  toJSON(): string {
    return this.toHex();
  }

  /** A copy of the id's bytes. */
  toBytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    const words = [this._w0, this._w1, this._w2, this._w3];
    for (let i = 0; i < out.length; i++) out[i] = (words[i >> 2]! >>> ((i & 3) * 8)) & 0xff;
    return out;
  }

  isEmpty(): boolean {
    return (this._w0 | this._w1 | this._w2 | this._w3) === 0;
  }

  equals(other: unknown): boolean {
    if (other === this) return true;
    return (
      other instanceof ByteId &&
      other.constructor === this.constructor &&
      other._w0 === this._w0 &&
      other._w1 === this._w1 &&
      other._w2 === this._w2 &&
      other._w3 === this._w3
    );
  }
}

function checkedBytes(bytes: Uint8Array, size: number, what: string): Uint8Array {
  if (bytes.length !== size) throw new RangeError(`${what} must be ${size} bytes, got ${bytes.length}`);
  return bytes;
}

function checkedHex(hex: string, size: number, what: string): Uint8Array {
  const b = hexToBytes(hex, size);
  if (b === null) throw new RangeError(`${what} must be ${size * 2} hex digits, got ${JSON.stringify(hex)}`);
  return b;
}

/** A 16-byte trace id. */
export class TraceId extends ByteId {
  static readonly SIZE = 16;
  static readonly EMPTY: TraceId = new TraceId(0, 0, 0, 0);
  private constructor(w0: number, w1: number, w2: number, w3: number) {
    super(w0, w1, w2, w3);
  }
  get size(): number {
    return 16;
  }
  /** From 16 bytes (an empty array gives `EMPTY`); throws RangeError on other lengths. */
  static fromBytes(bytes: Uint8Array): TraceId {
    return bytes.length === 0 ? TraceId.EMPTY : TraceId._at(checkedBytes(bytes, 16, 'TraceId'), 0);
  }
  /** 32 hex digits, either case (an empty string gives `EMPTY`); throws RangeError otherwise. */
  static fromHex(hex: string): TraceId {
    return hex === '' ? TraceId.EMPTY : TraceId._at(checkedHex(hex, 16, 'TraceId'), 0);
  }
  /** @internal The 16 bytes at `b[o]`. */
  static _at(b: Uint8Array, o: number): TraceId {
    return new TraceId(word(b, o), word(b, o + 4), word(b, o + 8), word(b, o + 12));
  }
}

/** An 8-byte span id. */
export class SpanId extends ByteId {
  static readonly SIZE = 8;
  static readonly EMPTY: SpanId = new SpanId(0, 0);
  private constructor(w0: number, w1: number) {
    super(w0, w1, 0, 0);
  }
  get size(): number {
    return 8;
  }
  /** From 8 bytes (an empty array gives `EMPTY`); throws RangeError on other lengths. */
  static fromBytes(bytes: Uint8Array): SpanId {
    return bytes.length === 0 ? SpanId.EMPTY : SpanId._at(checkedBytes(bytes, 8, 'SpanId'), 0);
  }
  /** 16 hex digits, either case (an empty string gives `EMPTY`); throws RangeError otherwise. */
  static fromHex(hex: string): SpanId {
    return hex === '' ? SpanId.EMPTY : SpanId._at(checkedHex(hex, 8, 'SpanId'), 0);
  }
  /** @internal The 8 bytes at `b[o]`. */
  static _at(b: Uint8Array, o: number): SpanId {
    return new SpanId(word(b, o), word(b, o + 4));
  }
}

/** A 16-byte profile id. */
export class ProfileId extends ByteId {
  static readonly SIZE = 16;
  static readonly EMPTY: ProfileId = new ProfileId(0, 0, 0, 0);
  private constructor(w0: number, w1: number, w2: number, w3: number) {
    super(w0, w1, w2, w3);
  }
  get size(): number {
    return 16;
  }
  /** From 16 bytes (an empty array gives `EMPTY`); throws RangeError on other lengths. */
  static fromBytes(bytes: Uint8Array): ProfileId {
    return bytes.length === 0 ? ProfileId.EMPTY : ProfileId._at(checkedBytes(bytes, 16, 'ProfileId'), 0);
  }
  /** 32 hex digits, either case (an empty string gives `EMPTY`); throws RangeError otherwise. */
  static fromHex(hex: string): ProfileId {
    return hex === '' ? ProfileId.EMPTY : ProfileId._at(checkedHex(hex, 16, 'ProfileId'), 0);
  }
  /** @internal The 16 bytes at `b[o]`. */
  static _at(b: Uint8Array, o: number): ProfileId {
    return new ProfileId(word(b, o), word(b, o + 4), word(b, o + 8), word(b, o + 12));
  }
}
