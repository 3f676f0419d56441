import { PMap, PSlice } from '@ottl/pdata';
import { toPdataValue } from '../../contexts/keys.js';
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
  name: 'Filter',
  gate: EXPERIMENTAL_GATE,
  params: [SOURCE_PARAM, PREDICATE_PARAM],
  returns: 'any',
  doc: {
    category: 'lambda',
    summary: 'The elements of a list or map for which a predicate holds (experimental).',
    description: 'Needs the `ottl.functions.enableLambda` and `pkg.ottl.functions.enableExperimental` feature gates.',
    returns: 'a new list or map of copies of the kept elements, in order',
    failures: ['the source is not a list or map', 'the predicate does not return a bool'],
    examples: [
      { code: 'Filter([1, 5, 2], (_, v) => v > 1)', result: [5, 2] },
      { code: 'Filter({"http.a": 1, "b": 2}, (k, _) => HasPrefix(k, "http."))', result: { 'http.a': 1 } },
    ],
  },
  create(args, env) {
    const source = args[0] as Getter;
    const predicate = args[1] as Lambda;
    checkLambda(env, predicate, 2);
    return (ctx) => {
      const src = sliceOrMap(source.get(ctx));
      if (src instanceof PSlice) {
        const out = PSlice.fromRaw([]);
        for (const [k, v] of elements(src)) if (callOn(ctx, predicate, src, [k, v], 'bool')) out.append(toPdataValue(v));
        return out;
      }
      const out = new PMap();
      for (const [k, v] of elements(src)) if (callOn(ctx, predicate, src, [k, v], 'bool')) out.set(k as string, toPdataValue(v));
      return out;
    };
  },
};
