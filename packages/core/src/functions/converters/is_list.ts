import { isList } from '../../types/convert.js';
import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'IsList',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'any' } }],
  returns: 'bool',
  doc: {
    category: 'type',
    summary: 'Tells whether a value is a list.',
    returns: 'true for lists (list literals, slice attributes, converter results), false otherwise',
    failures: ['evaluating the argument fails'],
    examples: [
      { code: 'IsList([1, 2])', result: true },
      { code: 'IsList({})', result: false },
      { code: 'IsList(nil)', result: false },
    ],
  },
  create(args) {
    const value = args[0] as Getter;
    return (ctx) => isList(value.get(ctx));
  },
};
