/**
 * `boolean_attribute`: samples traces with a resource or span attribute `key` equal to `value`
 * (a non-boolean value reads as false, as in Go). `invert_match` inverts the decision.
 */
import { bool, string, struct } from '../../config/schema.js';
import { attributeDecision, boolOf, policyType } from './policy.js';

const config = struct({ key: string(), value: bool(false), invert_match: bool(false) });

export const booleanAttributePolicy = policyType('boolean_attribute', config, (c) => ({
  evaluate: (trace) => attributeDecision(trace, c.key, c.invert_match, (v) => boolOf(v) === c.value),
}));
