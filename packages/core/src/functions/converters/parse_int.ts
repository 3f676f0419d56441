import { goQuote } from '../../types/convert.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';

const MAX_INT64 = (1n << 63n) - 1n;

/** Go's `underscoreOK`: underscores only between digits (or after a base prefix), base 0 only. */
function underscoresOk(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
    } else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** Go `strconv.ParseInt(s, base, 64)`; throws an OttlError with Go's message. */
function parseGoIntBase(s: string, base: number): bigint {
  const fail = (why: string) => new OttlError(`strconv.ParseInt: parsing ${goQuote(s)}: ${why}`);
  if (s === '') throw fail('invalid syntax');
  let body = s;
  let negative = false;
  if (body[0] === '+' || body[0] === '-') {
    negative = body[0] === '-';
    body = body.slice(1);
  }
  let allowUnderscores = false;
  if (base === 0) {
    base = 10;
    allowUnderscores = true;
    if (body[0] === '0') {
      const p = body[1]?.toLowerCase();
      if (p === 'b' || p === 'o' || p === 'x') {
        base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
        body = body.slice(2);
      } else {
        base = 8;
        body = body.slice(1);
        if (body === '') return 0n;
      }
    }
  } else if (base < 2 || base > 36) {
    throw fail(`invalid base ${base}`);
  }
  if (body === '') throw fail('invalid syntax');
  let n = 0n;
  const b = BigInt(base);
  let sawUnderscore = false;
  for (const c of body) {
    if (c === '_' && allowUnderscores) {
      sawUnderscore = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) throw fail('invalid syntax');
    n = n * b + BigInt(d);
  }
  if (sawUnderscore && !underscoresOk(s)) throw fail('invalid syntax');
  if (negative ? n > MAX_INT64 + 1n : n > MAX_INT64) throw fail('value out of range');
  return negative ? -n : n;
}

export const definition: FunctionDef = {
  name: 'ParseInt',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the text to parse' },
    { name: 'base', kind: { kind: 'getter', type: 'int' }, description: '2 to 36, or 0 to read the base from a `0b`/`0o`/`0`/`0x` prefix' },
  ],
  returns: 'int',
  doc: {
    category: 'type',
    summary: "Parses an integer in a given base (Go's `strconv.ParseInt`).",
    description: 'A leading sign is allowed; with base 0 underscores may separate digits (`1_000`).',
    failures: [
      'an empty target',
      'a negative base, or a base of 1 or above 36',
      'text that is not an integer in that base, or outside the int64 range',
    ],
    examples: [
      { code: 'ParseInt("ff", 16)', result: 255 },
      { code: 'ParseInt("0b101", 0)', result: 5 },
      { code: 'ParseInt("-42", 10)', result: -42 },
      { code: 'ParseInt("12a", 10)', error: 'invalid syntax' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const base = args[1] as Getter<bigint>;
    return (ctx) => {
      const s = target.get(ctx);
      if (s === '') throw new OttlError('invalid target value for ParseInt function, target cannot be empty');
      const b = base.get(ctx);
      if (b < 0n) throw new OttlError(`invalid base value: ${b} for ParseInt function, base cannot be negative`);
      return parseGoIntBase(s, Number(b));
    };
  },
};
