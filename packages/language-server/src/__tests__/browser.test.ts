/**
 * The web-worker entry (and server.ts under it) bundles for the browser without Node built-ins,
 * so the playground or a browser VS Code can run the same server.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { rolldown, type Plugin } from 'rolldown';
import { expect, test } from 'vitest';

const BUILTINS = new Set(builtinModules);

/** The Node built-ins a browser bundle of `input` imports, and the imports left unresolved. */
async function browserBundleImports(input: string, plugins: Plugin[] = []): Promise<{ builtins: string[]; imports: string[] }> {
  const builtins: string[] = [];
  const bundle = await rolldown({
    input,
    platform: 'browser',
    logLevel: 'silent',
    resolve: { conditionNames: ['source', 'browser', 'import', 'default'], extensionAlias: { '.js': ['.ts', '.js'] } },
    plugins: [
      ...plugins,
      {
        name: 'report-node-builtins',
        resolveId(id, importer) {
          if (!id.startsWith('node:') && !BUILTINS.has(id.split('/')[0]!)) return null;
          builtins.push(`${id} (imported by ${importer})`);
          return { id, external: true };
        },
      },
    ],
  });
  try {
    const { output } = await bundle.generate({ format: 'esm' });
    return { builtins, imports: [...output[0].imports] };
  } finally {
    await bundle.close();
  }
}

test('main-browser.ts bundles for the browser without Node built-ins', async () => {
  expect(await browserBundleImports(fileURLToPath(new URL('../main-browser.ts', import.meta.url)))).toEqual({ builtins: [], imports: [] });
});

test('the check sees a Node built-in imported next to the server', async () => {
  const probe: Plugin = {
    name: 'probe',
    resolveId: (id) => (id === 'probe' ? id : null),
    load: (id) => (id === 'probe' ? `import { startServer } from ${JSON.stringify(fileURLToPath(new URL('../server.ts', import.meta.url)))}; import { sep } from 'node:path'; export const x = [startServer, sep];` : null),
  };
  expect((await browserBundleImports('probe', [probe])).builtins).toEqual(['node:path (imported by probe)']);
});
