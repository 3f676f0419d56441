/**
 * Configuration problems in the shape of every other diagnostic (shared docs/diagnostics.md), plus
 * the file they point into and the YAML path of the offending value.
 */
import type { Diagnostic, DiagnosticCode, Position, Range } from '@ottl/core';

/** One configuration text (a file, or `<object>` for configs built in code). */
export interface ConfigSource {
  readonly name: string;
  readonly text: string;
}

/** Where a config value came from. */
export interface Location {
  readonly source: ConfigSource;
  readonly range: Range;
}

export interface ConfigDiagnostic extends Diagnostic {
  /** The source's name (a file path), absent for configs built in code. */
  readonly file?: string;
  /** The YAML path of the offending value: `processors.batch.timeout`, `service.pipelines.traces.receivers[0]`. */
  readonly path: string;
}

export interface IssueDetails {
  readonly label?: string;
  readonly hint?: string;
  readonly severity?: 'error' | 'warning';
}

const NO_RANGE: Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

/** Collects diagnostics while a configuration is decoded; decoding goes on after an error. */
export class ConfigIssues {
  readonly list: ConfigDiagnostic[] = [];

  add(code: DiagnosticCode, path: string, loc: Location | undefined, message: string, details: IssueDetails = {}): void {
    const d: ConfigDiagnostic = {
      code,
      severity: details.severity ?? 'error',
      message: path === '' ? message : `${path}: ${message}`,
      range: loc?.range ?? NO_RANGE,
      path,
      ...(loc ? { file: loc.source.name } : {}),
      ...(details.label !== undefined ? { label: details.label } : {}),
      ...(details.hint !== undefined ? { hint: details.hint } : {}),
    };
    this.list.push(d);
  }

  /** Adds a diagnostic made elsewhere (e.g. by the OTTL checker), already positioned. */
  push(d: ConfigDiagnostic): void {
    this.list.push(d);
  }

  get errors(): ConfigDiagnostic[] {
    return this.list.filter((d) => d.severity === 'error');
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
}

/** Thrown by startup when the configuration has errors; `message` is the rendered list. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly diagnostics: readonly ConfigDiagnostic[],
    readonly sources: readonly ConfigSource[] = [],
  ) {
    super(renderConfigDiagnostics(diagnostics, sources));
  }
}

/** Position of `offset` in `text` (1-based line and column in UTF-16 units). */
export function positionAt(text: string, offset: number, lineStarts: readonly number[] = lineStartsOf(text)): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { offset, line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * Renders diagnostics like the rest of the toolchain: `error[code]: message`, the `--> file:line:col`
 * pointer, the source line with carets under the range and the label, then the hint; ends with a
 * summary line.
 */
export function renderConfigDiagnostics(diagnostics: readonly ConfigDiagnostic[], sources: readonly ConfigSource[] = []): string {
  const out: string[] = [];
  for (const d of diagnostics) {
    out.push(`${d.severity}[${d.code}]: ${d.message}`);
    const src = d.file !== undefined ? sources.find((s) => s.name === d.file) : undefined;
    if (d.file !== undefined) out.push(`  --> ${d.file}:${d.range.start.line}:${d.range.start.column}`);
    if (src) {
      const lines = src.text.split('\n');
      const lineText = (lines[d.range.start.line - 1] ?? '').replace(/\r$/, '');
      const gutter = String(d.range.start.line);
      const pad = ' '.repeat(gutter.length + 2);
      const endCol = d.range.end.line === d.range.start.line ? d.range.end.column : lineText.length + 1;
      const width = Math.max(1, endCol - d.range.start.column);
      out.push(`${pad}|`, ` ${gutter} | ${lineText}`, `${pad}| ${' '.repeat(d.range.start.column - 1)}${'^'.repeat(width)}${d.label ? ' ' + d.label : ''}`);
      if (d.hint !== undefined) out.push(`${pad}|`, `${pad}= hint: ${d.hint}`);
    } else if (d.hint !== undefined) {
      out.push(`  = hint: ${d.hint}`);
    }
    out.push('');
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.flatMap((d) => (d.file === undefined ? [] : [d.file]))).size;
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`];
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  out.push(`${parts.join(', ')}${files > 0 ? ` in ${files} file${files === 1 ? '' : 's'}` : ''}`);
  return out.join('\n');
}

/** Up to three names closest to `name` by edit distance (for did-you-mean hints). */
export function closestNames(name: string, candidates: Iterable<string>): string[] {
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d <= Math.max(2, Math.floor(c.length / 3))) scored.push([c, d]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([c]) => c);
}

/** `did you mean `a` or `b`?`, or undefined when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const close = closestNames(name, candidates);
  if (close.length === 0) return undefined;
  return `did you mean ${close.map((c) => '`' + c + '`').join(' or ')}?`;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
