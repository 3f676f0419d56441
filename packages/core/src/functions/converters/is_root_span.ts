/**
 * `IsRootSpan()` (upstream `ottlfuncs/func_is_root_span.go`): whether the span of a span context
 * has an all-zero parent span id. Registered for the span context only (transform and filter
 * processors); not part of the standard function set.
 */
import { Span } from '@ottl/pdata';
import type { FunctionDef } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';

export const definition: FunctionDef = {
  name: 'IsRootSpan',
  params: [],
  returns: 'bool',
  contexts: ['span'],
  doc: {
    category: 'context',
    summary: 'Whether the current span is a root span (its parent span id is all zeros); span context only.',
    examples: [{ code: 'set(span.attributes["root"], true) where IsRootSpan()', note: 'span context' }],
  },
  create() {
    return (ctx) => {
      const span = (ctx as { readonly span?: unknown }).span;
      if (!(span instanceof Span)) throw new OttlError('IsRootSpan requires a span context');
      return span.parentSpanId.isEmpty();
    };
  },
};
