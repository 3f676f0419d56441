import type { FunctionDef, GetSetter, Getter } from '../../types/signature.js';
import type { Value } from '../../types/values.js';
import { valueAsString } from '../../types/convert.js';
import { dynamicRegex } from '../internal/regex.js';
import { editMap } from '../internal/targets.js';

/** `delete_matching_values(target, pattern)` (ottlfuncs/func_delete_matching_values.go; not in upstream's newest standard list). */
export const definition: FunctionDef = {
  name: 'delete_matching_values',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the path holding the map' },
    { name: 'pattern', kind: { kind: 'getter', type: 'string' }, description: 'an RE2 regular expression' },
  ],
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
    const target = args[0] as GetSetter;
    const pattern = dynamicRegex('delete_matching_values', args[1] as Getter<string>);
    return (ctx) => {
      const re = pattern.get(ctx);
      editMap(ctx, target, (m) => m.removeIf((_key, value) => re.test(valueAsString(value as Value))));
      return null;
    };
  },
};
