import { digestConverter, hex64le } from '../internal/digest.js';
import { murmur3_128 } from '../internal/murmur3.js';

export const definition = digestConverter(
  'Murmur3Hash128',
  'The 128-bit MurmurHash3 (x64_128, seed 0) of a string, as 32 hex digits (both halves little-endian).',
  (data) => {
    const [h1, h2] = murmur3_128(data);
    return hex64le(h1) + hex64le(h2);
  },
  [{ code: 'Murmur3Hash128("Hello World")', result: 'dbc2a0c1ab26631a27b4c09fcf1fe683' }],
);
