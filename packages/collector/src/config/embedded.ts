/**
 * Diagnostics of text embedded in a YAML scalar (OTTL statements and conditions) moved to the YAML
 * file: a range inside the text becomes the exact range in the file it was written at, through
 * quotes, escapes, line folding, block indentation and `$$` / `${env:…}` expansion (the same
 * mapping `ottl check` uses, so both point at the same line:column).
 */
import { LineIndex, type Diagnostic } from '@ottl/core';
import type { ConfigDiagnostic, ConfigIssues, ConfigSource, Location } from './diagnostics.js';
import { placeDiagnostic, sliceOrigin, type TextOrigin } from './origin.js';

/** An OTTL text read from a config value, with where it was written. */
export interface EmbeddedText {
  readonly text: string;
  /** The YAML path of the value: `processors.transform.log_statements[0]`. */
  readonly path: string;
  readonly loc: Location | undefined;
  /** Where each character of `text` was written (string scalars read from YAML). */
  readonly origin?: TextOrigin | undefined;
}

const lineIndexes = new WeakMap<ConfigSource, LineIndex>();

function linesOf(source: ConfigSource): LineIndex {
  let lines = lineIndexes.get(source);
  if (!lines) lineIndexes.set(source, (lines = new LineIndex(source.text)));
  return lines;
}

/** Adds diagnostics of an embedded text (ranges relative to `t.text`) to `issues`. */
export function reportEmbedded(issues: ConfigIssues, t: EmbeddedText, diagnostics: readonly Diagnostic[]): void {
  const loc = t.loc;
  const origin = t.origin ?? (loc ? sliceOrigin(loc.range.start.offset, t.text.length) : undefined);
  for (const d of diagnostics) {
    const placed = loc && origin ? placeDiagnostic(d, origin, linesOf(loc.source)) : d;
    const moved: ConfigDiagnostic = { ...placed, message: `${t.path}: ${d.message}`, path: t.path, ...(loc ? { file: loc.source.name } : {}) };
    // A fix's new text would need the scalar's quoting and escaping.
    delete (moved as { fix?: unknown }).fix;
    issues.push(moved);
  }
}
