/**
 * The extension as shipped: the grammar copy is current, the .vsix holds what VS Code loads, and
 * the bundled server in it answers LSP over stdio. No editor or display is needed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: plain ES module scripts, no declarations
import { EXTENSION_DIR, GRAMMAR_COPY, grammarCopy } from '../../scripts/build.mjs';
// @ts-expect-error: plain ES module scripts, no declarations
import { packageVsix } from '../../scripts/package.mjs';

/** Entry names from a zip's central directory. */
function zipEntryNames(archive: Buffer): string[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    names.push(archive.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra;
  }
  return names;
}

let dir: string;
let stage: string;
let vsix: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ottl-ext-'));
  stage = join(dir, 'stage');
  vsix = join(dir, 'ottl.vsix');
  await packageVsix(vsix, stage);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vscode-extension', () => {
  test('generated/ottl.tmLanguage.json is the current grammar (else: npm run build -w ottl)', () => {
    expect(readFileSync(join(EXTENSION_DIR, GRAMMAR_COPY), 'utf8')).toBe(grammarCopy());
  });

  test('package.json contributes the language, its grammar and the settings', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'package.json'), 'utf8'));
    expect(manifest.contributes.languages).toEqual([
      { id: 'ottl', aliases: ['OTTL', 'ottl'], extensions: ['.ottl'], configuration: './language-configuration.json' },
    ]);
    expect(manifest.contributes.grammars).toEqual([{ language: 'ottl', scopeName: 'source.ottl', path: './generated/ottl.tmLanguage.json' }]);
    expect(Object.keys(manifest.contributes.configuration.properties)).toEqual(['ottl.context', 'ottl.featureGates']);
    expect(JSON.parse(grammarCopy()).scopeName).toBe('source.ottl');
  });

  test('the .vsix holds the manifest, the grammar, the client and the bundled server', () => {
    const names = zipEntryNames(readFileSync(vsix));
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'package.json'), 'utf8'));
    for (const path of [manifest.main, manifest.contributes.grammars[0].path, manifest.contributes.languages[0].configuration]) {
      expect(names).toContain(`extension/${path.replace(/^\.\//, '')}`);
    }
    expect(names).toEqual([
      'extension.vsixmanifest',
      '[Content_Types].xml',
      'extension/README.md',
      'extension/dist/extension.cjs',
      'extension/generated/ottl.tmLanguage.json',
      'extension/language-configuration.json',
      'extension/package.json',
      'extension/server/main-node.js',
    ]);
  });

  test('the client bundle loads vscode from the host and nothing else from outside', () => {
    const client = readFileSync(join(stage, 'dist', 'extension.cjs'), 'utf8');
    const required = new Set([...client.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!.replace(/^node:/, '')));
    expect([...required].filter((id) => !['vscode', 'child_process', 'crypto', 'fs', 'net', 'os', 'path', 'url', 'util'].includes(id))).toEqual([]);
    expect(required.has('vscode')).toBe(true);
  });

  test('the bundled server answers initialize and exits on shutdown/exit', async () => {
    const server = join(stage, 'server', 'main-node.js');
    expect(existsSync(server)).toBe(true);
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as {
        serverInfo: { name: string };
      };
      expect(result.serverInfo.name).toBe('ottl-language-server');
      await connection.sendRequest('shutdown');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      await connection.sendNotification('exit');
      expect(await exited).toBe(0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
