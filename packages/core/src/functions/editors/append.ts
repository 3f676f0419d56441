import { PMap, PSlice, type AttrValue } from '@ottl/pdata';
import { goTypeName, isList, listItems, toAttrValue } from '../../types/convert.js';
import type { FunctionDef, GetSetter, Getter } from '../../types/signature.js';
import { OttlCreateError, OttlError, type Value } from '../../types/values.js';

/** The elements the target contributes: its items when it is a list, itself when a scalar. */
function existingItems(t: Value): readonly Value[] {
  if (t === null) return [];
  if (isList(t)) return listItems(t);
  switch (typeof t) {
    case 'string':
    case 'bigint':
    case 'number':
    case 'boolean':
      return [t];
  }
  if (t instanceof Uint8Array) return [t];
  throw new OttlError(`unsupported type of target field: '${t instanceof PMap ? 'pcommon.Map' : goTypeName(t)}'`);
}

function attr(v: Value): AttrValue {
  const a = toAttrValue(v);
  if (a === undefined) throw new OttlError(`<Invalid value type ${goTypeName(v)}>`);
  return a;
}

export const definition: FunctionDef = {
  name: 'append',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the list (or scalar, or missing field) to append to' },
    { name: 'value', kind: { kind: 'getter', type: 'any' }, optional: true, description: 'one value to append' },
    { name: 'values', kind: { kind: 'getterList', type: 'any' }, optional: true, description: 'several values to append, after `value`' },
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Appends values to a list, turning a scalar or missing target into a list first.',
    description:
      'A missing (nil) target becomes a new list; a scalar target becomes a list holding the old ' +
      'value followed by the new ones. Values keep their types, so lists may mix types. `value` ' +
      'is appended before `values`.',
    failures: [
      'neither `value` nor `values` is given (when the statement is parsed)',
      'the target holds a map or another value that is not a list or scalar: `unsupported type of target field`',
    ],
    examples: [
      { code: 'append(attributes["tags"], "prod")', before: { tags: ['a'] }, after: { tags: ['a', 'prod'] } },
      { code: 'append(attributes["tags"], values = ["x", 1])', before: { tags: 'a' }, after: { tags: ['a', 'x', 1] } },
      { code: 'append(attributes["new"], "v")', before: {}, after: { new: ['v'] } },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const value = args[1] as Getter | undefined;
    const values = args[2] as readonly Getter[] | undefined;
    if (value === undefined && values === undefined) {
      throw new OttlCreateError("at least one of the optional arguments ('value' or 'values') must be provided");
    }
    return (ctx) => {
      const out = PSlice.fromRaw([]);
      for (const item of existingItems(target.get(ctx))) out.append(attr(item));
      if (value !== undefined) out.append(attr(value.get(ctx)));
      if (values !== undefined) for (const g of values) out.append(attr(g.get(ctx)));
      target.set(ctx, out);
      return null;
    };
  },
};
