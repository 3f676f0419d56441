import { didYouMeanHint, suggestNames } from '../names.js';
import { diagnostic, type CheckRule } from '../rule.js';

/** Every enum symbol in value position is an enum of the context. */
export const KnownEnumsRule: CheckRule = ({ analysis, report }) => {
  const schema = analysis.options.schema;
  for (const [node, value] of analysis.enums) {
    if (value !== undefined) continue;
    const symbols = schema ? [...schema.enums.keys()] : [];
    report(
      diagnostic(
        'unknown-enum',
        'error',
        schema ? `the ${schema.name} context has no enum symbol \`${node.name}\`` : 'enums are not supported without a context',
        node.range,
        { label: 'unknown enum', hint: didYouMeanHint(suggestNames(node.name, symbols)) },
      ),
    );
  }
};
