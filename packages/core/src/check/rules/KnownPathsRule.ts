import { diagnostic, type CheckRule } from '../rule.js';

/**
 * Every path exists in the context and is reachable from it (the context's own diagnostics:
 * unknown path, unknown or missing context prefix, cache of another context, extra segments or keys).
 */
export const KnownPathsRule: CheckRule = ({ analysis, report }) => {
  for (const [path, resolution] of analysis.paths) {
    if (!analysis.options.schema) {
      report(diagnostic('unknown-path', 'error', 'paths are not available without a context', path.range, { label: 'path' }));
      continue;
    }
    for (const d of resolution.diagnostics) report(d);
  }
};
