import { PMap, PSlice } from '@ottl/pdata';
import { goFmtType } from '../../types/convert.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError, type Value } from '../../types/values.js';

/** `ParseJSON(target)` (ottlfuncs/func_parse_json.go). */
export const definition: FunctionDef = {
  name: 'ParseJSON',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'a JSON object or array' }],
  returns: 'any',
  doc: {
    category: 'parsing',
    summary: 'Parses a JSON object into a map or a JSON array into a list.',
    description:
      'As upstream: every JSON number becomes a float (`1` → `1.0`), `null` an empty value, objects ' +
      'maps and arrays lists. A document that is not an object or an array is an error.',
    returns: 'map or list',
    failures: ['target is not a string', 'target is not valid JSON', 'the JSON value is not an object or an array'],
    examples: [
      { code: 'ParseJSON("{\\"a\\":1,\\"b\\":[true,null,\\"x\\"]}")', result: { a: { $double: 1 }, b: [true, { $empty: true }, 'x'] } },
      { code: 'ParseJSON("[1.5, \\"x\\"]")', result: [{ $double: 1.5 }, 'x'] },
      { code: 'ParseJSON("1")', error: 'could not convert parsed value of type float64 to JSON object' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    return (ctx) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(target.get(ctx));
      } catch (e) {
        throw new OttlError((e as Error).message);
      }
      if (Array.isArray(parsed)) return PSlice.fromRaw(parsed);
      if (typeof parsed === 'object' && parsed !== null) return PMap.fromRaw(parsed as Record<string, unknown>);
      throw new OttlError(`could not convert parsed value of type ${goFmtType(parsed as Value)} to JSON object`);
    };
  },
};
