/**
 * The OTTL language server, independent of its transport: `startServer` wires an LSP connection
 * to @ottl/language-service. main-node.ts (stdio, IPC) and main-browser.ts (web worker) only
 * create the connection. Browser-safe: no Node modules here.
 *
 * Documents are `.ottl` rule files. Their options come from the client's `ottl` settings
 * (`ottl.context`, `ottl.featureGates`), read per document with `workspace/configuration` when
 * the client supports it, else from `initializationOptions` and `workspace/didChangeConfiguration`.
 * Diagnostics are pushed (`textDocument/publishDiagnostics`) after opening a document and, once
 * edits pause for `diagnosticsDelayMs`, after changes; closing a document clears them.
 */
import { isContextName } from '@ottl/core';
import {
  TextDocument,
  formatDocument,
  getCodeActions,
  getCompletions,
  getDiagnostics,
  getHover,
  getSemanticTokens,
  getSignatureHelp,
  SEMANTIC_TOKENS_LEGEND,
  type CompletionOptions,
} from '@ottl/language-service';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type SignatureHelp,
} from 'vscode-languageserver/lib/common/api.js';

/** The `ottl` section of the client's settings, as users write them. */
export interface OttlSettings {
  /** The context of documents that declare none; empty or absent: inferred. */
  readonly context?: string;
  /** Feature gates in force. */
  readonly featureGates?: readonly string[];
}

export interface ServerOptions {
  /** How long edits must pause before diagnostics are recomputed (default 200 ms). */
  readonly diagnosticsDelayMs?: number;
}

/** The characters after which clients should ask for completion. */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = ['.', '[', '(', ',', '"'];

/*
 * The service speaks LSP 3.18 types (vscode-languageserver-types 3.18), vscode-languageserver 9
 * speaks 3.17. The service's values fit 3.17 (diagnostic messages are strings) except a signature
 * help's `activeParameter: null` ("no parameter is active", new in 3.18): 3.17 clients read an
 * index past the last parameter the same way.
 */
function toProtocolSignatureHelp(help: ReturnType<typeof getSignatureHelp>): SignatureHelp | null {
  if (help === null) return null;
  const { activeParameter, ...rest } = help;
  const parameters = help.signatures[help.activeSignature ?? 0]?.parameters?.length ?? 0;
  return { ...(rest as SignatureHelp), activeParameter: activeParameter ?? parameters };
}

/**
 * Registers every handler on `connection` and starts listening. The caller owns the connection;
 * the server never exits the process (the transport's `exit` handling does).
 */
export function startServer(connection: Connection, serverOptions: ServerOptions = {}): void {
  const delay = serverOptions.diagnosticsDelayMs ?? 200;
  const documents = new TextDocuments(TextDocument);
  // One options object per document (completion's `snippets` included), so every request on an
  // unchanged document reuses the service's last analysis of it.
  const optionsByUri = new Map<string, Promise<CompletionOptions>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let pullConfiguration = false;
  let snippets = false;
  let globalSettings: OttlSettings = {};

  function toOptions(settings: OttlSettings | undefined): CompletionOptions {
    const context = settings?.context;
    const featureGates = Array.isArray(settings?.featureGates) ? settings.featureGates.filter((g): g is string => typeof g === 'string') : [];
    if (typeof context === 'string' && context !== '' && !isContextName(context)) {
      connection.window.showWarningMessage(`ottl.context: unknown OTTL context '${context}'; inferring contexts instead`);
    }
    return { featureGates, snippets, ...(typeof context === 'string' && isContextName(context) ? { context } : {}) };
  }

  function optionsFor(uri: string): Promise<CompletionOptions> {
    let options = optionsByUri.get(uri);
    if (options === undefined) {
      options = pullConfiguration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'ottl' }).then(
            (settings: OttlSettings | null) => toOptions(settings ?? {}),
            () => toOptions(globalSettings),
          )
        : Promise.resolve(toOptions(globalSettings));
      optionsByUri.set(uri, options);
    }
    return options;
  }

  async function publishDiagnostics(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (document === undefined) return;
    const options = await optionsFor(uri);
    // A newer version has its own run scheduled; the document may also have been closed.
    if (documents.get(uri) !== document || document.version !== documents.get(uri)?.version) return;
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: getDiagnostics(document, options) as Diagnostic[] });
  }

  function scheduleDiagnostics(uri: string, wait: number): void {
    const pending = timers.get(uri);
    if (pending !== undefined) clearTimeout(pending);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        publishDiagnostics(uri).catch((error: unknown) => connection.console.error(`ottl: diagnostics of ${uri} failed: ${String(error)}`));
      }, wait),
    );
  }

  function revalidateAll(): void {
    optionsByUri.clear();
    for (const document of documents.all()) scheduleDiagnostics(document.uri, 0);
  }

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    pullConfiguration = capabilities.workspace?.configuration === true;
    snippets = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    const init = params.initializationOptions as { ottl?: OttlSettings } | OttlSettings | undefined;
    globalSettings = (init !== undefined && init !== null && 'ottl' in init ? init.ottl : (init as OttlSettings | undefined)) ?? {};
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGER_CHARACTERS] },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] },
        documentFormattingProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'ottl-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration) {
      // Only a notification tells us to re-read the settings; ask for it (no-op for clients
      // that send it anyway).
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'ottl' }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((params) => {
    if (!pullConfiguration) {
      const settings = params.settings as { ottl?: OttlSettings } | null | undefined;
      globalSettings = settings?.ottl ?? {};
    }
    revalidateAll();
  });

  documents.onDidOpen((event) => scheduleDiagnostics(event.document.uri, 0));
  documents.onDidChangeContent((event) => {
    // onDidOpen already scheduled version 1.
    if (timers.has(event.document.uri) || event.document.version > 1) scheduleDiagnostics(event.document.uri, delay);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    const pending = timers.get(uri);
    if (pending !== undefined) clearTimeout(pending);
    timers.delete(uri);
    optionsByUri.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCompletion(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (document === undefined) return null;
    return getCompletions(document, params.position, await optionsFor(document.uri));
  });

  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (document === undefined) return null;
    return getHover(document, params.position, await optionsFor(document.uri));
  });

  connection.onSignatureHelp(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (document === undefined) return null;
    return toProtocolSignatureHelp(getSignatureHelp(document, params.position, await optionsFor(document.uri)));
  });

  connection.onDocumentFormatting(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (document === undefined) return null;
    return formatDocument(document, await optionsFor(document.uri));
  });

  connection.languages.semanticTokens.on(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (document === undefined) return { data: [] };
    return getSemanticTokens(document, await optionsFor(document.uri));
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (document === undefined) return null;
    return getCodeActions(document, params.range, params.context.diagnostics, await optionsFor(document.uri)) as CodeAction[];
  });

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();
}
