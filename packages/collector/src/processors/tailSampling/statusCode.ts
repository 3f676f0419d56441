/** `status_code`: samples traces with a span whose status code is one of `status_codes`. */
import { StatusCode } from '@ottl/pdata';
import { list, oneOf, struct } from '../../config/schema.js';
import { policyType, sampledIf, someSpan } from './policy.js';

const config = struct(
  { status_codes: list(oneOf(['OK', 'ERROR', 'UNSET'] as const, 'UNSET')) },
  {
    check: (c, ctx, node) => {
      if (c.status_codes.length === 0) {
        ctx.issues.add('config-error', `${ctx.path}.status_codes`, node?.loc ?? ctx.loc, 'expected at least one status code to filter on', { hint: 'list OK, ERROR or UNSET, for example status_codes: [ERROR]' });
      }
    },
  },
);

export const statusCodePolicy = policyType('status_code', config, (c) => {
  const codes = new Set(c.status_codes.map((s) => StatusCode[s]));
  return { evaluate: (trace) => sampledIf(someSpan(trace, (span) => codes.has(span.status.code as 0 | 1 | 2))) };
});
