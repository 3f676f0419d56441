import type { FunctionDef, Getter } from '../../types/signature.js';
import { goSprintf } from '../internal/gofmt.js';

/** `Format(formatString, formatArguments[])` (ottlfuncs/func_format.go). */
export const definition: FunctionDef = {
  name: 'Format',
  params: [
    { name: 'formatString', kind: { kind: 'literal', type: 'string' }, description: 'a Go fmt format string' },
    { name: 'formatArguments', kind: { kind: 'getterList', type: 'any' }, description: 'the values to format' },
  ],
  returns: 'string',
  doc: {
    category: 'string',
    summary: 'Formats values with a Go `fmt.Sprintf` format string.',
    description:
      'Verbs: `%v %s %q %d %b %o %O %x %X %c %U %t %e %E %f %F %g %G %T %%`, with flags `+ - # 0` and ' +
      'space, width, precision (also `*`) and argument indexes (`%[2]s`). A verb that does not fit its ' +
      'value, a missing or an extra value is written into the result the way Go does (`%!d(string=a)`, ' +
      '`%!s(MISSING)`, `%!(EXTRA int64=1)`) instead of failing. `%v` prints lists as `[a b]` and maps ' +
      'as `map[k:v]` with sorted keys.',
    returns: 'string',
    examples: [
      { code: 'Format("%04d-%02d-%02d", [2024, 3, 7])', result: '2024-03-07' },
      { code: 'Format("%s has %d items (%.1f%%)", ["cart", 3, 42.25])', result: 'cart has 3 items (42.2%)' },
      { code: 'Format("%d", ["x"])', result: '%!d(string=x)' },
      { code: 'Format("%v|%q|%x", [[1, 2], "a\\"b", 255])', result: '[1 2]|"a\\"b"|ff' },
    ],
  },
  create(args) {
    const format = args[0] as string;
    const values = args[1] as readonly Getter[];
    return (ctx) => goSprintf(format, values.map((v) => v.get(ctx)));
  },
};
