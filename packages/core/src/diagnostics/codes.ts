/**
 * The registry of diagnostic codes. Every diagnostic anywhere in the toolchain uses one of these;
 * add a line here (with its one-line meaning) before using a new code.
 */
export const DIAGNOSTIC_CODES = {
  // lexer / parser
  'invalid-character': 'a character that no OTTL token starts with',
  'invalid-escape': 'an escape sequence Go string literals do not allow',
  'newline-in-string': 'a raw line break inside a string literal',
  'unterminated-string': 'a string literal without its closing quote',
  'invalid-number': 'a numeric literal out of range or malformed',
  'octal-literal': 'an int with a leading 0, which upstream reads as octal (`010` is 8)',
  'invalid-bytes': 'a bytes literal with an odd number of hex digits',
  'unexpected-token': 'a token the grammar does not allow here',
  'unexpected-end': 'the text ended where more was expected',
  'unclosed-delimiter': 'a parenthesis, bracket or brace that is never closed',
  'missing-comma': 'two arguments or items without a comma between them',
  'single-quoted-string': 'a string in single quotes (OTTL strings use double quotes)',
  'assignment-in-condition': '`=` used where a comparison `==` was meant',
  'missing-condition': '`where` without a condition after it',
  'bare-path-condition': 'a path used as a boolean without a comparison',
  'sign-absorbed': '`1-1` lexes as `1` and `-1`: a binary minus before a number needs spaces',
  'editor-name-case': 'a converter (upper-case) name used as the head of a statement',
  'converter-name-case': 'an editor (lower-case) name used where a value is expected',
  'indexed-editor': 'keys after an editor call',
  'comparison-chain': 'comparisons are not associative (`a == b == c`)',
  'lambda-not-allowed': 'a lambda outside a function argument',
  'invalid-context-declaration': 'a malformed `context:` declaration in a rule file',
  // checker
  'unknown-function': 'no editor or converter of that name',
  'unknown-path': 'no such path in the context',
  'unknown-context': 'a path prefix that is not a context name valid here',
  'missing-context': 'a path without a context prefix where one is required',
  'unknown-enum': 'no such enum symbol in the context',
  'wrong-arity': 'too many or too few arguments',
  'missing-argument': 'a required parameter has no argument',
  'unknown-argument': 'a named argument that names no parameter',
  'duplicate-argument': 'the same parameter bound twice',
  'positional-after-named': 'a positional argument after a named one',
  'type-mismatch': 'an argument or operand of the wrong type',
  'literal-required': 'a parameter that takes only a literal got an expression',
  'path-required': 'a parameter that takes a path (setter) got something else',
  'function-required': 'a parameter that takes a function name got something else',
  'invalid-argument': 'a literal argument the function rejects when it is created',
  'invalid-regex': 'a regular expression RE2 rejects',
  'non-boolean-condition': 'a condition that cannot produce a boolean',
  'never-true': 'a comparison that can never be true',
  'read-only-path': 'a write to a path that cannot be set',
  'path-not-in-context': 'a path of a context that is not reachable from the current one',
  'cache-other-context': 'a cache of another context',
  'invalid-key': 'a key that cannot index this value',
  'context-inference': 'statements whose context cannot be inferred',
  'lambda-disabled': 'lambda syntax used while the lambda feature is off',
  // runtime / config
  'runtime-error': 'an error while executing a statement',
  'config-error': 'an invalid component configuration',
  'unknown-component': 'a collector component type that no factory of this build provides',
  'unknown-field': 'a configuration field the component does not have',
  'invalid-yaml': 'a configuration file that is not well-formed YAML',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}
