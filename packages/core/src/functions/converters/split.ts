import type { FunctionDef, Getter } from '../../types/signature.js';

/** `Split(target, delimiter)` (ottlfuncs/func_split.go). */
export const definition: FunctionDef = {
  name: 'Split',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to split' },
    { name: 'delimiter', kind: { kind: 'getter', type: 'string' }, description: 'the separator' },
  ],
  returns: 'list',
  doc: {
    category: 'string',
    summary: 'Splits a string around a delimiter into a list of strings.',
    description:
      'Go `strings.Split` semantics: an empty target gives `[""]`; an empty delimiter splits after ' +
      'every character (and an empty target then gives `[]`).',
    returns: 'list of strings',
    failures: ['target or delimiter is not a string (nil included)'],
    examples: [
      { code: 'Split("A|B|C", "|")', result: ['A', 'B', 'C'] },
      { code: 'Split("", "|")', result: [''] },
      { code: 'Split("abc", "")', result: ['a', 'b', 'c'] },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const delimiter = args[1] as Getter<string>;
    return (ctx) => {
      const s = target.get(ctx);
      const sep = delimiter.get(ctx);
      return sep === '' ? Array.from(s) : s.split(sep);
    };
  },
};
