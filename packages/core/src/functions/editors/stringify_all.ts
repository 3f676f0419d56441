import { valueAsString } from '../../types/convert.js';
import type { FunctionDef, GetSetter } from '../../types/signature.js';
import { editMap } from '../internal/targets.js';

export const definition: FunctionDef = {
  name: 'stringify_all',
  params: [{ name: 'target', kind: { kind: 'getsetter' }, description: 'the map whose values are converted' }],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Replaces every non-string value of a map (top level) by its string form.',
    description:
      'Numbers and booleans become their text, bytes standard base64, maps and lists compact JSON, ' +
      'Empty values `""` (pdata `AsString`). Strings and the order of keys are unchanged.',
    failures: ['the target is not a map: `expected pcommon.Map but got T`'],
    examples: [
      {
        code: 'stringify_all(attributes)',
        before: { s: 'x', n: 42, f: { $double: 1.5 }, b: true, l: [1, 2], m: { k: 'v' } },
        after: { s: 'x', n: '42', f: '1.5', b: 'true', l: '[1,2]', m: '{"k":"v"}' },
      },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    return (ctx) => {
      editMap(ctx, target, (m) => {
        for (const [k, v] of [...m.entries()]) if (typeof v !== 'string') m.set(k, valueAsString(v));
      });
      return null;
    };
  },
};
