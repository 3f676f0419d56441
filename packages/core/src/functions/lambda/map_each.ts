import { PMap, PSlice } from '@ottl/pdata';
import { toPdataValue } from '../../contexts/keys.js';
import type { FunctionDef, Getter, Lambda } from '../../types/signature.js';
import { EXPERIMENTAL_GATE, SOURCE_PARAM, callOn, checkLambda, elements, sliceOrMap } from '../internal/lambda.js';

export const definition: FunctionDef = {
  name: 'MapEach',
  gate: EXPERIMENTAL_GATE,
  params: [
    SOURCE_PARAM,
    { name: 'mapper', kind: { kind: 'lambda', arity: 2 }, description: '`(indexOrKey, value) => newValue`' },
  ],
  returns: 'any',
  doc: {
    category: 'lambda',
    summary: 'A list or map with every value transformed by a mapper (experimental).',
    description: 'Needs the `ottl.functions.enableLambda` and `pkg.ottl.functions.enableExperimental` feature gates.',
    returns: 'a new list or map with the same keys or indexes',
    failures: ['the source is not a list or map', 'the mapper fails'],
    examples: [
      { code: 'MapEach([1, 2], (_, v) => v * 10)', result: [10, 20] },
      { code: 'MapEach({"a": 1}, (_, v) => String(v))', result: { a: '1' } },
    ],
  },
  create(args, env) {
    const source = args[0] as Getter;
    const mapper = args[1] as Lambda;
    checkLambda(env, mapper, 2);
    return (ctx) => {
      const src = sliceOrMap(source.get(ctx));
      if (src instanceof PSlice) {
        const out = PSlice.fromRaw([]);
        for (const [k, v] of elements(src)) out.append(toPdataValue(callOn(ctx, mapper, src, [k, v])));
        return out;
      }
      const out = new PMap();
      for (const [k, v] of elements(src)) out.set(k as string, toPdataValue(callOn(ctx, mapper, src, [k, v])));
      return out;
    };
  },
};
