// What the generator scripts share: load the BUILT @ottl/core (packages/core/dist), render one file
// from it, and either write it or, with --check, exit 1 when the committed file differs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(ROOT, 'packages/core/dist/index.js');

/**
 * Writes `out` (relative to the repository root) with `render(core)`, or checks it with --check.
 * `script` is the command line that regenerates it, for the messages.
 */
export async function generate(out, script, render) {
  if (!existsSync(DIST)) {
    console.error('packages/core/dist is missing: run `npx tsc -b packages/core` first');
    process.exit(2);
  }
  const core = await import(pathToFileURL(DIST).href);
  const text = render(core);
  const file = resolve(ROOT, out);
  if (process.argv.includes('--check')) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current !== text) {
      console.error(`${out} is out of date: run \`${script}\``);
      process.exit(1);
    }
    console.log(`${out} is up to date`);
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${out}`);
  }
}
