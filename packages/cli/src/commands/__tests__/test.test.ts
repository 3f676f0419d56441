import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ottl, tempDir } from '../../__tests__/harness.js';

describe('ottl test', () => {
  it('runs the passing example tests (discovered recursively) and ends with the count line', () => {
    const r = ottl(['test', 'examples/cli/tests']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'examples/cli/tests/collector.ottltest.yaml',
        '  ✓ debug logs are dropped, the rest redacted and tagged',
        'examples/cli/tests/inline.ottltest.yaml',
        '  ✓ slow server errors are flagged',
        '  ✓ fast successes are left alone',
        'examples/cli/tests/redact.ottltest.yaml',
        '  ✓ masks passwords and names the service',
        '  ✓ tags errors only',
        '  ✓ redacts the example file',
        '',
        '6 passed, 0 failed',
        '',
      ].join('\n'),
    );
  });

  it('reports failures with a diff and the false items; exit 1', () => {
    const r = ottl(['test', 'examples/cli/failing']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  ✗ routes are tagged\n      the output differs from expect\n      --- expected\n      +++ actual\n');
    expect(r.stdout).toContain('      -                    "stringValue": "checkout"\n      +                    "stringValue": "payments"\n');
    expect(r.stdout).toContain('  ✗ every record gets a team\n      assertion failed: log.attributes["team"] != nil\n        false for resourceLogs[0].scopeLogs[0].logRecords[1]\n');
    expect(r.stdout).toContain('  ✓ this one passes\n');
    expect(r.stdout.endsWith('\n1 passed, 2 failed\n')).toBe(true);
    const filtered = ottl(['test', '--filter', 'passes', 'examples/cli/failing']);
    expect([filtered.code, filtered.stdout.endsWith('\n1 passed, 0 failed\n')]).toEqual([0, true]);
  });

  it('shows rule errors in the test file and counts the file as not run', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.ottltest.yaml'), 'context: log\nstatements:\n  - set(attributes["a"], Lenn(body))\ntests:\n  - name: t\n    input: { logs: [ { body: x } ] }\n    count: 1\n');
    const r = ottl(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`  --> ${join(dir, 'bad.ottltest.yaml')}:3:26\n`);
    expect(r.stdout).toContain('  ✗ the rules have errors\n');
    expect(r.stdout.endsWith('0 passed, 0 failed, 1 test file could not run\n')).toBe(true);
    expect(ottl(['test', join(dir, 'nothing-here')]).code).toBe(2);
  });

  it('checks expected errors and counts', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'e.ottltest.yaml'),
      [
        `statements: [ 'set(log.attributes["j"], ParseJSON(log.body))' ]`,
        'error_mode: propagate',
        'tests:',
        '  - name: not JSON fails',
        '    input: { logs: [ { body: "nope" } ] }',
        '    error: failed to execute statement',
        '  - name: JSON parses',
        '    input: { logs: [ { body: "{\\"a\\": 1}" } ] }',
        `    assert: [ 'log.attributes["j"]["a"] == 1' ]`,
        '    count: 1',
        '',
      ].join('\n'),
    );
    const r = ottl(['test', dir]);
    expect(r.stdout).toContain('  ✓ not JSON fails\n  ✓ JSON parses\n');
    expect(r.code).toBe(0);
  });
});
