/**
 * Generic AST traversal. Nodes have no parent pointers; {@link visit} passes the parent along.
 * Children are visited in source order.
 */
import type { AnyNode, NodeKind } from './ast.js';

type NodeOf<K extends NodeKind> = Extract<AnyNode, { kind: K }>;

/**
 * Callbacks for {@link visit}. `enter` and the per-kind callbacks run before a node's children;
 * returning `false` from either skips the children (and that node's `leave`). `leave` runs after.
 */
export type Visitor = {
  enter?(node: AnyNode, parent: AnyNode | undefined): void | boolean;
  leave?(node: AnyNode, parent: AnyNode | undefined): void;
} & { [K in NodeKind]?: (node: NodeOf<K>, parent: AnyNode | undefined) => void | boolean };

/** The direct children of a node, in source order. */
export function children(node: AnyNode): AnyNode[] {
  switch (node.kind) {
    case 'Statement':
      return node.where ? [node.editor, node.where] : [node.editor];
    case 'Or':
    case 'And':
      return [...node.operands];
    case 'Not':
      return [node.operand];
    case 'Comparison':
    case 'Math':
      return [node.left, node.right];
    case 'BoolConst':
      return [node.value];
    case 'Call':
      return [...node.args, ...node.keys];
    case 'Argument':
      return [node.value];
    case 'Path':
      return [...node.segments];
    case 'PathSegment':
      return [...node.keys];
    case 'Key':
      return [node.value];
    case 'List':
      return [...node.items];
    case 'Map':
      return [...node.entries];
    case 'MapEntry':
      return [node.value];
    case 'Lambda':
      return [node.body];
    case 'Literal':
    case 'Enum':
    case 'FunctionName':
      return [];
  }
}

/** Walks `node` and its descendants depth-first. */
export function visit(node: AnyNode, visitor: Visitor, parent?: AnyNode): void {
  if (visitor.enter?.(node, parent) === false) return;
  const byKind = visitor[node.kind] as ((n: AnyNode, p: AnyNode | undefined) => void | boolean) | undefined;
  if (byKind?.(node, parent) === false) return;
  for (const child of children(node)) visit(child, visitor, node);
  visitor.leave?.(node, parent);
}
