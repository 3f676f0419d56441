import { PSlice, type PMap } from '@ottl/pdata';
import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'Keys',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'map' } }],
  returns: 'list',
  doc: {
    category: 'collection',
    summary: 'The keys of a map, as a list of strings.',
    returns: 'a new list, in map order (upstream does not promise an order)',
    failures: ['the target is not a map: `expected pcommon.Map but got T`'],
    examples: [
      { code: 'Keys({"a": 1, "b": 2})', result: ['a', 'b'] },
      { code: 'Keys({})', result: [] },
    ],
  },
  create(args) {
    const target = args[0] as Getter<PMap>;
    return (ctx) => {
      const out = PSlice.fromRaw([]);
      for (const k of target.get(ctx).keys()) out.append(k);
      return out;
    };
  },
};
