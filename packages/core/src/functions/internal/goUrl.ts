/**
 * Go's `net/url` parsing (`url.Parse`, `url.ParseQuery`) and re-serialisation (`URL.String`), as
 * far as the `URL` converter needs them. Percent-escapes are decoded per URL part with Go's rules
 * (which characters a part may hold, `+` only meaning a space in queries); errors carry Go's
 * messages (`parse "…": invalid port ":x" after host`).
 *
 * JS strings cannot hold invalid UTF-8: an escape that decodes to one comes back as U+FFFD.
 */
import { utf8Decode, utf8Encode } from './utf8.js';

type Mode = 'path' | 'pathSegment' | 'host' | 'userPassword' | 'queryComponent' | 'fragment';

export class UrlError extends Error {
  override readonly name = 'UrlError';
}

const isAlnum = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
const isHex = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const hexValue = (c: number): number => (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10);

/** Go `shouldEscape`: must byte `c` be percent-encoded in this part of a URL? */
function shouldEscape(c: number, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  const ch = String.fromCharCode(c);
  if (mode === 'host' && "!$&'()*+,;=:[]<>\"".includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    switch (mode) {
      case 'pathSegment':
        return '/;,?'.includes(ch);
      case 'userPassword':
        return '@/?:'.includes(ch);
      case 'queryComponent':
        return true;
      case 'fragment':
        return false;
      case 'path':
        return ch === '?';
      case 'host':
        return true;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

function escape(s: string, mode: Mode): string {
  let out = '';
  for (const b of utf8Encode(s)) {
    if (!shouldEscape(b, mode)) out += String.fromCharCode(b);
    else if (b === 0x20 && mode === 'queryComponent') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Go `unescape`: decodes `%XX` (and `+` in query components); throws Go's escape errors. */
function unescape(s: string, mode: Mode): string {
  const bytes = utf8Encode(s);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b === 0x25) {
      if (i + 2 >= bytes.length || !isHex(bytes[i + 1]!) || !isHex(bytes[i + 2]!)) {
        throw new UrlError(`invalid URL escape ${JSON.stringify(s.slice(charIndex(bytes, i), charIndex(bytes, i) + 3))}`);
      }
      const v = hexValue(bytes[i + 1]!) * 16 + hexValue(bytes[i + 2]!);
      if (mode === 'host' && v < 0x80 && !(bytes[i + 1] === 0x32 && bytes[i + 2] === 0x35)) {
        throw new UrlError(`invalid URL escape ${JSON.stringify(utf8Decode(bytes.subarray(i, i + 3)))}`);
      }
      out.push(v);
      i += 3;
    } else if (b === 0x2b) {
      out.push(mode === 'queryComponent' ? 0x20 : b);
      i++;
    } else {
      if (mode === 'host' && b < 0x80 && shouldEscape(b, mode)) {
        throw new UrlError(`invalid character ${JSON.stringify(String.fromCharCode(b))} in host name`);
      }
      out.push(b);
      i++;
    }
  }
  return utf8Decode(Uint8Array.from(out));
}

/** The UTF-16 index of UTF-8 byte offset `byteIndex` (for quoting the input in messages). */
function charIndex(bytes: Uint8Array, byteIndex: number): number {
  return utf8Decode(bytes.subarray(0, byteIndex)).length;
}

/** Go `validEncoded`: is `s` a percent-encoding this part may keep as written? */
function validEncoded(s: string, mode: Mode): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ("!$&'()*+,;=:@[]%".includes(s[i]!)) continue;
    if (c < 0x80 && shouldEscape(c, mode)) return false;
  }
  return true;
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

export interface GoUrl {
  scheme: string;
  opaque: string;
  user?: { username: string; password?: string };
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === 0x3a) {
      if (i === 0) throw new UrlError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${JSON.stringify(colonPort)} after host`);
  } else {
    const i = host.lastIndexOf(':');
    if (i >= 0 && !validOptionalPort(host.slice(i))) {
      throw new UrlError(`invalid port ${JSON.stringify(host.slice(i))} after host`);
    }
  }
  return unescape(host, 'host');
}

const USERINFO_CHARS = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

function parseAuthority(authority: string, url: GoUrl): void {
  const at = authority.lastIndexOf('@');
  url.host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (at < 0) return;
  const userinfo = authority.slice(0, at);
  if (!USERINFO_CHARS.test(userinfo)) throw new UrlError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  url.user =
    colon < 0
      ? { username: unescape(userinfo, 'userPassword') }
      : {
          username: unescape(userinfo.slice(0, colon), 'userPassword'),
          password: unescape(userinfo.slice(colon + 1), 'userPassword'),
        };
}

/** Go `url.Parse`; throws UrlError with Go's message (`parse "…": …`). */
export function parseUrl(raw: string): GoUrl {
  try {
    const hash = raw.indexOf('#');
    const url = parseWithoutFragment(hash < 0 ? raw : raw.slice(0, hash));
    if (hash >= 0) {
      const f = raw.slice(hash + 1);
      url.fragment = unescape(f, 'fragment');
      url.rawFragment = escape(url.fragment, 'fragment') === f ? '' : f;
    }
    return url;
  } catch (e) {
    throw new UrlError(`parse ${JSON.stringify(raw)}: ${(e as Error).message}`);
  }
}

function parseWithoutFragment(raw: string): GoUrl {
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new UrlError('net/url: invalid control character in URL');
  const url: GoUrl = {
    scheme: '', opaque: '', host: '', path: '', rawPath: '', omitHost: false,
    forceQuery: false, rawQuery: '', fragment: '', rawFragment: '',
  };
  if (raw === '*') {
    url.path = '*';
    return url;
  }
  let [scheme, rest] = getScheme(raw);
  url.scheme = scheme.toLowerCase();
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      url.opaque = rest;
      return url;
    }
    const slash = rest.indexOf('/');
    if ((slash < 0 ? rest : rest.slice(0, slash)).includes(':')) {
      throw new UrlError('first path segment in URL cannot contain colon');
    }
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    parseAuthority(authority, url);
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    url.omitHost = true;
  }
  url.path = unescape(rest, 'path');
  url.rawPath = escape(url.path, 'path') === rest ? '' : rest;
  return url;
}

function escapedPath(url: GoUrl): string {
  if (url.rawPath !== '' && validEncoded(url.rawPath, 'path')) {
    try {
      if (unescape(url.rawPath, 'path') === url.path) return url.rawPath;
    } catch {
      // fall through to re-escaping
    }
  }
  if (url.path === '*') return '*';
  return escape(url.path, 'path');
}

function escapedFragment(url: GoUrl): string {
  if (url.rawFragment !== '' && validEncoded(url.rawFragment, 'fragment')) {
    try {
      if (unescape(url.rawFragment, 'fragment') === url.fragment) return url.rawFragment;
    } catch {
      // fall through to re-escaping
    }
  }
  return escape(url.fragment, 'fragment');
}

/** Go `Userinfo.String()`: `user` or `user:password`, escaped. */
export function userinfoString(user: NonNullable<GoUrl['user']>): string {
  let s = escape(user.username, 'userPassword');
  if (user.password !== undefined) s += ':' + escape(user.password, 'userPassword');
  return s;
}

/** Go `URL.String()`. */
export function urlString(url: GoUrl): string {
  let buf = '';
  if (url.scheme !== '') buf += url.scheme + ':';
  if (url.opaque !== '') buf += url.opaque;
  else {
    if (url.scheme !== '' || url.host !== '' || url.user !== undefined) {
      if (!(url.omitHost && url.host === '' && url.user === undefined)) {
        if (url.host !== '' || url.path !== '' || url.user !== undefined) buf += '//';
        if (url.user !== undefined) buf += userinfoString(url.user) + '@';
        if (url.host !== '') buf += escape(url.host, 'host');
      }
    }
    const path = escapedPath(url);
    if (path !== '' && path[0] !== '/' && url.host !== '') buf += '/';
    if (buf === '') {
      const slash = path.indexOf('/');
      if ((slash < 0 ? path : path.slice(0, slash)).includes(':')) buf += './';
    }
    buf += path;
  }
  if (url.forceQuery || url.rawQuery !== '') buf += '?' + url.rawQuery;
  if (url.fragment !== '') buf += '#' + escapedFragment(url);
  return buf;
}

/** Go `URL.Hostname()` and `URL.Port()`. */
export function splitHostPort(hostPort: string): { hostname: string; port: string } {
  let host = hostPort;
  let port = '';
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && validOptionalPort(host.slice(colon))) {
    port = host.slice(colon + 1);
    host = host.slice(0, colon);
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return { hostname: host, port };
}

/** Go `url.ParseQuery`: parameters in first-seen order, each with its values; throws the first error. */
export function parseQuery(query: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let firstError: string | undefined;
  for (const part of query.split('&')) {
    if (part.includes(';')) {
      firstError ??= 'invalid semicolon separator in query';
      continue;
    }
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = unescape(rawKey, 'queryComponent');
      value = unescape(rawValue, 'queryComponent');
    } catch (e) {
      firstError ??= (e as Error).message;
      continue;
    }
    const values = out.get(key);
    if (values) values.push(value);
    else out.set(key, [value]);
  }
  if (firstError !== undefined) throw new UrlError(firstError);
  return out;
}
