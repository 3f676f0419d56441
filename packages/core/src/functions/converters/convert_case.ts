import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlCreateError } from '../../types/values.js';
import { goToLower, goToUpper, toCamelCase, toSnakeCase } from '../internal/strcase.js';

const CASES: Readonly<Record<string, (s: string) => string>> = {
  lower: goToLower,
  upper: goToUpper,
  snake: toSnakeCase,
  camel: toCamelCase,
};

/** `ConvertCase(target, toCase)` (ottlfuncs/func_convert_case.go). */
export const definition: FunctionDef = {
  name: 'ConvertCase',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to convert' },
    {
      name: 'toCase',
      kind: { kind: 'literal', type: 'string' },
      description: 'one of `lower`, `upper`, `snake`, `camel` (upper camel case)',
    },
  ],
  returns: 'string',
  doc: {
    category: 'string',
    summary: 'Converts a string to lower, upper, snake or (upper) camel case.',
    returns: 'string',
    failures: ['toCase is not one of lower, upper, snake, camel (when the statement is parsed)', 'target is not a string (nil included)'],
    examples: [
      { code: 'ConvertCase("MY_METRIC", "lower")', result: 'my_metric' },
      { code: 'ConvertCase("my_metric", "upper")', result: 'MY_METRIC' },
      { code: 'ConvertCase("CPUUtilizationMetric", "snake")', result: 'cpu_utilization_metric' },
      { code: 'ConvertCase("my_metric", "camel")', result: 'MyMetric' },
      { code: 'ConvertCase("x", "title")', error: 'invalid case: title, allowed cases are: lower, upper, snake, camel' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const toCase = args[1] as string;
    const convert = Object.hasOwn(CASES, toCase) ? CASES[toCase]! : undefined;
    if (convert === undefined) {
      throw new OttlCreateError(`invalid case: ${toCase}, allowed cases are: lower, upper, snake, camel`);
    }
    return (ctx) => convert(target.get(ctx));
  },
};
