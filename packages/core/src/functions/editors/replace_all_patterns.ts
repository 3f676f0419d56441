import { PMap } from '@ottl/pdata';
import type { FunctionDef, FunctionRef, GetSetter, Getter } from '../../types/signature.js';
import { OttlCreateError } from '../../types/values.js';
import { dynamicRegex } from '../internal/regex.js';
import { REGEX_REPLACEMENT_PARAMS, replaceMatchesWithFunction } from '../internal/replacement.js';
import { editMap } from '../internal/targets.js';

/**
 * `replace_all_patterns(target, mode, regex, replacement, Optional[function], Optional[replacementFormat])`
 * (ottlfuncs/func_replace_all_patterns.go).
 */
export const definition: FunctionDef = {
  name: 'replace_all_patterns',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the path holding the map' },
    { name: 'mode', kind: { kind: 'literal', type: 'string' }, description: '`value` or `key`' },
    { name: 'regex', kind: { kind: 'getter', type: 'string' }, description: 'an RE2 regular expression' },
    ...REGEX_REPLACEMENT_PARAMS,
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Replaces regex matches in every string value (mode `value`) or every key (mode `key`) of a map.',
    description:
      'Only the top level of the map is visited; non-string values are left alone. In key mode a ' +
      'renamed key keeps its position, and renaming onto an existing key overwrites it. With a ' +
      '`function`, a value (or key) whose function call fails is left unchanged (or, in key mode, ' +
      'dropped), as upstream does.',
    failures: [
      'mode is not `key` or `value` (when the statement is parsed)',
      'the regex is not valid RE2',
      'the target is not a map',
    ],
    examples: [
      {
        code: 'replace_all_patterns(attributes, "value", "\\\\d{4}-\\\\d{4}", "****")',
        before: { card: 'x 1234-5678', n: 1 },
        after: { card: 'x ****', n: 1 },
      },
      {
        code: 'replace_all_patterns(attributes, "key", "^kube_", "k8s.")',
        before: { kube_pod: 'p', other: 'o' },
        after: { 'k8s.pod': 'p', other: 'o' },
      },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const mode = args[1] as string;
    const regex = dynamicRegex('replace_all_patterns', args[2] as Getter<string>);
    if (mode !== 'value' && mode !== 'key') {
      throw new OttlCreateError(`invalid mode ${mode}, must be either 'key' or 'value'`);
    }
    const replacement = args[3] as Getter<string>;
    const fn = args[4] as FunctionRef | undefined;
    const format = args[5] as Getter<string> | undefined;
    return (ctx) => {
      editMap(ctx, target, (m) => {
        const template = replacement.get(ctx);
        const re = regex.get(ctx);
        /** The replaced text, or undefined when the function failed. */
        const replace = (s: string): string | undefined => {
          if (fn === undefined) return re.replaceAll(s, template);
          try {
            return replaceMatchesWithFunction(ctx, re, s, template, fn, format);
          } catch {
            return undefined;
          }
        };
        if (mode === 'value') {
          for (const [key, value] of [...m.entries()]) {
            if (typeof value !== 'string' || !re.test(value)) continue;
            const updated = replace(value);
            if (updated !== undefined) m.set(key, updated);
          }
          return;
        }
        const renamed = new PMap();
        for (const [key, value] of m.entries()) {
          if (!re.test(key)) {
            renamed.set(key, value);
            continue;
          }
          const updated = replace(key);
          if (updated !== undefined) renamed.set(updated, value);
        }
        m.clear();
        for (const [key, value] of renamed.entries()) m.set(key, value);
      });
      return null;
    };
  },
};
