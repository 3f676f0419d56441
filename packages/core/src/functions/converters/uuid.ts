import type { FunctionDef } from '../../types/signature.js';
import { formatUuid, randomBytes16 } from '../internal/uuid.js';

export const definition: FunctionDef = {
  name: 'UUID',
  params: [],
  returns: 'string',
  doc: {
    category: 'id',
    summary: 'A new random (version 4) UUID.',
    returns: 'a 36-character string such as `3f1c0d7e-8a51-4b2e-9f0a-6d2c4e8b1a90`, different on every call',
    examples: [{ code: 'Len(UUID())', result: 36, note: 'the value itself is random' }],
  },
  create() {
    return () => formatUuid(randomBytes16(), 4);
  },
};
