/**
 * The page's side of the worker protocol: typed requests to the language-service worker, and the
 * conversions from LSP results to monaco's shapes.
 */
import type * as Monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import type { WorkerMethod, WorkerRequest, WorkerResponse, WorkerResults } from './protocol.js';

type Params<M extends WorkerMethod> = Omit<Extract<WorkerRequest, { method: M }>, 'id' | 'method'>;

/** Sends requests to `worker`; each promise settles with its own response (rejects on a service error). */
export class LanguageServiceClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      const waiter = this.pending.get(response.id);
      if (!waiter) return;
      this.pending.delete(response.id);
      if ('error' in response) waiter.reject(new Error(response.error));
      else waiter.resolve(response.result);
    };
  }

  request<M extends WorkerMethod>(method: M, params: Params<M>): Promise<WorkerResults[M]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...params, id, method });
    });
  }
}

interface LspPosition {
  line: number;
  character: number;
}
interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export function toMonacoRange(range: LspRange): Monaco.IRange {
  return {
    startLineNumber: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLineNumber: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

export function toLspPosition(position: Monaco.Position): LspPosition {
  return { line: position.lineNumber - 1, character: position.column - 1 };
}

/** LSP CompletionItemKind (1-based) → the name of monaco's CompletionItemKind member. */
const KIND_NAMES = [
  'Text', 'Method', 'Function', 'Constructor', 'Field', 'Variable', 'Class', 'Interface', 'Module', 'Property', 'Unit', 'Value', 'Enum',
  'Keyword', 'Snippet', 'Color', 'File', 'Reference', 'Folder', 'EnumMember', 'Constant', 'Struct', 'Event', 'Operator', 'TypeParameter',
] as const;

export function toMonacoCompletions(
  monaco: typeof Monaco,
  list: WorkerResults['completion'],
  fallback: Monaco.IRange,
): Monaco.languages.CompletionList {
  const kinds = monaco.languages.CompletionItemKind;
  return {
    incomplete: list.isIncomplete,
    suggestions: list.items.map((item) => {
      const edit = item.textEdit;
      const range = edit && 'range' in edit ? toMonacoRange(edit.range) : fallback;
      const documentation = item.documentation;
      return {
        label: item.label,
        kind: kinds[KIND_NAMES[(item.kind ?? 1) - 1] ?? 'Text'],
        detail: item.detail,
        documentation: documentation === undefined ? undefined : typeof documentation === 'string' ? documentation : { value: documentation.value },
        insertText: edit?.newText ?? item.insertText ?? item.label,
        insertTextRules: item.insertTextFormat === 2 ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
        sortText: item.sortText,
        filterText: item.filterText,
        range,
        command: item.command ? { id: item.command.command, title: item.command.title } : undefined,
      };
    }),
  };
}

export function toMonacoSeverity(monaco: typeof Monaco, severity: number | undefined): Monaco.MarkerSeverity {
  return severity === 2 ? monaco.MarkerSeverity.Warning : severity === 3 ? monaco.MarkerSeverity.Info : severity === 4 ? monaco.MarkerSeverity.Hint : monaco.MarkerSeverity.Error;
}
