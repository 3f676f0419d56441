import type { FunctionDef, Getter, Lambda } from '../../types/signature.js';
import { EXPERIMENTAL_GATE, callOn, checkLambda, elements, sliceOrMap } from '../internal/lambda.js';

export const definition: FunctionDef = {
  name: 'Any',
  gate: EXPERIMENTAL_GATE,
  params: [
    { name: 'source', kind: { kind: 'getter', type: 'any' }, description: 'a list or map' },
    { name: 'predicate', kind: { kind: 'lambda', arity: 2 }, description: '`(indexOrKey, value) => bool`' },
  ],
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
    const source = args[0] as Getter;
    const predicate = args[1] as Lambda;
    checkLambda(env, predicate, 2);
    return (ctx) => {
      const src = sliceOrMap(source.get(ctx));
      for (const [k, v] of elements(src)) if (callOn(ctx, predicate, src, [k, v], 'bool')) return true;
      return false;
    };
  },
};
