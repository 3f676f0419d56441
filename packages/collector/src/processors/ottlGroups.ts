/**
 * OTTL text in component configs (transform statements, filter conditions): decoding the basic
 * (flat list) and advanced (groups with `context`, `error_mode`, `conditions`, `statements`)
 * styles, context inference, and checking every text at config time so that a bad statement stops
 * startup with its position in the YAML file.
 */
import {
  DEFAULT_CONTEXT_PRIORITY,
  collectHints,
  inferContext,
  parse,
  type ContextName,
  type Diagnostic,
  type ErrorMode,
  type Range,
} from '@ottl/core';
import type { DecodeContext, Decoder } from '../config/schema.js';
import { list, oneOf, optional, string, struct } from '../config/schema.js';
import { reportEmbedded, type EmbeddedText } from '../config/embedded.js';
import type { Location } from '../config/diagnostics.js';
import type { CfgNode } from '../config/tree.js';

/** One OTTL text with where it was written. */
export type OttlText = EmbeddedText;

/** A group of texts executed together in one context. */
export interface OttlGroup {
  /** Given in the config (legacy: unprefixed paths allowed), or undefined until inferred. */
  readonly context: ContextName | undefined;
  readonly errorMode: ErrorMode | undefined;
  /** Transform groups: statements; filter groups: conditions. */
  readonly texts: readonly OttlText[];
  /** Transform groups only: conditions guarding the statements. */
  readonly conditions: readonly OttlText[];
  readonly path: string;
  readonly loc: Location | undefined;
  /** Written as a flat list of strings (basic style). */
  readonly basic: boolean;
}

export const errorModeDecoder = (dflt: ErrorMode) => oneOf(['propagate', 'ignore', 'silent'] as const, dflt, { caseInsensitive: true });

function textAt(text: string, path: string, node: CfgNode | undefined, loc: Location | undefined): OttlText {
  return { text, path, loc: node?.loc ?? loc, origin: node?.kind === 'scalar' ? node.origin : undefined };
}

/** A list of OTTL strings, each remembering its position. */
export const textList: Decoder<OttlText[]> = {
  describe: 'list of OTTL strings',
  decode(node, ctx) {
    const texts = list(string()).decode(node, ctx);
    const items = node?.kind === 'seq' ? node.items : [];
    return texts.map((text, i) => textAt(text, `${ctx.path}[${i}]`, items[i], ctx.loc));
  },
};

/** One OTTL string remembering its position; undefined when absent or empty. */
export const optionalText: Decoder<OttlText | undefined> = {
  describe: 'OTTL string (optional)',
  decode(node, ctx) {
    const text = string().decode(node, ctx);
    return text === '' ? undefined : textAt(text, ctx.path, node, ctx.loc);
  },
};

/**
 * A list in basic style (strings: one group, context inferred) or advanced style (group objects).
 * `textsKey` names the texts of a group (`statements` or `conditions`); `withConditions` allows
 * a group's guarding `conditions` (transform only).
 */
export function groupsDecoder(allowed: readonly ContextName[], textsKey: 'statements' | 'conditions', withConditions: boolean): Decoder<OttlGroup[]> {
  const groupFields = {
    context: optional(string()),
    error_mode: optional(errorModeDecoder('propagate')),
    [textsKey]: textList,
    ...(withConditions ? { conditions: textList } : {}),
  };
  const group = struct(groupFields as Record<string, Decoder<unknown>>);
  return {
    describe: `list of OTTL ${textsKey} (basic) or of groups { context, error_mode, ${withConditions ? 'conditions, ' : ''}${textsKey} } (advanced)`,
    decode(node, ctx) {
      if (!node || (node.kind === 'scalar' && node.value === null)) return [];
      if (node.kind !== 'seq') {
        ctx.issues.add('config-error', ctx.path, node.loc ?? ctx.loc, `expected a list of ${textsKey} or of groups`);
        return [];
      }
      const kinds = new Set(node.items.map((n) => n.kind));
      if (kinds.has('map') && kinds.has('scalar')) {
        ctx.issues.add('config-error', ctx.path, node.loc ?? ctx.loc, 'configuring multiple configuration styles is not supported, please use only Basic configuration or only Advanced configuration');
        return [];
      }
      if (!kinds.has('map')) {
        const texts = textList.decode(node, ctx);
        return texts.length === 0 ? [] : [{ context: undefined, errorMode: undefined, texts, conditions: [], path: ctx.path, loc: node.loc ?? ctx.loc, basic: true }];
      }
      // A group with an unknown context is reported here and left out.
      return node.items.flatMap((item, i) => {
        const gctx: DecodeContext = { issues: ctx.issues, path: `${ctx.path}[${i}]`, loc: item.loc ?? ctx.loc };
        const g = group.decode(item, gctx) as { context?: string; error_mode?: ErrorMode; conditions?: OttlText[] } & Record<string, unknown>;
        let context: ContextName | undefined;
        if (g.context !== undefined) {
          const c = g.context.toLowerCase() === 'instrumentation_scope' ? 'scope' : g.context.toLowerCase();
          if ((allowed as readonly string[]).includes(c)) context = c as ContextName;
          else {
            const ctxNode = item.kind === 'map' ? item.entries.get('context')?.node : undefined;
            gctx.issues.add('config-error', `${gctx.path}.context`, ctxNode?.loc ?? gctx.loc, `unknown context ${g.context}`, { hint: `valid contexts here: ${allowed.join(', ')}` });
            return [];
          }
        }
        const texts = (g[textsKey] as OttlText[] | undefined) ?? [];
        if (texts.length === 0) gctx.issues.add('config-error', `${gctx.path}.${textsKey}`, gctx.loc, `${textsKey} is required and must not be empty`);
        return [{ context, errorMode: g.error_mode, texts, conditions: g.conditions ?? [], path: gctx.path, loc: gctx.loc, basic: false }];
      });
    },
  };
}

/** Where text `i` of a batch parsed with offsets sits: each text starts after the previous one plus a gap. */
function bases(texts: readonly OttlText[]): number[] {
  const out: number[] = [];
  let b = 0;
  for (const t of texts) {
    out.push(b);
    b += t.text.length + 1;
  }
  return out;
}

function shift(range: Range, by: number): Range {
  return {
    start: { ...range.start, offset: range.start.offset - by },
    end: { ...range.end, offset: range.end.offset - by },
  };
}

/**
 * Parses every text of a group, reports syntax errors at their YAML positions, and infers the
 * group's context when the config did not give one. Returns the context, or undefined after
 * reporting why there is none.
 */
export function resolveGroupContext(
  g: OttlGroup,
  kind: 'statement' | 'condition',
  allowed: readonly ContextName[],
  functionsFor: (c: ContextName) => ReadonlySet<string>,
  ctx: DecodeContext,
  /** Compiles the group in `context` and reports its errors; true when it had errors. */
  explain?: (context: ContextName) => boolean,
): ContextName | undefined {
  const all = [...g.texts.map((t) => ({ t, kind })), ...g.conditions.map((t) => ({ t, kind: 'condition' as const }))];
  const texts = all.map((x) => x.t);
  const base = bases(texts);
  const asts: NonNullable<ReturnType<typeof parse>['ast']>[] = [];
  let syntaxErrors = false;
  all.forEach(({ t, kind: k }, i) => {
    const r = parse(t.text, k, { offset: base[i]! });
    const errs = r.diagnostics.map((d) => ({ ...d, range: shift(d.range, base[i]!) }));
    if (errs.some((d) => d.severity === 'error')) syntaxErrors = true;
    reportEmbedded(ctx.issues, t, errs);
    if (r.ast) asts.push(r.ast);
  });
  if (syntaxErrors) return undefined;
  if (g.context) return g.context;
  const inferred = inferContext(asts, { allowed, priority: DEFAULT_CONTEXT_PRIORITY, functionsFor });
  if (inferred.context) return inferred.context;
  // When the best path prefix names an allowed context that lacks a function, compiling in that
  // context explains it better (an unknown function with a did-you-mean) than the inference error.
  const best = bestPrefix(asts, allowed);
  if (best && explain?.(best)) return undefined;
  for (const d of inferred.diagnostics) reportAt(ctx, texts, base, d);
  return undefined;
}

/** The allowed context named by the highest-priority path prefix, if any. */
function bestPrefix(asts: Parameters<typeof collectHints>[0], allowed: readonly ContextName[]): ContextName | undefined {
  let best: ContextName | undefined;
  for (const p of collectHints(asts).paths) {
    const c = p.context === 'instrumentation_scope' ? 'scope' : p.context;
    if (c === undefined || !(allowed as readonly string[]).includes(c)) continue;
    if (best === undefined || DEFAULT_CONTEXT_PRIORITY.indexOf(c) < DEFAULT_CONTEXT_PRIORITY.indexOf(best)) best = c as ContextName;
  }
  return best;
}

/** Reports a diagnostic whose range points into the batch of `texts` parsed at offsets `base`. */
function reportAt(ctx: DecodeContext, texts: readonly OttlText[], base: readonly number[], d: Diagnostic): void {
  let i = base.length - 1;
  while (i > 0 && base[i]! > d.range.start.offset) i--;
  const t = texts[i];
  if (!t) return void ctx.issues.push({ ...d, path: ctx.path, message: `${ctx.path}: ${d.message}` });
  reportEmbedded(ctx.issues, t, [{ ...d, range: shift(d.range, base[i]!) }]);
}

/** Reports compile diagnostics returned per text (`byText`, in the order statements then conditions). */
export function reportByText(ctx: DecodeContext, g: OttlGroup, byText: readonly Diagnostic[][]): void {
  const texts = [...g.texts, ...g.conditions];
  byText.forEach((ds, i) => {
    const t = texts[i];
    if (t) reportEmbedded(ctx.issues, t, ds);
  });
}

