import type { FunctionDef, Getter, Lambda } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';
import { EXPERIMENTAL_GATE, checkLambda } from '../internal/lambda.js';
import { goTypeName } from '../../types/convert.js';

export const definition: FunctionDef = {
  name: 'When',
  gate: EXPERIMENTAL_GATE,
  params: [
    { name: 'condition', kind: { kind: 'lambda', arity: 0 }, description: '`() => bool`' },
    { name: 'trueValue', kind: { kind: 'getter', type: 'any' }, description: 'the result when the condition holds' },
    { name: 'falseValue', kind: { kind: 'getter', type: 'any' }, description: 'the result otherwise' },
  ],
  returns: 'any',
  doc: {
    category: 'lambda',
    summary: 'Chooses between two values by a condition (experimental).',
    description:
      'Needs the `ottl.functions.enableLambda` and `pkg.ottl.functions.enableExperimental` feature ' +
      'gates. Only the chosen value is evaluated.',
    failures: ['the condition does not return a bool'],
    examples: [
      { code: 'When(() => 1 > 0, "positive", "negative")', result: 'positive' },
      { code: 'When(() => IsMap("x"), "map", "not map")', result: 'not map' },
    ],
  },
  create(args, env) {
    const condition = args[0] as Lambda;
    const trueValue = args[1] as Getter;
    const falseValue = args[2] as Getter;
    checkLambda(env, condition, 0);
    return (ctx) => {
      let match;
      try {
        match = condition.call(ctx, []);
        if (typeof match !== 'boolean') {
          throw new OttlError(`lambda expression must return a value of type bool, got ${goTypeName(match)}`);
        }
      } catch (e) {
        throw new OttlError(`error while evaluating lambda function: ${(e as Error).message}`);
      }
      return (match ? trueValue : falseValue).get(ctx);
    };
  },
};
