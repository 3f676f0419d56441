import { isIPv6 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, type Base64Variant } from '../internal/base64.js';
import { networkContains, parseCidr, parseIp } from '../internal/ip.js';
import { evaluate, run } from './core_harness.js';

const variants: Base64Variant[] = ['base64', 'base64-raw', 'base64-url', 'base64-raw-url'];

describe('base64', () => {
  it('encodes like Node and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(...variants), (bytes, variant) => {
        const url = variant.endsWith('url');
        let want = Buffer.from(bytes).toString(url ? 'base64url' : 'base64');
        const padded = variant === 'base64' || variant === 'base64-url';
        want = padded ? want.padEnd(Math.ceil(want.length / 4) * 4, '=') : want.replace(/=+$/, '');
        const text = base64Encode(bytes, variant);
        expect(text).toBe(want);
        expect(base64Decode(text, variant)).toEqual(bytes);
      }),
    );
  });

  it('Decode(Base64Encode(s)) is s for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...variants), (s, variant) => {
        const lit = JSON.stringify(s);
        expect(evaluate(`Decode(Base64Encode(${lit}, "${variant}"), "${variant}")`)).toEqual({ value: s });
      }),
      { numRuns: 50 },
    );
  });
});

describe('ParseInt', () => {
  it('reads back every int64 in every base', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), fc.integer({ min: 2, max: 36 }), (n, base) => {
        const want = { value: n >= -(2n ** 53n) + 1n && n <= 2n ** 53n - 1n ? Number(n) : { $int: String(n) } };
        expect(evaluate(`ParseInt("${n.toString(base)}", ${base})`)).toEqual(want);
        expect(evaluate(`ParseInt("${n.toString(base).toUpperCase()}", ${base})`)).toEqual(want);
      }),
      { numRuns: 50 },
    );
  });
});

describe('Sort', () => {
  it('returns the same ints in ascending (or descending) order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 20 }), fc.boolean(), (xs, desc) => {
        const out = evaluate(`Sort([${xs.join(', ')}], "${desc ? 'desc' : 'asc'}")`);
        const sorted = [...xs].sort((a, b) => (desc ? b - a : a - b));
        expect(out).toEqual({ value: sorted });
      }),
      { numRuns: 50 },
    );
  });
});

describe('flatten', () => {
  const key = fc.stringMatching(/^[a-z]{1,3}$/);
  const leaf = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('x', 'y'));
  const tree: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
    node: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, leaf, tie('node')), { maxKeys: 3 }),
  })).node;

  function leaves(m: Record<string, unknown>, prefix = ''): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(m)) {
      if (typeof v === 'object' && v !== null) Object.assign(out, leaves(v as Record<string, unknown>, `${prefix}${k}.`));
      else out[prefix + k] = v;
    }
    return out;
  }

  it('keeps every leaf of a map tree under its dotted path', () => {
    fc.assert(
      fc.property(tree, (m) => {
        expect(run('flatten(attributes["m"])', { m })).toEqual({ value: { m: leaves(m) } });
      }),
      { numRuns: 50 },
    );
  });
});

describe('IP parsing', () => {
  it('reads every dotted IPv4 address and finds it in its /24', () => {
    fc.assert(
      fc.property(fc.ipV4(), (s) => {
        const ip = parseIp(s)!;
        expect(Array.from(ip).join('.')).toBe(s);
        const net = parseCidr(`${s.split('.').slice(0, 3).join('.')}.0/24`)!;
        expect(networkContains(net, ip)).toBe(true);
      }),
    );
  });

  it('accepts what Node accepts as IPv6', () => {
    fc.assert(
      fc.property(fc.ipV6(), (s) => {
        expect(isIPv6(s)).toBe(true);
        expect(parseIp(s)).not.toBeNull();
      }),
    );
  });
});
