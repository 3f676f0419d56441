import type { FunctionDef, Getter } from '../../types/signature.js';

/** `HasPrefix(value, prefix)` (ottlfuncs/func_has_prefix.go). */
export const definition: FunctionDef = {
  name: 'HasPrefix',
  params: [
    { name: 'value', kind: { kind: 'getter', type: 'string' }, description: 'the string to test' },
    { name: 'prefix', kind: { kind: 'getter', type: 'string' }, description: 'the prefix to look for' },
  ],
  returns: 'bool',
  doc: {
    category: 'string',
    summary: 'Tells whether a string begins with a prefix.',
    returns: 'bool',
    failures: ['value or prefix is not a string (nil included)'],
    examples: [
      { code: 'HasPrefix("ingest_service", "ingest_")', result: true },
      { code: 'HasPrefix("ingest_service", "_service")', result: false },
    ],
  },
  create(args) {
    const value = args[0] as Getter<string>;
    const prefix = args[1] as Getter<string>;
    return (ctx) => value.get(ctx).startsWith(prefix.get(ctx));
  },
};
