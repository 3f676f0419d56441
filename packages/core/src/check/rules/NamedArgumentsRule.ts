import { didYouMeanHint, suggestNames } from '../names.js';
import { diagnostic, type CheckRule } from '../rule.js';

/**
 * Named arguments come after positional ones, name a parameter of the function, and bind each
 * parameter at most once.
 */
export const NamedArgumentsRule: CheckRule = ({ analysis, report }) => {
  for (const [call, info] of analysis.calls) {
    for (const p of info.problems) {
      switch (p.kind) {
        case 'positional-after-named':
          report(
            diagnostic('positional-after-named', 'error', 'unnamed argument used after named argument', p.arg.range, {
              label: 'positional argument',
              hint: 'name this argument too, or move it before the named ones',
            }),
          );
          break;
        case 'unknown-argument': {
          const names = info.def!.params.map((q) => q.name);
          report(
            diagnostic(
              'unknown-argument',
              'error',
              `\`${call.name}\` has no parameter named \`${p.arg.name}\``,
              p.arg.nameRange ?? p.arg.range,
              { label: 'no such parameter', hint: didYouMeanHint(suggestNames(p.arg.name!, names)) ?? `parameters: ${names.join(', ')}` },
            ),
          );
          break;
        }
        case 'duplicate-argument':
          report(
            diagnostic(
              'duplicate-argument',
              'error',
              `the parameter \`${p.param.name}\` of \`${call.name}\` is given more than once`,
              p.arg.range,
              { label: 'second binding', hint: 'remove one of the arguments' },
            ),
          );
          break;
      }
    }
  }
};
