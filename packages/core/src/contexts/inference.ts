/**
 * Context inference for a group of statements / conditions (reference §6.15, upstream's
 * priority-based inferrer): the path context with the best priority wins, provided it supports
 * every function and enum symbol used; otherwise its lower contexts are tried in priority order.
 */
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type {
  AnyNode,
  BoolExprNode,
  CallNode,
  EnumNode,
  PathNode,
  StatementNode,
  ValueNode,
} from '../language/ast.js';
import { visit, type Visitor } from '../language/visitor.js';
import type { ContextName } from '../types/signature.js';
import { DEFAULT_CONTEXT_PRIORITY, getContextSchema, isContextName } from './registry.js';

/** What an AST uses: its paths, the functions it calls, the enum symbols it names. */
export interface AstHints {
  /** Every path, in source order (lambda parameter references excluded). */
  readonly paths: PathNode[];
  /** Editor and converter calls, in source order. */
  readonly calls: CallNode[];
  /** Enum symbols (which may also be converter names passed as arguments), in source order. */
  readonly enums: EnumNode[];
}

/** Collects the paths, calls and enum symbols of ASTs (statements, conditions, values). */
export function collectHints(asts: readonly AnyNode[]): AstHints {
  const hints: AstHints = { paths: [], calls: [], enums: [] };
  const params: string[] = [];
  const visitor: Visitor = {
    Path: (n) => {
      const isParam = n.context === undefined && n.segments.length === 1 && params.includes(n.segments[0]!.name);
      if (!isParam) hints.paths.push(n);
    },
    Call: (n) => {
      hints.calls.push(n);
    },
    Enum: (n) => {
      hints.enums.push(n);
    },
    enter: (n) => {
      if (n.kind === 'Lambda') params.push(...n.params);
    },
    leave: (n) => {
      if (n.kind === 'Lambda') params.length -= n.params.length;
    },
  };
  for (const ast of asts) visit(ast, visitor);
  return hints;
}

export interface InferContextOptions {
  /** The contexts the component accepts (e.g. resource, scope, log for log statements). */
  readonly allowed: readonly ContextName[];
  /** Best first; default {@link DEFAULT_CONTEXT_PRIORITY}. */
  readonly priority?: readonly string[];
  /** The editor and converter names available in a context. */
  readonly functionsFor: (ctx: ContextName) => ReadonlySet<string>;
}

export interface InferContextResult {
  context?: ContextName;
  diagnostics: Diagnostic[];
}

/** `instrumentation_scope` infers the `scope` context. */
function contextOfPrefix(prefix: string): string {
  return prefix === 'instrumentation_scope' ? 'scope' : prefix;
}

function quoted(names: readonly string[]): string {
  return '[' + names.map((n) => `"${n}"`).join(' ') + ']';
}

const NO_RANGE: Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

/**
 * Infers the context of ASTs that are executed together (a group's statements and conditions).
 * Never throws; when no context fits, `context` is absent and a `context-inference` diagnostic
 * says why with upstream's wording.
 */
export function inferContext(
  asts: readonly (StatementNode | BoolExprNode | ValueNode)[],
  options: InferContextOptions,
): InferContextResult {
  const priority = options.priority ?? DEFAULT_CONTEXT_PRIORITY;
  const rank = (c: string): number => {
    const i = priority.indexOf(c);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const hints = collectHints(asts);
  const allowedText = quoted(options.allowed);
  const error = (message: string, range: Range, hint?: string): InferContextResult => ({
    diagnostics: [
      {
        code: 'context-inference',
        severity: 'error',
        message,
        range,
        label: 'context cannot be inferred',
        ...(hint !== undefined ? { hint } : {}),
      },
    ],
  });

  let candidate: string | undefined;
  let candidateRank = 0;
  let candidatePath: PathNode | undefined;
  for (const p of hints.paths) {
    if (p.context === undefined) continue;
    const r = rank(p.context);
    if (candidate === undefined || r < candidateRank) {
      candidate = p.context;
      candidateRank = r;
      candidatePath = p;
    }
  }
  if (candidate === undefined) {
    return error(
      `unable to infer context from statements, path's first segment must be a valid context name: ${allowedText}, and at least one context must be capable of parsing all statements`,
      asts[0]?.range ?? NO_RANGE,
      `start every path with a context name, e.g. \`${options.allowed[options.allowed.length - 1] ?? 'log'}.attributes\``,
    );
  }

  const name = contextOfPrefix(candidate);
  const functions = new Map<string, CallNode>();
  for (const c of hints.calls) if (!functions.has(c.name)) functions.set(c.name, c);
  const enums = new Map<string, EnumNode>();
  for (const e of hints.enums) if (!enums.has(e.name)) enums.set(e.name, e);

  const isAllowed = (c: string): c is ContextName =>
    isContextName(c) && (options.allowed as readonly string[]).includes(c);
  /** The first function or enum the context lacks, or undefined when it supports all. */
  const firstMissing = (c: ContextName): { what: string; node: CallNode | EnumNode } | undefined => {
    const fns = options.functionsFor(c);
    for (const [fn, node] of functions) if (!fns.has(fn)) return { what: `the function "${fn}"`, node };
    const symbols = getContextSchema(c).enums;
    for (const [sym, node] of enums) {
      if (!symbols.has(sym) && !fns.has(sym)) return { what: `the enum symbol "${sym}"`, node };
    }
    return undefined;
  };

  if (!isAllowed(name)) {
    return error(
      `context "${candidate}" inferred from the statements is not a supported context: ${allowedText}`,
      candidatePath!.contextRange ?? candidatePath!.range,
      `this component accepts paths of ${options.allowed.join(', ')}`,
    );
  }
  const missing = firstMissing(name);
  if (missing === undefined) return { context: name, diagnostics: [] };

  const lower = options.allowed
    .filter((c) => c !== name && isContextName(c) && getContextSchema(c).pathContextNames.includes(candidate!))
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map((x) => x.c);
  for (const c of lower) if (firstMissing(c) === undefined) return { context: c, diagnostics: [] };

  const node = missing.node;
  return error(
    `unable to infer a valid context (${allowedText}) from statements and conditions: inferred context "${name}" does not support ${missing.what}`,
    node.kind === 'Call' ? node.nameRange : node.range,
    lower.length > 0
      ? `none of ${[name, ...lower].join(', ')} supports it; split the statements into groups or remove it`
      : `the ${name} context does not support it; use a context that does, or remove it`,
  );
}
