/**
 * The language server in a web worker: load this module as the worker's script and talk LSP to
 * it with `postMessage` (monaco-languageclient, vscode-languageclient/browser). Browser-safe.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser.js';
import { startServer, type ServerOptions } from './server.js';

/** The worker's global scope; typed here so this package needs no DOM library. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

export function startBrowserServer(options: ServerOptions = {}): void {
  startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), options);
}

startBrowserServer();
