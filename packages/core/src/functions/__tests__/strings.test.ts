import { describe, expect, it } from 'vitest';
import { OttlCreateError, OttlError, OttlTime } from '../../types/values.js';
import { callConverter, getter, lit } from './harness.js';
import { definition as Concat } from '../converters/concat.js';
import { definition as ConvertCase } from '../converters/convert_case.js';
import { definition as Format } from '../converters/format.js';
import { definition as HasPrefix } from '../converters/has_prefix.js';
import { definition as HasSuffix } from '../converters/has_suffix.js';
import { definition as Index } from '../converters/index.js';
import { definition as Len } from '../converters/len.js';
import { definition as Split } from '../converters/split.js';
import { definition as Substring } from '../converters/substring.js';
import { definition as ToCamelCase } from '../converters/to_camel_case.js';
import { definition as ToLowerCase } from '../converters/to_lower_case.js';
import { definition as ToSnakeCase } from '../converters/to_snake_case.js';
import { definition as ToUpperCase } from '../converters/to_upper_case.js';
import { definition as Trim } from '../converters/trim.js';
import { definition as TrimPrefix } from '../converters/trim_prefix.js';
import { definition as TrimSuffix } from '../converters/trim_suffix.js';

describe('Concat', () => {
  it('joins string-like values (already rendered by the getter) and nil as <nil>', () => {
    expect(callConverter(Concat, [[lit('a'), lit('1'), lit(null)], lit('-')])).toBe('a-1-<nil>');
    expect(callConverter(Concat, [[lit(''), lit(''), lit('')], lit('__')])).toBe('____');
    expect(callConverter(Concat, [[], lit(',')])).toBe('');
  });
});

describe('case conversions', () => {
  it.each([
    ['simpleString', 'simple_string'],
    ['simple_string', 'simple_string'],
    ['CPUUtilizationMetric', 'cpu_utilization_metric'],
    ['simple-string', 'simple_string'],
    ['http.server.duration', 'http_server_duration'],
    ['Metric2Name', 'metric_2_name'],
    ['', ''],
  ])('snake %j → %j', (input, out) => {
    expect(callConverter(ToSnakeCase, [lit(input)])).toBe(out);
    expect(callConverter(ConvertCase, [lit(input), 'snake'])).toBe(out);
  });
  it.each([
    ['simple_string', 'SimpleString'],
    ['SimpleString', 'SimpleString'],
    ['my metric-name.total', 'MyMetricNameTotal'],
    ['', ''],
  ])('camel %j → %j', (input, out) => {
    expect(callConverter(ToCamelCase, [lit(input)])).toBe(out);
    expect(callConverter(ConvertCase, [lit(input), 'camel'])).toBe(out);
  });
  it('upper and lower map each character on its own, like Go', () => {
    expect(callConverter(ToUpperCase, [lit('complex_SET-of.WORDS1234')])).toBe('COMPLEX_SET-OF.WORDS1234');
    expect(callConverter(ToLowerCase, [lit('ÀÉ_X')])).toBe('àé_x');
    expect(callConverter(ToUpperCase, [lit('straße')])).toBe('STRAßE');
  });
  it('rejects an unknown case when created', () => {
    expect(() => ConvertCase.create([lit('x'), 'unset'], { context: 'log', featureGates: new Set() })).toThrow(
      new OttlCreateError('invalid case: unset, allowed cases are: lower, upper, snake, camel'),
    );
  });
});

describe('prefix / suffix', () => {
  it('tests and trims once', () => {
    expect(callConverter(HasPrefix, [lit('hello world'), lit('hello ')])).toBe(true);
    expect(callConverter(HasSuffix, [lit('hello world'), lit('hello ')])).toBe(false);
    expect(callConverter(TrimPrefix, [lit('aaab'), lit('a')])).toBe('aab');
    expect(callConverter(TrimSuffix, [lit('hello world'), lit(' world')])).toBe('hello');
    expect(callConverter(TrimSuffix, [lit('hello'), lit('')])).toBe('hello');
  });
});

describe('Trim', () => {
  it('uses the replacement as a cut set, a space by default', () => {
    expect(callConverter(Trim, [lit(' this is a test '), undefined])).toBe('this is a test');
    expect(callConverter(Trim, [lit('!?!x!?'), '!?'])).toBe('x');
    expect(callConverter(Trim, [lit(' x '), ''])).toBe(' x ');
    expect(callConverter(Trim, [lit('ééxé'), 'é'])).toBe('x');
  });
});

describe('Split', () => {
  it('follows Go strings.Split', () => {
    expect(callConverter(Split, [lit('A|B|C'), lit('|')])).toEqual(['A', 'B', 'C']);
    expect(callConverter(Split, [lit(''), lit('|')])).toEqual(['']);
    expect(callConverter(Split, [lit('A😀'), lit('')])).toEqual(['A', '😀']);
    expect(callConverter(Split, [lit(''), lit('')])).toEqual([]);
  });
});

describe('Substring', () => {
  const sub = (s: string, start: bigint, length: bigint, utf8Safe?: boolean) =>
    callConverter(Substring, [lit(s), lit(start), lit(length), utf8Safe]);
  it('counts bytes by default', () => {
    expect(sub('123456789', 3n, 3n)).toBe('456');
    expect(sub('123456789', 0n, 9n)).toBe('123456789');
    expect(sub('一二三', 3n, 3n)).toBe('二');
    expect(sub('一二三', 0n, 1n)).toBe('\ufffd');
  });
  it('counts characters with utf8Safe', () => {
    expect(sub('一二三', 1n, 1n, true)).toBe('二');
    expect(sub('🎉🎊🎈', 1n, 2n, true)).toBe('🎊🎈');
    expect(sub('ab一c', 1n, 2n, true)).toBe('b一');
    expect(() => sub('一二三', 2n, 2n, true)).toThrow('cannot be greater than the rune length of target string(3)');
    expect(() => sub('abc', 2n, 2n, true)).toThrow('exceeds byte length(3)');
  });
  it('rejects bad ranges with upstream messages', () => {
    expect(() => sub('123456789', 0n, 0n)).toThrow('invalid length for substring function, 0 cannot be negative or zero');
    expect(() => sub('123456789', -1n, 6n)).toThrow('invalid start for substring function, -1 cannot be negative');
    expect(() => sub('', 3n, 6n)).toThrow(
      'invalid range for substring function, start(3)+length(6) cannot be greater than the length of target string(0)',
    );
    expect(() => sub('123456789', 9223372036854775805n, 10n)).toThrow(OttlError);
  });
});

describe('Len', () => {
  it('measures strings in UTF-8 bytes, lists, maps and bytes', () => {
    expect(callConverter(Len, [lit('a string')])).toBe(8n);
    expect(callConverter(Len, [lit('é')])).toBe(2n);
    expect(callConverter(Len, [lit([null, null, null])])).toBe(3n);
    expect(callConverter(Len, [lit({ a: 1n, b: 2n })])).toBe(2n);
    expect(callConverter(Len, [lit(new Uint8Array(4))])).toBe(4n);
    expect(() => callConverter(Len, [lit(1n)])).toThrow('target arg must be of type string');
    expect(() => callConverter(Len, [lit(null)])).toThrow('target arg must be of type string');
  });
});

describe('Index', () => {
  it('finds byte offsets in strings', () => {
    expect(callConverter(Index, [lit('hello world'), lit('world')])).toBe(6n);
    expect(callConverter(Index, [lit('héllo'), lit('l')])).toBe(3n);
    expect(callConverter(Index, [lit('Hello World'), lit('world')])).toBe(-1n);
    expect(() => callConverter(Index, [lit('hello'), lit(1n)])).toThrow('value must be a string');
  });
  it('compares list items with the OTTL rules', () => {
    expect(callConverter(Index, [lit(['hello', 42n, true]), lit(true)])).toBe(2n);
    expect(callConverter(Index, [lit([1.1, 2.2, 3.3]), lit(2.2)])).toBe(1n);
    expect(callConverter(Index, [lit([1n, 2n]), lit(2.0)])).toBe(1n);
    expect(callConverter(Index, [lit([false, true]), lit('true')])).toBe(-1n);
    expect(callConverter(Index, [lit([]), lit('x')])).toBe(-1n);
    expect(() => callConverter(Index, [lit(123n), lit('x')])).toThrow('expected pcommon.Slice but got int64');
  });
});

describe('Format', () => {
  const fmt = (f: string, ...args: unknown[]) => callConverter(Format, [f, args.map((a) => lit(a as never))]);
  it.each([
    [['test'], 'test'],
    [['test-%04d', 2n], 'test-0002'],
    [['test-%04d-%4s', 2n, 'te'], 'test-0002-  te'],
    [['%v %v %v %v', 1n, 1.5, 'x', true], '1 1.5 x true'],
    [['%v', 1e6], '1e+06'],
    [['%v', 123456.0], '123456'],
    [['%v', 1e-5], '1e-05'],
    [['%.2f|%8.3f|%-8.1f|', 3.14159, -2.5, 0.25], '3.14|  -2.500|0.2     |'],
    [['%.0f %.0f %.1f', 2.5, 3.5, 0.05], '2 4 0.1'],
    [['%e %E %.2e', 123456.789, 0.000123, 1.0], '1.234568e+05 1.230000E-04 1.00e+00'],
    [['%g %g %.3g %g', 100000.0, 1e21, 3.14159, 0.0001], '100000 1e+21 3.14 0.0001'],
    [['%x %X %o %O %b %#x %#o', 255n, 255n, 8n, 8n, 5n, 255n, 8n], 'ff FF 10 0o10 101 0xff 010'],
    [['%+d % d %05d %-5d| %.3d', 5n, 5n, -42n, 7n, 7n], '+5  5 -0042 7    | 007'],
    [['%c%c %q %U', 72n, 105n, 65n, 0x1f600n], "Hi 'A' U+1F600"],
    [['%q %x % x %X', 'a"b\n', 'hi', 'hi', 'hi'], '"a\\"b\\n" 6869 68 69 6869'],
    [['%.3s|%5.1s|', 'abcdef', 'xyz'], 'abc|    x|'],
    [['%t %v', false, null], 'false <nil>'],
    [['%T %T %T %T %T', 1n, 1.5, 's', [1n], null], 'int64 float64 string []interface {} <nil>'],
    [['%v %d', [1n, 'a'], [1n, 2n]], '[1 a] [1 2]'],
    [['%v', { b: 2n, a: 'x' }], 'map[a:x b:2]'],
    [['%s %v', new Uint8Array([104, 105]), new Uint8Array([1, 2])], 'hi [1 2]'],
    [['%[2]s %[1]s', 'a', 'b'], 'b a'],
    [['%*d|%-*d|', 4n, 7n, 3n, 1n], '   7|1  |'],
    [['%d', 'x'], '%!d(string=x)'],
    [['%s', null], '%!s(<nil>)'],
    [['%s %s', 'a'], 'a %!s(MISSING)'],
    [['%s', 'a', 1n, 'b'], 'a%!(EXTRA int64=1, string=b)'],
    [['100%'], '100%!(NOVERB)'],
    [['%d%%', 50n], '50%'],
    [['%z', 1n], '%!z(int64=1)'],
    [['%v %v %v', Infinity, -Infinity, NaN], '+Inf -Inf NaN'],
    [['%5.1f|%05.1f|%+.1e', -0.0, 1.25, 12345.678], ' -0.0|001.2|+1.2e+04'],
    [['%v', new OttlTime(1685072096000000000n, 'Asia/Tokyo')], '2023-05-26 12:34:56 +0900 JST'],
    [['%v', new OttlTime(1685104496500000000n, { offsetSeconds: 19800 })], '2023-05-26 18:04:56.5 +0530 +0530'],
    [['%v', new OttlTime(0n, 'UTC')], '1970-01-01 00:00:00 +0000 UTC'],
  ])('Format case %#', (args, out) => {
    const [f, ...rest] = args as [string, ...unknown[]];
    expect(fmt(f, ...rest)).toBe(out);
  });
});
