/**
 * The OTTL abstract syntax tree: plain, readonly objects with a `kind` tag and a source range on
 * every node. Produced by the parser, consumed by the checker, interpreter, compiler, printer and
 * language service. Nodes never hold parent pointers; use the visitor for traversal.
 *
 * Parentheses are not nodes: the printer re-inserts those that precedence needs. Literal nodes keep
 * their source text in `raw` so the formatter can keep the user's spelling of numbers and strings.
 */
import type { Range } from '../diagnostics/diagnostic.js';

interface NodeBase {
  readonly range: Range;
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** `editorCall ("where" condition)?` */
export interface StatementNode extends NodeBase {
  readonly kind: 'Statement';
  /** The head call. The parser reports a converter here (`editor-name-case`) but still builds it. */
  readonly editor: CallNode;
  readonly where?: BoolExprNode;
  /** Range of the `where` keyword, when present. */
  readonly whereRange?: Range;
}

/** A parsed condition (filter, routing, transform `conditions:`): a boolean expression. */
export type ConditionNode = BoolExprNode;

// ---------------------------------------------------------------------------------------------
// Boolean expressions: or < and < not < comparison

export type BoolExprNode = OrNode | AndNode | NotNode | ComparisonNode | BoolConstNode;

/** `a or b or c`: at least two operands, evaluated left to right with short-circuit. */
export interface OrNode extends NodeBase {
  readonly kind: 'Or';
  readonly operands: readonly BoolExprNode[];
}

/** `a and b and c`: at least two operands. */
export interface AndNode extends NodeBase {
  readonly kind: 'And';
  readonly operands: readonly BoolExprNode[];
}

/** `not x`: applies to one boolean value (a comparison, a constant, or a parenthesised expression). */
export interface NotNode extends NodeBase {
  readonly kind: 'Not';
  readonly operand: BoolExprNode;
}

export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export interface ComparisonNode extends NodeBase {
  readonly kind: 'Comparison';
  readonly op: ComparisonOp;
  readonly opRange: Range;
  readonly left: ValueNode;
  readonly right: ValueNode;
}

/** A boolean constant in boolean position: `true`, `false`, or a converter call (must return bool). */
export interface BoolConstNode extends NodeBase {
  readonly kind: 'BoolConst';
  readonly value: LiteralNode | CallNode;
}

// ---------------------------------------------------------------------------------------------
// Values

export type ValueNode =
  | LiteralNode
  | PathNode
  | CallNode
  | EnumNode
  | ListNode
  | MapNode
  | MathNode
  | LambdaNode;

export type LiteralType = 'string' | 'int' | 'float' | 'bool' | 'nil' | 'bytes';

/**
 * A literal. `value` is the decoded runtime value: string (unescaped), bigint (int64), number
 * (float64), boolean, null (nil) or Uint8Array (bytes). `raw` is the exact source text.
 */
export interface LiteralNode extends NodeBase {
  readonly kind: 'Literal';
  readonly type: LiteralType;
  readonly value: string | bigint | number | boolean | null | Uint8Array;
  readonly raw: string;
}

/** `[key]` after a path segment or a converter call. */
export interface KeyNode extends NodeBase {
  readonly kind: 'Key';
  /** A string or int literal, a path, a converter call, or a math expression. */
  readonly value: ValueNode;
}

export interface PathSegmentNode extends NodeBase {
  readonly kind: 'PathSegment';
  readonly name: string;
  readonly nameRange: Range;
  readonly keys: readonly KeyNode[];
}

/**
 * A path such as `span.attributes["k"][0]`. Grammar-level only: `context` is the first
 * lower-case name when it is followed by `.` and at least one more segment (`span` above);
 * whether it really names a context is decided by the checker/context, not the parser. When
 * `context` is set, `segments` excludes it.
 */
export interface PathNode extends NodeBase {
  readonly kind: 'Path';
  readonly context?: string;
  readonly contextRange?: Range;
  readonly segments: readonly PathSegmentNode[];
}

/** An argument of a call: positional, or named (`name = value`). */
export interface ArgumentNode extends NodeBase {
  readonly kind: 'Argument';
  readonly name?: string;
  readonly nameRange?: Range;
  readonly value: ValueNode | FunctionNameNode;
}

/** A bare converter name used as an argument (`SHA256` is an EnumNode; `Sha256` is this). */
export interface FunctionNameNode extends NodeBase {
  readonly kind: 'FunctionName';
  readonly name: string;
}

/**
 * An editor or converter call. `isEditor` is lexical: the name starts with a lower-case letter.
 * `keys` index a converter's result (`Split(x, ",")[0]`); keys on an editor are reported.
 */
export interface CallNode extends NodeBase {
  readonly kind: 'Call';
  readonly name: string;
  readonly nameRange: Range;
  readonly isEditor: boolean;
  readonly args: readonly ArgumentNode[];
  readonly keys: readonly KeyNode[];
}

/** An upper-case symbol such as `SPAN_KIND_SERVER`, resolved by the context's enums. */
export interface EnumNode extends NodeBase {
  readonly kind: 'Enum';
  readonly name: string;
}

export interface ListNode extends NodeBase {
  readonly kind: 'List';
  readonly items: readonly ValueNode[];
}

export interface MapEntryNode extends NodeBase {
  readonly kind: 'MapEntry';
  /** The unescaped key of the string literal. */
  readonly key: string;
  readonly keyRange: Range;
  readonly value: ValueNode;
}

export interface MapNode extends NodeBase {
  readonly kind: 'Map';
  readonly entries: readonly MapEntryNode[];
}

export type MathOp = '+' | '-' | '*' | '/';

/** A binary arithmetic expression; `+ -` bind looser than `* /`; left-associative. */
export interface MathNode extends NodeBase {
  readonly kind: 'Math';
  readonly op: MathOp;
  readonly opRange: Range;
  readonly left: ValueNode;
  readonly right: ValueNode;
}

/**
 * `(k, v) => body` (alpha; only valid as a function argument). Inside `body`, a PathNode whose
 * single segment names a parameter of this or an enclosing lambda is a parameter reference
 * (with optional keys); `_` parameters are ignored.
 */
export interface LambdaNode extends NodeBase {
  readonly kind: 'Lambda';
  readonly params: readonly string[];
  readonly paramRanges: readonly Range[];
  readonly body: ValueNode | BoolExprNode;
}

export type AnyNode =
  | StatementNode
  | BoolExprNode
  | ValueNode
  | KeyNode
  | PathSegmentNode
  | ArgumentNode
  | FunctionNameNode
  | MapEntryNode;

export type NodeKind = AnyNode['kind'];
