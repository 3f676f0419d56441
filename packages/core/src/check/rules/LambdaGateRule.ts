import { LAMBDA_GATE } from '../analysis.js';
import { diagnostic, type CheckRule } from '../rule.js';

/** Lambda syntax needs the `ottl.functions.enableLambda` feature gate. */
export const LambdaGateRule: CheckRule = ({ analysis, report }) => {
  if (analysis.options.featureGates.has(LAMBDA_GATE)) return;
  for (const lambda of analysis.lambdas) {
    report(diagnostic('lambda-disabled', 'error', 'lambda expressions are disabled', lambda.range, {
      label: 'lambda',
      hint: `enable the feature gate \`${LAMBDA_GATE}\``,
    }));
  }
};
