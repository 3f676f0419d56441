import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PMap, PSlice } from '@ottl/pdata';
import { callConverter, lit } from './harness.js';
import { definition as URL_ } from '../converters/url.js';
import { definition as UserAgent } from '../converters/user_agent.js';

function raw(v: unknown): unknown {
  expect(v).toBeInstanceOf(PMap);
  return (v as PMap).toRaw();
}
const url = (s: string) => raw(callConverter(URL_, [lit(s)]));

describe('URL', () => {
  it.each([
    [
      'http://myusername:mypassword@www.example.com:80/foo.gif?key1=val1&key2=val2#fragment',
      {
        'url.path': '/foo.gif', 'url.fragment': 'fragment', 'url.extension': 'gif', 'url.password': 'mypassword',
        'url.original': 'http://myusername:mypassword@www.example.com:80/foo.gif?key1=val1&key2=val2#fragment',
        'url.scheme': 'http', 'url.port': 80n, 'url.user_info': 'myusername:mypassword', 'url.domain': 'www.example.com',
        'url.query': 'key1=val1&key2=val2', 'url.username': 'myusername',
      },
    ],
    ['http://www.example.com', { 'url.original': 'http://www.example.com', 'url.scheme': 'http', 'url.domain': 'www.example.com', 'url.path': '' }],
    ['https://user:@www.example.com:77/foo', {
      'url.original': 'https://user:@www.example.com:77/foo', 'url.scheme': 'https', 'url.domain': 'www.example.com',
      'url.path': '/foo', 'url.port': 77n, 'url.user_info': 'user:', 'url.username': 'user', 'url.password': '',
    }],
    ['ftp://ftp.is.co.za/rfc/rfc1808.txt', {
      'url.original': 'ftp://ftp.is.co.za/rfc/rfc1808.txt', 'url.scheme': 'ftp', 'url.path': '/rfc/rfc1808.txt',
      'url.extension': 'txt', 'url.domain': 'ftp.is.co.za',
    }],
    ['telnet://192.0.2.16:80/', { 'url.original': 'telnet://192.0.2.16:80/', 'url.scheme': 'telnet', 'url.path': '/', 'url.port': 80n, 'url.domain': '192.0.2.16' }],
  ])('%s', (input, expected) => {
    expect(url(input)).toEqual(expected);
  });
  it('decodes the path and fragment, keeps the query raw, and re-serialises like Go', () => {
    expect(url('HTTP://[::1]:8080/a%20b/c%2Fd?q=%20x#frag%21')).toEqual({
      'url.original': 'http://[::1]:8080/a%20b/c%2Fd?q=%20x#frag%21',
      'url.domain': '::1', 'url.scheme': 'http', 'url.path': '/a b/c/d', 'url.port': 8080n,
      'url.fragment': 'frag!', 'url.query': 'q=%20x',
    });
    expect(url('mailto:joe@example.com')).toEqual({
      'url.original': 'mailto:joe@example.com', 'url.domain': '', 'url.scheme': 'mailto', 'url.path': '',
    });
    expect(url('/just/a/path.tar.gz')).toMatchObject({ 'url.original': '/just/a/path.tar.gz', 'url.extension': 'gz', 'url.scheme': '' });
  });
  it('parses a bare query into parameter lists', () => {
    const m = callConverter(URL_, [lit('?a=1&b=x+y&a=2')]) as PMap;
    const q = m.get('query') as PMap;
    expect((q.get('a') as PSlice).toRaw()).toEqual(['1', '2']);
    expect((q.get('b') as PSlice).toRaw()).toEqual(['x y']);
  });
  it('reports Go url.Parse errors', () => {
    expect(() => url('')).toThrow('url cannot be empty');
    expect(() => url('http://host:x/')).toThrow('parse "http://host:x/": invalid port ":x" after host');
    expect(() => url('http://a b.com/')).toThrow('invalid character " " in host name');
    expect(() => url('http://x/%zz')).toThrow('invalid URL escape "%zz"');
    expect(() => url(':nope')).toThrow('missing protocol scheme');
    expect(() => url('a:b/c:d')).not.toThrow();
    expect(() => url('1a:b')).toThrow('first path segment in URL cannot contain colon');
    expect(() => url('http://x/\u0001')).toThrow('net/url: invalid control character in URL');
  });
});

describe('UserAgent (uap-core)', () => {
  const ua = (s: string) => raw(callConverter(UserAgent, [lit(s)]));
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 4.1.1; SPH-L710 Build/JRO03L) AppleWebKit/535.19 (KHTML, like Gecko) Chrome/18.0.1025.166 Mobile Safari/535.19',
      { 'user_agent.name': 'Chrome Mobile', 'user_agent.version': '18.0.1025', 'os.name': 'Android', 'os.version': '4.1.1' },
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0', { 'user_agent.name': 'Firefox', 'user_agent.version': '126.0', 'os.name': 'Linux' }],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 13_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Mobile/15E148 Safari/604.1',
      { 'user_agent.name': 'Mobile Safari', 'user_agent.version': '13.1.1', 'os.name': 'iOS', 'os.version': '13.5.1' },
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.106 Safari/537.36 OPR/38.0.2220.41',
      { 'user_agent.name': 'Opera', 'user_agent.version': '38.0.2220', 'os.name': 'Linux' },
    ],
    ['curl/7.81.0', { 'user_agent.name': 'curl', 'user_agent.version': '7.81.0', 'os.name': 'Other' }],
    ['foobar/1.2.3 (foo; bar baz)', { 'user_agent.name': 'Other', 'user_agent.version': '', 'os.name': 'Other' }],
    ['OpenTelemetry Collector Contrib/0.106.1 (linux/amd64)', { 'user_agent.name': 'Other', 'user_agent.version': '', 'os.name': 'Linux' }],
    [
      'ViaFree-DK/3.8.3 (com.MTGx.ViaFree.dk; build:7383; iOS 12.1.0) Alamofire/4.7.0',
      { 'user_agent.name': 'ViaFree', 'user_agent.version': '3.8.3', 'os.name': 'iOS', 'os.version': '12.1.0' },
    ],
    [
      "ibm-cos-sdk-java/2.3.0 Linux/4.9.0-8-amd64 Java_HotSpot(TM)_64-Bit_Server_VM/9.0.4+11/9.0.4'",
      { 'user_agent.name': 'ibm-cos-sdk-java', 'user_agent.version': '2.3.0', 'os.name': 'Linux', 'os.version': '4.9.0' },
    ],
  ])('%s', (input, expected) => {
    expect(ua(input)).toEqual({ 'user_agent.original': input, ...expected });
  });
  it('gives the same answer from its cache', () => {
    expect(ua('curl/7.81.0')).toEqual(ua('curl/7.81.0'));
  });
  it('ships parsers generated from the installed uap-core', async () => {
    const script = fileURLToPath(new URL('../../../scripts/generate-uap-regexes.mjs', import.meta.url));
    const { render } = (await import(script)) as { render: () => string };
    const committed = readFileSync(fileURLToPath(new URL('../generated/uapRegexes.ts', import.meta.url)), 'utf8');
    expect(committed === render()).toBe(true);
  });
});
