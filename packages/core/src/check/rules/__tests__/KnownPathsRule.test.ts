import { describe, expect, it } from 'vitest';
import { check } from '../../__tests__/harness.js';
import { KnownPathsRule } from '../KnownPathsRule.js';

describe('KnownPathsRule', () => {
  it('reports a path the context does not have', () => {
    expect(check('set(attributes["a"], severity_nmber)', [KnownPathsRule])).toMatchInlineSnapshot(`
      [
        "error unknown-path 1:22-1:36 segment "severity_nmber" from path "severity_nmber" is not a valid path nor a valid OTTL keyword for the log context - review https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/pkg/ottl/contexts/ottllog to see all valid paths [hint: did you mean \`severity_number\` or \`severity_text\`?]",
      ]
    `);
  });
  it('reports a path of a context not reachable from this one', () => {
    expect(check('set(attributes["a"], span.name)', [KnownPathsRule], { prefixed: true })).toMatchInlineSnapshot(`
      [
        "error missing-context 1:5-1:20 missing context name for path "attributes[a]", possibly valid options are: "log.attributes[a]", "resource.attributes[a]", "scope.attributes[a]", "instrumentation_scope.attributes[a]" [hint: write \`log.attributes["a"]\`]",
        "error path-not-in-context 1:22-1:26 context "span" from path "span.name" is not valid, it must be replaced by one of: "log", "resource", "scope", "instrumentation_scope" [hint: log statements can only use paths of log, resource, scope, instrumentation_scope]",
      ]
    `);
  });
  it('reports a missing context prefix in prefixed mode', () => {
    expect(check('set(log.attributes["a"], body)', [KnownPathsRule], { prefixed: true })).toMatchInlineSnapshot(`
      [
        "error missing-context 1:26-1:30 missing context name for path "body", possibly valid options are: "log.body", "resource.body", "scope.body", "instrumentation_scope.body" [hint: write \`log.body\`]",
      ]
    `);
  });
  it('accepts own and ancestor paths', () => {
    expect(check('set(attributes["a"], resource.attributes["b"])', [KnownPathsRule])).toEqual([]);
    expect(check('set(log.attributes["a"], resource.attributes["b"])', [KnownPathsRule], { prefixed: true })).toEqual([]);
  });
});
