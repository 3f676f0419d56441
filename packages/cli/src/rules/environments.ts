/**
 * One OTTL environment per (component function set, context), created on first use: the
 * transform processor's functions, the filter processor's (converters only), the routing
 * connector's, with the feature gates the user enabled.
 */
import { createEnvironment, functionsForContext, type ContextName, type Environment, type FunctionSetProcessor, type Logger } from '@ottl/core';

export class Environments {
  private readonly cache = new Map<string, Environment>();

  constructor(
    readonly featureGates: readonly string[] = [],
    private readonly logger?: Logger,
  ) {}

  get(functions: FunctionSetProcessor, context: ContextName): Environment {
    // The transform set is per context already inside one environment.
    const key = functions === 'transform' ? 'transform' : `${functions}/${context}`;
    let env = this.cache.get(key);
    if (!env) {
      const gates = new Set(this.featureGates);
      env = createEnvironment({
        featureGates: gates,
        ...(functions === 'transform' ? {} : { functions: functionsForContext(context, { processor: functions, gates }) }),
        ...(this.logger ? { logger: this.logger } : {}),
      });
      this.cache.set(key, env);
    }
    return env;
  }

  /** The names of the functions callable in `context` under `functions`. */
  names(functions: FunctionSetProcessor, context: ContextName): ReadonlySet<string> {
    return new Set(this.get(functions, context).functionsFor(context).keys());
  }
}
