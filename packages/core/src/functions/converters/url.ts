import { PMap, PSlice } from '@ottl/pdata';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';
import { parseGoInt } from '../../types/convert.js';
import { parseQuery, parseUrl, splitHostPort, urlString, userinfoString } from '../internal/goUrl.js';

/** The semantic-convention attributes of a URL (upstream `parseutils.ParseURI(s, true)`). */
function urlAttributes(raw: string): PMap {
  const out = new PMap();
  if (raw.startsWith('?')) {
    const params = new PMap();
    for (const [k, values] of parseQuery(raw.slice(1))) params.set(k, PSlice.fromRaw(values));
    if (params.size > 0) out.set('query', params);
    return out;
  }
  const url = parseUrl(raw);
  const { hostname, port } = splitHostPort(url.host);
  out.set('url.original', urlString(url));
  out.set('url.domain', hostname);
  out.set('url.scheme', url.scheme);
  out.set('url.path', url.path);
  if (port !== '') {
    const n = parseGoInt(port);
    if (n === null) throw new OttlError(`strconv.Atoi: parsing ${JSON.stringify(port)}: value out of range`);
    out.set('url.port', n);
  }
  if (url.fragment !== '') out.set('url.fragment', url.fragment);
  if (url.user !== undefined) {
    out.set('url.user_info', userinfoString(url.user));
    if (url.user.username !== '') out.set('url.username', url.user.username);
    if (url.user.password !== undefined) out.set('url.password', url.user.password);
  }
  if (url.rawQuery !== '') out.set('url.query', url.rawQuery);
  const dot = url.path.lastIndexOf('.');
  if (dot >= 0 && dot < url.path.length - 1) out.set('url.extension', url.path.slice(dot + 1));
  return out;
}

/** `URL(url_string)` (ottlfuncs/func_url.go). */
export const definition: FunctionDef = {
  name: 'URL',
  params: [{ name: 'url_string', kind: { kind: 'getter', type: 'string' }, description: 'an absolute or relative URL' }],
  returns: 'map',
  doc: {
    category: 'parsing',
    summary: 'Parses a URL into `url.*` semantic-convention attributes.',
    description:
      '`url.original` (the URL as Go re-serialises it), `url.domain`, `url.scheme` and `url.path` are ' +
      'always present; `url.port` (an int), `url.query`, `url.fragment`, `url.user_info`, ' +
      '`url.username`, `url.password` and `url.extension` only when the URL has them. Parsing follows ' +
      'Go `net/url` (path and fragment are percent-decoded, the query is kept raw). A string starting ' +
      'with `?` is parsed as a bare query into `query`: a map of parameter lists.',
    returns: 'map',
    failures: ['an empty string', 'a URL Go rejects (bad port, bad escape, control character…)', 'url_string is not a string'],
    examples: [
      {
        code: 'URL("http://myusername:mypassword@www.example.com:80/foo.gif?key1=val1&key2=val2#fragment")',
        result: {
          'url.original': 'http://myusername:mypassword@www.example.com:80/foo.gif?key1=val1&key2=val2#fragment',
          'url.domain': 'www.example.com',
          'url.scheme': 'http',
          'url.path': '/foo.gif',
          'url.port': 80,
          'url.fragment': 'fragment',
          'url.user_info': 'myusername:mypassword',
          'url.username': 'myusername',
          'url.password': 'mypassword',
          'url.query': 'key1=val1&key2=val2',
          'url.extension': 'gif',
        },
      },
      {
        code: 'URL("http://www.example.com")',
        result: { 'url.original': 'http://www.example.com', 'url.domain': 'www.example.com', 'url.scheme': 'http', 'url.path': '' },
      },
      { code: 'URL("http://host:x/")', error: 'invalid port ":x" after host' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    return (ctx) => {
      const raw = target.get(ctx);
      if (raw === '') throw new OttlError('url cannot be empty');
      try {
        return urlAttributes(raw);
      } catch (e) {
        throw e instanceof OttlError ? e : new OttlError((e as Error).message);
      }
    };
  },
};
