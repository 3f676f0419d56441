import { diagnostic, type CheckRule } from '../rule.js';

/** A call has between the number of required parameters and the number of parameters arguments. */
export const ArgumentCountRule: CheckRule = ({ analysis, report }) => {
  for (const [call, info] of analysis.calls) {
    for (const p of info.problems) {
      if (p.kind !== 'arity') continue;
      const expected =
        p.required === p.expected ? `${p.expected}` : `${p.required} to ${p.expected}`;
      const signature = info.def!.params.map((q) => (q.optional ? q.name + '?' : q.name)).join(', ');
      report(
        diagnostic(
          'wrong-arity',
          'error',
          `incorrect number of arguments to \`${call.name}\`: expected ${expected}, received ${p.received}`,
          call.range,
          { label: `${p.received} argument${p.received === 1 ? '' : 's'}`, hint: `\`${call.name}(${signature})\`` },
        ),
      );
    }
  }
};
