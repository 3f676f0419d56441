import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, unifiedDiff } from '../diff.js';

function lcs(a: readonly string[], b: readonly string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return dp[a.length]![b.length]!;
}

describe('diffLines', () => {
  it('rebuilds both sides and keeps a longest common subsequence (property)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 14 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const ops = diffLines(a, b);
        expect(ops.filter((o) => o.op !== '+').map((o) => o.line)).toEqual(a);
        expect(ops.filter((o) => o.op !== '-').map((o) => o.line)).toEqual(b);
        expect(ops.filter((o) => o.op === ' ').length).toBe(lcs(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('renders unified hunks with context and joins close changes', () => {
    const a = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk';
    const b = 'a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk\nl';
    expect(unifiedDiff(a, b, { from: 'x', to: 'y', context: 2 })).toBe('--- x\n+++ y\n@@ -1,5 +1,5 @@\n a\n b\n-c\n+C\n d\n e\n@@ -10,2 +10,3 @@\n j\n k\n+l\n');
    expect(unifiedDiff(a, a, { from: 'x', to: 'y' })).toBe('');
    expect(unifiedDiff('a\nb', 'a\nX\nb', { from: 'x', to: 'y', context: 0 })).toBe('--- x\n+++ y\n@@ -1,0 +2,1 @@\n+X\n');
  });
});
