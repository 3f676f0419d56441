import { digestConverter } from '../internal/digest.js';
import { murmur3_32 } from '../internal/murmur3.js';

/** The 32-bit hash's 4 bytes little-endian, as hex (upstream's rendering). */
function hex32le(h: number): string {
  let s = '';
  for (let i = 0; i < 4; i++) s += ((h >>> (8 * i)) & 0xff).toString(16).padStart(2, '0');
  return s;
}

export const definition = digestConverter(
  'Murmur3Hash',
  'The 32-bit MurmurHash3 (x86_32, seed 0) of a string, as 8 hex digits of its little-endian bytes.',
  (data) => hex32le(murmur3_32(data)),
  [
    { code: 'Murmur3Hash("Hello World")', result: 'ce837619' },
    { code: 'Murmur3Hash("")', result: '00000000' },
  ],
);
