import type { LambdaNode } from '../../language/ast.js';
import { LAMBDA_GATE } from '../analysis.js';
import { diagnostic, type CheckRule } from '../rule.js';

/**
 * Lambda syntax needs the `ottl.functions.enableLambda` feature gate. When the lambda is an
 * argument of a call, the label carries upstream's phrase naming that function.
 */
export const LambdaGateRule: CheckRule = ({ analysis, report }) => {
  if (analysis.options.featureGates.has(LAMBDA_GATE)) return;
  const callee = new Map<LambdaNode, string>();
  for (const call of analysis.calls.keys()) {
    for (const arg of call.args) if (arg.value.kind === 'Lambda') callee.set(arg.value, call.name);
  }
  for (const lambda of analysis.lambdas) {
    const name = callee.get(lambda);
    report(diagnostic('lambda-disabled', 'error', 'lambda expressions are disabled', lambda.range, {
      label:
        name === undefined
          ? 'lambda'
          : `function "${name}" is experimental and requires the \`${LAMBDA_GATE}\` feature gate to be enabled`,
      hint: `enable the feature gate \`${LAMBDA_GATE}\``,
    }));
  }
};
