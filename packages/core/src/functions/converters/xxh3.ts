import { digestConverter, hex64 } from '../internal/digest.js';
import { xxh3_64 } from '../internal/xxh3.js';

export const definition = digestConverter(
  'XXH3',
  'The 64-bit XXH3 hash (seed 0) of a string, as 16 hex digits.',
  (data) => hex64(xxh3_64(data)),
  [
    { code: 'XXH3("hello world")', result: 'd447b1ea40e6988b' },
    { code: 'XXH3("")', result: '2d06800538d394c2' },
  ],
);
