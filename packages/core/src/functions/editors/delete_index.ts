import type { FunctionDef, GetSetter, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';
import { editSlice } from '../internal/targets.js';

export const definition: FunctionDef = {
  name: 'delete_index',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the list to remove elements from' },
    { name: 'startIndex', kind: { kind: 'getter', type: 'int' }, description: 'the first index removed' },
    {
      name: 'endIndex',
      kind: { kind: 'getter', type: 'int' },
      optional: true,
      default: 'startIndex + 1',
      description: 'the index after the last one removed (exclusive)',
    },
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Removes the elements `[startIndex, endIndex)` from a list.',
    description: 'Without `endIndex` only the element at `startIndex` is removed; `startIndex == endIndex` removes nothing.',
    failures: [
      'the target is not a list: `expected pcommon.Slice but got T`',
      '`startIndex` is negative or not below the length: `startIndex N out of bounds for slice of length L`',
      '`endIndex` is below `startIndex` or past the length',
    ],
    examples: [
      { code: 'delete_index(attributes["tags"], 1)', before: { tags: ['a', 'b', 'c'] }, after: { tags: ['a', 'c'] } },
      { code: 'delete_index(attributes["tags"], 0, 2)', before: { tags: ['a', 'b', 'c'] }, after: { tags: ['c'] } },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const startGetter = args[1] as Getter<bigint>;
    const endGetter = args[2] as Getter<bigint> | undefined;
    return (ctx) => {
      editSlice(ctx, target, (s) => {
        const start = startGetter.get(ctx);
        const end = endGetter === undefined ? start + 1n : endGetter.get(ctx);
        const len = BigInt(s.length);
        if (start === 0n && end === len) {
          s.clear();
          return;
        }
        if (start < 0n || start >= len) {
          throw new OttlError(`startIndex ${start} out of bounds for slice of length ${len}`);
        }
        if (end < start) throw new OttlError(`endIndex ${end} cannot be less than startIndex ${start}`);
        if (end > len) throw new OttlError(`deletion range [${start}:${end}] out of bounds for slice of length ${len}`);
        if (end > start) s.removeRange(Number(start), Number(end));
      });
      return null;
    };
  },
};
