/**
 * The contract between the tail_sampling processor and its policies (upstream's
 * `samplingpolicy.Evaluator`), and the helpers most policies share. One file per policy type sits
 * beside this one; `registry.ts` lists them.
 */
import type { AttrValue, PMap, ResourceSpans, Span, TraceId } from '@ottl/pdata';
import type { Decoder } from '../../config/schema.js';
import type { Logger } from '../../logger.js';

/**
 * A policy's verdict. The inverted decisions come from `invert_match` (deprecated upstream but
 * still the default): `inverted_not_sampled` vetoes the trace, `inverted_sampled` keeps it only
 * when no policy said `not_sampled`. `dropped` (drop policies) wins over everything.
 */
export type Decision = 'sampled' | 'not_sampled' | 'inverted_sampled' | 'inverted_not_sampled' | 'dropped';

/** What a policy sees of one trace: the spans received so far, by resource and scope. */
export interface TraceData {
  readonly traceId: TraceId;
  readonly resourceSpans: readonly ResourceSpans[];
  readonly spanCount: number;
}

/**
 * Decides one trace, synchronously. May throw (an OTTL condition under `error_mode: propagate`):
 * the processor counts the error and the policy takes no part in that trace's decision. Policies
 * with state (rate limits) see traces one at a time, in decision order.
 */
export interface Evaluator {
  evaluate(trace: TraceData): Decision;
}

/** What a policy may use when it is created. */
export interface PolicyEnv {
  readonly logger: Logger;
  /** Milliseconds since the epoch (rate limits count per second). */
  now(): number;
}

/** A policy from the configuration, ready to be instantiated once per processor. */
export interface PolicyConfig {
  readonly name: string;
  readonly type: string;
  create(env: PolicyEnv): Evaluator;
}

/** One policy type: the settings block named after it and how an evaluator is built from it. */
export interface PolicyType<C = unknown> {
  readonly type: string;
  /** Decodes the block under the policy's `<type>:` key; absent for types without settings. */
  readonly config?: Decoder<C>;
  create(config: C, env: PolicyEnv): Evaluator;
}

/** Declares a policy type with its settings block (keeps `C` checked between decoder and create). */
export function policyType<C>(type: string, config: Decoder<C>, create: (config: C, env: PolicyEnv) => Evaluator): PolicyType {
  return { type, config, create: create as PolicyType['create'] };
}

// pdata Value accessors as Go's pcommon has them: a value of another type reads as the zero value.
export const strOf = (v: AttrValue | undefined): string => (typeof v === 'string' ? v : '');
export const intOf = (v: AttrValue | undefined): bigint => (typeof v === 'bigint' ? v : 0n);
export const boolOf = (v: AttrValue | undefined): boolean => v === true;

/** True when `check` holds for some span, in resource → scope → span order (stops at the first). */
export function someSpan(trace: TraceData, check: (span: Span) => boolean): boolean {
  for (const rs of trace.resourceSpans) for (const ss of rs.scopeSpans) for (const span of ss.spans) if (check(span)) return true;
  return false;
}

/** True when `resource` holds for some resource's attributes or `span` for some span. */
export function someResourceOrSpan(trace: TraceData, resource: (attrs: PMap) => boolean, span: (span: Span) => boolean): boolean {
  for (const rs of trace.resourceSpans) {
    if (resource(rs.resource.attributes)) return true;
    for (const ss of rs.scopeSpans) for (const s of ss.spans) if (span(s)) return true;
  }
  return false;
}

export const sampledIf = (hit: boolean): Decision => (hit ? 'sampled' : 'not_sampled');

/**
 * The attribute policies' decision: whether attribute `key` of some resource or span matches
 * (`span` may be stricter than `resource`, as upstream's string filter skips empty span values).
 * With `invert`, a match anywhere is `inverted_not_sampled` and no match `inverted_sampled`.
 */
export function attributeDecision(trace: TraceData, key: string, invert: boolean, resource: (v: AttrValue) => boolean, span: (v: AttrValue) => boolean = resource): Decision {
  const test = (attrs: PMap, match: (v: AttrValue) => boolean) => {
    const v = attrs.get(key);
    return v !== undefined && match(v);
  };
  const hit = someResourceOrSpan(trace, (attrs) => test(attrs, resource), (s) => test(s.attributes, span));
  if (invert) return hit ? 'inverted_not_sampled' : 'inverted_sampled';
  return sampledIf(hit);
}
