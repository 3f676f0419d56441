/**
 * The shape shared by the string-digest converters (`MD5`, `SHA1`, `SHA256`, `SHA512`,
 * `Murmur3Hash`, `Murmur3Hash128`, `XXH3`, `XXH128`): one string argument, hashed as UTF-8,
 * rendered as lowercase hex.
 */
import type { FunctionDef, FunctionExample, Getter } from '../../types/signature.js';

const utf8 = new TextEncoder();

/** A converter `name(target)` returning `hexDigest(utf8(target))`. */
export function digestConverter(
  name: string,
  summary: string,
  hexDigest: (data: Uint8Array) => string,
  examples: readonly FunctionExample[],
): FunctionDef {
  return {
    name,
    params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to hash (its UTF-8 bytes)' }],
    returns: 'string',
    doc: {
      category: 'hash',
      summary,
      returns: 'the digest as lowercase hexadecimal',
      failures: ['the target is not a string (nil included): `expected string but got T`'],
      examples,
    },
    create(args) {
      const target = args[0] as Getter<string>;
      return (ctx) => hexDigest(utf8.encode(target.get(ctx)));
    },
  };
}

/** A 64-bit value as 16 lowercase hex digits, most significant first. */
export function hex64(v: bigint): string {
  return v.toString(16).padStart(16, '0');
}

/** A 64-bit value's 8 bytes little-endian, as hex. */
export function hex64le(v: bigint): string {
  let s = '';
  for (let i = 0; i < 8; i++) {
    s += Number((v >> BigInt(8 * i)) & 0xffn).toString(16).padStart(2, '0');
  }
  return s;
}
