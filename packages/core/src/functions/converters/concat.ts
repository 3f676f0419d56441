import type { FunctionDef, Getter } from '../../types/signature.js';

/** `Concat(values[], delimiter)` (ottlfuncs/func_concat.go). */
export const definition: FunctionDef = {
  name: 'Concat',
  params: [
    { name: 'values', kind: { kind: 'getterList', type: 'stringlike' }, description: 'the values to join' },
    { name: 'delimiter', kind: { kind: 'getter', type: 'string' }, description: 'placed between values' },
  ],
  returns: 'string',
  doc: {
    category: 'string',
    summary: 'Joins the string forms of values with a delimiter.',
    description:
      'Each value is rendered with the string-like rules: strings as is, numbers and bools as text, ' +
      'bytes as lowercase hex, maps and lists as JSON, nil as `<nil>`.',
    returns: 'string',
    failures: ['the delimiter is not a string', 'a value has no string form'],
    examples: [
      { code: 'Concat(["hello", "world"], " ")', result: 'hello world' },
      { code: 'Concat(["id", 1, 2.5, true], "-")', result: 'id-1-2.5-true' },
      { code: 'Concat([[1, 2], {"a": "b"}, nil], ",")', result: '[1,2],{"a":"b"},<nil>' },
    ],
  },
  create(args) {
    const values = args[0] as readonly Getter<string | null>[];
    const delimiter = args[1] as Getter<string>;
    return (ctx) => {
      const sep = delimiter.get(ctx);
      let out = '';
      for (let i = 0; i < values.length; i++) {
        if (i > 0) out += sep;
        const v = values[i]!.get(ctx);
        out += v === null ? '<nil>' : v;
      }
      return out;
    };
  },
};
