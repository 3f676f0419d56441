// The main entry of @ottl/collector must stay browser-safe: no `node:` module and no Node-only
// library anywhere in the module graph reachable from src/index.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const NODE_ONLY = /^(node:|@grpc\/grpc-js$|fs$|path$|os$|http2?$|https$|zlib$|net$|child_process$)/;

function graph(entry: string): { files: Set<string>; external: Map<string, string> } {
  const files = new Set<string>();
  const external = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|import\('([^']+)'\)/gm)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else external.set(spec, file);
    }
  };
  visit(entry);
  return { files, external };
}

describe('browser safety', () => {
  it('imports nothing Node-only from the main entry', () => {
    const { files, external } = graph(resolve(import.meta.dirname, '../index.ts'));
    const offenders = [...external].filter(([spec]) => NODE_ONLY.test(spec)).map(([spec, file]) => `${spec} (${file})`);
    expect(offenders).toEqual([]);
    expect([...files].some((f) => f.includes('/node/'))).toBe(false);
    expect(files.size).toBeGreaterThan(20);
  });
});
