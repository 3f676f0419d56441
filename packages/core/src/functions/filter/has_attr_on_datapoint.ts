/**
 * `HasAttrOnDatapoint(key, expectedVal)` (upstream filter processor
 * `internal/common/func_has_attr_on_datapoint.go`, metric context): whether any data point of the
 * metric has the attribute with that string value (a non-string value reads as `""`, as pcommon's
 * `Str()`).
 */
import { dataPointsOf, metricOf } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'HasAttrOnDatapoint',
  params: [
    { name: 'key', kind: { kind: 'literal', type: 'string' }, description: 'The attribute key.' },
    { name: 'expectedVal', kind: { kind: 'literal', type: 'string' }, description: 'The string value.' },
  ],
  returns: 'bool',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Whether any data point of the metric has the attribute with the given string value (filter processor, metric context).',
    examples: [{ code: 'HasAttrOnDatapoint("http.method", "GET")', note: 'filter processor, metric context' }],
  },
  create(args) {
    const key = args[0] as string;
    const expected = args[1] as string;
    return (ctx) =>
      dataPointsOf(metricOf(ctx).metric).some((dp) => {
        const v = dp.attributes.get(key);
        return v !== undefined && (typeof v === 'string' ? v : '') === expected;
      });
  },
};
