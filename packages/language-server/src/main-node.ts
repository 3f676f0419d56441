/**
 * The language server for Node.js. The transport is chosen by the command line as
 * vscode-languageserver does: `--stdio`, `--node-ipc` or `--socket=<port>` (a client started with
 * vscode-languageclient passes one); without any, stdio.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer, type ServerOptions } from './server.js';

export function startNodeServer(options: ServerOptions = {}): void {
  const hasTransportFlag = process.argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket=') || arg.startsWith('--pipe='));
  const connection = hasTransportFlag ? createConnection(ProposedFeatures.all) : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, options);
}
