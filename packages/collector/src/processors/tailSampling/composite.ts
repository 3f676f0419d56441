/**
 * `composite`: runs `composite_sub_policy` in order; the first that samples a trace (inverted
 * sampled included) decides: sampled while that sub-policy's share of spans in the current second
 * allows, not sampled otherwise. A sub-policy's share is its `rate_allocation` percent of
 * `max_total_spans_per_second` (an allocation of 0 % gets an equal share); a sub-policy without
 * an allocation gets none, as upstream. `policy_order` is accepted and, as upstream, not used:
 * sub-policies run in the order they are listed.
 */
import { int, list, string, struct, type Decoder } from '../../config/schema.js';
import { policyType, type PolicyConfig, type PolicyType } from './policy.js';

export function compositePolicy(subPolicies: Decoder<PolicyConfig[]>): PolicyType {
  const config = struct({
    max_total_spans_per_second: int(0, { min: 0 }),
    policy_order: list(string()),
    composite_sub_policy: subPolicies,
    rate_allocation: list(struct({ policy: string(), percent: int(0, { min: 0, max: 100 }) })),
  });
  return policyType('composite', config, (c, env) => {
    const max = c.max_total_spans_per_second;
    const allocated = new Map<string, number>();
    for (const a of c.rate_allocation) allocated.set(a.policy, a.percent > 0 ? (a.percent / 100) * max : max / c.composite_sub_policy.length);
    const subs = c.composite_sub_policy.map((p) => ({ evaluator: p.create(env), allocated: Math.trunc(allocated.get(p.name) ?? 0), spent: 0 }));
    let second = -1;
    return {
      evaluate: (trace) => {
        const now = Math.floor(env.now() / 1000);
        if (now !== second) {
          second = now;
          for (const s of subs) s.spent = 0;
        }
        for (const s of subs) {
          const d = s.evaluator.evaluate(trace);
          if (d !== 'sampled' && d !== 'inverted_sampled') continue;
          const spent = s.spent + trace.spanCount;
          if (spent > s.allocated || spent > max) return 'not_sampled';
          s.spent = spent;
          return 'sampled';
        }
        return 'not_sampled';
      },
    };
  });
}
