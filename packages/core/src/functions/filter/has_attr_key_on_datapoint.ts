/**
 * `HasAttrKeyOnDatapoint(key)` (upstream filter processor
 * `internal/common/func_has_attr_key_on_datapoint.go`, metric context): whether any data point of
 * the metric has the attribute key.
 */
import { dataPointsOf, metricOf } from '../internal/metrics.js';
import type { FunctionDef } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'HasAttrKeyOnDatapoint',
  params: [{ name: 'key', kind: { kind: 'literal', type: 'string' }, description: 'The attribute key.' }],
  returns: 'bool',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Whether any data point of the metric has the attribute key (filter processor, metric context).',
    examples: [{ code: 'HasAttrKeyOnDatapoint("http.method")', note: 'filter processor, metric context' }],
  },
  create(args) {
    const key = args[0] as string;
    return (ctx) => dataPointsOf(metricOf(ctx).metric).some((dp) => dp.attributes.has(key));
  },
};
