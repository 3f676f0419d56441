import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'Double',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'floatlike' } }],
  returns: 'float',
  doc: {
    category: 'type',
    summary: 'Converts a value to a float.',
    description: 'Floats as they are, ints converted, strings parsed, booleans as 1 or 0; nil gives nil.',
    returns: 'a float, or nil for nil input',
    failures: ['a string that is not a number: `strconv.ParseFloat: parsing "x": invalid syntax`', 'a value of another type'],
    examples: [
      { code: 'Double("1.5")', result: { $double: 1.5 } },
      { code: 'Double(2)', result: { $double: 2 } },
      { code: 'Double(true)', result: { $double: 1 } },
      { code: 'Double(nil)', result: null },
    ],
  },
  create(args) {
    const target = args[0] as Getter<number | null>;
    return (ctx) => target.get(ctx);
  },
};
