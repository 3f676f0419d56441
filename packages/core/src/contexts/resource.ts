/**
 * The `resource` path table (reference §6.4/§6.5) and the resource TransformContext builder. The
 * table is shared by every context below a resource (scope, span, log, metric…).
 */
import { PMap } from '@ottl/pdata';
import { mapField, pathTable, stringField, uint32Field, type PathTable } from './fields.js';
import type { ResourceContainer, ResourceTransformContext } from './types.js';

export const resourceTable: PathTable<ResourceTransformContext> = pathTable('resource', {
  attributes: mapField('the resource attributes', (ctx) => ctx.resource.attributes),
  dropped_attributes_count: uint32Field(
    'the number of resource attributes dropped',
    (ctx) => ctx.resource.droppedAttributesCount,
    (ctx, v) => (ctx.resource.droppedAttributesCount = v),
  ),
  schema_url: stringField(
    'the schema URL of the resource (ResourceLogs/ResourceSpans/… schema_url)',
    (ctx) => ctx.resourceContainer.schemaUrl,
    (ctx, v) => (ctx.resourceContainer.schemaUrl = v),
  ),
});

/** A `resource` context for one ResourceLogs / ResourceSpans / ResourceMetrics / ResourceProfiles. */
export function resourceContext(resourceContainer: ResourceContainer): ResourceTransformContext {
  return {
    context: 'resource',
    cache: new PMap(),
    resource: resourceContainer.resource,
    resourceContainer,
  };
}
