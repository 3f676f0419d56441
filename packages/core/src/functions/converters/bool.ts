import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'Bool',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'boollike' } }],
  returns: 'bool',
  doc: {
    category: 'type',
    summary: 'Converts a value to a boolean.',
    description:
      'Booleans are returned as they are; numbers are true when non-zero; strings are parsed like ' +
      "Go's `strconv.ParseBool` (`1 t T TRUE true True` and `0 f F FALSE false False`). Nil gives nil.",
    returns: 'a bool, or nil for nil input',
    failures: ['a string that is not one of the accepted spellings', 'a value of another type (map, list, bytes…)'],
    examples: [
      { code: 'Bool("True")', result: true },
      { code: 'Bool(0)', result: false },
      { code: 'Bool(nil)', result: null },
      { code: 'Bool("yes")', error: 'invalid syntax' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<boolean | null>;
    return (ctx) => target.get(ctx);
  },
};
