import type { FunctionDef, GetSetter } from '../../types/signature.js';
import { OttlCreateError } from '../../types/values.js';
import { editMap } from '../internal/targets.js';

export const definition: FunctionDef = {
  name: 'limit',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the map to shrink' },
    { name: 'limit', kind: { kind: 'literal', type: 'int' }, description: 'the most entries to keep' },
    { name: 'priorityKeys', kind: { kind: 'literalList', type: 'string' }, description: 'keys kept whatever their position' },
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Shrinks a map to at most `limit` entries, keeping the priority keys that are present.',
    description:
      'Nothing happens when the map has at most `limit` entries. Otherwise the priority keys present ' +
      'are kept and count toward the limit, and the remaining slots go to the other entries in map order.',
    failures: [
      'a negative `limit`, or a `limit` below the number of priority keys (when the statement is parsed)',
      'the target is not a map: `expected pcommon.Map but got T`',
    ],
    examples: [
      { code: 'limit(attributes, 2, [])', before: { a: 1, b: 2, c: 3 }, after: { a: 1, b: 2 } },
      { code: 'limit(attributes, 2, ["c"])', before: { a: 1, b: 2, c: 3 }, after: { a: 1, c: 3 } },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const limit = args[1] as bigint;
    const priorityKeys = args[2] as readonly string[];
    if (limit < 0n) throw new OttlCreateError(`invalid limit for limit function, ${limit} cannot be negative`);
    if (limit < BigInt(priorityKeys.length)) {
      throw new OttlCreateError(
        `invalid limit for limit function, ${limit} cannot be less than number of priority attributes ${priorityKeys.length}`,
      );
    }
    const priority = new Set(priorityKeys);
    return (ctx) => {
      editMap(ctx, target, (m) => {
        if (BigInt(m.size) <= limit) return;
        let kept = 0n;
        for (const k of priority) if (m.has(k)) kept++;
        m.removeIf((k) => {
          if (priority.has(k)) return false;
          if (kept < limit) {
            kept++;
            return false;
          }
          return true;
        });
      });
      return null;
    };
  },
};
