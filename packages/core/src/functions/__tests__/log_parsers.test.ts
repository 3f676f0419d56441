import { describe, expect, test } from 'vitest';
import { PMap } from '@ottl/pdata';
import { FUNCTIONS } from '../catalog/time_xml_context.js';
import { OttlCreateError } from '../../types/values.js';
import { callConverter, lit } from './harness.js';
import { encode } from './conformanceCalls.js';

const def = (name: string) => FUNCTIONS.find((f) => f.name === name)!;
const parse = (name: string, text: string, ...rest: unknown[]): unknown =>
  encode(callConverter(def(name), [lit(text), ...(rest as never[])]) as PMap);
const failure = (name: string, text: string, ...rest: unknown[]): string => {
  try {
    callConverter(def(name), [lit(text), ...(rest as never[])]);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('ParseLEEF', () => {
  test.each([
    [
      'LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=10.50.1.1\tdst=2.10.20.20\tsev=5',
      { version: '1.0', vendor: 'Microsoft', product_name: 'MSExchange', product_version: '4.0 SP1', event_id: '15345', attributes: { src: '10.50.1.1', dst: '2.10.20.20', sev: '5' } },
    ],
    [
      'LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^^dst=10.0.0.5^sev=5',
      { version: '2.0', vendor: 'Lancope', product_name: 'StealthWatch', product_version: '1.0', event_id: '41', attributes: { src: '10.0.1.8', dst: '10.0.0.5', sev: '5' } },
    ],
    [
      '<30>Aug 19 12:33:31 host guard_sender[4486]: LEEF:2.0|V|P|1.0|100|0X5E|url=http://x?a=b^empty=',
      { version: '2.0', vendor: 'V', product_name: 'P', product_version: '1.0', event_id: '100', attributes: { url: 'http://x?a=b', empty: '' } },
    ],
    ['LEEF:1.0|Vendor|Product|1.0|EventID', { version: '1.0', vendor: 'Vendor', product_name: 'Product', product_version: '1.0', event_id: 'EventID', attributes: {} }],
  ])('%s', (text, expected) => {
    expect(parse('ParseLEEF', text)).toEqual(expected);
  });
  test.each([
    ['', 'cannot parse empty LEEF message'],
    ['hello', "invalid LEEF message: 'LEEF:' not found"],
    ['LEEF:3.0|a|b|c|d|', 'unsupported LEEF version: 3.0'],
    ['LEEF:1.0|a|b', 'invalid LEEF 1.0 header: expected at least 4 fields'],
    ['LEEF:2.0|a|b|c|d|0xZZ|k=v', 'invalid hex delimiter'],
  ])('rejects %j', (text, message) => {
    expect(failure('ParseLEEF', text)).toContain(message);
  });
});

describe('ParseCEF', () => {
  test('header, escapes and extensions with spaces', () => {
    expect(parse('ParseCEF', 'Sep 19 08:26:10 host CEF:0|Security|threat\\|manager|1.0|100|worm successfully stopped|10|src=10.0.0.1 msg=Detected a\\=b\\nnext line act=blocked a b ')).toEqual({
      'cef.version': '0',
      'cef.device_vendor': 'Security',
      'cef.device_product': 'threat|manager',
      'cef.device_version': '1.0',
      'cef.device_event_class_id': '100',
      'cef.name': 'worm successfully stopped',
      'cef.severity': '10',
      'cef.extensions': { src: '10.0.0.1', msg: 'Detected a=b\nnext line', act: 'blocked a b' },
    });
  });
  test.each([
    ['CEF:0|V|P|1.0|100|Event|5', 'no error'],
    ['CEF:|V|P|1.0|100|Event|5', 'invalid CEF message: missing version'],
    ['CEF:0|V|P', 'invalid CEF header: expected at least 7 pipe-delimited fields'],
    ['nothing', "invalid CEF message: 'CEF:' not found"],
  ])('%j', (text, message) => {
    expect(failure('ParseCEF', text)).toContain(message);
  });
});

describe('ParseCLF', () => {
  const line = '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /a\\"b HTTP/1.0" 200 2326';
  test('common log format', () => {
    expect(parse('ParseCLF', line)).toEqual({
      remote_host: '127.0.0.1',
      rfc931: '-',
      authuser: 'frank',
      timestamp: '10/Oct/2000:13:55:36 -0700',
      request: 'GET /a"b HTTP/1.0',
      method: 'GET',
      request_uri: '/a"b',
      protocol: 'HTTP/1.0',
      status: 200,
      bytes: 2326,
    });
  });
  test('combined format, bytes "-"', () => {
    const combined = '10.0.0.1 - - [01/Jan/2024:00:00:00 +0000] "GET / HTTP/1.1" 304 - "http://ref/\\x22q" "curl/8.0"';
    expect(parse('ParseCLF', combined, 'combined')).toMatchObject({ status: 304, referer: 'http://ref/"q', user_agent: 'curl/8.0' });
    expect(parse('ParseCLF', combined, 'combined')).not.toHaveProperty('bytes');
  });
  test('errors', () => {
    expect(failure('ParseCLF', line, 'combined')).toBe('invalid CLF message: does not match expected "combined" format');
    expect(failure('ParseCLF', line.replace(' 200 ', ' OK '))).toContain('invalid status code "OK"');
    expect(() => def('ParseCLF').create([lit(line), 'json'], { context: 'log', featureGates: new Set() })).toThrow(OttlCreateError);
  });
});

describe('ParseELF', () => {
  const block = [
    '#Software: Microsoft Internet Information Services 10.0',
    '#Version: 1.0',
    '#Date: 2024-01-01 00:00:00',
    '#Fields: date time cs-method cs-uri-stem cs(User-Agent)',
    '2024-01-01 00:00:01 GET /index.html "Mozilla 5.0 ""quoted"""',
    '#Fields: date s-ip',
    '2024-01-02',
  ].join('\r\n');
  test('directives, quoted values and several #Fields', () => {
    expect(parse('ParseELF', block)).toEqual({
      version: '1.0',
      software: 'Microsoft Internet Information Services 10.0',
      date: '2024-01-01 00:00:00',
      fields: ['date', 's-ip'],
      entries: [
        { date: '2024-01-01', time: '00:00:01', 'cs-method': 'GET', 'cs-uri-stem': '/index.html', 'cs(User-Agent)': 'Mozilla 5.0 "quoted"' },
        { date: '2024-01-02', 's-ip': '-' },
      ],
    });
  });
  test.each([
    ['#Fields: a\nx', 'invalid ELF: missing #Version directive'],
    ['#Version: 1.0\nx', 'invalid ELF: data entry found before #Fields directive'],
    ['#Version: 1.0\n#Fields a b', 'invalid ELF: malformed #Fields directive'],
    ['#Version: 1.0\n#Fields: a\n"open', 'unterminated quoted value'],
  ])('%j', (text, message) => {
    expect(failure('ParseELF', text)).toContain(message);
  });
});
