import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'Int',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'intlike' } }],
  returns: 'int',
  doc: {
    category: 'type',
    summary: 'Converts a value to an int.',
    description:
      'Ints as they are, floats truncated toward zero, strings parsed as base-10 integers, booleans ' +
      'as 1 or 0. Nil and strings that are not integers (`"2.5"`, `""`) give nil.',
    returns: 'an int, or nil',
    failures: ['a value of another type (map, list, bytes…)'],
    examples: [
      { code: 'Int("42")', result: 42 },
      { code: 'Int(-2.7)', result: -2 },
      { code: 'Int("2.5")', result: null },
      { code: 'Int(true)', result: 1 },
    ],
  },
  create(args) {
    const target = args[0] as Getter<bigint | null>;
    return (ctx) => target.get(ctx);
  },
};
