import type { FunctionDef, Getter } from '../../types/signature.js';

/** `HasSuffix(value, suffix)` (ottlfuncs/func_has_suffix.go). */
export const definition: FunctionDef = {
  name: 'HasSuffix',
  params: [
    { name: 'value', kind: { kind: 'getter', type: 'string' }, description: 'the string to test' },
    { name: 'suffix', kind: { kind: 'getter', type: 'string' }, description: 'the suffix to look for' },
  ],
  returns: 'bool',
  doc: {
    category: 'string',
    summary: 'Tells whether a string ends with a suffix.',
    returns: 'bool',
    failures: ['value or suffix is not a string (nil included)'],
    examples: [
      { code: 'HasSuffix("ingest_service", "_service")', result: true },
      { code: 'HasSuffix("ingest_service", "ingest_")', result: false },
    ],
  },
  create(args) {
    const value = args[0] as Getter<string>;
    const suffix = args[1] as Getter<string>;
    return (ctx) => value.get(ctx).endsWith(suffix.get(ctx));
  },
};
