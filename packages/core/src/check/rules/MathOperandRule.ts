import { mathResultType } from '../analysis.js';
import { diagnostic, type CheckRule } from '../rule.js';

const ARITHMETIC = new Set(['int', 'float', 'time', 'duration']);

/**
 * Operands of `+ - * /` are numbers, times or durations in a supported combination (reference
 * §4.5). A warning: upstream accepts the expression and fails when it runs.
 */
export const MathOperandRule: CheckRule = ({ analysis, report }) => {
  for (const node of analysis.maths) {
    const lt = analysis.typeOf(node.left);
    const rt = analysis.typeOf(node.right);
    if (lt === 'any' || rt === 'any') continue;
    if (mathResultType(lt, node.op, rt) !== 'any') continue;
    const bad = !ARITHMETIC.has(lt) ? node.left : node.right;
    const t = bad === node.left ? lt : rt;
    report(
      diagnostic(
        'type-mismatch',
        'warning',
        ARITHMETIC.has(lt) && ARITHMETIC.has(rt)
          ? `\`${node.op}\` is not defined between ${lt} and ${rt}`
          : `\`${node.op}\` needs numbers, times or durations, not ${t}`,
        ARITHMETIC.has(lt) && ARITHMETIC.has(rt) ? node.opRange : bad.range,
        { label: ARITHMETIC.has(lt) && ARITHMETIC.has(rt) ? 'unsupported operation' : t, hint: 'this expression fails when it runs' },
      ),
    );
  }
};
