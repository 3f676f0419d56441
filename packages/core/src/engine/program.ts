/**
 * Executable programs built by an {@link Environment}: statement sequences, condition sequences
 * and value expressions, with upstream's error modes (reference §4.9).
 *
 * Contract: a program is immutable and may be executed any number of times, synchronously, on one
 * item at a time. `propagate` throws an {@link OttlError} whose message is upstream's
 * (`failed to execute statement: <text>, <error>`); `ignore` reports the error to the logger and
 * goes on with the next statement (or condition); `silent` goes on without reporting.
 */
import type { Logs, Metrics, Profiles, Traces } from '@ottl/pdata';
import { forEachLogItem, forEachMetricItem, forEachProfileItem, forEachTraceItem } from '../contexts/iterate.js';
import type { BoolEvaluator, Evaluator } from '../interpret/runtime.js';
import type { ContextName, TransformContext } from '../types/signature.js';
import { OttlError, type Value } from '../types/values.js';
import { isPlainObject, toAttrValue } from '../types/convert.js';

export type ErrorMode = 'propagate' | 'ignore' | 'silent';

/** Receives the errors `ignore` mode skips. The library's default logger does nothing. */
export interface Logger {
  warn(message: string, fields: Readonly<Record<string, unknown>>): void;
}

export const NOOP_LOGGER: Logger = { warn() {} };

/**
 * Told about each statement of one execution: its index, whether its where clause held, and the
 * error it raised (when errors are ignored or silent; with `propagate` the error is thrown after
 * the observer saw it). `changed` is not tracked and always undefined.
 */
export type StatementObserver = (statementIndex: number, matched: boolean, changed?: boolean, error?: OttlError) => void;

/** An OttlError for anything a statement threw (non-OTTL errors keep their message). */
export function asOttlError(e: unknown): OttlError {
  if (e instanceof OttlError) return e;
  const err = new OttlError(e instanceof Error ? e.message : String(e));
  (err as { cause?: unknown }).cause = e;
  return err;
}

function wrap(prefix: string, text: string, e: OttlError): OttlError {
  const err = new OttlError(`${prefix}: ${text}, ${e.message}`);
  (err as { cause?: unknown }).cause = e;
  return err;
}

/** One compiled condition with its source text. */
export interface CompiledCondition {
  readonly text: string;
  readonly evaluate: BoolEvaluator;
}

/** One compiled statement with its source text. */
export interface CompiledStatement {
  readonly text: string;
  /** Runs the statement; returns whether its where clause held. */
  readonly run: (ctx: TransformContext) => boolean;
}

export type ConditionLogic = 'or' | 'and';

/** A sequence of conditions combined with `or` (default) or `and` under an error mode. */
export class ConditionSequence {
  constructor(
    readonly context: ContextName,
    readonly conditions: readonly CompiledCondition[],
    readonly errorMode: ErrorMode,
    readonly logic: ConditionLogic,
    private readonly logger: Logger,
  ) {}

  /**
   * `or`: true at the first condition that holds. `and`: false at the first that does not; true
   * when at least one held and none failed to hold. An erroring condition throws under
   * `propagate` (`failed to eval condition: <text>, <error>`) and counts as not holding otherwise;
   * if every condition errored the result is false.
   */
  evaluate(ctx: TransformContext): boolean {
    let anyTrue = false;
    for (const c of this.conditions) {
      let result: boolean;
      try {
        result = c.evaluate(ctx);
      } catch (e) {
        const err = asOttlError(e);
        if (this.errorMode === 'propagate') throw wrap('failed to eval condition', c.text, err);
        if (this.errorMode === 'ignore') this.logger.warn('failed to eval condition', { error: err.message, condition: c.text });
        continue;
      }
      if (this.logic === 'or') {
        if (result) return true;
      } else {
        if (!result) return false;
        anyTrue = true;
      }
    }
    return this.logic === 'and' && anyTrue;
  }

  /** The same compiled conditions under `errorMode`, reporting skipped errors to `logger`; this one is unchanged. */
  withLogger(logger: Logger, errorMode: ErrorMode = this.errorMode): ConditionSequence {
    return new ConditionSequence(this.context, this.conditions, errorMode, this.logic, logger);
  }
}

/** A statement sequence for one context, optionally guarded by group conditions (ORed). */
export class StatementProgram {
  private readonly runs: readonly ((ctx: TransformContext) => boolean)[];

  constructor(
    readonly context: ContextName,
    readonly statements: readonly CompiledStatement[],
    readonly errorMode: ErrorMode,
    private readonly logger: Logger,
    /** The group's conditions; the statements run only when one holds. */
    readonly conditions?: ConditionSequence,
  ) {
    this.runs = statements.map((s) => s.run);
  }

  /**
   * The same compiled statements (and group conditions) under `errorMode`, reporting skipped errors
   * to `logger`; this one is unchanged. Compiling once and binding per user is cheaper than
   * compiling again.
   */
  withLogger(logger: Logger, errorMode: ErrorMode = this.errorMode): StatementProgram {
    return new StatementProgram(this.context, this.statements, errorMode, logger, this.conditions?.withLogger(logger, errorMode));
  }

  /** Runs every statement on one item, in order (see the error-mode contract above). */
  execute(ctx: TransformContext, observer?: StatementObserver): void {
    if (this.conditions !== undefined && !this.conditions.evaluate(ctx)) return;
    const runs = this.runs;
    for (let i = 0; i < runs.length; i++) {
      let matched: boolean;
      try {
        matched = runs[i]!(ctx);
      } catch (e) {
        this.failed(i, e, observer);
        continue;
      }
      if (observer !== undefined) observer(i, matched);
    }
  }

  /** Handles statement `i`'s error per the error mode (kept out of `execute` so it stays small). */
  private failed(i: number, e: unknown, observer: StatementObserver | undefined): void {
    const err = asOttlError(e);
    const text = this.statements[i]!.text;
    observer?.(i, false, undefined, err);
    if (this.errorMode === 'propagate') throw wrap('failed to execute statement', text, err);
    if (this.errorMode === 'ignore') this.logger.warn('failed to execute statement', { error: err.message, statement: text });
  }

  /**
   * Executes on every item of {@link context} in `logs` (resource, scope or log), each with a fresh
   * cache. A context the payload has no items of (e.g. `span` for logs) throws.
   */
  processLogs(logs: Logs): void {
    forEachLogItem(this.context, logs, (ctx) => this.execute(ctx));
  }

  /** Executes on every item of {@link context} in `traces` (resource, scope, span, spanevent…). */
  processTraces(traces: Traces): void {
    forEachTraceItem(this.context, traces, (ctx) => this.execute(ctx));
  }

  /** Executes on every item of {@link context} in `metrics` (resource, scope, metric, datapoint, exemplar). */
  processMetrics(metrics: Metrics): void {
    forEachMetricItem(this.context, metrics, (ctx) => this.execute(ctx));
  }

  /** Executes on every item of {@link context} in `profiles` (resource, scope, profile, profilesample). */
  processProfiles(profiles: Profiles): void {
    forEachProfileItem(this.context, profiles, (ctx) => this.execute(ctx));
  }
}

/** A compiled value expression (reference §4.11): errors are thrown, never handled. */
export class ValueExpression {
  constructor(
    readonly context: ContextName,
    readonly text: string,
    private readonly evaluator: Evaluator,
  ) {}

  /** The value for one item; a plain-object map result is returned as a PMap. */
  evaluate(ctx: TransformContext): Value {
    const v = this.evaluator(ctx);
    return isPlainObject(v) ? (toAttrValue(v) as Value) : v;
  }
}
