/** The language-service worker: answers {@link WorkerRequest}s with @ottl/language-service. */
import { TextDocument, formatDocument, getCompletions, getDiagnostics, getHover, type LanguageServiceOptions } from '@ottl/language-service';
import type { ContextName } from '@ottl/core';
import type { WorkerRequest, WorkerResponse, WorkerResults } from './protocol.js';

const URI = 'inmemory://playground/statements.ottl';
let version = 0;
// One options object per context, so requests on unchanged text reuse the service's last analysis.
const optionsByContext = new Map<ContextName, LanguageServiceOptions>();

function answer(request: WorkerRequest): WorkerResults[WorkerRequest['method']] {
  const doc = TextDocument.create(URI, 'ottl', ++version, request.text);
  let options = optionsByContext.get(request.context);
  if (options === undefined) optionsByContext.set(request.context, (options = { context: request.context }));
  switch (request.method) {
    case 'diagnostics':
      return getDiagnostics(doc, options);
    case 'completion':
      return getCompletions(doc, request.position, options);
    case 'hover':
      return getHover(doc, request.position, options);
    case 'format':
      return formatDocument(doc, options);
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let response: WorkerResponse;
  try {
    response = { id: request.id, result: answer(request) };
  } catch (e) {
    response = { id: request.id, error: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(response);
};
