/**
 * The `exemplar` path table (reference §6.12) and the exemplar TransformContext builder. Exemplar
 * statements reach the metric and the data point as `metric.*` and `datapoint.*`.
 */
import { PMap, type Exemplar, type Metric, type ResourceMetrics, type ScopeMetrics } from '@ottl/pdata';
import {
  expectSetInt,
  floatField,
  idField,
  mapField,
  pathTable,
  SPAN_ID,
  timeField,
  TRACE_ID,
  uint64Field,
  type PathTable,
} from './fields.js';
import type { DataPoint, ExemplarTransformContext } from './types.js';

export const exemplarTable: PathTable<ExemplarTransformContext> = pathTable('exemplar', {
  time_unix_nano: uint64Field(
    'the time of the measurement, in nanoseconds since the Unix epoch',
    (ctx) => ctx.exemplar.timeUnixNano,
    (ctx, v) => (ctx.exemplar.timeUnixNano = v),
  ),
  time: timeField(
    'the time of the measurement',
    (ctx) => ctx.exemplar.timeUnixNano,
    (ctx, v) => (ctx.exemplar.timeUnixNano = v),
  ),
  double_value: floatField(
    'the double value; setting makes the value a double',
    (ctx) => ctx.exemplar.doubleValue,
    (ctx, v) => (ctx.exemplar.doubleValue = v),
  ),
  int_value: {
    doc: 'the int value; setting makes the value an int',
    type: 'int',
    get: (ctx) => ctx.exemplar.intValue,
    set: (ctx, v) => (ctx.exemplar.intValue = expectSetInt(v)),
  },
  filtered_attributes: mapField(
    'the attributes filtered out of the measurement',
    (ctx) => ctx.exemplar.filteredAttributes,
  ),
  trace_id: idField(
    'the trace id of the span active during the measurement',
    TRACE_ID,
    (ctx) => ctx.exemplar.traceId,
    (ctx, v) => (ctx.exemplar.traceId = v),
  ),
  span_id: idField(
    'the span id of the span active during the measurement',
    SPAN_ID,
    (ctx) => ctx.exemplar.spanId,
    (ctx, v) => (ctx.exemplar.spanId = v),
  ),
});

/** An `exemplar` context for `exemplar`, one of `dataPoint`'s exemplars. */
export function exemplarContext(
  resourceMetrics: ResourceMetrics,
  scopeMetrics: ScopeMetrics,
  metric: Metric,
  dataPoint: DataPoint,
  exemplar: Exemplar,
): ExemplarTransformContext {
  return {
    context: 'exemplar',
    cache: new PMap(),
    resource: resourceMetrics.resource,
    resourceContainer: resourceMetrics,
    scope: scopeMetrics.scope,
    scopeContainer: scopeMetrics,
    metric,
    metrics: scopeMetrics.metrics,
    dataPoint,
    exemplar,
  };
}
