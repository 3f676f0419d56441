/**
 * Browser safety: the package entry, bundled for the browser with everything it imports
 * (@ottl/core, @ottl/pdata, chevrotain, re2js, the LSP types…), must not import a Node built-in.
 * Bundled with rolldown (vite's bundler, installed with vitest) from the TypeScript sources.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { rolldown, type Plugin } from 'rolldown';
import { describe, expect, test } from 'vitest';

const BUILTINS = new Set(builtinModules);

function isBuiltin(id: string): boolean {
  return id.startsWith('node:') || BUILTINS.has(id) || BUILTINS.has(id.split('/')[0]!);
}

/** Bundles `input` for the browser; returns the Node built-ins it imports and the bundle size. */
async function bundleForBrowser(input: string, plugins: Plugin[] = []): Promise<{ builtins: string[]; imports: string[]; size: number }> {
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
          if (!isBuiltin(id)) return null;
          builtins.push(`${id} (imported by ${importer})`);
          return { id, external: true };
        },
      },
    ],
  });
  try {
    const { output } = await bundle.generate({ format: 'esm' });
    const chunk = output[0];
    return { builtins, imports: [...chunk.imports], size: chunk.code.length };
  } finally {
    await bundle.close();
  }
}

describe('browser safety', () => {
  test('the package entry bundles for the browser without Node built-ins', async () => {
    const result = await bundleForBrowser(fileURLToPath(new URL('../index.ts', import.meta.url)));
    expect(result.builtins).toEqual([]);
    // Everything is inside the bundle: nothing is left to resolve at run time.
    expect(result.imports).toEqual([]);
    expect(result.size).toBeGreaterThan(100_000);
  });

  test('the check sees a Node built-in when one is imported', async () => {
    const probe: Plugin = {
      name: 'probe',
      resolveId: (id) => (id === 'probe' ? id : null),
      load: (id) => (id === 'probe' ? "import { sep } from 'node:path'; import fs from 'fs'; export const x = [sep, fs];" : null),
    };
    expect((await bundleForBrowser('probe', [probe])).builtins.sort()).toEqual(['fs (imported by probe)', 'node:path (imported by probe)']);
  });
});
