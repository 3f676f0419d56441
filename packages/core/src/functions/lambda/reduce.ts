import type { FunctionDef, Getter, Lambda } from '../../types/signature.js';
import { EXPERIMENTAL_GATE, SOURCE_PARAM, callOn, checkLambda, elements, sliceOrMap } from '../internal/lambda.js';

export const definition: FunctionDef = {
  name: 'Reduce',
  gate: EXPERIMENTAL_GATE,
  params: [
    SOURCE_PARAM,
    { name: 'seed', kind: { kind: 'getter', type: 'any' }, description: 'the initial accumulator' },
    { name: 'accumulator', kind: { kind: 'lambda', arity: 3 }, description: '`(acc, indexOrKey, value) => newAcc`' },
  ],
  returns: 'any',
  doc: {
    category: 'lambda',
    summary: 'Folds a list or map into one value (experimental).',
    description:
      'Needs the `ottl.functions.enableLambda` and `pkg.ottl.functions.enableExperimental` feature ' +
      'gates. Elements are visited in order (map order for maps); an empty source gives the seed.',
    failures: ['the source is not a list or map', 'the accumulator fails'],
    examples: [
      { code: 'Reduce([1, 2, 3], 0, (acc, _, v) => acc + v)', result: 6 },
      { code: 'Reduce({"a": "x", "b": "y"}, "", (acc, k, v) => Concat([acc, k, v], ""))', result: 'axby' },
    ],
  },
  create(args, env) {
    const source = args[0] as Getter;
    const seed = args[1] as Getter;
    const accumulator = args[2] as Lambda;
    checkLambda(env, accumulator, 3);
    return (ctx) => {
      const src = sliceOrMap(source.get(ctx));
      let acc = seed.get(ctx);
      for (const [k, v] of elements(src)) acc = callOn(ctx, accumulator, src, [acc, k, v]);
      return acc;
    };
  },
};
