import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/**
 * The folders of @ottl/core, lowest first (docs/design/engine.md). A file may import from its own
 * folder and from lower ones; type-only imports count too. `index.ts` may import anything; tests
 * (`__tests__/`, `*.test.ts`) are exempt. compile/ builds on interpret/'s runtime, so it sits above.
 */
const LAYERS = ['diagnostics', 'language', 'types', 'check', 'contexts', 'functions', 'interpret', 'compile', 'engine'];
const FREE = new Set(['index.ts']);

interface SourceFile {
  /** Path relative to `src/`, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

/** Static imports and re-exports (any specifier list, `type` or not), side-effect imports, dynamic imports. */
const IMPORT_PATTERNS = [
  /^[ \t]*(?:import|export)\s+(?:type\s+)?[\w$*{},\s]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  /^[ \t]*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function importSpecifiers(text: string): string[] {
  return IMPORT_PATTERNS.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
}

const isTest = (path: string): boolean => path.split('/').includes('__tests__') || path.endsWith('.test.ts');

/** One line per problem: `<file> -> <import>` where a lower layer reaches a higher one, or a file outside every layer. */
function layerViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    if (FREE.has(file.path) || isTest(file.path)) continue;
    const rank = LAYERS.indexOf(file.path.split('/')[0]!);
    if (rank < 0 || !file.path.includes('/')) {
      problems.push(`${file.path}: not in any layer (add its folder to LAYERS)`);
      continue;
    }
    for (const spec of importSpecifiers(file.text)) {
      if (!spec.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file.path), spec));
      const targetRank = target.includes('/') ? LAYERS.indexOf(target.split('/')[0]!) : -1;
      if (targetRank < 0 || targetRank > rank) problems.push(`${file.path} -> ${spec}`);
    }
  }
  return problems;
}

function sourceFiles(dir: string, prefix = ''): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = prefix + entry.name;
    if (entry.isDirectory()) return sourceFiles(`${dir}/${entry.name}`, `${path}/`);
    return entry.name.endsWith('.ts') ? [{ path, text: readFileSync(`${dir}/${entry.name}`, 'utf8') }] : [];
  });
}

describe('layers of @ottl/core', () => {
  test('no source file imports a higher layer', () => {
    const src = fileURLToPath(new URL('..', import.meta.url));
    const files = sourceFiles(src);
    expect(files.length).toBeGreaterThan(100);
    expect(layerViolations(files)).toEqual([]);
  });

  test('the scan reports upward imports of every form and nothing else', () => {
    const files: SourceFile[] = [
      { path: 'check/a.ts', text: "import type { ContextSchema } from '../contexts/types.js';" },
      { path: 'check/b.ts', text: "import {\n  x,\n  type Y,\n} from '../functions/registry.js';\nexport * from '../engine/environment.js';" },
      { path: 'types/c.ts', text: "export type { Z } from '../check/analysis.js';\nimport '../interpret/runtime.js';" },
      { path: 'types/d.ts', text: "const m = await import('../compile/compiler.js');\nimport { v } from './values.js';" },
      { path: 'types/e.ts', text: "import { y } from '../index.js';\nimport { PMap } from '@ottl/pdata';" },
      { path: 'contexts/f.ts', text: "import { a } from '../check/analysis.js';\nimport type { B } from '../language/ast.js';\n/** `import x from '../engine/y.js'` in prose */\nconst s = 'from';" },
      { path: 'engine/g.ts', text: "import { c } from '../compile/compiler.js';" },
      { path: 'functions/__tests__/h.test.ts', text: "import { e } from '../../engine/environment.js';" },
      { path: 'index.ts', text: "export * from './engine/environment.js';" },
      { path: 'misc/i.ts', text: '' },
    ];
    expect(layerViolations(files)).toEqual([
      'check/a.ts -> ../contexts/types.js',
      'check/b.ts -> ../functions/registry.js',
      'check/b.ts -> ../engine/environment.js',
      'types/c.ts -> ../check/analysis.js',
      'types/c.ts -> ../interpret/runtime.js',
      'types/d.ts -> ../compile/compiler.js',
      'types/e.ts -> ../index.js',
      'misc/i.ts: not in any layer (add its folder to LAYERS)',
    ]);
  });
});
