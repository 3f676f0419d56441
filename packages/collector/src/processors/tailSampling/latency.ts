/**
 * `latency`: samples traces whose duration (earliest span start to latest span end) is at least
 * `threshold_ms`, or, with `upper_threshold_ms`, above `threshold_ms` and at most the upper bound.
 * Like upstream, the duration is checked as spans are scanned, so a trace matches as soon as the
 * spans seen so far span a matching duration.
 */
import { int, struct } from '../../config/schema.js';
import { policyType, sampledIf, someSpan } from './policy.js';

const config = struct(
  { threshold_ms: int(0, { min: 0 }), upper_threshold_ms: int(0, { min: 0 }) },
  {
    check: (c, ctx, node) => {
      if (c.upper_threshold_ms !== 0 && c.upper_threshold_ms <= c.threshold_ms) {
        ctx.issues.add('config-error', `${ctx.path}.upper_threshold_ms`, node?.loc ?? ctx.loc, `upper_threshold_ms (${c.upper_threshold_ms}) must be greater than threshold_ms (${c.threshold_ms})`, {
          hint: 'leave upper_threshold_ms out (or 0) for no upper bound',
        });
      }
    },
  },
);

export const latencyPolicy = policyType('latency', config, (c) => {
  const lower = BigInt(c.threshold_ms);
  const upper = BigInt(c.upper_threshold_ms);
  return {
    evaluate: (trace) => {
      let min = 0n;
      let max = 0n;
      return sampledIf(
        someSpan(trace, (span) => {
          if (min === 0n || span.startTimeUnixNano < min) min = span.startTimeUnixNano;
          if (max === 0n || span.endTimeUnixNano > max) max = span.endTimeUnixNano;
          // Whole milliseconds, truncated toward zero like Go's Duration.Milliseconds.
          const ms = (max - min) / 1_000_000n;
          return upper === 0n ? ms >= lower : lower < ms && ms <= upper;
        }),
      );
    },
  };
});
