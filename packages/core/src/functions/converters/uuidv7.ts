import type { FunctionDef } from '../../types/signature.js';
import { formatUuid, randomBytes16 } from '../internal/uuid.js';

let lastMillis = 0;

export const definition: FunctionDef = {
  name: 'UUIDv7',
  params: [],
  returns: 'string',
  doc: {
    category: 'id',
    summary: 'A new time-ordered (version 7) UUID.',
    description:
      'The first 48 bits are the Unix time in milliseconds, the rest random, so UUIDs made later ' +
      'sort after earlier ones (to the millisecond).',
    returns: 'a 36-character string with `7` at position 14',
    examples: [{ code: 'Substring(UUIDv7(), 14, 1)', result: '7', note: 'the rest of the value is time-based and random' }],
  },
  create() {
    return () => {
      // Never step back in time, even if the wall clock does.
      lastMillis = Math.max(lastMillis, Date.now());
      const b = randomBytes16();
      let ms = lastMillis;
      for (let i = 5; i >= 0; i--) {
        b[i] = ms % 256;
        ms = Math.floor(ms / 256);
      }
      return formatUuid(b, 7);
    };
  },
};
