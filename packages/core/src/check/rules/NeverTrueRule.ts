import type { OttlType } from '../../types/signature.js';
import { diagnostic, type CheckRule } from '../rule.js';

/** Types that compare with each other: ints and floats compare numerically; others only with their own type. */
function family(t: OttlType): string | undefined {
  if (t === 'any' || t === 'void') return undefined;
  return t === 'int' || t === 'float' ? 'number' : t;
}

const UNORDERED = new Set(['map', 'list', 'traceid', 'spanid', 'profileid', 'opaque']);

function article(t: OttlType): string {
  if (t === 'nil' || t === 'bytes') return t;
  return (/^[aeiou]/.test(t) ? 'an ' : 'a ') + (t === 'traceid' ? 'trace id' : t === 'spanid' ? 'span id' : t === 'profileid' ? 'profile id' : t);
}

/**
 * A comparison whose static types make it always false (reference §4.4): values of different
 * types are never equal nor ordered (`name == 1`, `trace_id == 0x01…`), and maps, lists and ids
 * are never ordered. A warning: the statement is valid, it just never matches.
 */
export const NeverTrueRule: CheckRule = ({ analysis, report }) => {
  for (const node of analysis.comparisons) {
    if (node.op === '!=') continue;
    const lt = analysis.typeOf(node.left);
    const rt = analysis.typeOf(node.right);
    const lf = family(lt);
    const rf = family(rt);
    if (lf === undefined || rf === undefined) continue;
    let reason: string | undefined;
    if (node.op === '==') {
      if (lf !== rf && lf !== 'nil' && rf !== 'nil') reason = `compares ${article(lt)} with ${article(rt)}`;
    } else if (UNORDERED.has(lf) || UNORDERED.has(rf)) {
      reason = `orders ${UNORDERED.has(lf) ? article(lt) : article(rt)}, which has no order`;
    } else if (lf !== rf && !(lf === 'nil' && rf === 'nil')) {
      reason = `compares ${article(lt)} with ${article(rt)}`;
    } else if (lf === 'nil' && (node.op === '<' || node.op === '>')) {
      reason = 'orders nil against nil';
    }
    if (reason === undefined) continue;
    report(
      diagnostic('never-true', 'warning', `this comparison ${reason} and is never true`, node.range, {
        label: 'always false',
        hint: lf !== rf ? 'OTTL never converts between types in comparisons; convert one side (String(), Int(), Double())' : undefined,
      }),
    );
  }
};
