import { PMap } from '@ottl/pdata';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlCreateError, OttlError } from '../../types/values.js';
import { dynamicRegex } from '../internal/regex.js';

const NO_NAMED_GROUP = 'at least 1 named capture group must be supplied in the given regex';

/** `ExtractPatterns(target, pattern)` (ottlfuncs/func_extract_patterns.go). */
export const definition: FunctionDef = {
  name: 'ExtractPatterns',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to search' },
    {
      name: 'pattern',
      kind: { kind: 'getter', type: 'string' },
      description: 'an RE2 regular expression with named groups `(?P<name>…)`',
    },
  ],
  returns: 'map',
  doc: {
    category: 'parsing',
    summary: 'Extracts the named groups of the first regex match into a map.',
    description:
      'Only named groups are returned; a group that did not take part in the match gives `""`. No ' +
      'match gives an empty map.',
    returns: 'map of strings',
    failures: [
      'the pattern is not valid RE2 or has no named group (when the statement is parsed, for a literal pattern)',
      'target is not a string (nil included)',
    ],
    examples: [
      {
        code: 'ExtractPatterns("a=b c=d", "^a=(?P<a>\\\\w+)\\\\s+c=(?P<c>\\\\w+)$")',
        result: { a: 'b', c: 'd' },
      },
      { code: 'ExtractPatterns("GIT_SHA=abc123", "GIT_SHA=(?P<git_sha>\\\\w+)")', result: { git_sha: 'abc123' } },
      {
        code: 'ExtractPatterns("x", "(?P<git.sha>x)")',
        error: 'invalid named capture',
        note: 'RE2 group names are letters, digits and _ only',
      },
      { code: 'ExtractPatterns("x", "^y(?P<v>.*)")', result: {} },
      { code: 'ExtractPatterns("x", "(.*)")', error: NO_NAMED_GROUP },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const pattern = dynamicRegex('ExtractPatterns', args[1] as Getter<string>);
    if (pattern.literal !== undefined && pattern.literal.namedGroups().length === 0) {
      throw new OttlCreateError(NO_NAMED_GROUP);
    }
    return (ctx) => {
      const re = pattern.get(ctx);
      if (re.namedGroups().length === 0) throw new OttlError(NO_NAMED_GROUP);
      const s = target.get(ctx);
      const out = new PMap();
      const m = re.firstMatch(s);
      if (m === null) return out;
      re.groupNames.forEach((name, g) => {
        if (name !== '') out.set(name, m[2 * g]! < 0 ? '' : s.slice(m[2 * g], m[2 * g + 1]));
      });
      return out;
    };
  },
};
