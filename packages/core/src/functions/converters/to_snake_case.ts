import type { FunctionDef, Getter } from '../../types/signature.js';
import { toSnakeCase } from '../internal/strcase.js';

/** `ToSnakeCase(target)` (ottlfuncs/func_to_snake_case.go). */
export const definition: FunctionDef = {
  name: 'ToSnakeCase',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to convert' }],
  returns: 'string',
  doc: {
    category: 'string',
    summary: 'Converts a string to snake case (`MyMetricName` → `my_metric_name`).',
    returns: 'string',
    failures: ['target is not a string (nil included)'],
    examples: [{ code: 'ToSnakeCase("MyMetricName")', result: 'my_metric_name' }],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    return (ctx) => toSnakeCase(target.get(ctx));
  },
};
