/**
 * Configuration problems in the shape of every other diagnostic (shared docs/diagnostics.md), plus
 * the file they point into and the YAML path of the offending value.
 */
import { LineIndex, countSeverities, makeStyle, renderDiagnostic, summaryLine, type Diagnostic, type DiagnosticCode, type Range, type Style } from '@ottl/core';

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

/**
 * Renders diagnostics like the rest of the toolchain (@ottl/core's renderer, as `ottl check`
 * does): `error[code]: message`, the `--> file:line:col` pointer, the source lines with carets
 * under the range and the label, then the hint; ends with a summary line. Diagnostics of
 * configs built in code (no file) show the message and hint only.
 */
export function renderConfigDiagnostics(diagnostics: readonly ConfigDiagnostic[], sources: readonly ConfigSource[] = [], style: Style = makeStyle(false)): string {
  const lines = new Map<string, LineIndex>();
  const sourceOf = (name: string) => {
    let l = lines.get(name);
    if (!l) {
      const src = sources.find((s) => s.name === name);
      if (!src) return { name };
      lines.set(name, (l = new LineIndex(src.text)));
    }
    return { name, lines: l };
  };
  const rendered = diagnostics.map((d) => renderDiagnostic(d, d.file === undefined ? undefined : sourceOf(d.file), style)).join('');
  const files = new Set(diagnostics.flatMap((d) => (d.file === undefined ? [] : [d.file]))).size;
  return rendered + summaryLine(countSeverities(diagnostics), files);
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
