// The editor core with every editor contribution (suggest, hover, find…) and no bundled languages;
// it exports the same API as editor.api.
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor/esm/vs/editor/editor.api.js';
}
