// Builds the extension into a folder (default: this one):
//   generated/ottl.tmLanguage.json  the grammar, copied from grammar/ottl.tmLanguage.json
//   dist/extension.cjs               the client (src/extension.ts + vscode-languageclient), CommonJS
//   server/main-node.js              the language server (@ottl/language-server's bin and everything
//                                    it imports), one ES module started by the client over IPC
// Usage: node scripts/build.mjs  (npm run build -w ottl). Bundled by rolldown from TypeScript sources.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

export const EXTENSION_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO = join(EXTENSION_DIR, '..');
export const GRAMMAR_SOURCE = join(REPO, 'grammar', 'ottl.tmLanguage.json');
export const GRAMMAR_COPY = join('generated', 'ottl.tmLanguage.json');

/** The text of generated/ottl.tmLanguage.json: the source grammar under a header naming it. */
export function grammarCopy() {
  const grammar = JSON.parse(readFileSync(GRAMMAR_SOURCE, 'utf8'));
  const header = {
    comment: 'Generated from grammar/ottl.tmLanguage.json by `npm run build -w ottl` (vscode-extension/scripts/build.mjs). Do not edit: edit the source and rebuild.',
  };
  return `${JSON.stringify({ ...header, ...grammar }, null, 2)}\n`;
}

async function bundle(input, file, format, external = []) {
  const build = await rolldown({
    input,
    platform: 'node',
    external,
    logLevel: 'warn',
    resolve: { conditionNames: ['source', 'import', 'default'], extensionAlias: { '.js': ['.ts', '.js'] } },
  });
  try {
    await build.write({ file, format });
  } finally {
    await build.close();
  }
}

/** Writes the grammar copy and both bundles under `outDir`. */
export async function buildExtension(outDir = EXTENSION_DIR) {
  mkdirSync(join(outDir, 'generated'), { recursive: true });
  writeFileSync(join(outDir, GRAMMAR_COPY), grammarCopy());
  await bundle(join(EXTENSION_DIR, 'src', 'extension.ts'), join(outDir, 'dist', 'extension.cjs'), 'cjs', ['vscode']);
  await bundle(join(REPO, 'packages', 'language-server', 'src', 'bin.ts'), join(outDir, 'server', 'main-node.js'), 'esm');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildExtension();
  console.log(`built ${EXTENSION_DIR}`);
}
