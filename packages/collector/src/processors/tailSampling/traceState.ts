/**
 * `trace_state`: samples traces with a span whose W3C tracestate has member `key` with one of
 * `values` (a span with an invalid tracestate does not match).
 */
import { list, string, struct } from '../../config/schema.js';
import { parseW3CList } from '../../internal/traceState.js';
import { policyType, sampledIf, someSpan } from './policy.js';

const config = struct({ key: string(), values: list(string()) });

export const traceStatePolicy = policyType('trace_state', config, (c) => {
  // A list member (key=value) cannot exceed 256 characters, so longer values never match.
  const values = new Set(c.values.filter((v) => v !== '' && c.key.length + v.length < 256));
  return {
    evaluate: (trace) =>
      sampledIf(
        someSpan(trace, (span) => {
          const ts = parseW3CList(span.traceState);
          if (ts.error !== undefined) return false;
          const member = ts.members.find((m) => m.key === c.key);
          return member !== undefined && values.has(member.value);
        }),
      ),
  };
});
