import { describe, expect, it } from 'vitest';
import { PMap, PSlice } from '@ottl/pdata';
import { OttlCreateError } from '../../types/values.js';
import { callConverter, env, getter, lit } from './harness.js';
import { definition as ExtractGrokPatterns } from '../converters/extract_grok_patterns.js';
import { definition as ExtractPatterns } from '../converters/extract_patterns.js';
import { definition as ParseCSV } from '../converters/parse_csv.js';
import { definition as ParseJSON } from '../converters/parse_json.js';
import { definition as ParseKeyValue } from '../converters/parse_key_value.js';
import { definition as ToKeyValueString } from '../converters/to_key_value_string.js';

/** A map result as ordered entries (order is part of what pdata keeps). */
function entries(v: unknown): [string, unknown][] {
  expect(v).toBeInstanceOf(PMap);
  return [...(v as PMap).entries()].map(([k, x]) => [k, x instanceof PMap || x instanceof PSlice ? x.toRaw() : x]);
}

describe('ParseJSON', () => {
  it('gives floats for numbers, Empty for null, maps and lists', () => {
    const m = callConverter(ParseJSON, [lit('{"test1":{"nested":"true"},"test3":1,"test4":1.1,"test5":[[1],[2,3],[]],"test6":null}')]);
    expect(entries(m)).toEqual([
      ['test1', { nested: 'true' }],
      ['test3', 1],
      ['test4', 1.1],
      ['test5', [[1], [2, 3], []]],
      ['test6', null],
    ]);
    expect(typeof (m as PMap).get('test3')).toBe('number');
    const l = callConverter(ParseJSON, [lit('["a", 2]')]);
    expect(l).toBeInstanceOf(PSlice);
    expect((l as PSlice).toRaw()).toEqual(['a', 2]);
  });
  it('rejects scalars and invalid JSON', () => {
    expect(() => callConverter(ParseJSON, [lit('"x"')])).toThrow('could not convert parsed value of type string to JSON object');
    expect(() => callConverter(ParseJSON, [lit('null')])).toThrow('could not convert parsed value of type <nil> to JSON object');
    expect(() => callConverter(ParseJSON, [lit('{')])).toThrow();
  });
});

describe('ParseKeyValue', () => {
  const pkv = (s: string, d?: string, p?: string) => entries(callConverter(ParseKeyValue, [lit(s), d, p]));
  it('splits pairs outside quotes and trims', () => {
    expect(pkv('name=ottl func=key_value')).toEqual([['name', 'ottl'], ['func', 'key_value']]);
    expect(pkv("requestClientApplication='Mozilla/5.0 (Windows NT 6.1; WOW64)'")).toEqual([
      ['requestClientApplication', 'Mozilla/5.0 (Windows NT 6.1; WOW64)'],
    ]);
    expect(pkv('   \nname!!ottl     \nfunc!!key_value      hello!!world  ', '!!')).toEqual([
      ['name', 'ottl'], ['func', 'key_value'], ['hello', 'world'],
    ]);
    expect(pkv('k1@*v1_!_k2@**v2_!__k3@@*v3__', '@*', '_!_')).toEqual([['k1', 'v1'], ['k2', '*v2'], ['_k3@', 'v3__']]);
    expect(pkv('   k1=v1   k2==v2       k3=v3= ')).toEqual([['k1', 'v1'], ['k2', '=v2'], ['k3', 'v3=']]);
    expect(pkv("a=b c=d'='")).toEqual([['a', 'b'], ['c', 'd=']]);
    expect(pkv('a=1 a=2')).toEqual([['a', '2']]);
  });
  it('reports upstream errors', () => {
    expect(() => pkv('', '=', '!')).toThrow('cannot parse from empty target');
    expect(() => pkv('k1=v1 k2=\'v2"')).toThrow('never reached the end of a quoted value');
    expect(() => pkv('a=b c=d', '=============')).toThrow('cannot split "a=b" into 2 items, got 1 item(s)');
    expect(() => ParseKeyValue.create([lit('x'), '=', '='], env)).toThrow(OttlCreateError);
    expect(() => ParseKeyValue.create([lit('x'), '', undefined], env)).toThrow('delimiter cannot be set to an empty string');
  });
});

describe('ToKeyValueString', () => {
  const kv = (m: Record<string, unknown>, d?: string, p?: string, sort?: boolean) =>
    callConverter(ToKeyValueString, [lit(PMap.fromRaw(m)), d, p, sort]);
  it('renders in map order or sorted, quoting and escaping', () => {
    expect(kv({ b: 'x', a: 1n })).toBe('b=x a=1');
    expect(kv({ key1: 'value1', key2: 'value2' }, ':', undefined, true)).toBe('key1:value1 key2:value2');
    expect(kv({ 'key 1': 'value 1', 'key2=': 'value2=' }, undefined, undefined, true)).toBe('"key 1"="value 1" "key2="="value2="');
    expect(kv({ 'key 1': 'value 1', 'key2"=': 'value2"=', 'key"3': 'value"3' }, undefined, undefined, true)).toBe(
      '"key 1"="value 1" key\\"3=value\\"3 "key2\\"="="value2\\"="',
    );
    expect(kv({ k: { b: 'x=1', a: ['v'] } })).toBe('k="{\\"a\\":[\\"v\\"],\\"b\\":\\"x=1\\"}"');
  });
  it('rejects bad delimiters when created', () => {
    expect(() => ToKeyValueString.create([lit(new PMap()), ' ', undefined, undefined], env)).toThrow(
      'pair delimiter " " cannot be equal to delimiter " "',
    );
  });
});

describe('ParseCSV', () => {
  const csv = (row: string, headers: string, ...opt: (string | undefined)[]) =>
    entries(callConverter(ParseCSV, [lit(row), lit(headers), ...opt]));
  it('parses rows with Go encoding/csv rules and joins newline-split records', () => {
    expect(csv('val1,val2,val3', 'col1,col2,col3')).toEqual([['col1', 'val1'], ['col2', 'val2'], ['col3', 'val3']]);
    expect(csv('val1\nnewline,val2,val3', 'a,b,c')).toEqual([['a', 'val1\nnewline'], ['b', 'val2'], ['c', 'val3']]);
    expect(csv('\nval1,val2,val3\n', 'a,b,c')).toEqual([['a', 'val1'], ['b', 'val2'], ['c', 'val3']]);
    expect(csv('val1\n,val2,val3', 'a,b,c')).toEqual([['a', 'val1\n'], ['b', 'val2'], ['c', 'val3']]);
    expect(csv('"a ""q"", b",c\r\n', 'x,y')).toEqual([['x', 'a "q", b'], ['y', 'c']]);
    expect(csv('"multi\nline",c', 'x,y')).toEqual([['x', 'multi\nline'], ['y', 'c']]);
    expect(csv('val1\tval2', 'col1 col2', '\t', ' ')).toEqual([['col1', 'val1'], ['col2', 'val2']]);
  });
  it('supports the three modes', () => {
    expect(csv('val1,"val2,"val3,val4"', 'a,b,c,d', undefined, undefined, 'ignoreQuotes')).toEqual([
      ['a', 'val1'], ['b', '"val2'], ['c', '"val3'], ['d', 'val4"'],
    ]);
    expect(csv('a,b"c,"d"e"', 'x,y,z', undefined, undefined, 'lazyQuotes')).toEqual([['x', 'a'], ['y', 'b"c'], ['z', 'd"e']]);
    // Go keeps the fields read before a parse error, so only an error in the first field surfaces.
    expect(() => csv('a,"b"c', 'x,y')).toThrow('wrong number of fields: expected 2, found 1');
    expect(() => csv('"b"c,d', 'x,y')).toThrow(/^read csv line: parse error on line 1, column \d+: extraneous or missing " in quoted-field$/);
    expect(() => csv('val1,val2,v"al3', 'a,b,c')).toThrow('wrong number of fields: expected 3, found 2');
    expect(() => csv('"abc', 'x')).toThrow('extraneous or missing " in quoted-field');
  });
  it('reports upstream errors', () => {
    expect(() => csv('val1,val2,val3', 'col1,col2')).toThrow('wrong number of fields: expected 2, found 3');
    expect(() => csv('val1', '', undefined, undefined, 'ignoreQuotes')).toThrow('headers must not be an empty string');
    expect(() => ParseCSV.create([lit('x'), lit('y'), 'bad_delim'], env)).toThrow('invalid arguments: delimiter must be a single character');
    expect(() => ParseCSV.create([lit('x'), lit('y'), undefined, 'bad'], env)).toThrow('invalid arguments: header_delimiter must be a single character');
    expect(() => ParseCSV.create([lit('x'), lit('y'), undefined, undefined, 'fake-mode'], env)).toThrow('unknown mode: fake-mode');
  });
});

describe('ExtractPatterns', () => {
  it('returns named groups of the first match', () => {
    expect(entries(callConverter(ExtractPatterns, [lit('a=b c=d'), lit('^a=(?P<a>\\w+)\\s+c=(?P<c>\\w+)$')]))).toEqual([
      ['a', 'b'], ['c', 'd'],
    ]);
    expect(entries(callConverter(ExtractPatterns, [lit('a=b c=d'), lit('^a=(?P<a>\\w+)$')]))).toEqual([]);
    expect(entries(callConverter(ExtractPatterns, [lit('x'), lit('(?P<a>x)|(?P<b>y)')]))).toEqual([['a', 'x'], ['b', '']]);
  });
  it('needs a valid pattern with a named group', () => {
    expect(() => ExtractPatterns.create([lit('x'), lit('(')], env)).toThrow(OttlCreateError);
    expect(() => ExtractPatterns.create([lit('x'), lit('(.*)')], env)).toThrow('at least 1 named capture group');
    const dynamic = ExtractPatterns.create([lit('x'), getter(() => '(.*)')], env);
    expect(() => dynamic({ context: 'log', cache: new PMap() })).toThrow('at least 1 named capture group');
  });
});

describe('ExtractGrokPatterns', () => {
  const grok = (s: string, pattern: string, nco?: boolean, defs?: string[]) =>
    Object.fromEntries(entries(callConverter(ExtractGrokPatterns, [lit(s), lit(pattern), nco, defs])));
  const url = 'http://user:password@example.com:80/path?query=string';
  it('expands default patterns and reports nested captures', () => {
    expect(grok(url, '%{URI}')).toMatchObject({
      URIPROTO: 'http', USER: 'user', URIHOST: 'example.com:80', IPORHOST: 'example.com', POSINT: '80',
      URIPATH: '/path', URIQUERY: 'query=string',
    });
    expect(grok('a=b c=d', '^a=(?P<a>\\w+)\\s+c=(?P<c>\\w+)$', false)).toEqual({ a: 'b', c: 'd' });
    expect(grok('a=b c=d', '^a=(?P<a>\\w+)$', false)).toEqual({});
  });
  it('uses the aws set, ids with dots and type hints', () => {
    expect(grok(url, '%{ELB_URI}', true)).toEqual({
      'url.scheme': 'http', 'url.username': 'user', 'url.domain': 'example.com', 'url.port': 80n,
      'url.path': '/path', 'url.query': 'query=string',
    });
    expect(
      grok(
        '2024-06-18 12:34:56 UTC johndoe 12345 67890',
        '%{DATESTAMP:timestamp} %{TZ:event.timezone} %{DATA:user.name} %{GREEDYDATA:postgresql.log.connection_id} %{POSINT:process.pid:int}',
        true,
      ),
    ).toEqual({
      timestamp: '24-06-18 12:34:56', 'event.timezone': 'UTC', 'user.name': 'johndoe',
      'postgresql.log.connection_id': '12345', 'process.pid': 67890n,
    });
    expect(grok('1.5 true', '%{NUMBER:n:float} %{BOOL:b:boolean}', true)).toEqual({ n: 1.5, b: true });
  });
  it('keeps duplicate names (last non-empty wins) that RE2 alone would reject', () => {
    const r = grok('2024-06-18 12:34:56', '%{DATESTAMP}', false);
    expect(r).toMatchObject({ DATESTAMP: '24-06-18 12:34:56', DATE: '24-06-18', MONTHDAY: '24', YEAR: '18' });
  });
  it('accepts custom definitions referring to each other', () => {
    expect(grok('2024-06-18 12:34:56 otel', '%{MYPATTERN}', true, ['MYPATTERN=%{MYDATEPATTERN:timestamp} otel', 'MYDATEPATTERN=%{DATE}[- ]%{TIME}'])).toEqual({
      timestamp: '24-06-18 12:34:56',
    });
  });
  it('rejects bad expressions and definitions when created', () => {
    const create = (pattern: string, nco?: boolean, defs?: string[]) => () => ExtractGrokPatterns.create([lit('x'), lit(pattern), nco, defs], env);
    expect(create('(', false)).toThrow('the pattern supplied to ExtractGrokPatterns is not a valid pattern: error parsing regexp');
    expect(create('%{NOPE}')).toThrow('pattern definition "NOPE" unknown: parsing failed');
    expect(create('%{URI}', false, ['PAT:TERN=invalid'])).toThrow('pattern ID "PAT:TERN" should not contain \':\'');
    expect(create('%{URI}', false, ['a-very-long-definition-without-equals'])).toThrow(
      'pattern "a-very-long-defin..." supplied to ExtractGrokPatterns at index 0 has incorrect format',
    );
    expect(create('%{WORD}', true)).toThrow('at least 1 named capture group must be supplied in the given regex');
    expect(create('(.*)', false)).not.toThrow();
  });
  it('fails when a typed capture does not convert', () => {
    expect(() => grok('abc', '%{WORD:n:int}', true)).toThrow('strconv.Atoi: parsing "abc": invalid syntax');
  });
});
