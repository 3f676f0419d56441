import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'String',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'stringlike' } }],
  returns: 'string',
  doc: {
    category: 'type',
    summary: 'Converts a value to a string.',
    description:
      'Strings as they are, bytes as lowercase hex, maps and lists as JSON, numbers and booleans as ' +
      'their JSON text; nil gives nil.',
    returns: 'a string, or nil for nil input',
    failures: ['a value without a JSON form (NaN, an opaque pdata struct)'],
    examples: [
      { code: 'String(12)', result: '12' },
      { code: 'String(0x7b)', result: '7b' },
      { code: 'String([1, "a"])', result: '[1,"a"]' },
      { code: 'String({"k": true})', result: '{"k":true}' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string | null>;
    return (ctx) => target.get(ctx);
  },
};
