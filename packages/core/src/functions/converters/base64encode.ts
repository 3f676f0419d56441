import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';
import { base64Encode, base64Variant, type Base64Variant } from '../internal/base64.js';

const utf8 = new TextEncoder();

function variantOf(name: string): Base64Variant {
  const v = base64Variant(name);
  if (v === undefined) throw new OttlError(`unsupported base64 variant: ${name}`);
  return v;
}

export const definition: FunctionDef = {
  name: 'Base64Encode',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to encode (its UTF-8 bytes)' },
    {
      name: 'variant',
      kind: { kind: 'getter', type: 'string' },
      optional: true,
      default: '"base64"',
      description: '`base64`, `base64-raw` (no padding), `base64-url` or `base64-raw-url`',
    },
  ],
  returns: 'string',
  doc: {
    category: 'encoding',
    summary: 'Encodes a string as base64.',
    failures: ['the target is not a string: `expected string but got T`', 'an unknown variant: `unsupported base64 variant: X`'],
    examples: [
      { code: 'Base64Encode("test string")', result: 'dGVzdCBzdHJpbmc=' },
      { code: 'Base64Encode("data+values/items", "base64-url")', result: 'ZGF0YSt2YWx1ZXMvaXRlbXM=' },
      { code: 'Base64Encode("a", "base64-raw")', result: 'YQ' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const variant = args[1] as Getter<string> | undefined;
    return (ctx) => {
      const data = utf8.encode(target.get(ctx));
      return base64Encode(data, variant === undefined ? 'base64' : variantOf(variant.get(ctx)));
    };
  },
};
