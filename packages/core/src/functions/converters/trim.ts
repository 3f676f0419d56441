import type { FunctionDef, Getter } from '../../types/signature.js';

/** Go `strings.Trim(s, cutset)`: strips leading and trailing runes that occur in `cutset`. */
function trimCutset(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const cut = new Set(Array.from(cutset));
  const runes = Array.from(s);
  let start = 0;
  let end = runes.length;
  while (start < end && cut.has(runes[start]!)) start++;
  while (end > start && cut.has(runes[end - 1]!)) end--;
  return runes.slice(start, end).join('');
}

/** `Trim(target, Optional[replacement])` (ottlfuncs/func_trim.go). */
export const definition: FunctionDef = {
  name: 'Trim',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to trim' },
    {
      name: 'replacement',
      kind: { kind: 'literal', type: 'string' },
      optional: true,
      default: '" "',
      description: 'the set of characters stripped from both ends',
    },
  ],
  returns: 'string',
  doc: {
    category: 'string',
    summary: 'Strips leading and trailing characters (a space by default).',
    description:
      '`replacement` is a set of characters, as Go `strings.Trim` takes it: every leading and trailing ' +
      'character found in it is removed. An empty set removes nothing.',
    returns: 'string',
    failures: ['target is not a string (nil included)'],
    examples: [
      { code: 'Trim(" this is a test ")', result: 'this is a test' },
      { code: 'Trim("!!this is a test!?", "!?")', result: 'this is a test' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const cutset = (args[1] as string | undefined) ?? ' ';
    return (ctx) => trimCutset(target.get(ctx), cutset);
  },
};
