/**
 * What the `routing` connector and the legacy `routing` processor share: their OTTL functions (the
 * standard converters, `delete_key`, `delete_matching_keys` and the no-op `route()` editor), the
 * test a routing-table entry compiles to, and the config-time check that places the entry's OTTL
 * errors in the YAML file.
 */
import {
  createEnvironment,
  functionsForContext,
  type ContextName,
  type Diagnostic,
  type Environment,
  type ErrorMode,
  type FunctionDef,
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

/** Environments per context with the routing functions; errors skipped under `ignore` go to `logger`. */
export function routingEnvironments(logger?: Logger): (context: ContextName) => Environment {
  const envs = new Map<ContextName, Environment>();
  return (context) => {
    let env = envs.get(context);
    if (!env) {
      const functions = [...functionsForContext(context, { processor: 'routing' }), routeFunction];
      envs.set(context, (env = createEnvironment({ functions, ...(logger ? { logger: { warn: (m, f) => logger.warn(m, f) } } : {}) })));
    }
    return env;
  };
}

/**
 * Compiles one entry's test. Paths may omit the context prefix (`attributes["x"]` in the resource
 * context). Diagnostics are relative to the text.
 */
export function compileRoute(env: Environment, route: RouteText, errorMode: ErrorMode): { test?: RouteTest; diagnostics: readonly Diagnostic[] } {
  const options = { context: route.context, errorMode };
  if (route.kind === 'condition') {
    const { conditions, diagnostics } = env.compileConditions([route.text], options);
    return conditions ? { test: (ctx) => (conditions.evaluate(ctx) ? 'matched' : 'missed'), diagnostics } : { diagnostics };
  }
  const { program, diagnostics } = env.compileStatements([route.text], options);
  if (!program) return { diagnostics };
  let outcome: RouteOutcome = 'missed';
  const observe = (_i: number, matched: boolean, _changed?: boolean, error?: Error) => {
    outcome = error ? 'failed' : matched ? 'matched' : 'missed';
  };
  const test: RouteTest = (ctx) => {
    outcome = 'missed';
    program.execute(ctx, observe);
    return outcome;
  };
  return { test, diagnostics };
}

const checking = routingEnvironments();

/** The functions a routing entry may call in `context`, by name (for context inference). */
export function routingFunctionNames(context: ContextName): ReadonlySet<string> {
  return new Set(checking(context).functionsFor(context).keys());
}

/** Compiles an entry at config time, reporting its errors where `written` sits; true when it compiles. */
export function checkRoute(ctx: DecodeContext, written: EmbeddedText, route: RouteText): boolean {
  const { test, diagnostics } = compileRoute(checking(route.context), route, 'propagate');
  reportEmbedded(ctx.issues, written, diagnostics);
  return test !== undefined;
}

/** The tests of entries that passed {@link checkRoute}, compiled to run with `logger`. */
export function routeTests(routes: readonly RouteText[], errorMode: ErrorMode, logger: Logger): RouteTest[] {
  const envs = routingEnvironments(logger);
  return routes.map((r) => {
    const { test, diagnostics } = compileRoute(envs(r.context), r, errorMode);
    if (!test) throw new Error(`route failed to compile: ${diagnostics.map((d) => d.message).join('; ')}`);
    return test;
  });
}
