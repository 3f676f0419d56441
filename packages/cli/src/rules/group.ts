/**
 * A group of OTTL texts run together in one context (a `.ottl` file, `-e` statements, a transform
 * group, a filter list, a routing route), compiled the way the Collector does it: syntax first,
 * then the context (given, or inferred from path prefixes), then the checker and function
 * creation. Diagnostics come back placed in the file the texts were written in.
 */
import {
  CONTEXT_NAMES,
  DEFAULT_CONTEXT_PRIORITY,
  collectHints,
  inferContext,
  parse,
  type BoolExprNode,
  type ConditionSequence,
  type ContextName,
  type Diagnostic,
  type ErrorMode,
  type FunctionSetProcessor,
  type StatementNode,
  type StatementProgram,
  type LineIndex,
} from '@ottl/core';
import { placeDiagnostic, type TextOrigin } from '@ottl/collector';
import type { Environments } from './environments.js';

/** One OTTL text and where it was written. */
export interface SourceText {
  readonly text: string;
  readonly origin: TextOrigin;
  /** The YAML path of the text (`processors.transform.log_statements[0]`); absent for `.ottl` files. */
  readonly path?: string;
}

export interface GroupSpec {
  /** `statement`: a statement group (with optional guard `conditions`); `condition`: conditions only. */
  readonly kind: 'statement' | 'condition';
  readonly texts: readonly SourceText[];
  /** Statement groups: conditions guarding the statements (ORed). */
  readonly conditions?: readonly SourceText[];
  /** The context when the config gives it; undefined: inferred from path prefixes. */
  readonly context?: ContextName;
  /** Paths must carry a context prefix; default: true when the context is inferred, false when given. */
  readonly prefixed?: boolean;
  /** The contexts inference may pick. */
  readonly allowed: readonly ContextName[];
  readonly functions: FunctionSetProcessor;
  readonly errorMode?: ErrorMode;
}

/** A diagnostic in the file the user edits; `path` is the YAML path of the text it is about. */
export type PlacedDiagnostic = Diagnostic & { readonly path?: string };

export interface CompiledGroup {
  readonly context?: ContextName;
  readonly prefixed: boolean;
  readonly program?: StatementProgram;
  readonly conditions?: ConditionSequence;
  /** Placed in the file; in source order within each text. */
  readonly diagnostics: PlacedDiagnostic[];
  /** Per text (texts, then conditions): the text's diagnostics (placed). */
  readonly byText: PlacedDiagnostic[][];
}

/** Every context this toolchain implements, for inference where no component restricts them. */
export const ALL_CONTEXTS: readonly ContextName[] = CONTEXT_NAMES;

function hasError(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/**
 * Compiles a group; `program`/`conditions` are present only when no text has an error. Texts
 * with syntax errors are reported and left out, and the others are still inferred and checked.
 */
export function compileGroup(spec: GroupSpec, envs: Environments, file: LineIndex): CompiledGroup {
  const all = [...spec.texts.map((t) => ({ t, kind: spec.kind })), ...(spec.conditions ?? []).map((t) => ({ t, kind: 'condition' as const }))];
  const byText: PlacedDiagnostic[][] = all.map(() => []);
  const place = (i: number, ds: readonly Diagnostic[]) => byText[i]!.push(...ds.map((d) => placeText(d, all[i]!.t, file)));
  const prefixed = spec.prefixed ?? spec.context === undefined;
  const done = (extra: Partial<CompiledGroup> = {}): CompiledGroup => ({ prefixed, ...extra, byText, diagnostics: byText.flat() });

  // Each text is parsed at its own base offset, so a range from inference tells which text it is in.
  const bases: number[] = [];
  const asts: (StatementNode | BoolExprNode)[] = [];
  const good: number[] = [];
  let base = 0;
  all.forEach(({ t, kind }, i) => {
    bases.push(base);
    const r = parse(t.text, kind, { offset: base });
    const local = r.diagnostics.map((d) => shift(d, base));
    if (hasError(local)) place(i, local);
    else {
      good.push(i);
      asts.push(r.ast as StatementNode | BoolExprNode);
    }
    base += t.text.length + 1;
  });
  if (good.length === 0) return done();
  const complete = good.length === all.length;
  const nTexts = spec.texts.length;
  const sub: GroupSpec = {
    ...spec,
    texts: good.filter((i) => i < nTexts).map((i) => all[i]!.t),
    conditions: good.filter((i) => i >= nTexts).map((i) => all[i]!.t),
  };
  /** The sub-group's per-text diagnostics put back in place; the program only if nothing was left out. */
  const merge = (compiled: CompiledGroup, keepContext: boolean): CompiledGroup => {
    compiled.byText.forEach((ds, k) => byText[good[k]!]!.push(...ds));
    const context = keepContext && compiled.context ? { context: compiled.context } : {};
    if (!complete) return done(context);
    return done({ ...context, ...(compiled.program ? { program: compiled.program } : {}), ...(compiled.conditions ? { conditions: compiled.conditions } : {}) });
  };
  // A statement group whose statements all failed to parse has nothing left to run.
  if (spec.kind === 'statement' && sub.texts.length === 0) return done();

  let context = spec.context;
  if (context === undefined) {
    const functionsFor = (c: ContextName) => envs.names(spec.functions, c);
    const inferred = inferContext(asts, { allowed: spec.allowed, priority: DEFAULT_CONTEXT_PRIORITY, functionsFor });
    if (inferred.context) context = inferred.context;
    else {
      // When the paths name a context that lacks a function, compiling there explains it better
      // (an unknown function with a did-you-mean) than the inference error does.
      const best = bestPrefix(asts, spec.allowed);
      if (best) {
        const attempt = compileIn(sub, envs, file, best, prefixed);
        if (hasError(attempt.diagnostics)) return merge(attempt, false);
      }
      for (const d of inferred.diagnostics) {
        let i = bases.length - 1;
        while (i > 0 && bases[i]! > d.range.start.offset) i--;
        place(i, [shift(d, bases[i]!)]);
      }
      return done();
    }
  }
  return merge(compileIn(sub, envs, file, context, prefixed), true);
}

function compileIn(spec: GroupSpec, envs: Environments, file: LineIndex, context: ContextName, prefixed: boolean): CompiledGroup {
  const env = envs.get(spec.functions, context);
  const texts = spec.texts.map((t) => t.text);
  const conditions = (spec.conditions ?? []).map((t) => t.text);
  const sources = [...spec.texts, ...(spec.conditions ?? [])];
  const common = { context, pathContextNames: prefixed, ...(spec.errorMode ? { errorMode: spec.errorMode } : {}) };
  const out =
    spec.kind === 'statement'
      ? env.compileStatements(texts, { ...common, ...(conditions.length > 0 ? { conditions } : {}) })
      : env.compileConditions(texts, common);
  const byText = out.byText.map((ds, i) => ds.map((d) => placeText(d, sources[i]!, file)));
  return {
    context,
    prefixed,
    ...('program' in out && out.program ? { program: out.program } : {}),
    ...('conditions' in out && out.conditions ? { conditions: out.conditions } : {}),
    byText,
    diagnostics: byText.flat(),
  };
}

/** A diagnostic of `t` placed in the file, with the YAML path of the text when it has one. */
function placeText(d: Diagnostic, t: SourceText, file: LineIndex): PlacedDiagnostic {
  const placed = placeDiagnostic(d, t.origin, file);
  return t.path === undefined ? placed : { ...placed, path: t.path };
}

/** The allowed context named by the highest-priority path prefix, if any. */
function bestPrefix(asts: readonly (StatementNode | BoolExprNode)[], allowed: readonly ContextName[]): ContextName | undefined {
  let best: ContextName | undefined;
  const rank = (c: string) => DEFAULT_CONTEXT_PRIORITY.indexOf(c);
  for (const p of collectHints(asts).paths) {
    const c = p.context === 'instrumentation_scope' ? 'scope' : p.context;
    if (c === undefined || !(allowed as readonly string[]).includes(c)) continue;
    if (best === undefined || rank(c) < rank(best)) best = c as ContextName;
  }
  return best;
}

/** The diagnostic with every offset moved by `by` (lines and columns are recomputed when placed). */
function shift(d: Diagnostic, by: number): Diagnostic {
  const r = (range: Diagnostic['range']) => ({
    start: { ...range.start, offset: range.start.offset - by },
    end: { ...range.end, offset: range.end.offset - by },
  });
  return {
    ...d,
    range: r(d.range),
    ...(d.related ? { related: d.related.map((x) => ({ ...x, range: r(x.range) })) } : {}),
    ...(d.fix ? { fix: d.fix.map((f) => ({ ...f, range: r(f.range) })) } : {}),
  };
}
