import { InstrumentationScope, ResourceLogs, ScopeLogs } from '@ottl/pdata';
import { describe, expect, it } from 'vitest';
import { resourceContext } from '../resource.js';
import { scopeContext } from '../scope.js';
import { errorOf, get, resolve, set, toJson } from './harness.js';

function fixture() {
  const rl = ResourceLogs.create({ resource: { attributes: { a: 'b' }, droppedAttributesCount: 2 }, schemaUrl: 'r' });
  const sl = ScopeLogs.create({ scope: InstrumentationScope.create({ name: 'n', version: 'v', attributes: { s: 1n } }), schemaUrl: 's' });
  rl.scopeLogs.push(sl);
  return { rl, sl };
}

describe('resource context', () => {
  it('reads and writes resource paths and its own cache', () => {
    const { rl } = fixture();
    const ctx = resourceContext(rl);
    expect(toJson([get(ctx, 'attributes'), get(ctx, 'dropped_attributes_count'), get(ctx, 'schema_url')])).toEqual([
      { a: 'b' },
      2,
      'r',
    ]);
    set(ctx, 'resource.attributes["c"]["d"]', 'e', true);
    set(ctx, 'schema_url', 'r2');
    set(ctx, 'cache["k"]', 'v');
    expect(toJson([rl.resource.attributes, rl.schemaUrl, get(ctx, 'resource.cache["k"]', true)])).toEqual([
      { a: 'b', c: { d: 'e' } },
      'r2',
      'v',
    ]);
    expect(resolve('resource', 'scope.name', true).diagnostics[0]?.code).toBe('path-not-in-context');
  });
});

describe('scope context', () => {
  it('reads and writes scope paths and reaches the resource', () => {
    const { rl, sl } = fixture();
    const ctx = scopeContext(rl, sl);
    expect(toJson(['name', 'version', 'attributes', 'schema_url', 'resource.attributes["a"]'].map((p) => get(ctx, p)))).toEqual([
      'n',
      'v',
      { s: 1 },
      's',
      'b',
    ]);
    set(ctx, 'instrumentation_scope.version', 'v2', true);
    set(ctx, 'dropped_attributes_count', 4n);
    expect([sl.scope.version, sl.scope.droppedAttributesCount]).toEqual(['v2', 4]);
    expect(errorOf(() => set(ctx, 'name', 1n))).toBe('expects string but got int64');
    expect(resolve('scope', 'resource.cache', true).diagnostics[0]?.code).toBe('cache-other-context');
  });

  it('gives each built context its own cache', () => {
    const { rl, sl } = fixture();
    const a = scopeContext(rl, sl);
    const b = scopeContext(rl, sl);
    set(a, 'cache["k"]', 'v');
    expect(get(b, 'cache["k"]')).toBe(null);
  });
});
