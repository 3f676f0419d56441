import type { FunctionDef } from '../../types/signature.js';
import type { Value } from '../../types/values.js';
import { valueAsString } from '../../types/convert.js';
import { MAP_PATTERN_PARAMS, removeMatchingEntries } from '../internal/matchingEntries.js';

/** `delete_matching_values(target, pattern)` (ottlfuncs/func_delete_matching_values.go; not in upstream's newest standard list). */
export const definition: FunctionDef = {
  name: 'delete_matching_values',
  params: MAP_PATTERN_PARAMS,
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Removes every entry of a map whose value, as a string, matches a regular expression.',
    description:
      'Values are matched in their canonical string form (numbers and bools as text, maps and lists ' +
      'as JSON, bytes as base64, empty values as `""`).',
    failures: ['the pattern is not valid RE2', 'the target is not a map (nil included)'],
    examples: [
      {
        code: 'delete_matching_values(attributes, "^$")',
        before: { a: 'x', b: '', c: 3 },
        after: { a: 'x', c: 3 },
      },
      {
        code: 'delete_matching_values(attributes, "^3$")',
        before: { a: 'x', c: 3 },
        after: { a: 'x' },
      },
    ],
  },
  create(args) {
    return removeMatchingEntries('delete_matching_values', args, (re, _key, value) => re.test(valueAsString(value as Value)));
  },
};
