import { PMap, PSlice, ProfileId, SpanId, TraceId } from '@ottl/pdata';
import { goTypeName, isList, isMap } from '../../types/convert.js';
import type { FunctionDef, GetSetter } from '../../types/signature.js';
import { OttlDuration, OttlError, OttlTime, type Value } from '../../types/values.js';
import { GO_ZERO_TIME_NANOS } from '../internal/zero_time.js';

/** The zero value of the current value's type (Go `reflect.Zero`); nil stays nil. */
function zeroOf(v: Value): Value {
  if (v === null) return null;
  switch (typeof v) {
    case 'string':
      return '';
    case 'bigint':
      return 0n;
    case 'number':
      return 0;
    case 'boolean':
      return false;
  }
  if (isMap(v)) return new PMap();
  if (isList(v)) return PSlice.fromRaw([]);
  if (v instanceof Uint8Array) return new Uint8Array(0);
  if (v instanceof TraceId) return TraceId.EMPTY;
  if (v instanceof SpanId) return SpanId.EMPTY;
  if (v instanceof ProfileId) return ProfileId.EMPTY;
  if (v instanceof OttlTime) return new OttlTime(GO_ZERO_TIME_NANOS);
  if (v instanceof OttlDuration) return new OttlDuration(0n);
  throw new OttlError(`cannot infer zero value for type ${goTypeName(v)} in clear`);
}

export const definition: FunctionDef = {
  name: 'clear',
  params: [{ name: 'target', kind: { kind: 'getsetter' }, description: 'the path to reset' }],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Resets a field to the zero value of the type it currently holds.',
    description:
      'Strings become `""`, numbers `0`, booleans `false`, maps and lists empty, ids all zeros, ' +
      'times the zero time. A field that currently reads nil is set to nil.',
    failures: ['the current value has no zero value OTTL knows (an opaque pdata struct)', 'the target rejects the zero value'],
    examples: [
      { code: 'clear(attributes["name"])', before: { name: 'x', n: 1 }, after: { name: '', n: 1 } },
      { code: 'clear(attributes["tags"])', before: { tags: ['a', 'b'] }, after: { tags: [] } },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    return (ctx) => {
      let current: Value;
      try {
        current = target.get(ctx);
      } catch (e) {
        throw new OttlError(`error getting target value to infer zero value in clear: ${(e as Error).message}`);
      }
      target.set(ctx, zeroOf(current));
      return null;
    };
  },
};
