/**
 * The embeddable OTTL engine (docs/design/engine.md): an environment holds the functions and
 * feature gates; it parses, checks and compiles statements, conditions and value expressions for
 * a context, returning diagnostics before anything runs. Never throws on user input.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AnalyzedRoot, CheckKind } from '../check/analysis.js';
import { LAMBDA_GATE } from '../check/analysis.js';
import { checkAst, sortDiagnostics, type CheckResult } from '../check/check.js';
import { Compiler } from '../compile/compiler.js';
import { inferContext as inferFromAsts } from '../contexts/inference.js';
import { CONTEXT_NAMES, getContextSchema } from '../contexts/registry.js';
import type { ContextSchema } from '../contexts/types.js';
import { ALLOW_NIL_GATE } from '../functions/editors/set.js';
import { functionsForContext, standardFunctions } from '../functions/registry.js';
import { Interpreter } from '../interpret/interpreter.js';
import { FunctionCreateError, type BoolEvaluator, type Evaluator } from '../interpret/runtime.js';
import type { BoolExprNode, StatementNode, ValueNode } from '../language/ast.js';
import { parseCondition, parseStatement, parseValueExpression } from '../language/parse.js';
import type { ContextName, CreateEnv, FunctionDef, TransformContext } from '../types/signature.js';
import { OttlCreateError } from '../types/values.js';
import {
  ConditionSequence,
  NOOP_LOGGER,
  StatementProgram,
  ValueExpression,
  type CompiledCondition,
  type CompiledStatement,
  type ConditionLogic,
  type ErrorMode,
  type Logger,
} from './program.js';

export { ALLOW_NIL_GATE, LAMBDA_GATE };

export interface EnvironmentOptions {
  /**
   * The functions statements may call. Default: for each context, the transform processor's set
   * for it (the standard editors and converters plus that context's own, e.g. `IsRootSpan` for
   * spans), filtered by the feature gates.
   */
  readonly functions?: readonly FunctionDef[];
  /** Feature gates in force (`ottl.functions.enableLambda`, …). */
  readonly featureGates?: Iterable<string>;
  /**
   * Upstream's `ottl.set.allowNil` gate (stable since v0.158.0, so on by default): `set(x, nil)`
   * hands nil to the target instead of doing nothing. False turns it off even when listed in
   * `featureGates`.
   */
  readonly allowNil?: boolean;
  /** Receives errors skipped under the `ignore` error mode. Default: discards them. */
  readonly logger?: Logger;
}

export type Engine = 'compiled' | 'interpreted';

interface CommonOptions {
  /** The context the text runs in. */
  readonly context: ContextName;
  /** True: every path must start with a context name (`log.body`); false (default): legacy paths. */
  readonly pathContextNames?: boolean;
  /** Default `compiled`; `interpreted` runs the reference evaluator. */
  readonly engine?: Engine;
}

export interface CompileStatementsOptions extends CommonOptions {
  /** Default `propagate`. */
  readonly errorMode?: ErrorMode;
  /** Group conditions, ORed, evaluated before the statements (transform processor `conditions:`). */
  readonly conditions?: readonly string[];
}

export interface CompileConditionsOptions extends CommonOptions {
  readonly errorMode?: ErrorMode;
  /** How the conditions combine; default `or`. */
  readonly logic?: ConditionLogic;
}

export type CompileValueOptions = CommonOptions;

export interface CheckOptions {
  readonly kind: CheckKind;
  readonly context: ContextName;
  readonly pathContextNames?: boolean;
}

/** Diagnostics of each text, in input order, plus all of them flattened. */
export interface CompileOutcome {
  readonly diagnostics: Diagnostic[];
  /**
   * `diagnostics` split per input text, ranges relative to that text: the statements (or
   * conditions) in order, then, for `compileStatements`, the group conditions in order.
   */
  readonly byText: Diagnostic[][];
}

export interface Environment {
  /** The functions given at creation, or the standard set when none were. */
  readonly functions: ReadonlyMap<string, FunctionDef>;
  readonly featureGates: ReadonlySet<string>;
  /** The schema (paths, enums, docs) of every context this package implements. */
  readonly contexts: ReadonlyMap<ContextName, ContextSchema>;
  /** The functions callable in `context`. */
  functionsFor(context: ContextName): ReadonlyMap<string, FunctionDef>;
  compileStatements(texts: readonly string[], options: CompileStatementsOptions): CompileOutcome & { program?: StatementProgram };
  compileConditions(texts: readonly string[], options: CompileConditionsOptions): CompileOutcome & { conditions?: ConditionSequence };
  compileValueExpression(text: string, options: CompileValueOptions): { expression?: ValueExpression; diagnostics: Diagnostic[] };
  /** The context statements (or conditions, or value expressions) executed together belong to. */
  inferContext(
    texts: readonly string[],
    options: { kind: CheckKind; allowed: readonly ContextName[]; priority?: readonly string[] },
  ): { context?: ContextName; diagnostics: Diagnostic[] };
  /** Syntax and checker diagnostics of one text, in source order (for editors and the CLI). */
  check(text: string, options: CheckOptions): Diagnostic[];
}

/** What the interpreter and the compiler both provide: closures for a checked AST. */
interface Backend {
  statement(node: StatementNode): (ctx: TransformContext) => boolean;
  bool(node: BoolExprNode): BoolEvaluator;
  value(node: ValueNode): Evaluator;
}

function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

function parse(text: string, kind: CheckKind): { ast?: AnalyzedRoot; diagnostics: Diagnostic[] } {
  switch (kind) {
    case 'statement':
      return parseStatement(text);
    case 'condition':
      return parseCondition(text);
    case 'value':
      return parseValueExpression(text);
  }
}

/** The diagnostic for a function that rejected its arguments when created. */
function createDiagnostic(e: FunctionCreateError): Diagnostic {
  const regex = e.cause instanceof OttlCreateError && e.cause.reason === 'invalid-regex';
  return {
    code: regex ? 'invalid-regex' : 'invalid-argument',
    severity: 'error',
    message: `couldn't create function \`${e.functionName}\`: ${e.message}`,
    range: e.node.range,
    label: regex ? 'invalid regular expression' : 'rejected arguments',
  };
}

export function createEnvironment(options: EnvironmentOptions = {}): Environment {
  const gates = new Set(options.featureGates ?? []);
  if (options.allowNil ?? true) gates.add(ALLOW_NIL_GATE);
  else gates.delete(ALLOW_NIL_GATE);
  const featureGates: ReadonlySet<string> = gates;
  const logger = options.logger ?? NOOP_LOGGER;

  const toMap = (defs: readonly FunctionDef[]): ReadonlyMap<string, FunctionDef> => new Map(defs.map((d) => [d.name, d]));
  const given = options.functions ? toMap(options.functions.filter((d) => !d.gate || featureGates.has(d.gate))) : undefined;
  const perContext = new Map<ContextName, ReadonlyMap<string, FunctionDef>>();
  const functionsFor = (context: ContextName): ReadonlyMap<string, FunctionDef> => {
    if (given) return given;
    let m = perContext.get(context);
    if (!m) {
      m = toMap(functionsForContext(context, { gates: featureGates, processor: 'transform' }));
      perContext.set(context, m);
    }
    return m;
  };
  const contexts = new Map<ContextName, ContextSchema>(CONTEXT_NAMES.map((c) => [c, getContextSchema(c)]));

  /** Parses and checks one text; the result is executable when it has no error. */
  function analyzeText(text: string, kind: CheckKind, context: ContextName, prefixed: boolean): {
    checked?: CheckResult;
    diagnostics: Diagnostic[];
  } {
    const parsed = parse(text, kind);
    // A recovered AST of a text with syntax errors is not checked: its gaps would read as arity
    // and type errors. The syntax errors come first; the checker runs once they are fixed.
    if (!parsed.ast || hasError(parsed.diagnostics)) return { diagnostics: parsed.diagnostics };
    const checked = checkAst(parsed.ast, kind, {
      functions: functionsFor(context),
      schema: getContextSchema(context),
      prefixed,
      featureGates,
    });
    return { checked, diagnostics: sortDiagnostics([...parsed.diagnostics, ...checked.diagnostics]) };
  }

  /**
   * Builds one checked text with the chosen engine; a function that rejects its arguments
   * becomes a diagnostic.
   */
  function build<T>(
    text: string,
    kind: CheckKind,
    options: CommonOptions,
    make: (backend: Backend, root: AnalyzedRoot) => T,
  ): { result?: T; diagnostics: Diagnostic[] } {
    const { checked, diagnostics } = analyzeText(text, kind, options.context, options.pathContextNames ?? false);
    if (!checked || hasError(diagnostics)) return { diagnostics };
    const createEnv: CreateEnv = { context: options.context, featureGates };
    try {
      const analysis = checked.analysis;
      const backend: Backend =
        (options.engine ?? 'compiled') === 'compiled' ? new Compiler(analysis, createEnv) : new Interpreter(analysis, createEnv);
      return { result: make(backend, analysis.root), diagnostics };
    } catch (e) {
      if (e instanceof FunctionCreateError) return { diagnostics: sortDiagnostics([...diagnostics, createDiagnostic(e)]) };
      throw e;
    }
  }

  function buildConditions(texts: readonly string[], options: CompileConditionsOptions): CompileOutcome & { conditions?: ConditionSequence } {
    const byText: Diagnostic[][] = [];
    const compiled: CompiledCondition[] = [];
    for (const text of texts) {
      const { result, diagnostics } = build(text, 'condition', options, (b, root) => b.bool(root as BoolExprNode));
      byText.push(diagnostics);
      if (result) compiled.push({ text, evaluate: result });
    }
    const diagnostics = byText.flat();
    if (compiled.length !== texts.length) return { diagnostics, byText };
    return {
      conditions: new ConditionSequence(options.context, compiled, options.errorMode ?? 'propagate', options.logic ?? 'or', logger),
      diagnostics,
      byText,
    };
  }

  return {
    functions: given ?? toMap(standardFunctions(featureGates)),
    featureGates,
    contexts,
    functionsFor,

    compileStatements(texts, options) {
      const byText: Diagnostic[][] = [];
      const compiled: CompiledStatement[] = [];
      for (const text of texts) {
        const { result, diagnostics } = build(text, 'statement', options, (b, root) => b.statement(root as StatementNode));
        byText.push(diagnostics);
        if (result) compiled.push({ text, run: result });
      }
      let conditions: ConditionSequence | undefined;
      if (options.conditions && options.conditions.length > 0) {
        const c = buildConditions(options.conditions, { ...options, logic: 'or' });
        byText.push(...c.byText);
        conditions = c.conditions;
        if (!conditions) return { diagnostics: byText.flat(), byText };
      }
      const diagnostics = byText.flat();
      if (compiled.length !== texts.length) return { diagnostics, byText };
      const program = new StatementProgram(options.context, compiled, options.errorMode ?? 'propagate', logger, conditions);
      return { program, diagnostics, byText };
    },

    compileConditions: buildConditions,

    compileValueExpression(text, options) {
      const { result, diagnostics } = build(text, 'value', options, (b, root) => b.value(root as ValueNode));
      return result ? { expression: new ValueExpression(options.context, text, result), diagnostics } : { diagnostics };
    },

    inferContext(texts, options) {
      const asts: AnalyzedRoot[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const text of texts) {
        const parsed = parse(text, options.kind);
        diagnostics.push(...parsed.diagnostics);
        if (parsed.ast) asts.push(parsed.ast);
      }
      if (hasError(diagnostics)) return { diagnostics };
      const inferred = inferFromAsts(asts, {
        allowed: options.allowed,
        ...(options.priority ? { priority: options.priority } : {}),
        functionsFor: (c) => new Set(functionsFor(c).keys()),
      });
      return inferred;
    },

    check(text, options) {
      return analyzeText(text, options.kind, options.context, options.pathContextNames ?? false).diagnostics;
    },
  };
}
