import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError, type Value } from '../../types/values.js';
import { expectSlice } from '../../types/convert.js';
import { compareValues } from '../../types/compare.js';
import { utf8Offset } from '../internal/utf8.js';

/** `Index(target, value)` (ottlfuncs/func_index.go). */
export const definition: FunctionDef = {
  name: 'Index',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'any' }, description: 'a string or a list' },
    { name: 'value', kind: { kind: 'getter', type: 'any' }, description: 'what to look for' },
  ],
  returns: 'int',
  doc: {
    category: 'collection',
    summary: 'The index of the first occurrence of a value in a list, or of a substring in a string; -1 if absent.',
    description:
      'In a string the index is a UTF-8 byte offset and `value` must be a string. In a list, items ' +
      'are compared with the OTTL comparison rules (`1 == 1.0` is true, `"1" == 1` is false).',
    returns: 'int',
    failures: ['target is neither a string nor a list', 'target is a string and value is not'],
    examples: [
      { code: 'Index("hello world", "world")', result: 6 },
      { code: 'Index(["a", "b", "c"], "c")', result: 2 },
      { code: 'Index([1, 2, 3], "2")', result: -1 },
      { code: 'Index(123, "1")', error: 'expected pcommon.Slice but got int64' },
    ],
  },
  create(args) {
    const target = args[0] as Getter;
    const value = args[1] as Getter;
    return (ctx) => {
      const t = target.get(ctx);
      const v = value.get(ctx);
      if (typeof t === 'string') {
        if (typeof v !== 'string') throw new OttlError('invalid value type for Index function, value must be a string');
        const i = t.indexOf(v);
        return BigInt(i < 0 ? -1 : utf8Offset(t, i));
      }
      const items = expectSlice(t);
      for (let i = 0; i < items.length; i++) {
        if (compareValues(items.get(i) as Value, v, '==')) return BigInt(i);
      }
      return -1n;
    };
  },
};
