import type { FunctionDef } from '../../types/signature.js';
import { EXPERIMENTAL_GATE, PREDICATE_PARAM, SOURCE_PARAM, quantifier } from '../internal/lambda.js';

export const definition: FunctionDef = {
  name: 'Any',
  gate: EXPERIMENTAL_GATE,
  params: [SOURCE_PARAM, PREDICATE_PARAM],
  returns: 'bool',
  doc: {
    category: 'lambda',
    summary: 'Tells whether a predicate holds for at least one element of a list or map (experimental).',
    description:
      'Needs the `ottl.functions.enableLambda` and `pkg.ottl.functions.enableExperimental` feature ' +
      'gates. Stops at the first true; an empty source gives false.',
    failures: ['the source is not a list or map', 'the predicate does not return a bool'],
    examples: [
      { code: 'Any(["dev", "prod"], (_, v) => v == "prod")', result: true },
      { code: 'Any({"a": 1}, (k, _) => k == "b")', result: false },
    ],
  },
  create(args, env) {
    return quantifier(args, env, true);
  },
};
