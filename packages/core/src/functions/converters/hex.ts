import { bytesToHex } from '../../types/convert.js';
import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'Hex',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'byteslike' } }],
  returns: 'string',
  doc: {
    category: 'encoding',
    summary: 'The bytes of a value as lowercase hex, without a `0x` prefix.',
    description:
      'Strings give their UTF-8 bytes, ints and floats their 8 big-endian bytes (`Hex(12)` is ' +
      '`000000000000000c`), booleans one byte, bytes themselves; nil gives `""`.',
    failures: ['a map, list or other value without a byte form: `unsupported type: T`'],
    examples: [
      { code: 'Hex(12)', result: '000000000000000c' },
      { code: 'Hex("1")', result: '31' },
      { code: 'Hex(1.1)', result: '3ff199999999999a' },
      { code: 'Hex(nil)', result: '' },
    ],
  },
  create(args) {
    const value = args[0] as Getter<Uint8Array | null>;
    return (ctx) => {
      const b = value.get(ctx);
      return b === null ? '' : bytesToHex(b);
    };
  },
};
