import { describe, expect, it } from 'vitest';
import { PMap } from '@ottl/pdata';
import type { FunctionRef } from '../../types/signature.js';
import { OttlCreateError, OttlError, type Value } from '../../types/values.js';
import { compileGlob } from '../internal/glob.js';
import { compileRegex } from '../internal/regex.js';
import { goSprintf } from '../internal/gofmt.js';
import { callConverter, env, getter, lit, mapTarget, runEditor, targetOn } from './harness.js';
import { evaluate } from './core_harness.js';
import { definition as IsMatch } from '../converters/is_match.js';
import { definition as delete_matching_keys } from '../editors/delete_matching_keys.js';
import { definition as delete_matching_values } from '../editors/delete_matching_values.js';
import { definition as keep_matching_keys } from '../editors/keep_matching_keys.js';
import { definition as replace_all_matches } from '../editors/replace_all_matches.js';
import { definition as replace_all_patterns } from '../editors/replace_all_patterns.js';
import { definition as replace_match } from '../editors/replace_match.js';
import { definition as replace_pattern } from '../editors/replace_pattern.js';

/** A stand-in for a converter passed by name: wraps its string argument. */
function fnRef(name: string, f: (v: Value) => Value): FunctionRef {
  return { name, call: (_ctx, args) => f(args[0]!) };
}
const HASH = fnRef('Hash', (v) => `hash(${String(v)})`);

describe('RE2 regular expressions', () => {
  it('runs a catastrophic-backtracking pattern in linear time', () => {
    const re = compileRegex('(a+)+$');
    const input = 'a'.repeat(50_000) + '!';
    const t0 = performance.now();
    expect(re.test(input)).toBe(false);
    expect(re.allMatches(input)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(250);
    const t1 = performance.now();
    expect(compileRegex('(x+x+)+y').test('x'.repeat(50_000))).toBe(false);
    expect(performance.now() - t1).toBeLessThan(250);
  });
  it('supports (?P<name>…) and (?<name>…) groups', () => {
    const re = compileRegex('(?P<first>\\w+) (?<last>\\w+)');
    expect(re.namedGroups()).toEqual(['first', 'last']);
    expect(re.replaceAll('John Doe', '${last}, $first')).toBe('Doe, John');
  });
  it('rejects backreferences and look-around, naming RE2', () => {
    expect(() => compileRegex('(a)\\1')).toThrow(/invalid escape sequence: `\\1`.*RE2 syntax, which has no backreferences/);
    expect(() => compileRegex('a(?=b)')).toThrow(/RE2 syntax, which has no look-ahead or look-behind/);
    expect(() => compileRegex('(?<!a)b')).toThrow(/RE2 syntax, which has no look-ahead or look-behind/);
    expect(() => compileRegex('*')).toThrow('error parsing regexp: missing argument to repetition operator: `*`');
  });
  it('expands templates like Go regexp.Expand', () => {
    const re = compileRegex('(?P<k>\\w+)=(\\w+)');
    const src = 'a=1';
    const m = re.firstMatch(src)!;
    expect(re.expand('$1|${2}|$k|${k}|$$|$3|$kx|${k}x|$|${|$1x', src, m)).toBe('a|1|a|a|$|||ax|$|${|');
    expect(re.expand('$01', src, m)).toBe('');
  });
  it('replaces all matches with Go empty-match rules and UTF-16-safe offsets', () => {
    expect(compileRegex('a*').replaceAll('baaac', 'X')).toBe('XbXcX');
    expect(compileRegex('é+').replaceAll('aééb😀é', '-')).toBe('a-b😀-');
  });
});

describe('RE2 rejections reach the user when the statement is compiled', () => {
  it.each([
    ['IsMatch(body, "(a)\\\\1")', 'RE2 syntax, which has no backreferences'],
    ['IsMatch(body, "a(?=b)")', 'RE2 syntax, which has no look-ahead or look-behind assertions'],
  ])('%s', (code, why) => {
    const outcome = evaluate(code);
    expect(outcome).toHaveProperty('error');
    const error = (outcome as { error: string }).error;
    expect(error).toMatch(/^parse: couldn't create function `IsMatch`: the regex pattern supplied to IsMatch/);
    expect(error).toContain(why);
  });
  it('a named group works end to end', () => {
    expect(evaluate('ExtractPatterns("k=v", "(?P<key>\\\\w+)=(?<value>\\\\w+)")')).toEqual({ value: { key: 'k', value: 'v' } });
  });
});

describe('globs (gobwas without separators)', () => {
  it.each([
    ['hello*', 'hello world', true],
    ['*', '', true],
    ['', '', true],
    ['', 'x', false],
    ['/user/*/list/*', '/user/a/b/list/c', true],
    ['h?llo', 'hällo', true],
    ['[abc]x', 'bx', true],
    ['[!abc]x', 'bx', false],
    ['[a-c]*', 'cat', true],
    ['{prod,stag*}-eu', 'staging-eu', true],
    ['{prod,stag*}-eu', 'dev-eu', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['a.b', 'axb', false],
    ['(x)|y', '(x)|y', true],
  ])('%j matches %j: %j', (glob, s, ok) => {
    expect(compileGlob(glob).match(s)).toBe(ok);
  });
  it('reports malformed globs', () => {
    expect(() => compileGlob('[abc')).toThrow("'[' is never closed");
    expect(() => compileGlob('{a,b')).toThrow("'{' is never closed");
  });
});

describe('IsMatch', () => {
  it('matches unanchored; nil never matches', () => {
    expect(callConverter(IsMatch, [lit('goodbye world'), lit('hello.*')])).toBe(false);
    expect(callConverter(IsMatch, [lit('-12.001'), lit('[-+]?\\d*\\.\\d+([eE][-+]?\\d+)?')])).toBe(true);
    expect(callConverter(IsMatch, [lit(null), lit('.*')])).toBe(false);
  });
  it('compiles a literal pattern at creation and a computed one per item', () => {
    expect(() => IsMatch.create([lit('x'), lit('\\K')], env)).toThrow(OttlCreateError);
    expect(() => IsMatch.create([lit('x'), lit('\\K')], env)).toThrow(
      "the regex pattern supplied to IsMatch '\"\\\\K\"' is not a valid pattern: error parsing regexp: invalid escape sequence: `\\K`",
    );
    const dynamic = IsMatch.create([lit('abc'), getter(() => '(')], env);
    expect(() => dynamic({ context: 'log', cache: new PMap() })).toThrow(OttlError);
    let pattern = 'a';
    const changing = IsMatch.create([lit('abc'), getter(() => pattern)], env);
    const ctx = { context: 'log' as const, cache: new PMap() };
    expect(changing(ctx)).toBe(true);
    pattern = 'z';
    expect(changing(ctx)).toBe(false);
  });
});

describe('replace_pattern', () => {
  const run = (init: Value, ...rest: unknown[]) => {
    const m = new PMap();
    if (init !== undefined) m.set('t', init as never);
    runEditor(replace_pattern, [targetOn(m, 't'), ...(rest as never[])]);
    return m.get('t');
  };
  const input = 'application passwd=sensitivedtata otherarg=notsensitive key1 key2';
  it('replaces every match with $-expansion', () => {
    expect(run(input, lit('passwd\\=[^\\s]*(\\s?)'), lit('passwd=*** '))).toBe(
      'application passwd=*** otherarg=notsensitive key1 key2',
    );
    expect(run(input, lit('key[^\\s]*(\\s?)'), lit('**** '))).toBe(
      'application passwd=sensitivedtata otherarg=notsensitive **** **** ',
    );
    expect(run(input, lit('(\\w+)=(\\w+)'), lit('$1:$2'))).toBe(
      'application passwd:sensitivedtata otherarg:notsensitive key1 key2',
    );
  });
  it('leaves nil and non-string targets alone', () => {
    expect(run(null, lit('x'), lit('y'))).toBe(null);
    expect(run(1n, lit('1'), lit('y'))).toBe(1n);
  });
  it('applies a function per match, with a replacement format', () => {
    expect(run('a=1 b=2 c=1', lit('=(\\d)'), lit('$1'), HASH, undefined)).toBe('ahash(1) bhash(2) chash(1)');
    expect(run('kube_pod', lit('^kube_(\\w+)'), lit('$1'), HASH, lit('k8s.%s'))).toBe('k8s.hash(pod)');
    expect(() => run('kube_pod', lit('^kube_(\\w+)'), lit('$1'), HASH, lit('%d %s'))).toThrow(
      'replacementFormat must be format string containing a single %s and no other format specifiers',
    );
    expect(() => run('x', lit('x'), lit('y'), fnRef('IsString', () => true), undefined)).toThrow(
      'the replacement value must be a string',
    );
  });
});

describe('replace_all_patterns', () => {
  const fixture = () =>
    PMap.fromRaw({ test: 'hello world', test2: 'hello', test3: 'goodbye world1 and world2', test4: 1234n, test6: true, test7: '' });
  const run = (...rest: unknown[]) => {
    const m = fixture();
    runEditor(replace_all_patterns, [mapTarget(m), ...(rest as never[])]);
    return [...m.entries()];
  };
  it('value mode rewrites matching string values in place', () => {
    expect(run('value', lit('world(\\d)'), lit('$$world-$1'))).toEqual([
      ['test', 'hello world'],
      ['test2', 'hello'],
      ['test3', 'goodbye $world-1 and $world-2'],
      ['test4', 1234n],
      ['test6', true],
      ['test7', ''],
    ]);
    expect(run('value', lit('^$'), lit('empty'))[5]).toEqual(['test7', 'empty']);
    expect(run('value', lit('hello'), lit('$1'))[1]).toEqual(['test2', '']);
  });
  it('key mode renames keys in place of the old ones', () => {
    expect(run('key', lit('test(\\d)'), lit('test-$1')).map(([k]) => k)).toEqual([
      'test', 'test-2', 'test-3', 'test-4', 'test-6', 'test-7',
    ]);
    expect(run('key', lit('^test2$'), lit('test'), HASH, undefined).map(([k]) => k)).toEqual([
      'test', 'hash(test)', 'test3', 'test4', 'test6', 'test7',
    ]);
  });
  it('checks the mode when created and the target when run', () => {
    expect(() => replace_all_patterns.create([mapTarget(new PMap()), 'invalid', lit('x'), lit('y')], env)).toThrow(
      "invalid mode invalid, must be either 'key' or 'value'",
    );
    const m = new PMap();
    m.set('t', 'not a map');
    expect(() => runEditor(replace_all_patterns, [targetOn(m, 't'), 'value', lit('x'), lit('y')])).toThrow(
      'expected pcommon.Map but got string',
    );
  });
});

describe('replace_match / replace_all_matches', () => {
  it('replaces whole matching strings', () => {
    const m = PMap.fromRaw({ t: 'hello world', n: 1n });
    runEditor(replace_match, [targetOn(m, 't'), lit('hello*'), lit('hello {universe}')]);
    runEditor(replace_match, [targetOn(m, 'n'), lit('*'), lit('x')]);
    runEditor(replace_match, [targetOn(m, 'absent'), lit('*'), lit('x')]);
    expect(m.toRaw()).toEqual({ t: 'hello {universe}', n: 1n });
  });
  it('hands the raw replacement to the function', () => {
    const m = PMap.fromRaw({ t: 'x' });
    expect(() => runEditor(replace_match, [targetOn(m, 't'), lit('x'), lit(null)])).toThrow('expected string but got nil');
    expect(() =>
      runEditor(replace_match, [targetOn(m, 't'), lit('x'), lit(null), fnRef('IsString', (v) => typeof v === 'string')]),
    ).toThrow('replacement value is not a string');
    runEditor(replace_match, [targetOn(m, 't'), lit('x'), lit('v'), HASH, lit('id:%s')]);
    expect(m.get('t')).toBe('id:hash(v)');
  });
  it('replace_all_matches visits string values only, keeping order', () => {
    const m = PMap.fromRaw({ test: 'hello world', test2: 'hello', test3: 'goodbye', test4: '', test5: 123n });
    runEditor(replace_all_matches, [mapTarget(m), lit(''), lit('empty')]);
    runEditor(replace_all_matches, [mapTarget(m), lit('hello*'), lit('hi')]);
    expect([...m.entries()]).toEqual([
      ['test', 'hi'],
      ['test2', 'hi'],
      ['test3', 'goodbye'],
      ['test4', 'empty'],
      ['test5', 123n],
    ]);
  });
});

describe('matching-key editors', () => {
  const fixture = () => PMap.fromRaw({ test: 'hello world', test2: 3n, test3: true, test4: '' });
  it('delete_matching_keys / keep_matching_keys', () => {
    const a = fixture();
    runEditor(delete_matching_keys, [mapTarget(a), lit('\\d$')]);
    expect(a.toRaw()).toEqual({ test: 'hello world' });
    const b = fixture();
    runEditor(keep_matching_keys, [mapTarget(b), lit('\\d$')]);
    expect([...b.keys()]).toEqual(['test2', 'test3', 'test4']);
    const nil = new PMap();
    expect(() => runEditor(delete_matching_keys, [targetOn(nil, 'absent'), lit('x')])).toThrow('expected pcommon.Map but got nil');
  });
  it('delete_matching_values matches the canonical string form', () => {
    for (const [pattern, left] of [
      ['.*', []],
      ['^$', ['test', 'test2', 'test3']],
      ['^3$', ['test', 'test3', 'test4']],
      ['true', ['test', 'test2', 'test4']],
    ] as const) {
      const m = fixture();
      runEditor(delete_matching_values, [mapTarget(m), lit(pattern)]);
      expect([...m.keys()]).toEqual(left);
    }
  });
});

describe('goSprintf for replacement formats', () => {
  it('substitutes the single %s', () => {
    expect(goSprintf('k8s.%s', ['x'])).toBe('k8s.x');
    expect(goSprintf('%s/%s', ['x'])).toBe('x/%!s(MISSING)');
  });
});
