import type { FunctionDef, GetSetter, Getter } from '../../types/signature.js';
import { editMap } from '../internal/targets.js';

export const definition: FunctionDef = {
  name: 'delete_key',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the map to remove the key from' },
    { name: 'key', kind: { kind: 'getter', type: 'string' }, description: 'the key to remove' },
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Removes a key from a map; a missing key is not an error.',
    description: 'As in pdata, the last entry of the map moves into the removed slot.',
    failures: ['the target is not a map (nil included): `expected pcommon.Map but got T`', 'the key is not a string'],
    examples: [{ code: 'delete_key(attributes, "secret")', before: { secret: 'x', keep: 1 }, after: { keep: 1 } }],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const key = args[1] as Getter<string>;
    return (ctx) => {
      editMap(ctx, target, (m) => {
        m.remove(key.get(ctx));
      });
      return null;
    };
  },
};
