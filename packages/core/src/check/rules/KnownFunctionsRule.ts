import { isConverterName } from '../analysis.js';
import { didYouMeanHint, suggestNames } from '../names.js';
import { diagnostic, functionKindName, type CheckRule } from '../rule.js';

/** Every called function is registered; suggests registered functions of the same kind. */
export const KnownFunctionsRule: CheckRule = ({ analysis, report }) => {
  for (const [call, info] of analysis.calls) {
    if (info.def) continue;
    const kind = functionKindName(call.name);
    const sameKind = [...analysis.options.functions.keys()].filter((n) => isConverterName(n) === (kind === 'converter'));
    report(
      diagnostic('unknown-function', 'error', `there is no ${kind} named \`${call.name}\``, call.nameRange, {
        label: 'undefined function',
        hint: didYouMeanHint(suggestNames(call.name, sameKind)),
      }),
    );
  }
};
