/**
 * The `ottl` language for monaco: Monarch tokens whose classes follow the TextMate scopes of
 * grammar/ottl.tmLanguage.json (keywords, constants, numbers, strings, editors, converters, enums,
 * paths, operators, comments), mapped onto monaco's built-in theme token names.
 */
import type * as Monaco from 'monaco-editor/esm/vs/editor/editor.api.js';

export const OTTL_LANGUAGE_ID = 'ottl';

export const ottlMonarch: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenizer: {
    root: [
      [/#.*$/, 'comment'],
      [/^\s*context(?=\s*:)/, 'keyword'],
      [/"/, 'string', '@string'],
      [/\b(?:where|and|or|not)\b/, 'keyword'],
      [/\b(?:true|false|nil)\b/, 'constant'],
      [/\b0x[0-9a-fA-F]+\b/, 'number.hex'],
      [/-?\b\d+(?:\.\d*)?(?:[eE][+-]?\d+)?\b/, 'number'],
      [/\b[a-z][a-z0-9_]*(?=\s*\()/, 'keyword.function'], // editor
      [/\b[A-Z][A-Za-z0-9_]*(?=\s*\()/, 'type.identifier'], // converter
      [/\b[a-z][a-z0-9_]*(?=\s*=[^=])/, 'variable.parameter'], // named argument
      [/\b[A-Z][A-Z0-9_]*\b/, 'constant'], // enum
      [/\b[a-z_][A-Za-z0-9_]*\b/, 'variable'], // path segment
      [/==|!=|<=|>=|=>|[<>=+\-*/]/, 'operator'],
      [/[()[\]{},.:]/, 'delimiter'],
    ],
    string: [
      [/\\(?:[abfnrtv\\"]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-3][0-7]{2})/, 'string.escape'],
      [/\\./, 'string.escape.invalid'],
      [/[^\\"]+$/, 'string', '@pop'],
      [/[^\\"]+/, 'string'],
      [/"/, 'string', '@pop'],
    ],
  },
};

export const ottlConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
  ],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: '{', close: '}' },
    { open: '"', close: '"', notIn: ['string'] },
  ],
};
