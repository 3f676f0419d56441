import { digestConverter, hex64 } from '../internal/digest.js';
import { xxh3_128 } from '../internal/xxh3.js';

export const definition = digestConverter(
  'XXH128',
  'The 128-bit XXH3 hash (seed 0) of a string, as 32 hex digits (high half first).',
  (data) => {
    const [hi, lo] = xxh3_128(data);
    return hex64(hi) + hex64(lo);
  },
  [{ code: 'XXH128("hello world")', result: 'df8d09e93f874900a99b8775cc15b6c7' }],
);
