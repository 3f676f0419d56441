/**
 * What the `routing` connector and the legacy `routing` processor share: their OTTL functions (the
 * standard converters, `delete_key`, `delete_matching_keys` and the no-op `route()` editor), the
 * config-time check that compiles a routing-table entry once and places its OTTL errors in the YAML
 * file, and the test the compiled entry runs as.
 */
import {
  ConditionSequence,
  createEnvironment,
  functionsForContext,
  type ContextName,
  type Diagnostic,
  type Environment,
  type ErrorMode,
  type FunctionDef,
  type StatementProgram,
  type TransformContext,
} from '@ottl/core';
import { reportEmbedded, type EmbeddedText } from '../config/embedded.js';
import type { DecodeContext } from '../config/schema.js';
import type { Logger } from '../logger.js';

/** `route()`: does nothing, so that `route() where <condition>` routes the items the condition holds for. */
export const routeFunction: FunctionDef = {
  name: 'route',
  params: [],
  returns: 'void',
  doc: {
    category: 'editor',
    summary: 'Does nothing; a routing statement `route() where <condition>` routes the items its condition holds for.',
    examples: [],
  },
  create: () => () => null,
};

/** One item's result: `failed` only when errors are not propagated (with `propagate` the test throws). */
export type RouteOutcome = 'matched' | 'missed' | 'failed';

export type RouteTest = (ctx: TransformContext) => RouteOutcome;

/** A routing-table entry's OTTL: a statement (`route() where …`, `delete_key(…) where …`) or a condition. */
export interface RouteText {
  readonly context: ContextName;
  readonly kind: 'statement' | 'condition';
  readonly text: string;
}

const envs = new Map<ContextName, Environment>();

/** An environment with the routing functions for `context` (it reports to no logger). */
function routingEnvironment(context: ContextName): Environment {
  let env = envs.get(context);
  if (!env) envs.set(context, (env = createEnvironment({ functions: [...functionsForContext(context, { processor: 'routing' }), routeFunction] })));
  return env;
}

/** The functions a routing entry may call in `context`, by name (for context inference). */
export function routingFunctionNames(context: ContextName): ReadonlySet<string> {
  return new Set(routingEnvironment(context).functionsFor(context).keys());
}

/** An entry compiled once, when the config was checked; {@link routeTest} binds it to a logger. */
export interface CompiledRoute extends RouteText {
  readonly compiled: StatementProgram | ConditionSequence;
}

/**
 * Compiles an entry at config time, reporting its errors where `written` sits (paths may omit the
 * context prefix: `attributes["x"]` in the resource context). Undefined when it does not compile.
 */
export function checkRoute(ctx: DecodeContext, written: EmbeddedText, route: RouteText): CompiledRoute | undefined {
  const env = routingEnvironment(route.context);
  const options = { context: route.context };
  const placed = (compiled: CompiledRoute['compiled'] | undefined, diagnostics: readonly Diagnostic[]) => {
    reportEmbedded(ctx.issues, written, diagnostics);
    return compiled ? { ...route, compiled } : undefined;
  };
  if (route.kind === 'condition') {
    const { conditions, diagnostics } = env.compileConditions([route.text], options);
    return placed(conditions, diagnostics);
  }
  const { program, diagnostics } = env.compileStatements([route.text], options);
  return placed(program, diagnostics);
}

/** The test of a compiled entry, under `errorMode`, reporting skipped errors to `logger`. */
export function routeTest(route: CompiledRoute, errorMode: ErrorMode, logger: Logger): RouteTest {
  if (route.compiled instanceof ConditionSequence) {
    const conditions = route.compiled.withLogger(logger, errorMode);
    return (ctx) => (conditions.evaluate(ctx) ? 'matched' : 'missed');
  }
  const program = route.compiled.withLogger(logger, errorMode);
  let outcome: RouteOutcome = 'missed';
  const observe = (_i: number, matched: boolean, _changed?: boolean, error?: Error) => {
    outcome = error ? 'failed' : matched ? 'matched' : 'missed';
  };
  return (ctx) => {
    outcome = 'missed';
    program.execute(ctx, observe);
    return outcome;
  };
}
