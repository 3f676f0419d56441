import { isConverterName } from '../analysis.js';
import { diagnostic, type CheckRule } from '../rule.js';

/**
 * A statement's head is an editor (lower-case name); a call in value position is a converter
 * (upper-case name); only converters are indexed.
 */
export const FunctionKindRule: CheckRule = ({ analysis, report }) => {
  const root = analysis.root;
  if (root.kind === 'Statement' && isConverterName(root.editor.name)) {
    report(
      diagnostic(
        'editor-name-case',
        'error',
        `a statement must start with an editor, but \`${root.editor.name}\` is a converter`,
        root.editor.nameRange,
        { label: 'converter', hint: 'editors start with a lower-case letter; use a converter inside an editor call such as `set(target, Converter(...))`' },
      ),
    );
  }
  if (root.kind === 'Statement' && root.editor.keys.length > 0) {
    const first = root.editor.keys[0]!.range;
    const last = root.editor.keys[root.editor.keys.length - 1]!.range;
    report(
      diagnostic('indexed-editor', 'error', `the editor \`${root.editor.name}\` returns nothing and cannot be indexed`, {
        start: first.start,
        end: last.end,
      }, { label: 'keys on an editor', hint: 'only paths and converters may be indexed' }),
    );
  }
  for (const call of analysis.valueCalls) {
    if (isConverterName(call.name)) continue;
    report(
      diagnostic('converter-name-case', 'error', `the editor \`${call.name}\` cannot be used as a value`, call.nameRange, {
        label: 'editor',
        hint: 'values come from converters, whose names start with an upper-case letter',
      }),
    );
  }
};
