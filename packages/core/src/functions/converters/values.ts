import { PSlice, type PMap } from '@ottl/pdata';
import { toPdataValue } from '../../contexts/keys.js';
import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'Values',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'map' } }],
  returns: 'list',
  doc: {
    category: 'collection',
    summary: 'The values of a map, as a list.',
    returns: 'a new list of copies of the values, in map order (upstream does not promise an order)',
    failures: ['the target is not a map: `expected pcommon.Map but got T`'],
    examples: [
      { code: 'Values({"a": 1, "b": [true]})', result: [1, [true]] },
      { code: 'Values({})', result: [] },
    ],
  },
  create(args) {
    const target = args[0] as Getter<PMap>;
    return (ctx) => {
      const out = PSlice.fromRaw([]);
      for (const v of target.get(ctx).values()) out.append(toPdataValue(v));
      return out;
    };
  },
};
