import { defineConfig } from 'vitest/config';

// One config for the whole monorepo. Packages resolve each other through their `source` export
// condition, so tests run against TypeScript sources without a build.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/__tests__/**/*.test.ts', 'examples/**/__tests__/**/*.test.ts', 'playground/**/__tests__/**/*.test.ts', 'scripts/__tests__/**/*.test.ts', 'vscode-extension/src/__tests__/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
