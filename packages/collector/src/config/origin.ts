/**
 * Where an OTTL text came from inside the file the user edits. A statement of a `.ottl` file is a
 * contiguous slice of it; a statement in a YAML scalar is not (quotes, escapes, folding, `$$`), so
 * each UTF-16 unit of the text knows the file range it was decoded from.
 */
import type { Diagnostic, LineIndex, Range } from '@ottl/core';

export interface TextOrigin {
  /** Length of the OTTL text. */
  readonly length: number;
  /** File offset where unit `i` of the text starts (`i` in `[0, length)`). */
  start(i: number): number;
  /** File offset just after unit `i`. */
  end(i: number): number;
  /** True when the text is a plain slice of the file (edits to it can be applied to the file). */
  readonly contiguous: boolean;
}

/** The text is `file.slice(base, base + length)`. */
export function sliceOrigin(base: number, length: number): TextOrigin {
  return { length, start: (i) => base + i, end: (i) => base + i + 1, contiguous: true };
}

/** Unit `i` came from `[starts[i], ends[i])`. */
export function tableOrigin(starts: readonly number[], ends: readonly number[]): TextOrigin {
  return { length: starts.length, start: (i) => starts[i]!, end: (i) => ends[i]!, contiguous: false };
}

/** Unit `i` of the text is unit `inner[i]` of a text whose origin is `outer` (expansions over decoding). */
export function composeOrigin(outer: TextOrigin, starts: readonly number[], ends: readonly number[]): TextOrigin {
  return {
    length: starts.length,
    start: (i) => outer.start(starts[i]!),
    end: (i) => outer.end(ends[i]! - 1),
    contiguous: false,
  };
}

/** The origin of `text.slice(from, to)`. */
export function subOrigin(origin: TextOrigin, from: number, to: number): TextOrigin {
  return {
    length: to - from,
    start: (i) => origin.start(from + i),
    end: (i) => origin.end(from + i),
    contiguous: origin.contiguous,
  };
}

/** File offsets of a text-relative half-open range. An empty range stays empty. */
export function fileOffsets(origin: TextOrigin, from: number, to: number): [number, number] {
  const n = origin.length;
  const at = (i: number): number => (n === 0 ? origin.start(0) : i < n ? origin.start(i) : origin.end(n - 1));
  const start = at(Math.max(0, from));
  const end = to > from ? origin.end(Math.min(to, n) - 1) : start;
  return [start, Math.max(start, end)];
}

/** `range` (offsets relative to the OTTL text) as a range in the file. */
export function fileRange(origin: TextOrigin, range: Range, file: LineIndex): Range {
  const [s, e] = fileOffsets(origin, range.start.offset, range.end.offset);
  return file.range(s, e);
}

/**
 * A diagnostic of the OTTL text moved into the file: its range, related ranges and (when the text
 * is a slice of the file) its fix. Fixes of texts decoded from YAML are dropped: their new text
 * would need the scalar's escaping.
 */
export function placeDiagnostic(d: Diagnostic, origin: TextOrigin, file: LineIndex): Diagnostic {
  const moved: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { ...d, range: fileRange(origin, d.range, file) };
  if (d.related) moved.related = d.related.map((r) => ({ ...r, range: fileRange(origin, r.range, file) }));
  if (d.fix) {
    if (origin.contiguous) moved.fix = d.fix.map((f) => ({ ...f, range: fileRange(origin, f.range, file) }));
    else delete moved.fix;
  }
  return moved;
}
