/**
 * The function registry: every editor and converter definition, and the sets each consumer gets.
 *
 * - `standardFunctions()` is upstream's `ottlfuncs.StandardFuncs`: every editor and converter that
 *   works in every context and needs no feature gate (plus the gated ones whose gate is given).
 * - `standardConverters()` is `StandardConverters`: the converters of that set.
 * - `functionsForContext(ctx, options)` is what a processor registers for one context: the
 *   standard set plus the functions restricted to contexts that include `ctx` (see `processor`).
 * - `getFunctionDef(name)` finds any definition, whatever set it belongs to.
 * - `allDefinitions()` is every definition; the catalogues under `catalog/` are joined only here.
 *
 * Every call returns a fresh array; callers may sort or filter it.
 */
import type { ContextName, FunctionDef } from '../types/signature.js';
import { FUNCTIONS as STRING_FUNCTIONS } from './catalog/strings.js';
import { FUNCTIONS as CORE_FUNCTIONS } from './catalog/core.js';
import { FUNCTIONS as TIME_XML_CONTEXT_FUNCTIONS } from './catalog/time_xml_context.js';

/** Which component registers the functions (upstream differs per component). */
export type FunctionSetProcessor = 'transform' | 'filter' | 'routing' | 'library';

export interface FunctionSetOptions {
  /** Feature gates in force; a definition with a `gate` is included only when its gate is here. */
  readonly gates?: ReadonlySet<string>;
  /**
   * - `transform` (default): standard editors and converters, plus every context-specific
   *   function for `ctx` (metric/datapoint editors, log parsers, `IsRootSpan` for spans…).
   * - `filter`: standard converters only, plus `IsRootSpan` for spans and the filter processor's
   *   own `HasAttrKeyOnDatapoint`/`HasAttrOnDatapoint` for metrics.
   * - `routing`: standard converters plus the editors `delete_key` and `delete_matching_keys`.
   * - `library`: the standard set only, as `pkg/ottl` users get it by default.
   */
  readonly processor?: FunctionSetProcessor;
}

/** Registered by span consumers (transform and filter) although it lives in ottlfuncs. */
const SPAN_ONLY = new Set(['IsRootSpan']);
/** The filter processor's own converters; no other component registers them. */
const FILTER_ONLY = new Set(['HasAttrKeyOnDatapoint', 'HasAttrOnDatapoint']);
/** The editors the routing connector adds to the standard converters. */
const ROUTING_EDITORS = new Set(['delete_key', 'delete_matching_keys']);

/** Every definition, whatever set registers it (standard, gated, context-specific), in catalogue order. */
export function allDefinitions(): FunctionDef[] {
  return [...STRING_FUNCTIONS, ...CORE_FUNCTIONS, ...TIME_XML_CONTEXT_FUNCTIONS];
}

function isConverter(def: FunctionDef): boolean {
  const first = def.name.charAt(0);
  return first >= 'A' && first <= 'Z';
}

function gateAllows(def: FunctionDef, gates: ReadonlySet<string> | undefined): boolean {
  return def.gate === undefined || (gates?.has(def.gate) ?? false);
}

function isStandard(def: FunctionDef): boolean {
  return def.contexts === undefined && !SPAN_ONLY.has(def.name) && !FILTER_ONLY.has(def.name);
}

/** Upstream `StandardFuncs`: editors and converters usable in every context. */
export function standardFunctions(gates?: ReadonlySet<string>): FunctionDef[] {
  return allDefinitions().filter((def) => isStandard(def) && gateAllows(def, gates));
}

/** Upstream `StandardConverters`: the converters of {@link standardFunctions}. */
export function standardConverters(gates?: ReadonlySet<string>): FunctionDef[] {
  return standardFunctions(gates).filter(isConverter);
}

function appliesTo(def: FunctionDef, ctx: ContextName): boolean {
  if (SPAN_ONLY.has(def.name)) return ctx === 'span';
  return def.contexts !== undefined && def.contexts.includes(ctx);
}

/** The functions a component registers for one context (see {@link FunctionSetOptions}). */
export function functionsForContext(ctx: ContextName, options: FunctionSetOptions = {}): FunctionDef[] {
  const { gates, processor = 'transform' } = options;
  const all = allDefinitions().filter((def) => gateAllows(def, gates));
  switch (processor) {
    case 'library':
      return all.filter(isStandard);
    case 'routing':
      return all.filter((def) => (isStandard(def) && isConverter(def)) || ROUTING_EDITORS.has(def.name));
    case 'filter':
      return all.filter(
        (def) =>
          (isStandard(def) && isConverter(def)) ||
          (SPAN_ONLY.has(def.name) && ctx === 'span') ||
          (FILTER_ONLY.has(def.name) && appliesTo(def, ctx)),
      );
    case 'transform':
      return all.filter((def) => isStandard(def) || (!FILTER_ONLY.has(def.name) && appliesTo(def, ctx)));
  }
}

/** Any definition by its exact (case-sensitive) name, whatever set registers it. */
export function getFunctionDef(name: string): FunctionDef | undefined {
  return allDefinitions().find((def) => def.name === name);
}
