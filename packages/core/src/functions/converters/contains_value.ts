import { compareValues } from '../../types/compare.js';
import { expectSlice } from '../../types/convert.js';
import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'ContainsValue',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'any' }, description: 'the list to search' },
    { name: 'item', kind: { kind: 'getter', type: 'any' }, description: 'the value to look for' },
  ],
  returns: 'bool',
  doc: {
    category: 'collection',
    summary: 'Tells whether a list holds a value, compared with `==`.',
    description: 'Ints and floats compare numerically (`1 == 1.0`); other types must match.',
    failures: ['the target is not a list: `expected pcommon.Slice but got T`'],
    examples: [
      { code: 'ContainsValue(["a", "b"], "b")', result: true },
      { code: 'ContainsValue([1, 2], 2.0)', result: true },
      { code: 'ContainsValue([1, 2], "1")', result: false },
    ],
  },
  create(args) {
    const target = args[0] as Getter;
    const item = args[1] as Getter;
    return (ctx) => {
      const list = expectSlice(target.get(ctx));
      const wanted = item.get(ctx);
      for (const v of list.values()) if (compareValues(v, wanted, '==')) return true;
      return false;
    };
  },
};
