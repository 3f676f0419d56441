import { diagnostic, type CheckRule } from '../rule.js';

/** Every required parameter has an argument (reachable when named arguments skip one). */
export const MissingArgumentRule: CheckRule = ({ analysis, report }) => {
  for (const [call, info] of analysis.calls) {
    for (const p of info.problems) {
      if (p.kind !== 'missing-argument') continue;
      report(
        diagnostic('missing-argument', 'error', `\`${call.name}\` requires the parameter \`${p.param.name}\``, call.range, {
          label: `missing ${p.param.name}`,
          hint: `add \`${p.param.name} = …\` or pass it positionally`,
        }),
      );
    }
  }
};
