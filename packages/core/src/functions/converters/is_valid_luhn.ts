import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';

function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x30 || c > 0x39) throw new OttlError(`strconv.Atoi: parsing ${JSON.stringify(s[i])}: invalid syntax`);
  return c - 0x30;
}

export const definition: FunctionDef = {
  name: 'IsValidLuhn',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'stringlike' }, description: 'digits, spaces allowed; an int works too' }],
  returns: 'bool',
  doc: {
    category: 'string',
    summary: 'Tells whether a number passes the Luhn checksum (credit cards, IMEIs).',
    description: 'Spaces are ignored; an empty value gives false.',
    failures: ['nil: `invalid input: <nil>`', 'a character other than a digit or space: `invalid syntax`'],
    examples: [
      { code: 'IsValidLuhn("4111 1111 1111 1111")', result: true },
      { code: 'IsValidLuhn(17893729974)', result: true },
      { code: 'IsValidLuhn("17893729975")', result: false },
    ],
  },
  create(args) {
    const value = args[0] as Getter<string | null>;
    return (ctx) => {
      const v = value.get(ctx);
      if (v === null) throw new OttlError('invalid input: <nil>');
      const s = v.replaceAll(' ', '');
      if (s === '') return false;
      const check = digitAt(s, s.length - 1);
      let sum = 0;
      let double = true;
      for (let i = s.length - 2; i >= 0; i--) {
        let n = digitAt(s, i);
        if (double) {
          n *= 2;
          if (n > 9) n -= 9;
        }
        sum += n;
        double = !double;
      }
      return (10 - (sum % 10)) % 10 === check;
    };
  },
};
