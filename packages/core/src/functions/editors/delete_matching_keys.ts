import type { FunctionDef } from '../../types/signature.js';
import { MAP_PATTERN_PARAMS, removeMatchingEntries } from '../internal/matchingEntries.js';

/** `delete_matching_keys(target, pattern)` (ottlfuncs/func_delete_matching_keys.go). */
export const definition: FunctionDef = {
  name: 'delete_matching_keys',
  params: MAP_PATTERN_PARAMS,
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
    return removeMatchingEntries('delete_matching_keys', args, (re, key) => re.test(key));
  },
};
