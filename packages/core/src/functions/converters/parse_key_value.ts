import { PMap } from '@ottl/pdata';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';
import { goQuote } from '../../types/convert.js';
import { keyValueDelimiters } from '../internal/keyValue.js';

/**
 * Splits `input` on `delimiter` outside quotes (`"` or `'`, which are removed); empty pieces are
 * dropped. Throws when a quote is never closed.
 */
function splitOutsideQuotes(input: string, delimiter: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote = '';
  for (let i = 0; i < input.length; i++) {
    if (quote === '' && input.startsWith(delimiter, i)) {
      if (current !== '') out.push(current);
      current = '';
      i += delimiter.length - 1;
      continue;
    }
    const c = input[i]!;
    if (quote === '' && (c === '"' || c === "'")) {
      quote = c;
      continue;
    }
    if (c === quote) {
      quote = '';
      continue;
    }
    current += c;
  }
  if (quote !== '') throw new Error('never reached the end of a quoted value');
  if (current !== '') out.push(current);
  return out;
}

/** `ParseKeyValue(target, Optional[delimiter], Optional[pairDelimiter])` (ottlfuncs/func_parse_key_value.go). */
export const definition: FunctionDef = {
  name: 'ParseKeyValue',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string of pairs' },
    { name: 'delimiter', kind: { kind: 'literal', type: 'string' }, optional: true, default: '"="', description: 'between a key and its value' },
    { name: 'pairDelimiter', kind: { kind: 'literal', type: 'string' }, optional: true, default: '" "', description: 'between pairs' },
  ],
  returns: 'map',
  doc: {
    category: 'parsing',
    summary: 'Parses `k1=v1 k2=v2` style text into a map of strings.',
    description:
      'Pairs are split on `pairDelimiter` outside quotes (`"…"` or `\'…\'`, which are removed), ' +
      'each pair at the first `delimiter`; keys and values are trimmed of white space. A later ' +
      'duplicate key wins.',
    returns: 'map of strings',
    failures: [
      'an empty or equal delimiter (when the statement is parsed)',
      'an empty target, an unclosed quote, or a pair without the delimiter',
    ],
    examples: [
      { code: 'ParseKeyValue("k1=v1 k2=v2 k3=v3")', result: { k1: 'v1', k2: 'v2', k3: 'v3' } },
      { code: 'ParseKeyValue("k1!v1_k2!v2", "!", "_")', result: { k1: 'v1', k2: 'v2' } },
      { code: 'ParseKeyValue("ua=\'Mozilla/5.0 (X11)\' ok=1")', result: { ua: 'Mozilla/5.0 (X11)', ok: '1' } },
      { code: 'ParseKeyValue("a=b c")', error: 'cannot split "c" into 2 items, got 1 item(s)' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const { delimiter, pairDelimiter } = keyValueDelimiters(args[1] as string | undefined, args[2] as string | undefined);
    return (ctx) => {
      const source = target.get(ctx);
      if (source === '') throw new OttlError('cannot parse from empty target');
      let pairs: string[];
      try {
        pairs = splitOutsideQuotes(source, pairDelimiter);
      } catch (e) {
        throw new OttlError(`splitting source ${goQuote(source)} into pairs failed: ${(e as Error).message}`);
      }
      const out = new PMap();
      const errors: string[] = [];
      for (const pair of pairs) {
        const at = pair.indexOf(delimiter);
        if (at < 0) {
          errors.push(`cannot split ${goQuote(pair)} into 2 items, got 1 item(s)`);
          continue;
        }
        out.set(pair.slice(0, at).trim(), pair.slice(at + delimiter.length).trim());
      }
      if (errors.length > 0) throw new OttlError(`failed to split pairs into key-values: ${errors.join('\n')}`);
      return out;
    };
  },
};
