/**
 * `drop`: drops a trace when every policy under `drop_sub_policy` samples it. A `dropped`
 * decision overrides every other policy; drop policies are evaluated first.
 */
import { struct, type Decoder } from '../../config/schema.js';
import { allOf } from './and.js';
import { policyType, type PolicyConfig, type PolicyType } from './policy.js';

export function dropPolicy(subPolicies: Decoder<PolicyConfig[]>): PolicyType {
  return policyType('drop', struct({ drop_sub_policy: subPolicies }), (c, env) => allOf(c.drop_sub_policy.map((p) => p.create(env)), 'dropped'));
}
