/**
 * The playground page: a monaco editor for OTTL statements backed by the language-service worker,
 * an OTLP/JSON input editor, and a Run button that executes the statements in the page.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { CONTEXT_NAMES, type ContextName, type ErrorMode } from '@ottl/core';
import { LanguageServiceClient, toLspPosition, toMonacoCompletions, toMonacoRange, toMonacoSeverity } from './lspClient.js';
import { OTTL_LANGUAGE_ID, ottlConfiguration, ottlMonarch } from './ottlLanguage.js';
import { runPlayground, type RunResult } from './run.js';
import { SAMPLES } from './samples.js';
import './style.css';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const sampleSelect = $<HTMLSelectElement>('sample');
const contextSelect = $<HTMLSelectElement>('context');
const errorModeSelect = $<HTMLSelectElement>('error-mode');
const diagnosticsList = $<HTMLUListElement>('diagnostics');
const outputPre = $<HTMLPreElement>('output');
const tracePanel = $<HTMLDivElement>('trace');
const runStatus = $<HTMLDivElement>('run-status');

const service = new LanguageServiceClient(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
const context = (): ContextName => contextSelect.value as ContextName;

monaco.languages.register({ id: OTTL_LANGUAGE_ID, extensions: ['.ottl'] });
monaco.languages.setMonarchTokensProvider(OTTL_LANGUAGE_ID, ottlMonarch);
monaco.languages.setLanguageConfiguration(OTTL_LANGUAGE_ID, ottlConfiguration);
monaco.languages.registerCompletionItemProvider(OTTL_LANGUAGE_ID, {
  triggerCharacters: ['.', '[', '"', '(', ',', ' ', '='],
  async provideCompletionItems(model, position) {
    const list = await service.request('completion', { text: model.getValue(), context: context(), position: toLspPosition(position) });
    const word = model.getWordUntilPosition(position);
    return toMonacoCompletions(monaco, list, new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn));
  },
});
monaco.languages.registerHoverProvider(OTTL_LANGUAGE_ID, {
  async provideHover(model, position) {
    const hover = await service.request('hover', { text: model.getValue(), context: context(), position: toLspPosition(position) });
    if (!hover) return null;
    const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
    return {
      contents: contents.map((c) => ({ value: typeof c === 'string' ? c : c.value })),
      range: hover.range ? toMonacoRange(hover.range) : undefined,
    };
  },
});
monaco.languages.registerDocumentFormattingEditProvider(OTTL_LANGUAGE_ID, {
  async provideDocumentFormattingEdits(model) {
    const edits = await service.request('format', { text: model.getValue(), context: context() });
    return edits.map((e) => ({ range: toMonacoRange(e.range), text: e.newText }));
  },
});

const common: monaco.editor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  theme: 'vs',
};
const statementsEditor = monaco.editor.create($('statements-editor'), {
  ...common,
  language: OTTL_LANGUAGE_ID,
  lineNumbers: 'on',
  wordWrap: 'on',
  fixedOverflowWidgets: true,
});
const inputEditor = monaco.editor.create($('input-editor'), { ...common, language: 'plaintext', tabSize: 2 });

for (const [i, s] of SAMPLES.entries()) sampleSelect.add(new Option(s.label, String(i)));
for (const name of CONTEXT_NAMES) contextSelect.add(new Option(name, name));

function loadSample(index: number): void {
  const sample = SAMPLES[index]!;
  contextSelect.value = sample.context;
  statementsEditor.setValue(sample.statements);
  inputEditor.setValue(sample.input);
  outputPre.textContent = '';
  tracePanel.replaceChildren();
  runStatus.textContent = 'Press Run (Ctrl+Enter) to transform the input.';
}

// Diagnostics: re-checked 200 ms after the last edit; a response for an older text is dropped.
let checkTimer: ReturnType<typeof setTimeout> | undefined;
let checkGeneration = 0;
function scheduleCheck(): void {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(checkNow, 200);
}
async function checkNow(): Promise<void> {
  const generation = ++checkGeneration;
  const model = statementsEditor.getModel()!;
  const diagnostics = await service.request('diagnostics', { text: model.getValue(), context: context() });
  if (generation !== checkGeneration) return;
  monaco.editor.setModelMarkers(
    model,
    'ottl',
    diagnostics.map((d) => ({
      ...toMonacoRange(d.range),
      severity: toMonacoSeverity(monaco, d.severity),
      message: messageText(d.message),
      code: typeof d.code === 'string' ? d.code : undefined,
      source: 'ottl',
    })),
  );
  diagnosticsList.replaceChildren(
    ...diagnostics.map((d) => {
      const li = document.createElement('li');
      const severity = d.severity === 2 ? 'warning' : d.severity === 3 || d.severity === 4 ? 'info' : 'error';
      const at = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const hint = d.relatedInformation?.find((r) => r.message.startsWith('hint: '))?.message;
      li.className = `diagnostic ${severity}`;
      li.dataset.line = String(d.range.start.line + 1);
      li.dataset.column = String(d.range.start.character + 1);
      li.dataset.code = String(d.code ?? '');
      li.textContent = `${severity} ${at} [${d.code}] ${messageText(d.message)}${hint ? ` (${hint})` : ''}`;
      li.onclick = () => {
        statementsEditor.setPosition({ lineNumber: d.range.start.line + 1, column: d.range.start.character + 1 });
        statementsEditor.focus();
      };
      return li;
    }),
  );
  diagnosticsList.dataset.state = diagnostics.length === 0 ? 'clean' : 'problems';
}

function messageText(message: string | { value: string }): string {
  return typeof message === 'string' ? message : message.value;
}

function run(): void {
  const result = runPlayground({
    statements: statementsEditor.getValue(),
    context: context(),
    errorMode: errorModeSelect.value as ErrorMode,
    input: inputEditor.getValue(),
  });
  render(result);
}

function render(result: RunResult): void {
  outputPre.textContent = result.output ?? '';
  runStatus.textContent = result.error
    ? `Run failed: ${result.error}`
    : `Ran ${result.statements.length} statement(s) over ${result.trace.length} ${context()} record(s) of ${result.signal}.`;
  runStatus.className = result.error ? 'failed' : 'ok';
  if (result.diagnostics.length > 0 && result.error) {
    runStatus.textContent += ' ' + result.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`).join('; ');
  }
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const label of ['record', ...result.statements.map((_, i) => `#${i + 1}`)]) {
    const th = document.createElement('th');
    th.textContent = label;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const record of result.trace) {
    const row = body.insertRow();
    const name = row.insertCell();
    name.textContent = record.summary ? `${record.label} · ${record.summary}` : record.label;
    for (let i = 0; i < result.statements.length; i++) {
      const outcome = record.outcomes.find((o) => o.statement === i);
      const cell = row.insertCell();
      cell.className = !outcome ? 'skipped' : outcome.error ? 'error' : outcome.matched ? 'matched' : 'unmatched';
      cell.textContent = !outcome ? '–' : outcome.error ? '✗' : outcome.matched ? '✓' : '·';
      cell.title = `${result.statements[i]}\n${!outcome ? 'not run' : outcome.error ?? (outcome.matched ? 'matched' : 'condition false')}`;
    }
  }
  tracePanel.replaceChildren(table);
}

statementsEditor.onDidChangeModelContent(scheduleCheck);
statementsEditor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, run);
inputEditor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, run);
contextSelect.onchange = scheduleCheck;
sampleSelect.onchange = () => loadSample(Number(sampleSelect.value));
$<HTMLButtonElement>('run').onclick = run;
$<HTMLButtonElement>('format').onclick = () => void statementsEditor.getAction('editor.action.formatDocument')?.run();

loadSample(0);
