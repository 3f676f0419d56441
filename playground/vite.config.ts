import { defaultClientConditions, defineConfig } from 'vite';

// Workspace packages resolve to their TypeScript sources (`source` export condition), as in the
// tests, so the playground needs no `tsc -b` first.
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 8192 },
  server: { host: '127.0.0.1' },
});
