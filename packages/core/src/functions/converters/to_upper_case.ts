import type { FunctionDef, Getter } from '../../types/signature.js';
import { goToUpper } from '../internal/strcase.js';

/** `ToUpperCase(target)` (ottlfuncs/func_to_upper_case.go). */
export const definition: FunctionDef = {
  name: 'ToUpperCase',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to convert' }],
  returns: 'string',
  doc: {
    category: 'string',
    summary: 'Converts a string to upper case.',
    returns: 'string',
    failures: ['target is not a string (nil included)'],
    examples: [{ code: 'ToUpperCase("MyMetricName")', result: 'MYMETRICNAME' }],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    return (ctx) => goToUpper(target.get(ctx));
  },
};
