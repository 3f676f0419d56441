/**
 * The shape shared by the strict type tests (`IsBool`, `IsDouble`, `IsInt`, `IsString`, `IsMap`):
 * the argument goes through a strict typed getter and the test is whether it got through.
 */
import type { FunctionDef, FunctionExample, Getter, GetterType } from '../../types/signature.js';
import { OttlTypeError } from '../../types/values.js';

/**
 * A converter `name(target)` that is true when `target` passes the `type` getter, false when the
 * getter rejects it with a type error (nil included). Other errors from evaluating the argument
 * (a bad index, a failing converter) propagate.
 */
export function typeTestConverter(
  name: string,
  type: GetterType,
  summary: string,
  examples: readonly FunctionExample[],
): FunctionDef {
  return {
    name,
    params: [{ name: 'target', kind: { kind: 'getter', type } }],
    returns: 'bool',
    doc: {
      category: 'type',
      summary,
      returns: 'true or false; never fails on a value of another type',
      failures: ['evaluating the argument fails for another reason than its type'],
      examples,
    },
    create(args) {
      const value = args[0] as Getter;
      return (ctx) => {
        try {
          value.get(ctx);
          return true;
        } catch (e) {
          if (e instanceof OttlTypeError) return false;
          throw e;
        }
      };
    },
  };
}
