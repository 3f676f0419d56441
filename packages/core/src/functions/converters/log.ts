import { goFormatValue } from '../../types/math.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';

export const definition: FunctionDef = {
  name: 'Log',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'floatlike' } }],
  returns: 'float',
  doc: {
    category: 'math',
    summary: 'The natural logarithm of a number.',
    description: 'Ints, numeric strings and booleans are converted to a float first.',
    failures: ['nil: `invalid input: <nil>`', 'a value not above zero: `invalid input: expected number greater than zero`'],
    examples: [
      { code: 'Log(1)', result: { $double: 0 } },
      { code: 'Log("1")', result: { $double: 0 } },
      { code: 'Log(0)', error: 'greater than zero' },
    ],
  },
  create(args) {
    const value = args[0] as Getter<number | null>;
    return (ctx) => {
      const v = value.get(ctx);
      if (v === null) throw new OttlError('invalid input: <nil>');
      if (!(v > 0)) throw new OttlError(`invalid input: expected number greater than zero but got ${goFormatValue(v)}`);
      return Math.log(v);
    };
  },
};
