import { describe, expect, it } from 'vitest';
import { allFunctionDefs } from '@ottl/core';
import { ottl } from '../../__tests__/harness.js';

describe('ottl docs', () => {
  it('lists every function with its summary', () => {
    const r = ottl(['docs']);
    expect(r.code).toBe(0);
    for (const def of allFunctionDefs()) expect(r.stdout).toContain(`  ${def.name}`);
    expect(r.stdout).toMatch(/^Editors \(\d+\)\n/);
  });

  it('prints one function: signature, parameters, failures, examples', () => {
    const r = ottl(['docs', 'Concat']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Concat(values: [stringlike], delimiter: string) → string', 'converter (string)']);
    expect(r.stdout).toContain('\nParameters:\n  values     [stringlike]');
    expect(r.stdout).toContain('\nExamples:\n');
  });

  it('json, paths, and a did-you-mean for unknown names (exit 1)', () => {
    const j = JSON.parse(ottl(['docs', 'IsMatch', '--format', 'json']).stdout) as { name: string; signature: string; params: { name: string }[]; doc: { summary: string } };
    expect([j.name, j.signature, j.params.map((p) => p.name)]).toEqual(['IsMatch', 'IsMatch(target: stringlike, pattern: string) → bool', ['target', 'pattern']]);
    const paths = ottl(['docs', '--paths', 'span']);
    expect(paths.stdout).toContain('  span.status.code');
    expect(paths.stdout).toContain('SPAN_KIND_SERVER = 2');
    const bad = ottl(['docs', 'Lenn']);
    expect([bad.code, bad.stderr]).toEqual([1, 'ottl: there is no function named `Lenn`; did you mean `Len`? (ottl docs lists them all)\n']);
  });
});
