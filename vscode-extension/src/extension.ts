/**
 * The OTTL extension: starts the bundled language server (`server/main-node.js`, built from
 * @ottl/language-server) over Node IPC for `ottl` documents. Highlighting comes from the
 * TextMate grammar and the server's semantic tokens; settings `ottl.context` and
 * `ottl.featureGates` are read by the server through `workspace/configuration`.
 */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'main-node.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = { documentSelector: [{ language: 'ottl' }] };
  client = new LanguageClient('ottl', 'OTTL Language Server', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
