/**
 * The `scope` path table (alias `instrumentation_scope`, reference §6.4/§6.6) and the scope
 * TransformContext builder. The table is shared by every context below a scope.
 */
import { PMap } from '@ottl/pdata';
import { mapField, pathTable, stringField, uint32Field, type PathTable } from './fields.js';
import type { ResourceContainer, ScopeContainer, ScopeTransformContext } from './types.js';

export const scopeTable: PathTable<ScopeTransformContext> = pathTable('scope', {
  name: stringField(
    'the instrumentation scope name',
    (ctx) => ctx.scope.name,
    (ctx, v) => (ctx.scope.name = v),
  ),
  version: stringField(
    'the instrumentation scope version',
    (ctx) => ctx.scope.version,
    (ctx, v) => (ctx.scope.version = v),
  ),
  attributes: mapField('the instrumentation scope attributes', (ctx) => ctx.scope.attributes),
  dropped_attributes_count: uint32Field(
    'the number of scope attributes dropped',
    (ctx) => ctx.scope.droppedAttributesCount,
    (ctx, v) => (ctx.scope.droppedAttributesCount = v),
  ),
  schema_url: stringField(
    'the schema URL of the scope (ScopeLogs/ScopeSpans/… schema_url)',
    (ctx) => ctx.scopeContainer.schemaUrl,
    (ctx, v) => (ctx.scopeContainer.schemaUrl = v),
  ),
});

/** A `scope` context for one ScopeLogs / ScopeSpans / ScopeMetrics / ScopeProfiles. */
export function scopeContext(resourceContainer: ResourceContainer, scopeContainer: ScopeContainer): ScopeTransformContext {
  return {
    context: 'scope',
    cache: new PMap(),
    resource: resourceContainer.resource,
    resourceContainer,
    scope: scopeContainer.scope,
    scopeContainer,
  };
}
