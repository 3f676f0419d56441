import { describe, expect, it } from 'vitest';
import { ottl } from '../../__tests__/harness.js';
import { VERSION } from '../../index.js';

describe('ottl --help and --version', () => {
  it('prints the version', () => {
    expect(ottl(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('lists the commands', () => {
    const r = ottl(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['check', 'fmt', 'run', 'trace', 'test', 'repl', 'docs', 'collector']) expect(r.stdout).toMatch(new RegExp(`\\n  ${c} `));
  });

  it.each(['check', 'fmt', 'run', 'trace', 'test', 'repl', 'docs'])('%s --help shows usage and examples', (cmd) => {
    const r = ottl([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: ottl ${cmd} `));
    expect(r.stdout).toContain('\nExamples:\n  $ ottl ');
  });

  it('an unknown command or option is a usage error (exit 2)', () => {
    const r = ottl(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: unknown command 'frobnicate'");
    expect(ottl(['check', '--nope', 'x.ottl']).code).toBe(2);
  });
});
