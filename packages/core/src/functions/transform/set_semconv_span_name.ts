/**
 * `set_semconv_span_name(semconvVersion, originalSpanNameAttribute?)` (upstream transform processor
 * `internal/traces/func_set_semconv_span_name.go`, span context): renames a span to the
 * low-cardinality name the semantic conventions define for HTTP, RPC, database and messaging
 * spans, from its attributes and kind; spans none of them describes keep their name. When the
 * name changes and `originalSpanNameAttribute` is given, the old name is kept in that attribute.
 */
import { PMap, Span, SpanKind, type AttrValue } from '@ottl/pdata';
import type { FunctionDef } from '../../types/signature.js';
import { OttlCreateError, OttlError } from '../../types/values.js';
import { valueAsString } from '../../types/convert.js';

/** The semantic-convention versions whose naming rules this implements (upstream v0.162). */
const SUPPORTED_VERSIONS = ['1.37.0', '1.38.0', '1.39.0', '1.40.0', '1.41.0', '1.42.0', '1.43.0'];

/** The attribute, or its older alias. */
function attr(attrs: PMap, name: string, alias = ''): AttrValue | undefined {
  const v = attrs.get(name);
  if (v !== undefined) return v;
  return alias === '' ? undefined : attrs.get(alias);
}

const str = (v: AttrValue): string => valueAsString(v);

function httpName(attrs: PMap, subject: string): string {
  const method = attr(attrs, 'http.request.method', 'http.method');
  if (method === undefined) return '';
  const m = str(method) === '_OTHER' ? 'HTTP' : str(method);
  const target = attrs.get(subject);
  return target === undefined ? m : `${m} ${str(target)}`;
}

function rpcName(attrs: PMap): string {
  const system = attrs.get('rpc.system');
  if (system === undefined) return '';
  const method = attr(attrs, 'rpc.method', 'rpc.grpc.method');
  const service = attr(attrs, 'rpc.service', 'rpc.grpc.service');
  if (method !== undefined && service !== undefined) return `${str(service)}/${str(method)}`;
  if (method !== undefined) return str(method);
  if (service !== undefined) return `${str(service)}/*`;
  return str(system);
}

function address(attrs: PMap): string {
  const host = attrs.get('server.address');
  if (host === undefined) return '';
  const port = attrs.get('server.port');
  return port === undefined ? str(host) : `${str(host)}:${str(port)}`;
}

function dbName(attrs: PMap): string {
  const system = attr(attrs, 'db.system.name', 'db.system');
  if (system === undefined) return '';
  const summary = attrs.get('db.query.summary');
  if (summary !== undefined) return str(summary);
  const operation = attr(attrs, 'db.operation.name', 'db.operation');
  const op = operation === undefined ? '' : str(operation);
  const namespace = attr(attrs, 'db.namespace', 'db.name');
  const ns = namespace === undefined ? '' : str(namespace);
  let target = '';
  const collection = attrs.get('db.collection.name') ?? attrs.get('db.stored_procedure.name');
  if (collection !== undefined) target = ns !== '' ? `${ns}.${str(collection)}` : str(collection);
  else target = ns !== '' ? ns : address(attrs);
  if (op !== '' && target !== '') return `${op} ${target}`;
  return op !== '' ? op : target !== '' ? target : str(system);
}

function messagingName(attrs: PMap): string {
  const system = attrs.get('messaging.system');
  if (system === undefined) return '';
  const operation = attr(attrs, 'messaging.operation.name', 'messaging.operation');
  let destination: string;
  if (attrs.get('messaging.destination.temporary') === true) destination = '(temporary)';
  else if (attrs.get('messaging.destination.anonymous') === true) destination = '(anonymous)';
  else {
    const named = attrs.get('messaging.destination.template') ?? attr(attrs, 'messaging.destination.name', 'messaging.destination');
    destination = named !== undefined ? str(named) : address(attrs);
  }
  if (operation !== undefined && destination !== '') return `${str(operation)} ${destination}`;
  if (destination !== '') return destination;
  return operation !== undefined ? str(operation) : str(system);
}

/** The first non-empty name the conventions of the span's kind give, else the current name. */
function semconvName(span: Span): string {
  const a = span.attributes;
  const rules: (() => string)[] =
    span.kind === SpanKind.SERVER
      ? [() => httpName(a, 'http.route'), () => rpcName(a), () => messagingName(a)]
      : span.kind === SpanKind.CLIENT
        ? [() => httpName(a, 'url.template'), () => rpcName(a), () => dbName(a), () => messagingName(a)]
        : span.kind === SpanKind.CONSUMER || span.kind === SpanKind.PRODUCER
          ? [() => messagingName(a)]
          : [];
  for (const rule of rules) {
    const name = rule();
    if (name !== '') return name;
  }
  return span.name;
}

export const definition: FunctionDef = {
  name: 'set_semconv_span_name',
  params: [
    { name: 'semconvVersion', kind: { kind: 'literal', type: 'string' }, description: 'Semantic-convention version, 1.37.0 to 1.43.0.' },
    {
      name: 'originalSpanNameAttribute',
      kind: { kind: 'literal', type: 'string' },
      optional: true,
      description: 'Attribute that receives the previous name when it changes.',
    },
  ],
  returns: 'void',
  contexts: ['span'],
  doc: {
    category: 'context',
    summary: 'Renames a span to its semantic-convention name (HTTP, RPC, database, messaging) (transform processor, span context).',
    description:
      'Server spans: `{method} {http.route}`, then RPC `{service}/{method}`, then messaging `{operation} {destination}`. ' +
      'Client spans: `{method} {url.template}`, RPC, database (`db.query.summary` or `{operation} {target}`), messaging. ' +
      'Producer and consumer spans: messaging. Older attribute names (`http.method`, `db.system`…) are accepted; an ' +
      '`_OTHER` HTTP method reads `HTTP`. Other spans keep their name.',
    failures: ['An unsupported version, or an empty `originalSpanNameAttribute`, fails when the statement is parsed.'],
    examples: [
      {
        code: 'set_semconv_span_name("1.37.0", "original_span_name")',
        note: 'span context; a server span "GET /users/123" with http.request.method GET and http.route /users/{id} becomes "GET /users/{id}"',
      },
    ],
  },
  create(args) {
    const version = args[0] as string;
    const original = args[1] as string | undefined;
    if (!SUPPORTED_VERSIONS.includes(version)) {
      throw new OttlCreateError(`unsupported semconv version: ${version}, supported versions: ${SUPPORTED_VERSIONS.join(', ')}`);
    }
    if (original === '') throw new OttlCreateError('originalSpanNameAttribute cannot be an empty string');
    return (ctx) => {
      const span = (ctx as { readonly span?: unknown }).span;
      if (!(span instanceof Span)) throw new OttlError('set_semconv_span_name requires a span context');
      const before = span.name;
      const name = semconvName(span);
      span.name = name;
      if (name !== before && original !== undefined) span.attributes.set(original, before);
      return null;
    };
  },
};
