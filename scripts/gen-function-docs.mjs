#!/usr/bin/env node
// Regenerates docs/functions.md from the function definitions (their `params` and `doc`), using
// the BUILT @ottl/core (packages/core/dist; run `npx tsc -b packages/core` first).
//
//   node scripts/gen-function-docs.mjs           write docs/functions.md
//   node scripts/gen-function-docs.mjs --check   exit 1 when docs/functions.md is out of date
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(ROOT, 'packages/core/dist/index.js');
const OUT = resolve(ROOT, 'docs/functions.md');

if (!existsSync(DIST)) {
  console.error('packages/core/dist is missing: run `npx tsc -b packages/core` first');
  process.exit(2);
}
const { allFunctionDefs, renderFunctionDocs } = await import(pathToFileURL(DIST).href);
const text = renderFunctionDocs(allFunctionDefs());

if (process.argv.includes('--check')) {
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    console.error('docs/functions.md is out of date: run `node scripts/gen-function-docs.mjs`');
    process.exit(1);
  }
  console.log('docs/functions.md is up to date');
} else {
  writeFileSync(OUT, text);
  console.log(`wrote docs/functions.md (${allFunctionDefs().length} functions)`);
}
