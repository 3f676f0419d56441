// Public API of @ottl/core. Each layer adds its exports here (append lines; do not rewrite the file).
export type * from './diagnostics/diagnostic.js';
export { DIAGNOSTIC_CODES, isDiagnosticCode, type DiagnosticCode } from './diagnostics/codes.js';
export type * from './language/ast.js';
export * from './types/values.js';
export type * from './types/signature.js';
export {
  standardFunctions,
  standardConverters,
  functionsForContext,
  getFunctionDef,
  type FunctionSetOptions,
  type FunctionSetProcessor,
} from './functions/registry.js';
export * from './types/convert.js';
export * from './types/compare.js';
export * from './types/math.js';
export type * from './contexts/types.js';
export { CONTEXT_NAMES, DEFAULT_CONTEXT_PRIORITY, getContextSchema, isContextName } from './contexts/registry.js';
export { inferContext, collectHints, type AstHints, type InferContextOptions, type InferContextResult } from './contexts/inference.js';
export { toPdataValue, fromPdataValue, applyKeysToValue, keyKindOf, type KeyKind } from './contexts/keys.js';
export { forEachLogItem, forEachTraceItem, forEachMetricItem, forEachProfileItem } from './contexts/iterate.js';
export { resourceContext } from './contexts/resource.js';
export { scopeContext } from './contexts/scope.js';
export { logContext } from './contexts/log.js';
export { spanContext } from './contexts/span.js';
export { spanEventContext } from './contexts/spanevent.js';
export { spanLinkContext } from './contexts/spanlink.js';
export { metricContext, dataPointsOf } from './contexts/metric.js';
export { dataPointContext } from './contexts/datapoint.js';
export { exemplarContext } from './contexts/exemplar.js';
export { profileContext } from './contexts/profile.js';
export {
  parse,
  parseStatement,
  parseCondition,
  parseValueExpression,
  tokenize,
  type ParseKind,
  type ParseOptions,
  type ParseResult,
  type OttlToken,
} from './language/parse.js';
export type { SourceOrigin } from './language/positions.js';
export { visit, children, type Visitor } from './language/visitor.js';
export { prependContext, type PrependContextResult } from './language/prependContext.js';
export { syntaxErrorText, parseErrorText } from './language/errorText.js';
export { quote as quoteString, unquote as unquoteString } from './language/goString.js';
export {
  analyze,
  bindArguments,
  mathResultType,
  type Analysis,
  type AnalyzeOptions,
  type AnalyzedRoot,
  type ArgumentRole,
  type BindProblem,
  type CallInfo,
  type CheckKind,
  type LambdaRef,
} from './check/analysis.js';
export { checkAst, sortDiagnostics, type CheckResult } from './check/check.js';
export { specifiedRules } from './check/specifiedRules.js';
export type { CheckRule, RuleContext } from './check/rule.js';
export { toCamel, suggestNames, editDistance as nameEditDistance, didYouMeanHint } from './check/names.js';
export {
  createEnvironment,
  ALLOW_NIL_GATE,
  LAMBDA_GATE,
  type Environment,
  type EnvironmentOptions,
  type Engine,
  type CompileStatementsOptions,
  type CompileConditionsOptions,
  type CompileValueOptions,
  type CompileOutcome,
  type CheckOptions,
} from './engine/environment.js';
export {
  StatementProgram,
  ConditionSequence,
  ValueExpression,
  NOOP_LOGGER,
  type ErrorMode,
  type Logger,
  type StatementObserver,
  type ConditionLogic,
} from './engine/program.js';
export { printStatement, printCondition, printValue, type PrintOptions } from './language/printer.js';
export { allFunctionDefs } from './functions/docs/catalog.js';
export { renderFunctionDocs, functionSignature, paramKindText, FUNCTION_DOCS_HEADER } from './functions/docs/render.js';
export {
  parseRuleFile,
  blankSpans,
  formatRuleFile,
  type RuleFileResult,
  type RuleFileStatement,
  type RuleFileComment,
} from './language/ruleFile.js';
export { renderGrammarDiagrams, GRAMMAR_DIAGRAMS_COMMAND } from './language/diagrams.js';
export { LineIndex } from './diagnostics/lines.js';
export {
  renderDiagnostic,
  renderFileDiagnostics,
  sortBySource,
  countSeverities,
  summaryLine,
  diagnosticJson,
  makeStyle,
  type Style,
  type SourceFile,
  type DiagnosticSource,
  type Counts,
} from './diagnostics/render.js';
