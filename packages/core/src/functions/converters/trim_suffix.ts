import type { FunctionDef, Getter } from '../../types/signature.js';

/** `TrimSuffix(value, suffix)` (ottlfuncs/func_trim_suffix.go). */
export const definition: FunctionDef = {
  name: 'TrimSuffix',
  params: [
    { name: 'value', kind: { kind: 'getter', type: 'string' }, description: 'the string to trim' },
    { name: 'suffix', kind: { kind: 'getter', type: 'string' }, description: 'removed once when present' },
  ],
  returns: 'string',
  doc: {
    category: 'string',
    summary: 'Removes a trailing suffix once, when the string ends with it.',
    returns: 'string',
    failures: ['value or suffix is not a string (nil included)'],
    examples: [
      { code: 'TrimSuffix("ingest_service", "_service")', result: 'ingest' },
      { code: 'TrimSuffix("ingest_service", "_egress")', result: 'ingest_service' },
    ],
  },
  create(args) {
    const value = args[0] as Getter<string>;
    const suffix = args[1] as Getter<string>;
    return (ctx) => {
      const s = value.get(ctx);
      const x = suffix.get(ctx);
      return s.endsWith(x) ? s.slice(0, s.length - x.length) : s;
    };
  },
};
