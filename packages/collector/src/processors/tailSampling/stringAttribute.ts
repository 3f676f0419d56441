/**
 * `string_attribute`: samples traces with a resource or span attribute `key` equal to one of
 * `values`, or with `enabled_regex_matching`, matched by one of them as RE2 patterns (unanchored,
 * as Go's `MatchString`). Non-string values read as "" and empty span values never match, as
 * upstream. `invert_match` inverts the decision. `cache_max_size` is accepted (upstream's cache
 * of regex results; matches are not cached here).
 */
import { bool, int, list, string, struct, type Decoder, type Infer } from '../../config/schema.js';
import { compileGoRegex, type GoRegex } from '../../internal/regex.js';
import { attributeDecision, policyType, strOf } from './policy.js';

const fields = struct({
  key: string(),
  values: list(string()),
  enabled_regex_matching: bool(false),
  cache_max_size: int(0, { min: 0 }),
  invert_match: bool(false),
});

type StringAttributeConfig = Infer<typeof fields> & { readonly regexes: readonly GoRegex[] };

/** The fields, with `values` compiled when they are patterns (a bad pattern is reported at its item). */
const config: Decoder<StringAttributeConfig> = {
  describe: fields.describe,
  decode(node, ctx) {
    const c = fields.decode(node, ctx);
    const regexes: GoRegex[] = [];
    if (c.enabled_regex_matching) {
      const valuesNode = node?.kind === 'map' ? node.entries.get('values')?.node : undefined;
      c.values.forEach((v, i) => {
        const r = compileGoRegex(v);
        if ('error' in r) {
          const at = valuesNode?.kind === 'seq' ? valuesNode.items[i]?.loc : undefined;
          ctx.issues.add('config-error', `${ctx.path}.values[${i}]`, at ?? node?.loc ?? ctx.loc, `invalid regular expression: ${r.error}`, { label: 'invalid pattern' });
        } else regexes.push(r);
      });
    }
    return { ...c, regexes };
  },
};

export const stringAttributePolicy = policyType('string_attribute', config, (c) => {
  const exact = new Set(c.values.filter((v) => v !== ''));
  const matches = c.enabled_regex_matching ? (s: string) => c.regexes.some((r) => r.test(s)) : (s: string) => exact.has(s);
  return {
    evaluate: (trace) =>
      attributeDecision(
        trace,
        c.key,
        c.invert_match,
        (v) => matches(strOf(v)),
        (v) => strOf(v) !== '' && matches(strOf(v)),
      ),
  };
});
