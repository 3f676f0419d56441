/**
 * Diagnostics for a terminal, as shared docs/diagnostics.md shows them:
 *
 *     error[unknown-function]: there is no converter named `Lenn`
 *       --> rules/redact.ottl:2:27
 *        |
 *      2 | set(attributes["d"], Lenn(body))
 *        |                      ^^^^ undefined function
 *        |
 *        = hint: did you mean `Len`?
 *
 * Related ranges are drawn with `-` under their own lines (or the same line) with their message.
 * Also the JSON form (`--format json`): one object per diagnostic, with the file it points into.
 * Used by the CLI (`.ottl` files, YAML, the REPL) and the collector (config errors) alike.
 */
import type { Diagnostic, Severity } from './diagnostic.js';
import type { LineIndex } from './lines.js';

/** How text is coloured; {@link makeStyle} gives the ANSI one or the plain one. */
export interface Style {
  readonly enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  cyan(s: string): string;
  /** The colour of a severity (error red, warning yellow, info cyan), bold. */
  severity(severity: Severity, s: string): string;
}

function sgr(open: number, close: number): (s: string) => string {
  return (s) => (s === '' ? s : `\u001b[${open}m${s}\u001b[${close}m`);
}

const PLAIN: Style = {
  enabled: false,
  bold: (s) => s,
  dim: (s) => s,
  red: (s) => s,
  green: (s) => s,
  yellow: (s) => s,
  blue: (s) => s,
  cyan: (s) => s,
  severity: (_sev, s) => s,
};

const bold = sgr(1, 22);
const red = sgr(31, 39);
const yellow = sgr(33, 39);
const cyan = sgr(36, 39);

const COLORED: Style = {
  enabled: true,
  bold,
  dim: sgr(2, 22),
  red,
  green: sgr(32, 39),
  yellow,
  blue: sgr(34, 39),
  cyan,
  severity: (sev, s) => bold(sev === 'error' ? red(s) : sev === 'warning' ? yellow(s) : cyan(s)),
};

/** ANSI colours (`true`), or plain text byte for byte the same as the coloured text stripped. */
export function makeStyle(color: boolean): Style {
  return color ? COLORED : PLAIN;
}

/** A file's name (as the user gave it) and its text. */
export interface SourceFile {
  readonly name: string;
  readonly lines: LineIndex;
}

interface Mark {
  readonly line: number;
  /** 1-based columns, `to` exclusive; `to > from`. */
  readonly from: number;
  readonly to: number;
  readonly primary: boolean;
  readonly text: string;
}

const TAB = '    ';
/** Lines of one multi-line range shown before the rest is elided. */
const MAX_RANGE_LINES = 6;

/** The display column (1-based) of source column `col` on a line whose tabs print as four spaces. */
function displayColumn(line: string, col: number): number {
  let d = 1;
  for (let i = 0; i < col - 1 && i < line.length; i++) d += line[i] === '\t' ? TAB.length : 1;
  return d + Math.max(0, col - 1 - line.length);
}

/** Marks for a range: one per line it covers (the label goes on the last). */
function marksOf(file: LineIndex, startOffset: number, endOffset: number, primary: boolean, text: string): Mark[] {
  const start = file.position(startOffset);
  const end = file.position(endOffset);
  if (start.line === end.line || (end.column === 1 && end.line === start.line + 1)) {
    const lineLen = file.lineText(start.line).length;
    const to = end.line === start.line ? end.column : lineLen + 1;
    return [{ line: start.line, from: start.column, to: Math.max(to, start.column + 1), primary, text }];
  }
  const marks: Mark[] = [];
  for (let l = start.line; l <= end.line; l++) {
    const lt = file.lineText(l);
    const from = l === start.line ? start.column : lt.length - lt.trimStart().length + 1;
    const to = l === end.line ? end.column : lt.length + 1;
    if (to > from) marks.push({ line: l, from, to, primary, text: '' });
  }
  if (marks.length === 0) return [{ line: start.line, from: start.column, to: start.column + 1, primary, text }];
  const last = marks[marks.length - 1]!;
  marks[marks.length - 1] = { ...last, text };
  if (marks.length > MAX_RANGE_LINES) return [...marks.slice(0, MAX_RANGE_LINES - 1), marks[marks.length - 1]!];
  return marks;
}

/**
 * Where a diagnostic points: a file with its text (the excerpt is drawn), only a file's name (the
 * `-->` pointer alone), or nothing (configurations built in code: message and hint only).
 */
export type DiagnosticSource = SourceFile | { readonly name: string } | undefined;

/** One diagnostic, ending with an empty line. */
export function renderDiagnostic(d: Diagnostic, file: DiagnosticSource, style: Style): string {
  const head = `${style.severity(d.severity, `${d.severity}[${d.code}]`)}${style.bold(`: ${d.message}`)}`;
  if (file === undefined || !('lines' in file)) {
    const out = [head];
    if (file !== undefined) out.push(`  ${style.blue('-->')} ${file.name}:${d.range.start.line}:${d.range.start.column}`);
    if (d.hint !== undefined) out.push(`  ${style.bold('= hint:')} ${d.hint}`);
    out.push('');
    return out.join('\n') + '\n';
  }
  const marks = [
    ...marksOf(file.lines, d.range.start.offset, d.range.end.offset, true, d.label ?? ''),
    ...(d.related ?? []).flatMap((r) => marksOf(file.lines, r.range.start.offset, r.range.end.offset, false, r.message)),
  ];
  const lines = [...new Set(marks.map((m) => m.line))].sort((a, b) => a - b);
  const width = String(lines[lines.length - 1] ?? d.range.start.line).length;
  const bar = style.blue(`${' '.repeat(width + 1)} |`);
  const out: string[] = [head, `${' '.repeat(width + 1)}${style.blue('-->')} ${file.name}:${d.range.start.line}:${d.range.start.column}`, bar];
  let previous: number | undefined;
  for (const line of lines) {
    if (previous !== undefined && line > previous + 1) out.push(style.blue('...'));
    previous = line;
    const text = file.lines.lineText(line);
    out.push(`${style.blue(` ${String(line).padStart(width)} |`)}${text === '' ? '' : ' ' + text.replaceAll('\t', TAB)}`);
    // Secondary marks first, the primary mark last (closest to its label's reading order).
    const onLine = marks.filter((m) => m.line === line).sort((a, b) => Number(a.primary) - Number(b.primary) || a.from - b.from);
    for (const m of onLine) {
      const from = displayColumn(text, m.from);
      const to = displayColumn(text, m.to);
      const carets = (m.primary ? '^' : '-').repeat(Math.max(1, to - from));
      const colour = m.primary ? (s: string) => style.severity(d.severity, s) : style.blue;
      out.push(`${bar} ${' '.repeat(from - 1)}${colour(carets + (m.text ? ' ' + m.text : ''))}`);
    }
  }
  if (d.hint !== undefined) out.push(bar, `${' '.repeat(width + 1)} ${style.bold('= hint:')} ${d.hint}`);
  out.push('');
  return out.join('\n') + '\n';
}

/** Diagnostics of one file, in source order. */
export function renderFileDiagnostics(diagnostics: readonly Diagnostic[], file: SourceFile, style: Style): string {
  return sortBySource(diagnostics)
    .map((d) => renderDiagnostic(d, file, style))
    .join('');
}

export function sortBySource<D extends Diagnostic>(diagnostics: readonly D[]): D[] {
  return [...diagnostics].sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countSeverities(diagnostics: readonly { severity: Severity }[], into: Counts = { errors: 0, warnings: 0, infos: 0 }): Counts {
  for (const d of diagnostics) {
    if (d.severity === 'error') into.errors++;
    else if (d.severity === 'warning') into.warnings++;
    else into.infos++;
  }
  return into;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * `2 errors, 1 warning in 1 file` (`files`: the files the diagnostics are in; with 0, for
 * configurations built in code, the ` in …` part is left out).
 */
export function summaryLine(counts: Counts, files: number): string {
  const parts = [plural(counts.errors, 'error')];
  if (counts.warnings > 0) parts.push(plural(counts.warnings, 'warning'));
  if (counts.infos > 0) parts.push(`${counts.infos} info`);
  return files > 0 ? `${parts.join(', ')} in ${plural(files, 'file')}` : parts.join(', ');
}

/** The JSON form of a diagnostic in a file (`--format json`), keys in a stable order. */
export function diagnosticJson(d: Diagnostic, file: string): Record<string, unknown> {
  return {
    file,
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: d.range,
    ...(d.label !== undefined ? { label: d.label } : {}),
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
    ...(d.related !== undefined ? { related: d.related } : {}),
    ...(d.fix !== undefined ? { fix: d.fix } : {}),
  };
}
