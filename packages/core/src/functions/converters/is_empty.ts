import { PMap } from '@ottl/pdata';
import { isId, isList, isMap, listItems } from '../../types/convert.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlDuration, OttlTime, type Value } from '../../types/values.js';
import { GO_ZERO_TIME_NANOS } from '../internal/zero_time.js';

/** Whether `v` is nil, an empty container or the zero value of its type (Go `reflect.Value.IsZero`). */
function isEmptyValue(v: Value): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case 'string':
      return v === '';
    case 'bigint':
      return v === 0n;
    case 'number':
      return v === 0;
    case 'boolean':
      return !v;
  }
  if (v instanceof Uint8Array) return v.length === 0;
  if (isMap(v)) return (v instanceof PMap ? v.size : Object.keys(v).length) === 0;
  if (isList(v)) return listItems(v).length === 0;
  if (isId(v)) return v.isEmpty();
  if (v instanceof OttlTime) return v.epochNanos === GO_ZERO_TIME_NANOS;
  if (v instanceof OttlDuration) return v.nanos === 0n;
  return false;
}

export const definition: FunctionDef = {
  name: 'IsEmpty',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'any' } }],
  returns: 'bool',
  doc: {
    category: 'type',
    summary: 'Tells whether a value is nil, empty or the zero value of its type.',
    description:
      'True for nil, Empty values, empty strings, maps, lists and bytes, `0`, `0.0`, `false`, ' +
      'all-zero trace/span/profile ids and the zero time/duration.',
    failures: ['evaluating the argument fails'],
    examples: [
      { code: 'IsEmpty("")', result: true },
      { code: 'IsEmpty([])', result: true },
      { code: 'IsEmpty(0)', result: true },
      { code: 'IsEmpty({"k": "v"})', result: false },
    ],
  },
  create(args) {
    const target = args[0] as Getter;
    return (ctx) => isEmptyValue(target.get(ctx));
  },
};
