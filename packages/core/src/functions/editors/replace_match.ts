import type { FunctionDef, GetSetter, Getter } from '../../types/signature.js';
import { dynamicGlob } from '../internal/glob.js';
import { GLOB_REPLACEMENT_PARAMS, globReplacement } from '../internal/replacement.js';

/** `replace_match(target, pattern, replacement, Optional[function], Optional[replacementFormat])` (ottlfuncs/func_replace_match.go). */
export const definition: FunctionDef = {
  name: 'replace_match',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the path holding the string' },
    { name: 'pattern', kind: { kind: 'getter', type: 'string' }, description: 'a glob matched against the whole string' },
    ...GLOB_REPLACEMENT_PARAMS,
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Replaces a whole string path when it matches a glob pattern.',
    description:
      'Glob syntax: `*` any run of characters (including `/`), `?` one character, `[abc]`, `[a-z]`, ' +
      '`[!abc]`, `{a,b}` alternatives, `\\` escapes. With a `function`, the replacement is ' +
      '`function(replacement)` (formatted by `replacementFormat` when given). A nil or non-string ' +
      'target is left alone.',
    failures: [
      'the pattern is not a valid glob (when the statement is parsed, for a literal pattern)',
      'the replacement is not a string, or the function does not return one',
    ],
    examples: [
      {
        code: 'replace_match(attributes["http.target"], "/user/*/list/*", "/user/{userId}/list/{listId}")',
        before: { 'http.target': '/user/12/list/7' },
        after: { 'http.target': '/user/{userId}/list/{listId}' },
      },
      {
        code: 'replace_match(attributes["env"], "{prod,staging}-*", "managed")',
        before: { env: 'staging-eu' },
        after: { env: 'managed' },
      },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const pattern = dynamicGlob('replace_match', args[1] as Getter<string>);
    const replacement = globReplacement(args);
    return (ctx) => {
      const glob = pattern.get(ctx);
      const value = target.get(ctx);
      const r = replacement(ctx);
      if (typeof value === 'string' && glob.match(value)) target.set(ctx, r);
      return null;
    };
  },
};
