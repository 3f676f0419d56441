/**
 * Diagnostics of text embedded in a YAML scalar (OTTL statements and conditions) moved to the YAML
 * file: a range inside the scalar's value becomes a range in the file, through quotes, escapes and
 * line folding.
 */
import type { Diagnostic, Range } from '@ottl/core';
import { positionAt, type ConfigDiagnostic, type ConfigIssues, type Location } from './diagnostics.js';

/** For each character of `value`, its offset in the source (plus one entry for the end). */
function alignment(value: string, loc: Location): number[] {
  const src = loc.source.text;
  const end = loc.range.end.offset;
  let s = loc.range.start.offset;
  const first = src[s];
  if (first === '"' || first === "'") s++;
  else if (first === '|' || first === '>') {
    const nl = src.indexOf('\n', s);
    s = nl < 0 ? end : nl + 1;
  }
  const map: number[] = new Array<number>(value.length + 1);
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    let j = s;
    // Skip what YAML removed: indentation, folded line breaks, escape backslashes, doubled quotes.
    while (j < end && j - s < 12 && src[j] !== ch) j++;
    if (j < end && src[j] === ch) {
      map[i] = j;
      s = j + 1;
    } else {
      map[i] = Math.min(s, end);
      s = Math.min(s + 1, end);
    }
  }
  map[value.length] = value.length > 0 ? map[value.length - 1]! + 1 : s;
  return map;
}

/** `range` (relative to `value`) as a range in the file of `loc`. */
export function rangeInSource(value: string, loc: Location, range: Range): Range {
  const map = alignment(value, loc);
  const at = (o: number) => map[Math.max(0, Math.min(o, value.length))]!;
  const start = at(range.start.offset);
  const endOff = range.end.offset > range.start.offset ? at(range.end.offset - 1) + 1 : start;
  return { start: positionAt(loc.source.text, start), end: positionAt(loc.source.text, endOff) };
}

/** Adds diagnostics of an embedded `value` (found at `loc` under YAML `path`) to `issues`. */
export function reportEmbedded(issues: ConfigIssues, path: string, value: string, loc: Location | undefined, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const moved: ConfigDiagnostic = {
      ...d,
      message: `${path}: ${d.message}`,
      path,
      range: loc ? rangeInSource(value, loc, d.range) : d.range,
      ...(loc ? { file: loc.source.name } : {}),
      ...(d.related ? { related: d.related.map((r) => ({ ...r, range: loc ? rangeInSource(value, loc, r.range) : r.range })) } : {}),
    };
    delete (moved as { fix?: unknown }).fix;
    issues.push(moved);
  }
}
