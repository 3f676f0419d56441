/**
 * What a literal-only parameter accepts (reference §5.3), shared by the checker (which reports a
 * mismatch) and argument binding (which extracts the value).
 */
import type { FunctionNameNode, LiteralNode, ValueNode } from '../language/ast.js';
import type { LiteralParamType } from '../types/signature.js';

export type LiteralArgValue = string | bigint | number | boolean | Uint8Array;

const LITERAL_TYPES: Record<LiteralParamType, LiteralNode['type']> = {
  string: 'string',
  int: 'int',
  float: 'float',
  bool: 'bool',
  bytes: 'bytes',
};

/** The value of `node` when it is a literal of exactly `type`; undefined otherwise. */
export function literalArgument(node: ValueNode | FunctionNameNode, type: LiteralParamType): LiteralArgValue | undefined {
  if (node.kind !== 'Literal' || node.type !== LITERAL_TYPES[type]) return undefined;
  return node.value as LiteralArgValue;
}

/** The values of a list literal whose every item is a literal of `type`; undefined otherwise. */
export function literalListArgument(
  node: ValueNode | FunctionNameNode,
  type: 'string' | 'int' | 'float',
): (string | bigint | number)[] | undefined {
  if (node.kind !== 'List') return undefined;
  const out: (string | bigint | number)[] = [];
  for (const item of node.items) {
    const v = literalArgument(item, type);
    if (v === undefined) return undefined;
    out.push(v as string | bigint | number);
  }
  return out;
}

/** Upstream's message for a literal parameter given something else. */
export function literalRequirement(type: LiteralParamType): string {
  switch (type) {
    case 'string':
      return 'must be a string';
    case 'int':
      return 'must be an int';
    case 'float':
      return 'must be a float';
    case 'bool':
      return 'must be a bool';
    case 'bytes':
      return 'slice parameter must be a byte slice literal';
  }
}
