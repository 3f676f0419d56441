import { describe, expect, it } from 'vitest';
import type { ContextName } from '../../types/signature.js';
import { getContextSchema } from '../registry.js';
import { resolve } from './harness.js';

/** The diagnostic of an invalid path, reduced to what users see. */
function problem(context: ContextName, text: string, prefixed: boolean) {
  const r = resolve(context, text, prefixed);
  expect(r.accessor).toBeUndefined();
  expect(r.diagnostics).toHaveLength(1);
  const d = r.diagnostics[0]!;
  return { code: d.code, message: d.message, hint: d.hint, at: text.slice(d.range.start.offset, d.range.end.offset) };
}

describe('path resolution: legacy and prefixed modes', () => {
  const valid: [ContextName, string, boolean, string][] = [
    ['span', 'name', false, 'span.name'],
    ['span', 'span.name', false, 'span.name'],
    ['span', 'span.name', true, 'span.name'],
    ['span', 'resource.attributes["k"]', false, 'resource.attributes["k"]'],
    ['span', 'instrumentation_scope.name', true, 'instrumentation_scope.name'],
    ['spanevent', 'span.name', false, 'span.name'],
    ['spanevent', 'name', false, 'spanevent.name'],
    ['spanevent', 'cache["x"]', false, 'spanevent.cache["x"]'],
    ['datapoint', 'metric.name', true, 'metric.name'],
    ['exemplar', 'datapoint.attributes["a"]', true, 'datapoint.attributes["a"]'],
    ['log', 'body.string', false, 'log.body.string'],
    ['log', 'log.body.string', true, 'log.body.string'],
    ['resource', 'attributes["a"][0]', false, 'resource.attributes["a"][0]'],
    ['profile', 'profile.profile_id.string', true, 'profile.profile_id.string'],
  ];
  it.each(valid)('%s: %s (prefixed=%s) → %s', (context, text, prefixed, canonical) => {
    const r = resolve(context, text, prefixed);
    expect(r.diagnostics).toEqual([]);
    expect(r.accessor?.text).toBe(canonical);
  });
});

describe('path resolution: diagnostics', () => {
  it('unknown segment, with did-you-mean', () => {
    expect(problem('span', 'span.nmae', true)).toEqual({
      code: 'unknown-path',
      message:
        'segment "nmae" from path "span.nmae" is not a valid path nor a valid OTTL keyword for the span context - review https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/pkg/ottl/contexts/ottlspan to see all valid paths',
      hint: 'did you mean `name`?',
      at: 'nmae',
    });
  });

  it('missing context name in prefixed mode, with a fix', () => {
    const r = resolve('span', 'attributes["k"]', true);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'missing-context',
      message:
        'missing context name for path "attributes[k]", possibly valid options are: "span.attributes[k]", "resource.attributes[k]", "scope.attributes[k]", "instrumentation_scope.attributes[k]"',
      hint: 'write `span.attributes["k"]`',
      fix: [{ newText: 'span.', range: { start: { offset: 0 }, end: { offset: 0 } } }],
    });
  });

  it('missing context name picks the context that has the path', () => {
    expect(problem('span', 'schema_url', true).hint).toBe('write `resource.schema_url`');
  });

  it('a context that is not reachable', () => {
    expect(problem('log', 'span.name', true)).toEqual({
      code: 'path-not-in-context',
      message:
        'context "span" from path "span.name" is not valid, it must be replaced by one of: "log", "resource", "scope", "instrumentation_scope"',
      hint: 'log statements can only use paths of log, resource, scope, instrumentation_scope',
      at: 'span',
    });
  });

  it('an unknown context, with did-you-mean', () => {
    expect(problem('log', 'lgo.body', true)).toMatchObject({ code: 'unknown-context', hint: 'did you mean `log`?', at: 'lgo' });
  });

  it('service.name written as a path', () => {
    expect(problem('span', 'service.name', true)).toMatchObject({
      code: 'unknown-context',
      hint: 'the service name is a resource attribute: `resource.attributes["service.name"]`',
    });
    expect(problem('span', 'service.name', false).hint).toBe(
      'the service name is a resource attribute: `resource.attributes["service.name"]`',
    );
  });

  it('a descendant context in legacy mode', () => {
    expect(problem('metric', 'datapoint.attributes', false)).toMatchObject({
      code: 'path-not-in-context',
      message: expect.stringContaining('segment "datapoint" from path "datapoint.attributes" is not a valid path'),
    });
  });

  it('cache of another context', () => {
    expect(problem('span', 'resource.cache["k"]', true)).toEqual({
      code: 'cache-other-context',
      message:
        'access to cache must be performed using the same context, please replace "resource.cache[k]" with "span.cache[k]"',
      hint: 'write `span.cache["k"]`',
      at: 'resource.cache["k"]',
    });
  });

  it('extra path sections', () => {
    expect(problem('log', 'attributes.foo', false)).toMatchObject({
      code: 'unknown-path',
      message:
        'the path section "foo" was not used by the context - this likely means you are using extra path sections',
      at: 'foo',
    });
  });

  it('an unknown sub-path', () => {
    expect(problem('span', 'kind.strin', false)).toMatchObject({
      code: 'unknown-path',
      hint: 'did you mean `string`?',
      at: 'strin',
    });
  });

  it('keys on a path that takes none', () => {
    expect(problem('span', 'name["x"]', false)).toMatchObject({
      code: 'invalid-key',
      message:
        'the keys indexing "name" were not used by the context - this likely means you are trying to index a path that does not support indexing',
      at: '["x"]',
    });
  });

  it('trace_state takes exactly one key', () => {
    expect(problem('span', 'trace_state["a"]["b"]', false)).toMatchObject({
      code: 'invalid-key',
      message: 'must provide exactly 1 key when accessing trace_state',
    });
  });

  it('a bare context name', () => {
    expect(problem('span', 'resource', false)).toMatchObject({
      code: 'unknown-path',
      message: expect.stringContaining('segment "resource" from path "resource"'),
      hint: 'write a path of the resource context, e.g. `resource.attributes`',
    });
  });

  const mistakes: [ContextName, string, string][] = [
    ['span', 'span.duration', 'spans have no duration path; compute it as `span.end_time - span.start_time` (a duration) or `span.end_time_unix_nano - span.start_time_unix_nano` (nanoseconds)'],
    ['log', 'log.message', 'the log message is `log.body` (`log.body.string` for its string form)'],
    ['log', 'msg', 'the log message is `log.body` (`log.body.string` for its string form)'],
    ['log', 'log.severity', 'logs have `log.severity_number` (an int; compare with SEVERITY_NUMBER_*) and `log.severity_text` (a string)'],
    ['span', 'span.status_code', 'the status code is `span.status.code` (compare it with STATUS_CODE_OK, STATUS_CODE_ERROR…)'],
    ['resource', 'resource.trace_id', '`trace_id` is a path of the span, spanlink, exemplar, log contexts, which resource statements cannot reach; run the statement in one of those contexts'],
    ['spanevent', 'kind', 'did you mean `span.kind`?'],
    ['metric', 'metric.attributes', 'metrics have no attributes; data point attributes are `datapoint.attributes` (use the datapoint context) and metric metadata is `metric.metadata`'],
  ];
  it.each(mistakes)('%s: %s hints', (context, text, hint) => {
    expect(problem(context, text, text.includes('.')).hint).toBe(hint);
  });
});

describe('read-only paths', () => {
  it('spanevent.event_index is read-only', () => {
    const a = resolve('spanevent', 'spanevent.event_index', true).accessor!;
    expect(a.readOnly).toBe(true);
    expect(() => a.setBound!({ context: 'spanevent' } as never, 1n)).toThrow("the 'event_index' path cannot be modified");
  });
});

describe('listPaths', () => {
  it('lists own, ancestor and cache paths with types', () => {
    const paths = getContextSchema('spanevent').listPaths();
    const byText = new Map(paths.map((p) => [p.text, p]));
    expect(byText.get('spanevent.event_index')).toMatchObject({ type: 'int', readOnly: true });
    expect(byText.get('spanevent.cache')).toMatchObject({ type: 'map', keys: { kind: 'map', type: 'any' } });
    expect(byText.get('span.kind.string')).toMatchObject({ type: 'string', readOnly: false });
    expect(byText.get('instrumentation_scope.name')).toMatchObject({ context: 'instrumentation_scope' });
    expect(byText.has('span.cache')).toBe(false);
    for (const p of paths) expect(p.doc).not.toBe('');
  });
});

describe('names inherited from Object.prototype', () => {
  it('are not paths', () => {
    expect(problem('log', 'constructor', false).code).toBe('unknown-path');
    expect(problem('span', 'kind.constructor', false).code).toBe('unknown-path');
    expect(problem('log', 'constructor', true).code).toBe('missing-context');
  });
});
