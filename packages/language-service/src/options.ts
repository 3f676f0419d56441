/**
 * What every entry point of the service takes besides the document: the default context, what
 * the document holds, the feature gates and the function set. Environments are created once per
 * (function set, feature gates) and shared by all calls.
 */
import { createEnvironment, functionsForContext, type ContextName, type Environment, type FunctionDef, type FunctionSetProcessor } from '@ottl/core';

/**
 * What the entries of a document are:
 * - `statements`: a `.ottl` rule file (grammar/rule-files.md);
 * - `conditions`: filter/routing/`where` conditions;
 * - `values`: value expressions;
 * - `mixed`: what a repl reads: an entry that starts with an editor call (`name(`) is a
 *   statement, any other a value expression when it parses as one, else a condition.
 * Except in rule files, entries are one per line, a line that starts with a space or a tab
 * continues the previous one, and `#` starts a comment.
 */
export type DocumentKind = 'statements' | 'conditions' | 'values' | 'mixed';

export interface LanguageServiceOptions {
  /**
   * The context of a document that declares none (`context: log`). Absent: inferred from the
   * path prefixes (`span.name`), as the CLI and the Collector do; paths must then be prefixed.
   */
  readonly context?: ContextName;
  /** Default `statements`. */
  readonly kind?: DocumentKind;
  /** Feature gates in force (`ottl.functions.enableLambda`…). */
  readonly featureGates?: readonly string[];
  /** Whose functions are callable: `transform` (default), `filter`, `routing` or `library`. */
  readonly functions?: FunctionSetProcessor;
  /**
   * True: every path must carry a context prefix. Default: false when the context is declared or
   * given (legacy unprefixed paths mean the context's own), true when it is inferred.
   */
  readonly pathContextNames?: boolean;
}

const environments = new Map<string, Environment>();

/** The shared environment for these options (`context` matters only for non-transform sets). */
export function environmentFor(options: LanguageServiceOptions, context: ContextName = 'log'): Environment {
  const processor = options.functions ?? 'transform';
  const gates = [...new Set(options.featureGates ?? [])].sort();
  // The transform set is per context inside one environment already; the others are fixed lists.
  const key = `${processor === 'transform' ? 'transform' : `${processor}/${context}`}|${gates.join(',')}`;
  let env = environments.get(key);
  if (env === undefined) {
    const featureGates = new Set(gates);
    env = createEnvironment({
      featureGates,
      ...(processor === 'transform' ? {} : { functions: functionsForContext(context, { processor, gates: featureGates }) }),
    });
    environments.set(key, env);
  }
  return env;
}

/**
 * The functions callable in `context` under these options, by name; without a context, those
 * callable everywhere.
 */
export function functionsFor(options: LanguageServiceOptions, context: ContextName | undefined): ReadonlyMap<string, FunctionDef> {
  const env = environmentFor(options, context);
  return context === undefined ? env.functions : env.functionsFor(context);
}
