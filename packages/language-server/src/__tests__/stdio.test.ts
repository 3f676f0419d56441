/**
 * The server as an editor sees it: bundled from the sources (as the VS Code extension ships it),
 * started as a child process, and driven over stdio by a real JSON-RPC client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const URI = 'file:///rules/redact.ottl';
const TEXT = ['context: log', 'set(attributes["a"], "x") where attributes["b"] = 1', 'set(attributes["c"],   sev'].join('\n');

interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: { range: unknown; code: string; severity: number; message: string }[];
}

let dir: string;
let child: ChildProcess;
let connection: MessageConnection;
const published: PublishDiagnosticsParams[] = [];
const waiters: (() => void)[] = [];

/** Resolves with the first publishDiagnostics for `uri` (at `version`, if given) received so far or later. */
async function diagnosticsFor(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
  for (;;) {
    const hit = published.find((p) => p.uri === uri && (version === undefined || p.version === version));
    if (hit !== undefined) return hit;
    await new Promise<void>((resolve) => waiters.push(resolve));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ottl-ls-'));
  const bundle = await rolldown({
    input: fileURLToPath(new URL('../bin.ts', import.meta.url)),
    platform: 'node',
    logLevel: 'silent',
    resolve: { conditionNames: ['source', 'import', 'default'], extensionAlias: { '.js': ['.ts', '.js'] } },
  });
  await bundle.write({ file: join(dir, 'server.mjs'), format: 'esm' });
  await bundle.close();

  child = spawn(process.execPath, [join(dir, 'server.mjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const wake of waiters.splice(0)) wake();
  });
  connection.listen();
  const result = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    initializationOptions: { ottl: { context: 'span', featureGates: [] } },
  });
  expect(result).toMatchObject({
    capabilities: {
      completionProvider: { triggerCharacters: ['.', '[', '(', ',', '"'] },
      hoverProvider: true,
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      semanticTokensProvider: { full: true },
    },
  });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'ottl', version: 1, text: TEXT } });
}, 60_000);

afterAll(() => {
  connection?.dispose();
  child?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('ottl-language-server over stdio', () => {
  test('publishes diagnostics on open, with the code and range of the mistake', async () => {
    const { diagnostics, version } = await diagnosticsFor(URI, 1);
    expect(version).toBe(1);
    expect(diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range }))).toMatchInlineSnapshot(`
      [
        {
          "code": "assignment-in-condition",
          "range": {
            "end": {
              "character": 49,
              "line": 1,
            },
            "start": {
              "character": 48,
              "line": 1,
            },
          },
          "severity": 1,
        },
        {
          "code": "unclosed-delimiter",
          "range": {
            "end": {
              "character": 26,
              "line": 2,
            },
            "start": {
              "character": 26,
              "line": 2,
            },
          },
          "severity": 1,
        },
      ]
    `);
  });

  test('the diagnostic sent back offers its quick fix', async () => {
    const { diagnostics } = await diagnosticsFor(URI, 1);
    const assignment = diagnostics.filter((d) => d.code === 'assignment-in-condition');
    const actions = (await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 1, character: 48 }, end: { line: 1, character: 48 } },
      context: { diagnostics: assignment },
    })) as { title: string; kind: string; edit: unknown }[];
    expect(actions.map((a) => [a.title, a.kind, a.edit])).toEqual([
      ['Replace `=` with `==`', 'quickfix', { changes: { [URI]: [{ range: { start: { line: 1, character: 48 }, end: { line: 1, character: 49 } }, newText: '==' }] } }],
    ]);
  });

  test('signature help and semantic tokens', async () => {
    const help = (await connection.sendRequest('textDocument/signatureHelp', { textDocument: { uri: URI }, position: { line: 1, character: 21 } })) as { signatures: { label: string }[]; activeParameter: number };
    expect([help.signatures[0]!.label, help.activeParameter]).toEqual(['set(target: path, value: any)', 1]);
    const tokens = (await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: URI } })) as { data: number[] };
    // The first token is `context` (keyword) at 0:0, 7 long.
    expect(tokens.data.slice(0, 3)).toEqual([0, 0, 7]);
  });

  test('completion at a position returns the paths that fit', async () => {
    const list = (await connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 2, character: 26 } })) as { items: { label: string }[] };
    expect(list.items.map((i) => i.label)).toEqual(expect.arrayContaining(['severity_number', 'severity_text']));
  });

  test('hover on an editor shows its signature', async () => {
    const hover = (await connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 1 } })) as { contents: { value: string }; range: unknown };
    expect(hover.contents.value.split('\n').slice(0, 3).join('\n')).toMatchInlineSnapshot(`
      "\`\`\`ottl
      set(target: path, value: any)
      \`\`\`"
    `);
    expect(hover.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
  });

  test('a change is re-checked; formatting returns the canonical layout', async () => {
    const fixed = 'context: log\nset(attributes["c"],   severity_text)\n';
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: fixed }] });
    expect((await diagnosticsFor(URI, 2)).diagnostics).toEqual([]);
    const edits = await connection.sendRequest('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toMatchInlineSnapshot(`
      [
        {
          "newText": "",
          "range": {
            "end": {
              "character": 23,
              "line": 1,
            },
            "start": {
              "character": 21,
              "line": 1,
            },
          },
        },
      ]
    `);
  });

  test('ottl.context from the settings is the context of a file that declares none', async () => {
    const uri = 'file:///rules/spans.ottl';
    const text = 'set(attributes["a"], name) where kind == SPAN_KIND_SERVER\nset(attributes["b"], body)\n';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ottl', version: 1, text } });
    const { diagnostics } = await diagnosticsFor(uri, 1);
    // `body` is a log field, not a span one: only the second statement is wrong.
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([
      ['unknown-path', { start: { line: 1, character: 21 }, end: { line: 1, character: 25 } }],
    ]);
  });

  test('shutdown and exit end the process', async () => {
    await connection.sendRequest('shutdown');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await connection.sendNotification('exit');
    expect(await exited).toBe(0);
  });
});
