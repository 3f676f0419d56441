import { PMap, PSlice } from '@ottl/pdata';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError, type Value } from '../../types/values.js';
import { isPlainObject } from '../../types/convert.js';
import { utf8Length } from '../internal/utf8.js';

const TYPE_ERROR =
  'target arg must be of type string, []any, map[string]any, pcommon.Map, pcommon.Slice, pcommon.Value ' +
  '(of type String, Map, Slice) or a supported slice type from the plog, pmetric or ptrace packages';

function lengthOf(v: Value): number {
  if (typeof v === 'string') return utf8Length(v);
  if (v instanceof PMap) return v.size;
  if (v instanceof PSlice) return v.length;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length;
  if (isPlainObject(v)) return Object.keys(v).length;
  throw new OttlError(TYPE_ERROR);
}

/** `Len(target)` (ottlfuncs/func_len.go). */
export const definition: FunctionDef = {
  name: 'Len',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'any' }, description: 'a string, map, list or bytes' }],
  returns: 'int',
  doc: {
    category: 'collection',
    summary: 'The length of a string (in UTF-8 bytes), map, list or byte string.',
    description:
      'Lists include pdata lists such as a span\'s events or a metric\'s data points.',
    returns: 'int',
    failures: ['target is of another type (nil included)'],
    examples: [
      { code: 'Len("a string")', result: 8 },
      { code: 'Len("héllo")', result: 6, note: 'é is two UTF-8 bytes' },
      { code: 'Len([1, 2, 3])', result: 3 },
      { code: 'Len({"a": 1, "b": 2})', result: 2 },
      { code: 'Len(1)', error: 'target arg must be of type string' },
    ],
  },
  create(args) {
    const target = args[0] as Getter;
    return (ctx) => BigInt(lengthOf(target.get(ctx)));
  },
};
