/**
 * `merge_histogram_buckets(targetValue, method?)` (upstream transform processor
 * `internal/metrics/func_merge_histogram_buckets.go`, datapoint context): on an explicit-bounds
 * Histogram point, removes the bound equal to `targetValue` (within 1e-12) and adds its bucket's
 * count to the next bucket. Other points, and malformed or single-bucket ones, are unchanged.
 */
import { HistogramDataPoint } from '@ottl/pdata';
import type { DataPointTransformContext } from '../../contexts/types.js';
import type { FunctionDef } from '../../types/signature.js';
import { OttlCreateError } from '../../types/values.js';

export const definition: FunctionDef = {
  name: 'merge_histogram_buckets',
  params: [
    { name: 'targetValue', kind: { kind: 'literal', type: 'float' }, description: 'The explicit bound to remove.' },
    {
      name: 'method',
      kind: { kind: 'literal', type: 'string' },
      optional: true,
      default: '`remove_explicit_bound`',
      description: 'Only `remove_explicit_bound` is supported.',
    },
  ],
  returns: 'void',
  contexts: ['datapoint'],
  doc: {
    category: 'context',
    summary: 'Removes one explicit bound of a Histogram point, merging its bucket into the next (datapoint context).',
    description: 'The `limit_buckets` method of newer upstream versions is not supported yet.',
    failures: ['A `method` other than `remove_explicit_bound` fails when the statement is parsed.'],
    examples: [{ code: 'merge_histogram_buckets(0.5) where metric.name == "http.server.duration"', note: 'transform processor, datapoint context' }],
  },
  create(args) {
    const target = args[0] as number;
    const method = (args[1] as string | undefined) ?? 'remove_explicit_bound';
    if (method !== 'remove_explicit_bound') {
      throw new OttlCreateError(`unsupported merge_histogram_buckets method: ${method} (supported: remove_explicit_bound)`);
    }
    return (ctx) => {
      const dp = (ctx as unknown as DataPointTransformContext).dataPoint;
      if (!(dp instanceof HistogramDataPoint)) return null;
      const bounds = dp.explicitBounds;
      const counts = dp.bucketCounts;
      if (bounds.length + 1 !== counts.length || counts.length === 1) return null;
      const i = bounds.findIndex((b) => Math.abs(b - target) < 1e-12);
      if (i < 0) return null;
      counts[i + 1] = counts[i + 1]! + counts[i]!;
      bounds.splice(i, 1);
      counts.splice(i, 1);
      return null;
    };
  },
};
