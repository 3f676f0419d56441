import type { FunctionDef, GetSetter, Getter } from '../../types/signature.js';
import { dynamicRegex } from '../internal/regex.js';
import { editMap } from '../internal/targets.js';

/** `delete_matching_keys(target, pattern)` (ottlfuncs/func_delete_matching_keys.go). */
export const definition: FunctionDef = {
  name: 'delete_matching_keys',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the path holding the map' },
    { name: 'pattern', kind: { kind: 'getter', type: 'string' }, description: 'an RE2 regular expression' },
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Removes every key of a map that matches a regular expression (anywhere in the key).',
    failures: ['the pattern is not valid RE2', 'the target is not a map (nil included)'],
    examples: [
      {
        code: 'delete_matching_keys(attributes, "(?i).*password.*")',
        before: { user: 'u', Password: 'p', db_password_hash: 'h' },
        after: { user: 'u' },
      },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const pattern = dynamicRegex('delete_matching_keys', args[1] as Getter<string>);
    return (ctx) => {
      const re = pattern.get(ctx);
      editMap(ctx, target, (m) => m.removeIf((key) => re.test(key)));
      return null;
    };
  },
};
