import type { FunctionDef } from '../../types/signature.js';
import { EXPERIMENTAL_GATE, PREDICATE_PARAM, SOURCE_PARAM, quantifier } from '../internal/lambda.js';

export const definition: FunctionDef = {
  name: 'All',
  gate: EXPERIMENTAL_GATE,
  params: [SOURCE_PARAM, PREDICATE_PARAM],
  returns: 'bool',
  doc: {
    category: 'lambda',
    summary: 'Tells whether a predicate holds for every element of a list or map (experimental).',
    description:
      'Needs the `ottl.functions.enableLambda` and `pkg.ottl.functions.enableExperimental` feature ' +
      'gates. The predicate gets the index (int) or key (string) and the value; `_` ignores a ' +
      'parameter. Stops at the first false; an empty source gives true.',
    failures: ['the source is not a list or map', 'the predicate does not return a bool'],
    examples: [
      { code: 'All([1, 2, 3], (_, v) => v > 0)', result: true },
      { code: 'All({"a": 1, "b": -1}, (_, v) => v > 0)', result: false },
    ],
  },
  create(args, env) {
    return quantifier(args, env, false);
  },
};
