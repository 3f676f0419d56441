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

export function bytesToHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX_PAIRS[b[i]!];
  return s;
}

function allZero(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

/**
 * Shared behaviour of the immutable id value classes. Instances never change; compare them with
 * `equals` (or by `toHex()`), not `===`. The all-zero id is "empty" and is omitted on the wire.
 */
abstract class ByteId {
  /** @internal The id's bytes; never mutated and never handed out (see `toBytes`). */
  readonly _b: Uint8Array;
  private _hex: string | undefined;

  protected constructor(bytes: Uint8Array) {
    this._b = bytes;
  }

  /** Lowercase hex, `2 * size` characters (all zeros for the empty id). */
  toHex(): string {
    return (this._hex ??= bytesToHex(this._b));
  }

  toString(): string {
    return this.toHex();
  }

  toJSON(): string {
    return this.toHex();
  }

  /** A copy of the id's bytes. */
  toBytes(): Uint8Array {
    return this._b.slice();
  }

  isEmpty(): boolean {
    return allZero(this._b);
  }

  equals(other: unknown): boolean {
    if (other === this) return true;
    if (!(other instanceof ByteId) || other.constructor !== this.constructor) return false;
    const a = this._b;
    const b = other._b;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
}

function checkedBytes(bytes: Uint8Array, size: number, what: string): Uint8Array {
  if (bytes.length !== size) throw new RangeError(`${what} must be ${size} bytes, got ${bytes.length}`);
  return bytes.slice();
}

function checkedHex(hex: string, size: number, what: string): Uint8Array {
  const b = hexToBytes(hex, size);
  if (b === null) throw new RangeError(`${what} must be ${size * 2} hex digits, got ${JSON.stringify(hex)}`);
  return b;
}

/** A 16-byte trace id. */
export class TraceId extends ByteId {
  static readonly SIZE = 16;
  static readonly EMPTY: TraceId = new TraceId(new Uint8Array(16));
  private constructor(bytes: Uint8Array) {
    super(bytes);
  }
  /** Copies `bytes` (16 bytes; an empty array gives `EMPTY`); throws RangeError on other lengths. */
  static fromBytes(bytes: Uint8Array): TraceId {
    return bytes.length === 0 ? TraceId.EMPTY : new TraceId(checkedBytes(bytes, 16, 'TraceId'));
  }
  /** 32 hex digits, either case (an empty string gives `EMPTY`); throws RangeError otherwise. */
  static fromHex(hex: string): TraceId {
    return hex === '' ? TraceId.EMPTY : new TraceId(checkedHex(hex, 16, 'TraceId'));
  }
  /** @internal Takes ownership of `bytes` (exactly 16). */
  static _own(bytes: Uint8Array): TraceId {
    return new TraceId(bytes);
  }
}

/** An 8-byte span id. */
export class SpanId extends ByteId {
  static readonly SIZE = 8;
  static readonly EMPTY: SpanId = new SpanId(new Uint8Array(8));
  private constructor(bytes: Uint8Array) {
    super(bytes);
  }
  /** Copies `bytes` (8 bytes; an empty array gives `EMPTY`); throws RangeError on other lengths. */
  static fromBytes(bytes: Uint8Array): SpanId {
    return bytes.length === 0 ? SpanId.EMPTY : new SpanId(checkedBytes(bytes, 8, 'SpanId'));
  }
  /** 16 hex digits, either case (an empty string gives `EMPTY`); throws RangeError otherwise. */
  static fromHex(hex: string): SpanId {
    return hex === '' ? SpanId.EMPTY : new SpanId(checkedHex(hex, 8, 'SpanId'));
  }
  /** @internal Takes ownership of `bytes` (exactly 8). */
  static _own(bytes: Uint8Array): SpanId {
    return new SpanId(bytes);
  }
}

/** A 16-byte profile id. */
export class ProfileId extends ByteId {
  static readonly SIZE = 16;
  static readonly EMPTY: ProfileId = new ProfileId(new Uint8Array(16));
  private constructor(bytes: Uint8Array) {
    super(bytes);
  }
  /** Copies `bytes` (16 bytes; an empty array gives `EMPTY`); throws RangeError on other lengths. */
  static fromBytes(bytes: Uint8Array): ProfileId {
    return bytes.length === 0 ? ProfileId.EMPTY : new ProfileId(checkedBytes(bytes, 16, 'ProfileId'));
  }
  /** 32 hex digits, either case (an empty string gives `EMPTY`); throws RangeError otherwise. */
  static fromHex(hex: string): ProfileId {
    return hex === '' ? ProfileId.EMPTY : new ProfileId(checkedHex(hex, 16, 'ProfileId'));
  }
  /** @internal Takes ownership of `bytes` (exactly 16). */
  static _own(bytes: Uint8Array): ProfileId {
    return new ProfileId(bytes);
  }
}
