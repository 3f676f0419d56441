import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlCreateError } from '../../types/values.js';

export const definition: FunctionDef = {
  name: 'Coalesce',
  params: [{ name: 'values', kind: { kind: 'getterList', type: 'any' }, description: 'the candidates, in order' }],
  returns: 'any',
  doc: {
    category: 'collection',
    summary: 'The first value of a list that is not nil.',
    description: 'Candidates after the first non-nil one are not evaluated.',
    returns: 'that value, or nil when every candidate is nil',
    failures: ['an empty list (when the statement is parsed)', 'evaluating a candidate fails'],
    examples: [
      { code: 'Coalesce([nil, "b", "c"])', result: 'b' },
      { code: 'Coalesce([nil, nil])', result: null },
    ],
  },
  create(args) {
    const values = args[0] as readonly Getter[];
    if (values.length === 0) throw new OttlCreateError('Coalesce requires at least one argument');
    return (ctx) => {
      for (const g of values) {
        const v = g.get(ctx);
        if (v !== null) return v;
      }
      return null;
    };
  },
};
