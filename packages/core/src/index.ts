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
