import type { FunctionDef, Getter } from '../../types/signature.js';
import { goToLower } from '../internal/strcase.js';

/** `ToLowerCase(target)` (ottlfuncs/func_to_lower_case.go). */
export const definition: FunctionDef = {
  name: 'ToLowerCase',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to convert' }],
  returns: 'string',
  doc: {
    category: 'string',
    summary: 'Converts a string to lower case.',
    returns: 'string',
    failures: ['target is not a string (nil included)'],
    examples: [{ code: 'ToLowerCase("MyMetricName")', result: 'mymetricname' }],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    return (ctx) => goToLower(target.get(ctx));
  },
};
