import type { FunctionDef, Getter, Lambda } from '../../types/signature.js';
import {
  EXPERIMENTAL_GATE,
  PREDICATE_PARAM,
  SOURCE_PARAM,
  callOn,
  checkLambda,
  elements,
  sliceOrMap,
} from '../internal/lambda.js';

export const definition: FunctionDef = {
  name: 'Find',
  gate: EXPERIMENTAL_GATE,
  params: [
    SOURCE_PARAM,
    PREDICATE_PARAM,
    {
      name: 'mapper',
      kind: { kind: 'lambda', arity: 2 },
      optional: true,
      description: '`(indexOrKey, value) => result`, applied to the element found',
    },
  ],
  returns: 'any',
  doc: {
    category: 'lambda',
    summary: 'The first element of a list or map for which a predicate holds (experimental).',
    description: 'Needs the `ottl.functions.enableLambda` and `pkg.ottl.functions.enableExperimental` feature gates.',
    returns: "the element's value (or the mapper's result), or nil when none matches",
    failures: ['the source is not a list or map', 'the predicate does not return a bool'],
    examples: [
      { code: 'Find(["a", "bb", "cc"], (_, v) => Len(v) == 2)', result: 'bb' },
      { code: 'Find({"x": 1, "y": 2}, (_, v) => v == 2, (k, _) => k)', result: 'y' },
      { code: 'Find([1], (_, v) => v == 2)', result: null },
    ],
  },
  create(args, env) {
    const source = args[0] as Getter;
    const predicate = args[1] as Lambda;
    const mapper = args[2] as Lambda | undefined;
    checkLambda(env, predicate, 2, 'predicate');
    if (mapper !== undefined) checkLambda(env, mapper, 2, 'mapper');
    return (ctx) => {
      const src = sliceOrMap(source.get(ctx));
      for (const [k, v] of elements(src)) {
        if (!callOn(ctx, predicate, src, [k, v], 'bool')) continue;
        return mapper === undefined ? v : callOn(ctx, mapper, src, [k, v], undefined, 'mapper lambda function');
      }
      return null;
    };
  },
};
