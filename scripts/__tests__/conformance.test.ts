import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The floor of passing shared conformance cases; raise it as the implementation grows. */
const MIN_PASSED = 1517;

function run(args: string[] = []): string {
  return execFileSync('node', [join(ROOT, 'scripts', 'conformance.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('scripts/conformance.mjs', () => {
  it('ends with the summary line and passes at least the recorded number of shared cases', () => {
    const out = run().trimEnd().split('\n');
    const last = out[out.length - 1]!;
    const m = /^conformance: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(last);
    expect(m, last).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(MIN_PASSED);
    const failures = out.slice(0, -1).filter((l) => l.startsWith('FAIL '));
    expect(failures.length).toBe(Number(m![2]));
  }, 120_000);
});
