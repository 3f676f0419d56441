/**
 * Context prefixes for legacy text (reference §3.5): when a component is given an explicit
 * context, every path whose context part is not a known context name gets `<context>.` inserted
 * at its start, so `set(name, "x") where attributes["k"] == 1` becomes
 * `set(span.name, "x") where span.attributes["k"] == 1`.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AnyNode, PathNode } from './ast.js';
import { parse, type ParseKind } from './parse.js';
import { visit } from './visitor.js';

export interface PrependContextResult {
  /** The rewritten text; present when there are no errors. */
  readonly text?: string;
  readonly diagnostics: Diagnostic[];
}

/**
 * Rewrites `text` so that every path has a context prefix. Paths whose context part is one of
 * `pathContextNames` are kept; lambda parameters (`v` in `(k, v) => v > 1`) are not paths and are
 * kept too. Fails with `unknown context "<context>" for parser` when `context` is not one of
 * `pathContextNames`, and with the parse's diagnostics when the text does not parse.
 */
export function prependContext(text: string, kind: ParseKind, context: string, pathContextNames: readonly string[]): PrependContextResult {
  if (!pathContextNames.includes(context)) {
    return {
      diagnostics: [
        {
          code: 'unknown-context',
          severity: 'error',
          message: `unknown context "${context}" for parser; known contexts are ${pathContextNames.map((n) => `"${n}"`).join(', ')}`,
          range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
        },
      ],
    };
  }
  const { ast, diagnostics } = parse(text, kind);
  if (ast === undefined || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const known = new Set(pathContextNames);
  const offsets: number[] = [];
  const scopes: string[][] = [];
  const isParam = (name: string): boolean => scopes.some((s) => s.includes(name));
  visit(ast as AnyNode, {
    Lambda(node) {
      scopes.push([...node.params]);
    },
    Path(node: PathNode) {
      const head = node.context ?? node.segments[0]?.name;
      if (head !== undefined && isParam(head)) return;
      if (node.context === undefined || !known.has(node.context)) offsets.push(node.range.start.offset);
    },
    leave(node) {
      if (node.kind === 'Lambda') scopes.pop();
    },
  });
  let out = '';
  let at = 0;
  for (const offset of offsets.sort((a, b) => a - b)) {
    out += text.slice(at, offset) + context + '.';
    at = offset;
  }
  return { text: out + text.slice(at), diagnostics };
}
