import { describe, expect, it } from 'vitest';
import { PMap, type Logs, type Traces } from '@ottl/pdata';
import { attributesProcessorFactory } from '../attributes.js';
import { resourceProcessorFactory } from '../resource.js';
import { applyActions, actionsDecoder, hashValue } from '../../internal/attraction.js';
import { decodeFor, makeLogs, makeTraces, sink, testSettings } from '../../__tests__/helpers.js';
import { attachClientInfo, clientInfo, newMetadata } from '../../client/clientInfo.js';

/** `from_context` actions inserting each source named, and logs from 10.1.2.3 whose request had headers X-Tenant: acme and Accept: a, b. */
const FROM_CONTEXT = ['metadata.x-tenant', 'X-Tenant', 'metadata.accept', 'client.address', 'auth.subject', 'metadata.missing'].map((from) => ({ key: from, from_context: from, action: 'insert' }));
function logsWithHeaders(attrs: Record<string, unknown> = {}): Logs {
  const ld = makeLogs([{ attrs, bodies: ['a'] }]);
  ld.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.set('client.address', 'kept');
  attachClientInfo(ld, { addr: '10.1.2.3', metadata: newMetadata([['X-Tenant', ['acme']], ['Accept', ['a', 'b']]]) });
  return ld;
}
const FROM_CONTEXT_RESULT = { 'metadata.x-tenant': 'acme', 'X-Tenant': 'acme', 'metadata.accept': ['a', 'b'], 'client.address': '10.1.2.3' };

function run(actions: unknown[], attrs: Record<string, unknown>): unknown {
  const m = PMap.fromRaw(attrs);
  applyActions(decodeFor(actionsDecoder, actions), m, clientInfo(m));
  return m.toRaw();
}

describe('attribute actions', () => {
  it('insert, update, upsert and from_attribute', () => {
    expect(
      run(
        [
          { key: 'a', value: 'new', action: 'insert' },
          { key: 'b', value: 2, action: 'insert' },
          { key: 'c', value: true, action: 'update' },
          { key: 'a', value: 'up', action: 'UPSERT' },
          { key: 'copy', from_attribute: 'b', action: 'upsert' },
          { key: 'none', from_attribute: 'missing', action: 'upsert' },
        ],
        { b: 'keep' },
      ),
    ).toEqual({ b: 'keep', a: 'up', copy: 'keep' });
  });

  it('delete and hash by key or pattern, extract and convert', () => {
    expect(
      run(
        [
          { key: 'secret', action: 'delete' },
          { pattern: '^tmp\\.', action: 'delete' },
          { key: 'user', action: 'hash' },
          { key: 'url', pattern: '^(?P<scheme>\\w+)://(?P<host>[^/]+)', action: 'extract' },
          { key: 'n', converted_type: 'int', action: 'convert' },
          { key: 'd', converted_type: 'double', action: 'convert' },
          { key: 'bad', converted_type: 'int', action: 'convert' },
        ],
        { secret: 1, 'tmp.x': 1, 'tmp.y': 2, user: 'alice', url: 'https://example.com/x', n: '42', d: 7n, bad: 'x1' },
      ),
    ).toEqual({ user: hashValue('alice'), url: 'https://example.com/x', n: 42n, d: 7, bad: 'x1', scheme: 'https', host: 'example.com' });
    expect(hashValue('alice')).toBe('2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90');
  });

  it('reports invalid actions with their index', () => {
    expect(() => decodeFor(actionsDecoder, [{ key: 'a', action: 'insert' }])).toThrow('test[0]: action "insert" needs one of "value", "from_attribute" or "from_context"');
    expect(() => decodeFor(actionsDecoder, [{ key: 'a', pattern: '(x)', action: 'extract' }])).toThrow('test[0]: field "pattern" contains at least one unnamed matcher group');
    expect(() => decodeFor(actionsDecoder, [{ key: 'a', pattern: '(', action: 'delete' }])).toThrow(/test\[0\]: field "pattern" has an invalid pattern "\("/);
    expect(() => decodeFor(actionsDecoder, [{ key: 'a', action: 'explode' }])).toThrow('unknown value "explode"');
  });
});

describe('attributes processor', () => {
  it('applies actions only to spans matching include and not exclude', async () => {
    const out = sink<Traces>();
    const cfg = decodeFor(attributesProcessorFactory.config, {
      actions: [{ key: 'matched', value: true, action: 'insert' }],
      include: { match_type: 'regexp', span_names: ['^GET '] },
      exclude: { match_type: 'strict', services: ['internal'] },
    });
    const p = attributesProcessorFactory.createTraces!(testSettings('attributes', 'traces'), cfg, out);
    await p.consume(makeTraces([{ attrs: { 'service.name': 'web' }, spans: ['GET /a', 'POST /b'] }, { attrs: { 'service.name': 'internal' }, spans: ['GET /c'] }]));
    const flags = out.got[0]!.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => [s.name, s.attributes.get('matched') ?? null])));
    expect(flags).toEqual([
      ['GET /a', true],
      ['POST /b', null],
      ['GET /c', null],
    ]);
  });

  it('from_context reads the request\'s client info: metadata.<key> or a plain key (any case; several values make a slice), client.address; auth.<attr> finds nothing', async () => {
    const out = sink<Logs>();
    const p = attributesProcessorFactory.createLogs!(testSettings('attributes', 'logs'), decodeFor(attributesProcessorFactory.config, { actions: FROM_CONTEXT }), out);
    await p.consume(logsWithHeaders());
    await p.consume(makeLogs([{ bodies: ['no client info'] }]));
    expect(out.got.map((ld) => ld.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.toRaw())).toEqual([{ ...FROM_CONTEXT_RESULT, 'client.address': 'kept' }, { 'client.address': '' }]);
  });

  it('refuses match fields of another signal when created', () => {
    const cfg = decodeFor(attributesProcessorFactory.config, { actions: [{ key: 'k', action: 'delete' }], include: { match_type: 'strict', span_names: ['x'] } });
    expect(() => attributesProcessorFactory.createLogs!(testSettings('attributes', 'logs'), cfg, sink())).toThrow('test.include: span_names cannot be used to match logs');
  });

  it('requires actions', () => {
    expect(() => decodeFor(attributesProcessorFactory.config, {})).toThrow('missing required field "actions"');
  });
});

describe('resource processor', () => {
  it('applies actions to every resource', async () => {
    const out = sink<Logs>();
    const cfg = decodeFor(resourceProcessorFactory.config, { attributes: [{ key: 'env', value: 'prod', action: 'insert' }, { key: 'host', action: 'delete' }] });
    const p = resourceProcessorFactory.createLogs!(testSettings('resource', 'logs'), cfg, out);
    await p.consume(makeLogs([{ attrs: { host: 'h1' }, bodies: ['a'] }, { attrs: { env: 'dev' }, bodies: ['b'] }]));
    expect(out.got[0]!.resourceLogs.map((rl) => rl.resource.attributes.toRaw())).toEqual([{ env: 'prod' }, { env: 'dev' }]);
  });

  it('from_context reads the request\'s client info', async () => {
    const out = sink<Logs>();
    const p = resourceProcessorFactory.createLogs!(testSettings('resource', 'logs'), decodeFor(resourceProcessorFactory.config, { attributes: FROM_CONTEXT }), out);
    await p.consume(logsWithHeaders({ 'X-Tenant': 'kept' }));
    expect(out.got[0]!.resourceLogs[0]!.resource.attributes.toRaw()).toEqual({ ...FROM_CONTEXT_RESULT, 'X-Tenant': 'kept' });
  });
});
