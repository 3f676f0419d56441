/**
 * The shape shared by `TraceID`, `SpanID` and `ProfileID`: bytes of the id's length, or hex text of
 * twice that length, become an id value.
 */
import type { FunctionDef, FunctionExample, Getter } from '../../types/signature.js';
import { OttlCreateError, OttlError, type Value } from '../../types/values.js';

/** Go's `hex.Decode` into `size` bytes; throws its message for the first bad character. */
function decodeHex(b: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  const nibble = (i: number): number => {
    const c = b[i]!;
    if (c >= 0x30 && c <= 0x39) return c - 0x30;
    if (c >= 0x61 && c <= 0x66) return c - 0x57;
    if (c >= 0x41 && c <= 0x46) return c - 0x37;
    const ch = String.fromCharCode(c);
    throw new Error(`encoding/hex: invalid byte: U+${c.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`);
  };
  for (let i = 0; i < size; i++) out[i] = (nibble(2 * i) << 4) | nibble(2 * i + 1);
  return out;
}

/**
 * A converter `name(target)` returning `make(bytes)` for `size`-byte ids. A literal argument is
 * converted when the function is created (and rejected then).
 */
export function idConverter(
  name: string,
  size: number,
  make: (bytes: Uint8Array) => Value,
  examples: readonly FunctionExample[],
): FunctionDef {
  const toId = (b: Uint8Array): Value => {
    if (b.length === size) return make(b);
    if (b.length === 2 * size) {
      try {
        return make(decodeHex(b, size));
      } catch (e) {
        throw new OttlError(`${name}: could not decode ID: invalid hex: ${(e as Error).message}`);
      }
    }
    throw new OttlError(
      `${name}: could not decode ID: invalid length: expected ${size} or ${2 * size} bytes, got ${b.length}`,
    );
  };
  return {
    name,
    params: [
      {
        name: 'target',
        kind: { kind: 'getter', type: 'byteslike' },
        description: `${size} bytes (\`0x…\`), or a string of ${2 * size} hex digits`,
      },
    ],
    returns: name === 'TraceID' ? 'traceid' : name === 'SpanID' ? 'spanid' : 'profileid',
    doc: {
      category: 'id',
      summary: `Makes a ${size}-byte ${name.slice(0, -2).toLowerCase()} id from bytes or hex text.`,
      failures: [
        `a length other than ${size} bytes or ${2 * size} hex digits: \`could not decode ID: invalid length\``,
        'hex text with a non-hex character: `could not decode ID: invalid hex`',
      ],
      examples,
    },
    create(args) {
      const target = args[0] as Getter<Uint8Array | null>;
      const literal = target.literal?.value;
      if (literal !== undefined && literal !== null) {
        let id: Value;
        try {
          id = toId(literal);
        } catch (e) {
          throw new OttlCreateError((e as Error).message);
        }
        return () => id;
      }
      return (ctx) => {
        const b = target.get(ctx);
        return toId(b ?? new Uint8Array(0));
      };
    },
  };
}
