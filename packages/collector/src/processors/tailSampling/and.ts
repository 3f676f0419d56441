/**
 * `and`: samples a trace when every policy under `and_sub_policy` does (an inverted sampled
 * decision counts as sampled); `not_sampled` as soon as one does not. A sub-policy's error fails
 * the whole policy.
 */
import { struct, type Decoder } from '../../config/schema.js';
import { policyType, type Decision, type Evaluator, type PolicyConfig, type PolicyType, type TraceData } from './policy.js';

/** Runs `subs` in order: the first `not_sampled` or `inverted_not_sampled` gives `not_sampled`, else `all`. */
export function allOf(subs: readonly Evaluator[], all: Decision): Evaluator {
  return {
    evaluate: (trace: TraceData): Decision => {
      for (const s of subs) {
        const d = s.evaluate(trace);
        if (d === 'not_sampled' || d === 'inverted_not_sampled') return 'not_sampled';
      }
      return all;
    },
  };
}

export function andPolicy(subPolicies: Decoder<PolicyConfig[]>): PolicyType {
  return policyType('and', struct({ and_sub_policy: subPolicies }), (c, env) => allOf(c.and_sub_policy.map((p) => p.create(env)), 'sampled'));
}
