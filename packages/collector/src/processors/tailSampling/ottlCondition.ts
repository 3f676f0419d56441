/**
 * `ottl_condition`: samples traces with a span for which one of the `span` conditions holds, or a
 * span event for which one of the `spanevent` conditions holds (the filter processor's functions;
 * paths may be written with or without their context prefix). `error_mode` (default
 * `propagate`): an erroring condition makes the policy fail for that trace (counted as a policy
 * evaluation error); with `ignore` (logged) or `silent` it counts as false. The conditions are
 * compiled once, when the config is checked.
 */
import { createEnvironment, functionsForContext, spanContext, spanEventContext, type ConditionSequence, type ContextName, type Environment } from '@ottl/core';
import { struct, type DecodeContext, type Decoder, type Infer } from '../../config/schema.js';
import { errorModeDecoder, reportByText, resolveGroupContext, textList, type OttlGroup } from '../ottlGroups.js';
import { policyType } from './policy.js';

const fields = struct({ error_mode: errorModeDecoder('propagate'), span: textList, spanevent: textList });

type OttlConditionConfig = Infer<typeof fields> & {
  /** Compiled `span` / `spanevent` conditions (absent when none were given), reporting to no logger. */
  readonly compiled: { readonly span?: ConditionSequence; readonly spanevent?: ConditionSequence };
};

const envs = new Map<ContextName, Environment>();
function envFor(context: ContextName): Environment {
  let env = envs.get(context);
  if (!env) envs.set(context, (env = createEnvironment({ functions: functionsForContext(context, { processor: 'filter' }) })));
  return env;
}

/** Compiles one list, reporting syntax and compile errors at their YAML positions. */
function compile(ctx: DecodeContext, c: Infer<typeof fields>, key: 'span' | 'spanevent'): ConditionSequence | undefined {
  const texts = c[key];
  if (texts.length === 0) return undefined;
  const path = `${ctx.path}.${key}`;
  const g: OttlGroup = { context: key, errorMode: c.error_mode, texts, conditions: [], path, loc: texts[0]!.loc, basic: false };
  const gctx: DecodeContext = { issues: ctx.issues, path, loc: g.loc };
  if (!resolveGroupContext(g, 'condition', [key], (k) => new Set(envFor(k).functionsFor(k).keys()), gctx)) return undefined;
  const r = envFor(key).compileConditions(
    texts.map((t) => t.text),
    { context: key, pathContextNames: false, errorMode: c.error_mode },
  );
  if (!r.conditions) reportByText(gctx, g, r.byText);
  return r.conditions;
}

const config: Decoder<OttlConditionConfig> = {
  describe: fields.describe,
  decode(node, ctx) {
    const c = fields.decode(node, ctx);
    if (c.span.length === 0 && c.spanevent.length === 0) {
      ctx.issues.add('config-error', ctx.path, node?.loc ?? ctx.loc, 'expected at least one OTTL condition to filter on', { hint: 'list conditions under span or spanevent, for example span: [\'attributes["http.status_code"] >= 500\']' });
    }
    const span = compile(ctx, c, 'span');
    const spanevent = compile(ctx, c, 'spanevent');
    return { ...c, compiled: { ...(span ? { span } : {}), ...(spanevent ? { spanevent } : {}) } };
  },
};

export const ottlConditionPolicy = policyType('ottl_condition', config, (c, env) => {
  const spans = c.compiled.span?.withLogger(env.logger, c.error_mode);
  const events = c.compiled.spanevent?.withLogger(env.logger, c.error_mode);
  return {
    evaluate: (trace) => {
      for (const rs of trace.resourceSpans) {
        for (const ss of rs.scopeSpans) {
          for (const span of ss.spans) {
            if (spans?.evaluate(spanContext(rs, ss, span))) return 'sampled';
            if (events && span.events.some((ev, i) => events.evaluate(spanEventContext(rs, ss, span, ev, i)))) return 'sampled';
          }
        }
      }
      return 'not_sampled';
    },
  };
});
