import type { FunctionDef, GetSetter, Getter } from '../../types/signature.js';
import { dynamicRegex } from '../internal/regex.js';
import { editMap } from '../internal/targets.js';

/** `keep_matching_keys(target, pattern)` (ottlfuncs/func_keep_matching_keys.go). */
export const definition: FunctionDef = {
  name: 'keep_matching_keys',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the path holding the map' },
    { name: 'pattern', kind: { kind: 'getter', type: 'string' }, description: 'an RE2 regular expression' },
  ],
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
    const target = args[0] as GetSetter;
    const pattern = dynamicRegex('keep_matching_keys', args[1] as Getter<string>);
    return (ctx) => {
      const re = pattern.get(ctx);
      editMap(ctx, target, (m) => m.removeIf((key) => !re.test(key)));
      return null;
    };
  },
};
