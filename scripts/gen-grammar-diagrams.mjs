#!/usr/bin/env node
// Regenerates grammar/diagrams/ottl.html (railroad diagrams of the OTTL parser's grammar) from the
// BUILT @ottl/core (packages/core/dist; run `npx tsc -b packages/core` first).
//
//   node scripts/gen-grammar-diagrams.mjs           write grammar/diagrams/ottl.html
//   node scripts/gen-grammar-diagrams.mjs --check   exit 1 when the file is out of date
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(ROOT, 'packages/core/dist/index.js');
const OUT = resolve(ROOT, 'grammar/diagrams/ottl.html');

if (!existsSync(DIST)) {
  console.error('packages/core/dist is missing: run `npx tsc -b packages/core` first');
  process.exit(2);
}
const { renderGrammarDiagrams } = await import(pathToFileURL(DIST).href);
const html = renderGrammarDiagrams();

if (process.argv.includes('--check')) {
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (current !== html) {
    console.error('grammar/diagrams/ottl.html is out of date: run `node scripts/gen-grammar-diagrams.mjs`');
    process.exit(1);
  }
  console.log('grammar/diagrams/ottl.html is up to date');
} else {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, html);
  console.log(`wrote ${OUT}`);
}
