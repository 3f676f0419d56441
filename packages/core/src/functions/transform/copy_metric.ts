/**
 * `copy_metric(name?, description?, unit?)` (upstream transform processor
 * `internal/metrics/func_copy_metric.go`, metric context): appends a deep copy of the metric,
 * optionally renamed and re-described. The copy is visited by later statements of the group.
 */
import { metricOf } from '../internal/metrics.js';
import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'copy_metric',
  params: [
    { name: 'name', kind: { kind: 'getter', type: 'string' }, optional: true, description: 'Name of the copy.' },
    { name: 'description', kind: { kind: 'getter', type: 'string' }, optional: true, description: 'Description of the copy.' },
    { name: 'unit', kind: { kind: 'getter', type: 'string' }, optional: true, description: 'Unit of the copy.' },
  ],
  returns: 'void',
  contexts: ['metric'],
  doc: {
    category: 'context',
    summary: 'Appends a copy of the current metric, optionally with a new name, description and unit (metric context).',
    description: 'The copy runs through the remaining statements too; guard them with a condition that excludes it.',
    failures: ['`name`, `description` or `unit` is not a string.'],
    examples: [{ code: 'copy_metric(name="http.requests.copy") where metric.name == "http.requests"', note: 'transform processor, metric context' }],
  },
  create(args) {
    const [name, description, unit] = args as [Getter<string>?, Getter<string>?, Getter<string>?];
    return (ctx) => {
      const { metric, metrics } = metricOf(ctx);
      const copy = metric.clone();
      metrics.push(copy);
      if (name !== undefined) copy.name = name.get(ctx);
      if (description !== undefined) copy.description = description.get(ctx);
      if (unit !== undefined) copy.unit = unit.get(ctx);
      return null;
    };
  },
};
