import type { FunctionDef } from '../../types/signature.js';
import { MAP_PATTERN_PARAMS, removeMatchingEntries } from '../internal/matchingEntries.js';

/** `keep_matching_keys(target, pattern)` (ottlfuncs/func_keep_matching_keys.go). */
export const definition: FunctionDef = {
  name: 'keep_matching_keys',
  params: MAP_PATTERN_PARAMS,
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Keeps only the keys of a map that match a regular expression (anywhere in the key).',
    failures: ['the pattern is not valid RE2', 'the target is not a map (nil included)'],
    examples: [
      {
        code: 'keep_matching_keys(attributes, "^http\\\\.")',
        before: { 'http.method': 'GET', 'http.route': '/', user: 'u' },
        after: { 'http.method': 'GET', 'http.route': '/' },
      },
    ],
  },
  create(args) {
    return removeMatchingEntries('keep_matching_keys', args, (re, key) => !re.test(key));
  },
};
