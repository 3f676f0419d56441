import type { FunctionDef, FunctionRef, GetSetter, Getter } from '../../types/signature.js';
import { dynamicRegex } from '../internal/regex.js';
import { REGEX_REPLACEMENT_PARAMS, replaceMatchesWithFunction } from '../internal/replacement.js';

/** `replace_pattern(target, regex, replacement, Optional[function], Optional[replacementFormat])` (ottlfuncs/func_replace_pattern.go). */
export const definition: FunctionDef = {
  name: 'replace_pattern',
  params: [
    { name: 'target', kind: { kind: 'getsetter' }, description: 'the path holding the string' },
    { name: 'regex', kind: { kind: 'getter', type: 'string' }, description: 'an RE2 regular expression' },
    ...REGEX_REPLACEMENT_PARAMS,
  ],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Replaces every match of a regular expression in a string path.',
    description:
      'Go `regexp.ReplaceAllString` semantics with RE2 syntax (linear time). With a `function`, each ' +
      'match\'s expanded replacement is passed to it and its result (formatted by `replacementFormat` ' +
      'when given) replaces that match where it stands. A nil or non-string target is left alone.',
    failures: [
      'the regex is not valid RE2 (when the statement is parsed, for a literal regex)',
      'the replacement is not a string',
      'the function does not return a string, or replacementFormat is not a single-`%s` format',
    ],
    examples: [
      {
        code: 'replace_pattern(attributes["cmd"], "password=[^\\\\s]*", "password=***")',
        before: { cmd: 'login password=hunter2 now' },
        after: { cmd: 'login password=*** now' },
      },
      {
        code: 'replace_pattern(attributes["kv"], "(\\\\w+)=(\\\\w+)", "$2:$1")',
        before: { kv: 'a=1 b=2' },
        after: { kv: '1:a 2:b' },
      },
      {
        code: 'replace_pattern(attributes["k"], "^kube_(?P<rest>.*)", "k8s.${rest}")',
        before: { k: 'kube_pod' },
        after: { k: 'k8s.pod' },
      },
    ],
  },
  create(args) {
    const target = args[0] as GetSetter;
    const regex = dynamicRegex('replace_pattern', args[1] as Getter<string>);
    const replacement = args[2] as Getter<string>;
    const fn = args[3] as FunctionRef | undefined;
    const format = args[4] as Getter<string> | undefined;
    return (ctx) => {
      const original = target.get(ctx);
      if (original === null) return null;
      const template = replacement.get(ctx);
      if (typeof original !== 'string') return null;
      const re = regex.get(ctx);
      if (!re.test(original)) return null;
      const updated =
        fn === undefined
          ? re.replaceAll(original, template)
          : replaceMatchesWithFunction(ctx, re, original, template, fn, format);
      target.set(ctx, updated);
      return null;
    };
  },
};
