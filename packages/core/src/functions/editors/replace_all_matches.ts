import type { FunctionDef, GetSetter, Getter } from '../../types/signature.js';
import { dynamicGlob } from '../internal/glob.js';
import { GLOB_REPLACEMENT_PARAMS, globReplacement } from '../internal/replacement.js';
import { editMap } from '../internal/targets.js';

/**
 * `replace_all_matches(target, pattern, replacement, Optional[function], Optional[replacementFormat])`
 * (ottlfuncs/func_replace_all_matches.go).
 */
export const definition: FunctionDef = {
  name: 'replace_all_matches',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the path holding the map' },
    { name: 'pattern', kind: { kind: 'getter', type: 'string' }, description: 'a glob matched against whole values' },
    ...GLOB_REPLACEMENT_PARAMS,
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Replaces every string value of a map that matches a glob pattern.',
    description:
      'Only the top level of the map is visited; non-string values are left alone. Glob syntax as ' +
      'in `replace_match` (`*` also crosses `/`).',
    failures: ['the pattern is not a valid glob', 'the target is not a map', 'the replacement is not a string'],
    examples: [
      {
        code: 'replace_all_matches(attributes, "/user/*/list/*", "/user/{userId}/list/{listId}")',
        before: { path: '/user/12/list/7', other: 'x', n: 3 },
        after: { path: '/user/{userId}/list/{listId}', other: 'x', n: 3 },
      },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const pattern = dynamicGlob('replace_all_matches', args[1] as Getter<string>);
    const replacement = globReplacement(args);
    return (ctx) => {
      const glob = pattern.get(ctx);
      editMap(ctx, target, (m) => {
        const r = replacement(ctx);
        for (const [key, value] of [...m.entries()]) {
          if (typeof value === 'string' && glob.match(value)) m.set(key, r);
        }
      });
      return null;
    };
  },
};
