import type { FunctionDef, Getter } from '../../types/signature.js';

/** `TrimPrefix(value, prefix)` (ottlfuncs/func_trim_prefix.go). */
export const definition: FunctionDef = {
  name: 'TrimPrefix',
  params: [
    { name: 'value', kind: { kind: 'getter', type: 'string' }, description: 'the string to trim' },
    { name: 'prefix', kind: { kind: 'getter', type: 'string' }, description: 'removed once when present' },
  ],
  returns: 'string',
  doc: {
    category: 'string',
    summary: 'Removes a leading prefix once, when the string starts with it.',
    returns: 'string',
    failures: ['value or prefix is not a string (nil included)'],
    examples: [
      { code: 'TrimPrefix("ingest_service", "ingest_")', result: 'service' },
      { code: 'TrimPrefix("ingest_service", "egress_")', result: 'ingest_service' },
    ],
  },
  create(args) {
    const value = args[0] as Getter<string>;
    const prefix = args[1] as Getter<string>;
    return (ctx) => {
      const s = value.get(ctx);
      const p = prefix.get(ctx);
      return s.startsWith(p) ? s.slice(p.length) : s;
    };
  },
};
