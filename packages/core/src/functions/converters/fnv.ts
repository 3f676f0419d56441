import type { FunctionDef, Getter } from '../../types/signature.js';

const OFFSET_BASIS = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const M64 = (1n << 64n) - 1n;
const utf8 = new TextEncoder();

/** 64-bit FNV-1a of `data`, reinterpreted as a signed int64. */
function fnv1a64(data: Uint8Array): bigint {
  let h = OFFSET_BASIS;
  for (const b of data) h = ((h ^ BigInt(b)) * PRIME) & M64;
  return BigInt.asIntN(64, h);
}

export const definition: FunctionDef = {
  name: 'FNV',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to hash (its UTF-8 bytes)' }],
  returns: 'int',
  doc: {
    category: 'hash',
    summary: 'The 64-bit FNV-1a hash of a string, as a signed int.',
    failures: ['the value is not a string (nil included): `expected string but got T`'],
    examples: [
      { code: 'FNV("hello world")', result: { $int: '8618312879776256743' } },
      { code: 'FNV("")', result: { $int: '-3750763034362895579' } },
    ],
  },
  create(args) {
    const value = args[0] as Getter<string>;
    return (ctx) => fnv1a64(utf8.encode(value.get(ctx)));
  },
};
