import type { ArgumentNode, ValueNode } from '../../language/ast.js';
import type { GetterType, OttlType } from '../../types/signature.js';
import type { Analysis } from '../analysis.js';
import { diagnostic, type CheckRule } from '../rule.js';

const COERCIBLE_SCALARS = new Set<OttlType>(['int', 'float', 'string', 'bool', 'nil']);

/** Whether a getter of `type` can accept a value of static type `t` (not `any`) without a type error. */
export function getterAccepts(type: GetterType, t: OttlType): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'string':
    case 'int':
    case 'float':
    case 'bool':
    case 'map':
    case 'time':
    case 'duration':
      return t === type;
    case 'stringlike':
      return t !== 'opaque' && t !== 'void';
    case 'intlike':
    case 'floatlike':
    case 'boollike':
      return COERCIBLE_SCALARS.has(t);
    case 'byteslike':
      return COERCIBLE_SCALARS.has(t) || t === 'bytes';
  }
}

function check(analysis: Analysis, node: ValueNode, type: GetterType, where: string, report: (d: ReturnType<typeof diagnostic>) => void): void {
  const t = analysis.typeOf(node);
  if (t === 'any' || getterAccepts(type, t)) return;
  report(
    diagnostic('type-mismatch', 'warning', `${where} expects ${type === 'map' ? 'a map' : type} but gets ${t === 'nil' ? 'nil' : t}`, node.range, {
      label: t,
      hint: 'this call fails when it runs',
    }),
  );
}

/**
 * An argument whose static type a typed getter cannot accept (`Substring(1, 0, 1)`). A warning:
 * upstream accepts the statement and fails when it runs.
 */
export const ArgumentTypeRule: CheckRule = ({ analysis, report }) => {
  for (const [call, info] of analysis.calls) {
    if (!info.def || !info.bound) continue;
    info.bound.forEach((arg: ArgumentNode | undefined, i) => {
      if (!arg || arg.value.kind === 'FunctionName') return;
      const param = info.def!.params[i]!;
      const where = `the parameter \`${param.name}\` of \`${call.name}\``;
      if (param.kind.kind === 'getter') check(analysis, arg.value, param.kind.type, where, report);
      else if (param.kind.kind === 'getterList' && arg.value.kind === 'List') {
        for (const item of arg.value.items) check(analysis, item, param.kind.type, where, report);
      }
    });
  }
};
