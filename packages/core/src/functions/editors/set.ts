import type { FunctionDef, GetSetter, Getter } from '../../types/signature.js';

/** The feature gate that makes `set(x, nil)` hand nil to the setter instead of doing nothing. */
export const ALLOW_NIL_GATE = 'ottl.set.allowNil';

export const definition: FunctionDef = {
  name: 'set',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the path to write' },
    { name: 'value', kind: { kind: 'getter', type: 'any' }, description: 'the value to write' },
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Sets a telemetry field to a value.',
    description:
      'Without the `ottl.set.allowNil` feature gate a value that evaluates to nil (for example a ' +
      'missing attribute) leaves the target unchanged. With the gate (stable and on by default ' +
      'upstream since v0.158.0) nil is handed to the target: a map or slice field becomes empty, an ' +
      'attribute or body becomes an Empty value, and a scalar field rejects it.',
    failures: ['the target rejects the value (type mismatch, index out of range)'],
    examples: [
      { code: 'set(attributes["env"], "prod")', before: {}, after: { env: 'prod' } },
      {
        code: 'set(attributes["copy"], attributes["missing"])',
        before: { a: 1 },
        after: { a: 1 },
        note: 'nil is ignored while the ottl.set.allowNil gate is off',
      },
    ],
  },
  create(args, env) {
    const target = args[0] as GetSetter;
    const value = args[1] as Getter;
    const allowNil = env.featureGates.has(ALLOW_NIL_GATE);
    return (ctx) => {
      const v = value.get(ctx);
      if (v !== null || allowNil) target.set(ctx, v);
      return null;
    };
  },
};
