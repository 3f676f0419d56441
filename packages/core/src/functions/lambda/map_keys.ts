import { PMap } from '@ottl/pdata';
import { toPdataValue } from '../../contexts/keys.js';
import type { FunctionDef, Getter, Lambda } from '../../types/signature.js';
import { EXPERIMENTAL_GATE, callOn, checkLambda, elements } from '../internal/lambda.js';

export const definition: FunctionDef = {
  name: 'MapKeys',
  gate: EXPERIMENTAL_GATE,
  params: [
    { name: 'source', kind: { kind: 'getter', type: 'map' }, description: 'a map' },
    { name: 'keyMapper', kind: { kind: 'lambda', arity: 2 }, description: '`(key, value) => newKey` (a string)' },
  ],
  returns: 'map',
  doc: {
    category: 'lambda',
    summary: 'A map with every key transformed by a mapper; values unchanged (experimental).',
    description:
      'Needs the `ottl.functions.enableLambda` and `pkg.ottl.functions.enableExperimental` feature ' +
      'gates. When two keys map to the same new key, the later value wins at the earlier position.',
    failures: ['the source is not a map', 'the mapper does not return a string'],
    examples: [
      { code: 'MapKeys({"a": 1, "b": 2}, (k, _) => Concat(["x.", k], ""))', result: { 'x.a': 1, 'x.b': 2 } },
    ],
  },
  create(args, env) {
    const source = args[0] as Getter<PMap>;
    const keyMapper = args[1] as Lambda;
    checkLambda(env, keyMapper, 2);
    return (ctx) => {
      const src = source.get(ctx);
      const out = new PMap();
      for (const [k, v] of elements(src)) out.set(callOn(ctx, keyMapper, src, [k, v], 'string') as string, toPdataValue(v));
      return out;
    };
  },
};
