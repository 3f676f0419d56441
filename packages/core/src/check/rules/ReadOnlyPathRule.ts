import { diagnostic, type CheckRule } from '../rule.js';

/**
 * A path an editor writes (a path parameter) can be set. A warning: upstream accepts the
 * statement and fails (or does nothing) when it runs.
 */
export const ReadOnlyPathRule: CheckRule = ({ analysis, report }) => {
  for (const [arg, role] of analysis.roles) {
    if (role !== 'getsetter' || arg.value.kind !== 'Path') continue;
    const accessor = analysis.paths.get(arg.value)?.accessor;
    if (!accessor?.readOnly) continue;
    report(diagnostic('read-only-path', 'warning', `the path \`${accessor.text}\` is read-only`, arg.value.range, {
      label: 'read-only',
      hint: 'write to a settable path instead',
    }));
  }
};
