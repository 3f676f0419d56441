import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/**
 * The held-out conformance cases (`heldout/*.jsonl`: upstream rows beyond the shared corpus, same
 * format) run through the project's runner, which builds the packages when they are stale and
 * prints `conformance: N passed, M failed` last. Every case must pass.
 */
const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../../../..');
const DIR = join(HERE, 'heldout');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();

describe('held-out conformance cases', () => {
  test.each(FILES)('%s: every case passes', (file) => {
    const out = execFileSync('node', [join(ROOT, 'scripts/conformance.mjs'), join(DIR, file)], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = out.trim().split('\n');
    const summary = /^conformance: (\d+) passed, (\d+) failed/.exec(lines.at(-1) ?? '');
    expect(summary, out).not.toBeNull();
    expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(Number(summary![2])).toBe(0);
    expect(Number(summary![1])).toBeGreaterThan(0);
  }, 120_000);
});
