/**
 * Builds the definition of a converter with one getter parameter (`time` or `duration`, named
 * after upstream's argument field so named arguments bind as upstream) that maps the value it
 * receives to its result (the time-part and duration-unit converters: `Year(value)`,
 * `Hours(value)`…). The engine applies the getter coercion, so `apply` sees a value of `type`.
 */
import type { FunctionDef, FunctionDoc, Getter, GetterType, OttlType } from '../../types/signature.js';
import type { Value } from '../../types/values.js';

export interface UnaryConverterSpec<T> {
  readonly name: string;
  readonly type: GetterType;
  readonly paramName: string;
  readonly description: string;
  readonly returns: OttlType;
  readonly doc: FunctionDoc;
  readonly apply: (value: T) => Value;
}

export function unaryConverter<T>(spec: UnaryConverterSpec<T>): FunctionDef {
  return {
    name: spec.name,
    params: [{ name: spec.paramName, kind: { kind: 'getter', type: spec.type }, description: spec.description }],
    returns: spec.returns,
    doc: spec.doc,
    create(args) {
      const value = args[0] as Getter<T>;
      return (ctx) => spec.apply(value.get(ctx));
    },
  };
}
