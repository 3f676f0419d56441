/**
 * The request/response protocol between the page and the language-service worker. Every request
 * carries the whole document (the worker keeps no state between requests beyond the language
 * service's own one-document cache) and an `id` its response echoes. Positions are LSP positions
 * (0-based line and UTF-16 character).
 */
import type { ContextName } from '@ottl/core';
import type { formatDocument, getCompletions, getDiagnostics, getHover } from '@ottl/language-service';

/** An LSP position, 0-based. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface DocumentParams {
  readonly text: string;
  readonly context: ContextName;
}

export type WorkerRequest =
  | ({ readonly id: number; readonly method: 'diagnostics' } & DocumentParams)
  | ({ readonly id: number; readonly method: 'completion'; readonly position: Position } & DocumentParams)
  | ({ readonly id: number; readonly method: 'hover'; readonly position: Position } & DocumentParams)
  | ({ readonly id: number; readonly method: 'format' } & DocumentParams);

/** The LSP result of each method. */
export interface WorkerResults {
  diagnostics: ReturnType<typeof getDiagnostics>;
  completion: ReturnType<typeof getCompletions>;
  hover: ReturnType<typeof getHover>;
  format: ReturnType<typeof formatDocument>;
}

export type WorkerMethod = keyof WorkerResults;

/** A response: `result` on success, `error` (a message) when the service threw. */
export type WorkerResponse = { readonly id: number; readonly result: unknown } | { readonly id: number; readonly error: string };
