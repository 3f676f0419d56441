/**
 * `numeric_attribute`: samples traces with a resource or span attribute `key` whose value is
 * within [`min_value`, `max_value`] (0 leaves a bound open; at least one must be set). As in Go,
 * a value that is not an integer reads as 0. `invert_match` inverts the decision.
 */
import { bool, int, string, struct } from '../../config/schema.js';
import { attributeDecision, intOf, policyType } from './policy.js';

const config = struct(
  { key: string(), min_value: int(0), max_value: int(0), invert_match: bool(false) },
  {
    check: (c, ctx, node) => {
      if (c.min_value === 0 && c.max_value === 0) {
        ctx.issues.add('config-error', ctx.path, node?.loc ?? ctx.loc, 'at least one of min_value or max_value must be set', { hint: 'set min_value, max_value or both (0 means no bound)' });
      }
    },
  },
);

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

export const numericAttributePolicy = policyType('numeric_attribute', config, (c) => {
  const min = c.min_value === 0 ? INT64_MIN : BigInt(c.min_value);
  const max = c.max_value === 0 ? INT64_MAX : BigInt(c.max_value);
  return {
    evaluate: (trace) =>
      attributeDecision(trace, c.key, c.invert_match, (v) => {
        const n = intOf(v);
        return n >= min && n <= max;
      }),
  };
});
