import type { FunctionDef, GetSetter, Getter } from '../../types/signature.js';
import { editMap } from '../internal/targets.js';

export const definition: FunctionDef = {
  name: 'keep_keys',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the map to filter' },
    { name: 'keys', kind: { kind: 'getterList', type: 'string' }, description: 'the keys to keep' },
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Removes every key of a map except the listed ones.',
    description: 'An empty list clears the map. Surviving entries keep their order.',
    failures: ['the target is not a map: `expected pcommon.Map but got T`', 'a key is not a string'],
    examples: [
      { code: 'keep_keys(attributes, ["a", "c"])', before: { a: 1, b: 2, c: 3 }, after: { a: 1, c: 3 } },
      { code: 'keep_keys(attributes, [])', before: { a: 1 }, after: {} },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const keys = args[1] as readonly Getter<string>[];
    return (ctx) => {
      editMap(ctx, target, (m) => {
        const keep = new Set(keys.map((k) => k.get(ctx)));
        m.removeIf((k) => !keep.has(k));
      });
      return null;
    };
  },
};
