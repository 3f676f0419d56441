/**
 * Formatting: `.ottl` rule files through core's `formatRuleFile`; Collector YAML files by
 * rewriting only the scalars that hold OTTL (statement or condition printed canonically, literal
 * spellings kept), through the YAML CST so comments, quoting style and layout elsewhere stay as
 * they were. A scalar is left alone when it has syntax errors or a `${…}` reference (formatting
 * would bake in the variable's value), or holds a lone `$` next to `$$` escapes.
 */
import { CST, type Scalar } from 'yaml';
import { formatRuleFile, parse, printCondition, printStatement, LineIndex, type BoolExprNode, type StatementNode } from '@ottl/core';
import { findCollectorOttl, type YamlText } from '../yaml/collectorOttl.js';
import type { FileKind } from '../check/checkFile.js';

export interface FormatResult {
  readonly text: string;
  /** Why (part of) the file was left as it was; empty when everything formattable was formatted. */
  readonly problems: string[];
}

/** The canonical text of one OTTL statement or condition, or undefined when it does not parse. */
export function formatOttlText(text: string, kind: 'statement' | 'condition'): string | undefined {
  const r = parse(text, kind);
  if (!r.ast || r.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return kind === 'statement' ? printStatement(r.ast as StatementNode, { keepRaw: true }) : printCondition(r.ast as BoolExprNode, { keepRaw: true });
}

/** The new value of a scalar holding OTTL, or undefined to leave it alone. */
function newValue(t: YamlText): string | undefined {
  if (typeof t.node.value !== 'string') return undefined;
  const raw = t.node.value;
  if (raw.includes('${')) return undefined;
  const dollars = (raw.match(/\$/g) ?? []).length;
  const escaped = (raw.match(/\$\$/g) ?? []).length;
  if (escaped > 0 && dollars !== 2 * escaped) return undefined;
  const ottl = escaped > 0 ? raw.replaceAll('$$', () => '$') : raw;
  const formatted = formatOttlText(ottl, t.valueKind);
  if (formatted === undefined || formatted === ottl) return undefined;
  return escaped > 0 ? formatted.replaceAll('$', () => '$$') : formatted;
}

/** Replaces the body of a block scalar token, keeping its header, indentation and trailing lines. */
function setBlockBody(token: CST.BlockScalar, value: string): void {
  const body = token.source;
  const first = body.split('\n').find((l) => l.trim() !== '') ?? '';
  const indent = first.slice(0, first.length - first.trimStart().length);
  const trailing = /\n[ \t\n]*$/.exec(body)?.[0] ?? '';
  token.source = value
    .split('\n')
    .map((l) => (l === '' ? '' : indent + l))
    .join('\n') + (trailing === '' ? '' : trailing);
}

function setScalar(node: Scalar, value: string, inFlow: boolean): void {
  const token = node.srcToken;
  if (!token) return;
  if (token.type === 'block-scalar') return setBlockBody(token, value);
  CST.setScalarValue(token, value, { inFlow, type: node.type === 'PLAIN' ? 'PLAIN' : node.type === 'QUOTE_SINGLE' ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE' });
}

const noEnv = () => undefined;

/** A scalar's value without the final line breaks a block scalar's chomping adds. */
function chomped(v: unknown): string {
  return String(v).replace(/\n+$/, '');
}

export function formatCollectorYaml(text: string): FormatResult {
  const found = findCollectorOttl(text, new LineIndex(text), noEnv);
  if (found.diagnostics.some((d) => d.code === 'invalid-yaml')) return { text, problems: ['the file is not well-formed YAML'] };
  const seen = new Set<Scalar>();
  const edits: { t: YamlText; value: string }[] = [];
  for (const g of found.groups) {
    for (const t of [...g.texts, ...(g.conditions ?? [])]) {
      if (seen.has(t.node)) continue;
      seen.add(t.node);
      const value = newValue(t);
      if (value !== undefined) edits.push({ t, value });
    }
  }
  if (edits.length === 0) return { text, problems: [] };
  for (const { t, value } of edits) setScalar(t.node, value, t.inFlow);
  const out = found.tokens.map((tok) => CST.stringify(tok)).join('');
  // The rewrite must leave every other value alone and give each edited scalar its new value.
  const expected = new Map(edits.map((e) => [e.t.path, e.value]));
  const again = findCollectorOttl(out, new LineIndex(out), noEnv);
  const before = found.groups.flatMap((g) => [...g.texts, ...(g.conditions ?? [])]);
  const after = again.groups.flatMap((g) => [...g.texts, ...(g.conditions ?? [])]);
  const same =
    again.diagnostics.length === found.diagnostics.length &&
    before.length === after.length &&
    after.every((t, i) => t.path === before[i]!.path && chomped(t.node.value) === chomped(expected.get(t.path) ?? before[i]!.node.value));
  if (!same) return { text, problems: ['formatting would change the YAML structure; the file was left unchanged'] };
  return { text: out, problems: [] };
}

export function formatSource(text: string, kind: FileKind): FormatResult {
  return kind === 'ottl' ? { text: formatRuleFile(text), problems: [] } : formatCollectorYaml(text);
}
