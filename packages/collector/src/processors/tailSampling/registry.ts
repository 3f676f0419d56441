/**
 * The tail_sampling policy types, and the decoder of a policy list: each entry has a `name`, a
 * `type` and the settings block named after its type (`latency: { threshold_ms: 100 }`). The
 * top level offers every type; `composite` sub-policies the basic types and `and`; `and` / `drop`
 * sub-policies the basic types.
 */
import { didYouMean } from '../../config/diagnostics.js';
import { joinPath } from '../../config/tree.js';
import { list, optional, string, struct, type DecodeContext, type Decoder, type Fields } from '../../config/schema.js';
import { alwaysSamplePolicy } from './alwaysSample.js';
import { andPolicy } from './and.js';
import { booleanAttributePolicy } from './booleanAttribute.js';
import { compositePolicy } from './composite.js';
import { dropPolicy } from './drop.js';
import { latencyPolicy } from './latency.js';
import { numericAttributePolicy } from './numericAttribute.js';
import { ottlConditionPolicy } from './ottlCondition.js';
import type { PolicyConfig, PolicyType } from './policy.js';
import { probabilisticPolicy } from './probabilistic.js';
import { rateLimitingPolicy } from './rateLimiting.js';
import { spanCountPolicy } from './spanCount.js';
import { statusCodePolicy } from './statusCode.js';
import { stringAttributePolicy } from './stringAttribute.js';
import { traceStatePolicy } from './traceState.js';

/** Upstream policy types this build does not have (named as such in the error). */
const UNSUPPORTED = ['bytes_limiting', 'trace_flags'];

/**
 * A list of policies of `types`. Problems are reported at their YAML position: a missing or
 * unknown `type`, a missing settings block, and (`namesRequired`) an empty or repeated `name`.
 * Settings blocks of other types are accepted with a warning, as upstream ignores them.
 */
export function policyList(types: readonly PolicyType[], opts: { namesRequired: boolean }): Decoder<PolicyConfig[]> {
  const byType = new Map(types.map((t) => [t.type, t]));
  const fields: Fields = { name: string(), type: string() };
  for (const t of types) if (t.config) fields[t.type] = optional(t.config);
  const entry = struct(fields);
  const valid = [...byType.keys()];
  return {
    describe: `list of policies (${valid.join(', ')})`,
    decode(node, ctx) {
      if (node?.kind !== 'seq') {
        list(entry).decode(node, ctx); // reports anything but a list
        return [];
      }
      const names = new Set<string>();
      return node.items.flatMap((item, i) => {
        const ictx: DecodeContext = { issues: ctx.issues, path: `${ctx.path}[${i}]`, loc: item.loc ?? ctx.loc };
        const v = entry.decode(item, ictx) as Record<string, unknown> & { name: string; type: string };
        const at = (key: string) => (item.kind === 'map' ? item.entries.get(key) : undefined);
        const issue = (key: string, message: string, hint?: string) =>
          ctx.issues.add('config-error', joinPath(ictx.path, key), at(key)?.node.loc ?? ictx.loc, message, hint ? { hint } : {});
        if (opts.namesRequired && v.name === '') issue('name', 'policy name cannot be empty', 'give every policy a unique name; it labels the policy in metrics');
        else if (opts.namesRequired && names.has(v.name)) issue('name', `duplicate policy name "${v.name}"`);
        names.add(v.name);
        const t = byType.get(v.type);
        if (!t) {
          const hint = `valid policy types here: ${valid.join(', ')}`;
          if (v.type === '') issue('type', 'missing required field "type"', hint);
          else if (UNSUPPORTED.includes(v.type)) issue('type', `policy type ${v.type} is not supported by this build`, hint);
          else issue('type', `unknown policy type "${v.type}"`, didYouMean(v.type, valid) ?? hint);
          return [];
        }
        if (t.config && v[t.type] === undefined) issue(t.type, `policy type ${t.type} needs its settings under "${t.type}"`, `add a ${t.type}: { … } block to this policy`);
        for (const other of valid) {
          if (other !== t.type && v[other] !== undefined) {
            ctx.issues.add('config-error', joinPath(ictx.path, other), at(other)?.keyLoc ?? ictx.loc, `ignored: this policy's type is ${t.type}`, { severity: 'warning' });
          }
        }
        const settings = v[t.type];
        return [{ name: v.name, type: t.type, create: (env) => t.create(settings, env) } satisfies PolicyConfig];
      });
    },
  };
}

const BASIC: readonly PolicyType[] = [
  alwaysSamplePolicy,
  latencyPolicy,
  numericAttributePolicy,
  probabilisticPolicy,
  statusCodePolicy,
  stringAttributePolicy,
  rateLimitingPolicy,
  spanCountPolicy,
  traceStatePolicy,
  booleanAttributePolicy,
  ottlConditionPolicy,
];

const basicList = policyList(BASIC, { namesRequired: false });
const and = andPolicy(basicList);

/** The top-level `policies` list of the tail_sampling processor. */
export const policiesDecoder = policyList([...BASIC, and, dropPolicy(basicList), compositePolicy(policyList([...BASIC, and], { namesRequired: false }))], { namesRequired: true });
