/**
 * `rate_limiting`: samples traces while a token bucket of spans allows: it refills at
 * `spans_per_second` and holds twice that (upstream's burst), and a trace takes as many tokens as
 * it has spans (a trace larger than the bucket is never sampled).
 */
import { int, struct } from '../../config/schema.js';
import { policyType, sampledIf } from './policy.js';

const config = struct({ spans_per_second: int(0, { min: 0 }) });

export const rateLimitingPolicy = policyType('rate_limiting', config, (c, env) => {
  const burst = 2 * c.spans_per_second;
  let tokens = burst;
  let last = env.now();
  return {
    evaluate: (trace) => {
      const now = env.now();
      tokens = Math.min(burst, tokens + (Math.max(0, now - last) / 1000) * c.spans_per_second);
      last = now;
      const allowed = trace.spanCount <= tokens;
      if (allowed) tokens -= trace.spanCount;
      return sampledIf(allowed);
    },
  };
});
