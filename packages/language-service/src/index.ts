// Public API of @ottl/language-service: pure functions of (document, position) returning LSP
// types. Browser-safe: imports only @ottl/core, vscode-languageserver-types and -textdocument.
export type { DocumentKind, LanguageServiceOptions } from './options.js';
export { getDiagnostics, documentDiagnostics, toLspDiagnostic, DIAGNOSTIC_SOURCE, type OttlDiagnosticData } from './diagnostics.js';
export { getCompletions, complete, type CompletionOptions, type CompletionResult } from './completion.js';
export { getHover } from './hover.js';
export { getSignatureHelp } from './signatureHelp.js';
export { formatDocument } from './formatting.js';
export { getSemanticTokens, SEMANTIC_TOKENS_LEGEND, OTTL_SEMANTIC_TOKEN_TYPES, type OttlTokenClass } from './semanticTokens.js';
export { getCodeActions, didYouMeanSuggestions } from './codeActions.js';
export { TextDocument } from 'vscode-languageserver-textdocument';
