import { diagnostic, type CheckRule } from '../rule.js';

/**
 * A converter used as a whole condition returns a bool (there is no truthiness). A warning:
 * upstream accepts the condition and fails when it runs.
 */
export const BooleanConditionRule: CheckRule = ({ analysis, report }) => {
  for (const node of analysis.boolConsts) {
    if (node.value.kind !== 'Call') continue;
    const def = analysis.calls.get(node.value)?.def;
    if (!def || def.returns === 'bool' || def.returns === 'any') continue;
    report(
      diagnostic('non-boolean-condition', 'warning', `\`${def.name}\` returns ${def.returns}, not a bool, so it cannot be a condition`, node.range, {
        label: def.returns,
        hint: `compare its result instead, such as \`${def.name}(…) == …\``,
      }),
    );
  }
};
