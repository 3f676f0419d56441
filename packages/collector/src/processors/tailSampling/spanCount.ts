/** `span_count`: samples traces with at least `min_spans` and, unless `max_spans` is 0, at most `max_spans` spans. */
import { int, struct } from '../../config/schema.js';
import { policyType, sampledIf } from './policy.js';

const config = struct({ min_spans: int(0, { min: 0 }), max_spans: int(0, { min: 0 }) });

export const spanCountPolicy = policyType('span_count', config, (c) => ({
  evaluate: (trace) => sampledIf(trace.spanCount >= c.min_spans && (c.max_spans === 0 || trace.spanCount <= c.max_spans)),
}));
