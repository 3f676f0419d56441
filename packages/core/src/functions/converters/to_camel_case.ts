import type { FunctionDef, Getter } from '../../types/signature.js';
import { toCamelCase } from '../internal/strcase.js';

/** `ToCamelCase(target)` (ottlfuncs/func_to_camel_case.go). */
export const definition: FunctionDef = {
  name: 'ToCamelCase',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to convert' }],
  returns: 'string',
  doc: {
    category: 'string',
    summary: 'Converts a string to upper camel case (`my_metric_name` → `MyMetricName`).',
    returns: 'string',
    failures: ['target is not a string (nil included)'],
    examples: [{ code: 'ToCamelCase("my_metric_name")', result: 'MyMetricName' }],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    return (ctx) => toCamelCase(target.get(ctx));
  },
};
