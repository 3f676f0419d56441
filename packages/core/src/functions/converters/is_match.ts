import type { FunctionDef, Getter } from '../../types/signature.js';
import { dynamicRegex } from '../internal/regex.js';

/** `IsMatch(target, pattern)` (ottlfuncs/func_is_match.go). */
export const definition: FunctionDef = {
  name: 'IsMatch',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'stringlike' }, description: 'the value to test' },
    { name: 'pattern', kind: { kind: 'getter', type: 'string' }, description: 'an RE2 regular expression' },
  ],
  returns: 'bool',
  doc: {
    category: 'string',
    summary: 'Tells whether a value matches a regular expression anywhere (RE2 syntax).',
    description:
      'Matching is unanchored, like Go `regexp.MatchString`; use `^…$` to match the whole value. ' +
      'Non-string targets are matched against their string form (numbers and bools as text, ' +
      'maps and lists as JSON). A nil target never matches. Matching takes linear time.',
    returns: 'bool',
    failures: [
      'pattern is not valid RE2 (when the statement is parsed, for a literal pattern)',
      'pattern is not a string',
    ],
    examples: [
      { code: 'IsMatch("string", ".*ring")', result: true },
      { code: 'IsMatch(123, "^\\\\d+$")', result: true },
      { code: 'IsMatch(nil, ".*")', result: false },
      { code: 'IsMatch("aa", "(a)\\\\1")', error: 'RE2 syntax, which has no backreferences' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string | null>;
    const pattern = dynamicRegex('IsMatch', args[1] as Getter<string>);
    return (ctx) => {
      const regex = pattern.get(ctx);
      const s = target.get(ctx);
      return s !== null && regex.test(s);
    };
  },
};
