/**
 * The playground as shipped: built once with Vite's `build()` into a temp dir, then
 * 1. browser safety: nothing in the page or worker bundles is, imports or stubs a Node built-in;
 * 2. a real browser (Debian's chromium through playwright-core) edits statements in monaco, runs
 *    them, and sees the output and the worker's diagnostics.
 * One build serves both, so the suite pays for it once.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const BUILTINS = new Set(builtinModules);

const isBuiltin = (id: string): boolean => id.startsWith('node:') || BUILTINS.has(id) || BUILTINS.has(id.split('/')[0]!);

/** Records every Node built-in some module asks for, before Vite swaps it for its browser stub. */
function reportBuiltins(found: string[]): Plugin {
  return {
    name: 'report-node-builtins',
    enforce: 'pre',
    resolveId(id, importer) {
      if (isBuiltin(id)) found.push(`${id} (imported by ${importer})`);
      return null;
    },
  };
}

let outDir: string;
const builtinImports: string[] = [];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'ottl-playground-'));
  await build({
    root: ROOT,
    logLevel: 'silent',
    plugins: [reportBuiltins(builtinImports)],
    worker: { format: 'es', plugins: () => [reportBuiltins(builtinImports)] },
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/**
 * Imports of Node built-ins (or Vite's stub for them) left in a built script. A method call
 * `x.require("util")` is not one: lodash probes `module.require` that way, guarded, and browsers
 * have no `module`.
 */
function nodeReferences(code: string): string[] {
  const refs: string[] = [];
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|(?<![.\w$])require\s*\(\s*)["']([^"']+)["']/g)) if (isBuiltin(m[1]!)) refs.push(m[1]!);
  for (const m of code.matchAll(/["'](node:[a-z_/]+)["']/g)) refs.push(m[1]!);
  if (code.includes('__vite-browser-external')) refs.push('__vite-browser-external');
  return refs;
}

describe('browser bundle', () => {
  test('page and workers contain no Node built-in', () => {
    const scripts = files(outDir).filter((f) => f.endsWith('.js'));
    // The page, the language-service worker and monaco's editor worker.
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    expect(builtinImports).toEqual([]);
    expect(scripts.flatMap((f) => nodeReferences(readFileSync(f, 'utf8')).map((r) => `${r} in ${f}`))).toEqual([]);
  });

  test('the scan sees Node built-ins', () => {
    expect(nodeReferences('import{readFileSync as a}from"node:fs";const p=require("path");import("os");x("node:crypto");m.require("util")')).toEqual([
      'node:fs',
      'path',
      'os',
      'node:fs',
      'node:crypto',
    ]);
    expect(nodeReferences('import{a}from"./x.js";const s="nodes:"')).toEqual([]);
  });
});

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf' };

/** Serves `dir` on 127.0.0.1 at an ephemeral port. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path.startsWith(dir) && existsSync(path) && statSync(path).isFile() ? path : join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** Replaces the statements editor's text by typing `lines` (Escape closes suggestions before Enter). */
async function typeStatements(page: Page, lines: string[]): Promise<void> {
  await page.click('#statements-editor .view-lines');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
    await page.keyboard.press('Escape');
  }
}

describe('in chromium', () => {
  let browser: Browser | undefined;
  let server: Server | undefined;

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test('typing a statement, running it, and seeing a diagnostic', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: the playground's browser test needs Debian's chromium (apt-get install -y chromium; .ci/run installs it)`);
    }
    const served = await serve(outDir);
    server = served.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(served.url);
    // The sample is checked by the worker once loaded: the language service answers.
    await page.waitForSelector('#diagnostics[data-state]', { state: 'attached', timeout: 20_000 });

    await typeStatements(page, ['set(attributes["playground.edited"], "yes") where severity_number >= SEVERITY_NUMBER_ERROR']);
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('output')!.textContent!.includes('playground.edited'));
    const output = JSON.parse((await page.textContent('#output'))!);
    const records = output.resourceLogs[0].scopeLogs[0].logRecords as { attributes?: { key: string; value: unknown }[] }[];
    expect(records.map((r) => r.attributes?.find((a) => a.key === 'playground.edited')?.value)).toEqual([undefined, { stringValue: 'yes' }, undefined]);
    // The trace: one row per log record, statement #1 matched only on the ERROR record.
    expect(await page.$$eval('#trace tbody tr', (rows) => rows.map((r) => r.querySelector('td:nth-child(2)')!.className))).toEqual([
      'unmatched',
      'matched',
      'unmatched',
    ]);

    await typeStatements(page, ['set(attributes["a"], 1)', 'set(attributes["n"], Lenn(body))']);
    const diagnostic = await page.waitForSelector('#diagnostics li[data-code="unknown-function"]', { timeout: 10_000 });
    expect(await diagnostic.textContent()).toContain('error 2:22 [unknown-function] there is no converter named `Lenn`');
    expect(await page.$$eval('#statements-editor .squiggly-error', (els) => els.length)).toBeGreaterThan(0);

    // Kept after the run (overwritten by the next one) for a look at the page.
    const screenshot = join(tmpdir(), 'ottl-playground.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
