import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PMap } from '@ottl/pdata';
import { compileGlob } from '../internal/glob.js';
import { compileRegex } from '../internal/regex.js';
import { goSprintf } from '../internal/gofmt.js';
import { callConverter, lit } from './harness.js';
import { definition as ParseKeyValue } from '../converters/parse_key_value.js';
import { definition as ToKeyValueString } from '../converters/to_key_value_string.js';
import { definition as Split } from '../converters/split.js';
import { definition as Concat } from '../converters/concat.js';

const GLOB_SPECIAL = /[*?[\]{}\\,]/g;

describe('properties', () => {
  it('a glob of escaped text matches exactly that text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (s, other) => {
        const glob = compileGlob(s.replace(GLOB_SPECIAL, (c) => '\\' + c));
        expect(glob.match(s)).toBe(true);
        expect(glob.match(other)).toBe(other === s);
      }),
    );
  });

  it('`*` globs match as prefix/suffix tests', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{0,4}$/), fc.string(), (prefix, s) => {
        expect(compileGlob(prefix + '*').match(s)).toBe(s.startsWith(prefix));
        expect(compileGlob('*' + prefix).match(s)).toBe(s.endsWith(prefix));
      }),
    );
  });

  it('a quoted regex matches where indexOf finds the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.string(), (needle, hay) => {
        const quoted = needle.replace(/[\\.+*?()|[\]{}^$]/g, (c) => '\\' + c);
        expect(compileRegex(quoted).test(hay)).toBe(hay.includes(needle));
      }),
    );
  });

  it('templates without $ expand to themselves; $$ is a dollar', () => {
    const re = compileRegex('(a)');
    fc.assert(
      fc.property(fc.string().filter((t) => !t.includes('$')), (t) => {
        expect(re.expand(t, 'a', [0, 1, 0, 1])).toBe(t);
        expect(re.expand(t + '$$' + t, 'a', [0, 1, 0, 1])).toBe(t + '$' + t);
      }),
    );
  });

  it('Split then Concat with the same delimiter gives the text back', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1, maxLength: 3 }), (s, d) => {
        const parts = callConverter(Split, [lit(s), lit(d)]) as string[];
        expect(callConverter(Concat, [parts.map((p) => lit(p)), lit(d)])).toBe(s);
      }),
    );
  });

  it('ParseKeyValue reads back what ToKeyValueString writes (keys without `=`)', () => {
    // Quotes are removed before pairs split at their first `=`, so a quoted key holding `=` does
    // not survive the round trip upstream either.
    const key = fc.stringMatching(/^[a-z0-9][a-z0-9 :]{0,6}[a-z0-9]$|^[a-z0-9]$/);
    const value = fc.stringMatching(/^[a-z0-9][a-z0-9 =:]{0,6}[a-z0-9]$|^[a-z0-9]?$/);
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), (obj) => {
        const text = callConverter(ToKeyValueString, [lit(PMap.fromRaw(obj)), undefined, undefined, undefined]);
        const back = callConverter(ParseKeyValue, [lit(text as string), undefined, undefined]) as PMap;
        expect(back.toRaw()).toEqual(obj);
      }),
    );
  });

  it('%d, %x, %o and %b print int64 like BigInt.toString', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), (n) => {
        expect(goSprintf('%d|%x|%o|%b', [n, n, n, n])).toBe(
          [10, 16, 8, 2].map((base) => (n < 0n ? '-' + (-n).toString(base) : n.toString(base))).join('|'),
        );
      }),
    );
  });

  it('%v of a float round-trips through Number()', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(Number(goSprintf('%v', [x])), x)).toBe(true);
      }),
    );
  });
});
