import type { FunctionDef, Getter } from '../../types/signature.js';
import type { PMap } from '@ottl/pdata';
import type { Value } from '../../types/values.js';
import { valueAsString } from '../../types/convert.js';
import { compareStrings } from '../../types/compare.js';
import { keyValueDelimiters } from '../internal/keyValue.js';

/** Escapes `"` and quotes the text when it holds either delimiter. */
function quoted(s: string, delimiter: string, pairDelimiter: string): string {
  const escaped = s.replaceAll('"', '\\"');
  return escaped.includes(pairDelimiter) || escaped.includes(delimiter) ? `"${escaped}"` : escaped;
}

/** `ToKeyValueString(target, Optional[delimiter], Optional[pairDelimiter], Optional[sortOutput])` (ottlfuncs/func_to_key_value_string.go). */
export const definition: FunctionDef = {
  name: 'ToKeyValueString',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'map' }, description: 'the map to render' },
    { name: 'delimiter', kind: { kind: 'literal', type: 'string' }, optional: true, default: '"="', description: 'between a key and its value' },
    { name: 'pairDelimiter', kind: { kind: 'literal', type: 'string' }, optional: true, default: '" "', description: 'between pairs' },
    { name: 'sortOutput', kind: { kind: 'literal', type: 'bool' }, optional: true, default: 'false', description: 'order pairs by key' },
  ],
  returns: 'string',
  doc: {
    category: 'parsing',
    summary: 'Renders a map as `k1=v1 k2=v2` text (the inverse of ParseKeyValue).',
    description:
      'Values use their canonical string form (nested maps and lists as JSON). Every `"` is escaped ' +
      'with a backslash, and a key or value holding either delimiter is wrapped in double quotes. ' +
      'Pairs follow the map\'s order unless `sortOutput` is true.',
    returns: 'string',
    failures: ['an empty or equal delimiter (when the statement is parsed)', 'target is not a map'],
    examples: [
      { code: 'ToKeyValueString({"k1": "v1", "k2": 2})', result: 'k1=v1 k2=2' },
      { code: 'ToKeyValueString({"b": "x=y", "a": "1"}, sortOutput=true)', result: 'a=1 b="x=y"' },
      { code: 'ToKeyValueString({"k": {"n": [1]}}, "=", ",")', result: 'k={\\"n\\":[1]}' },
      { code: 'ToKeyValueString({"k": {"n": [1]}}, ":", ",")', result: 'k:"{\\"n\\":[1]}"', note: 'the JSON holds the delimiter' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<PMap>;
    const { delimiter, pairDelimiter } = keyValueDelimiters(args[1] as string | undefined, args[2] as string | undefined);
    const sortOutput = (args[3] as boolean | undefined) ?? false;
    return (ctx) => {
      const entries = [...target.get(ctx).entries()];
      if (sortOutput) entries.sort(([a], [b]) => compareStrings(a, b));
      return entries
        .map(([k, v]) => quoted(k, delimiter, pairDelimiter) + delimiter + quoted(valueAsString(v as Value), delimiter, pairDelimiter))
        .join(pairDelimiter);
    };
  },
};
