import type { FunctionDef, Getter } from '../../types/signature.js';
import { base64Decode } from '../internal/base64.js';

const lenient = new TextDecoder();

export const definition: FunctionDef = {
  name: 'Base64Decode',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'standard, padded base64' }],
  returns: 'string',
  doc: {
    category: 'encoding',
    summary: 'Decodes standard base64 into a string (deprecated: use `Decode(value, "base64")`).',
    description:
      'Kept for old configurations; upstream no longer registers it in its newest releases. Invalid ' +
      'UTF-8 in the decoded bytes becomes U+FFFD.',
    failures: ['the value is not a string', 'malformed base64: `illegal base64 data at input byte N`'],
    examples: [{ code: 'Base64Decode("aGVsbG8gd29ybGQ=")', result: 'hello world' }],
  },
  create(args) {
    const value = args[0] as Getter<string>;
    return (ctx) => lenient.decode(base64Decode(value.get(ctx), 'base64'));
  },
};
