import { LogRecord, ResourceLogs, ScopeLogs } from '@ottl/pdata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logContext } from '../log.js';
import { accessor, get, set } from './harness.js';

function freshLog() {
  const rl = ResourceLogs.create();
  const sl = ScopeLogs.create();
  const log = LogRecord.create({ attributes: { EXISTING: 'v' } });
  return logContext(rl, sl, log);
}

const name = fc.stringMatching(/^[a-z0-9._-]{0,8}$/);
const key = fc.oneof(name.map((s) => JSON.stringify(s)), fc.nat(4).map(String));
const scalar = fc.oneof(
  fc.string(),
  fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
  fc.double({ noNaN: true }),
  fc.boolean(),
);
const pathText = fc
  .tuple(name, fc.array(key, { maxLength: 4 }))
  .map(([first, rest]) => `attributes[${JSON.stringify(first)}]` + rest.map((k) => `[${k}]`).join(''));

describe('key semantics (properties)', () => {
  it('a value set at a fresh nested path reads back', () => {
    fc.assert(
      fc.property(pathText, scalar, (text, value) => {
        const ctx = freshLog();
        set(ctx, text, value);
        expect(get(ctx, text)).toEqual(value);
      }),
    );
  });

  it('the bound fast path agrees with the generic path', () => {
    fc.assert(
      fc.property(pathText, scalar, (text, value) => {
        const a = freshLog();
        const b = freshLog();
        const acc = accessor('log', text);
        acc.setBound!(a, value);
        set(b, text, value);
        expect(a.log.attributes.toRaw()).toEqual(b.log.attributes.toRaw());
        expect(acc.getBound!(a)).toEqual(get(b, text));
      }),
    );
  });

  it('reading missing map keys is nil at any depth', () => {
    expect(get(freshLog(), 'attributes["EXISTING"]')).toBe('v');
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), (names) => {
        expect(get(freshLog(), 'attributes' + names.map((n) => `[${JSON.stringify(n)}]`).join(''))).toBe(null);
      }),
    );
  });
});
