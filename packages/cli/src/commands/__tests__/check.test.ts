import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ottl, tempDir } from '../../__tests__/harness.js';

function write(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

describe('ottl check', () => {
  it('renders rule-file diagnostics with gutter, carets, labels, hints and a summary; exit 1', () => {
    const file = write('rules.ottl', 'context: log\n\nset(attributes["d"], Lenn(body))\nset(attributes["n"], 1) where severity_text == 3\n');
    const r = ottl(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.replaceAll(file, 'rules.ottl')).toBe(
      [
        'error[unknown-function]: there is no converter named `Lenn`',
        '  --> rules.ottl:3:22',
        '   |',
        ' 3 | set(attributes["d"], Lenn(body))',
        '   |                      ^^^^ undefined function',
        '   |',
        '   = hint: did you mean `Len`?',
        '',
        'warning[never-true]: this comparison compares a string with an int and is never true',
        '  --> rules.ottl:4:31',
        '   |',
        ' 4 | set(attributes["n"], 1) where severity_text == 3',
        '   |                               ^^^^^^^^^^^^^^^^^^ always false',
        '   |',
        '   = hint: OTTL never converts between types in comparisons; convert one side (String(), Int(), Double())',
        '',
        '1 error, 1 warning in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('passes clean files (exit 0) and the examples', () => {
    const r = ottl(['check', 'examples/rules', 'examples/default/collector.yaml']);
    expect(r.stdout).toBe('no problems in 3 files\n');
    expect(r.code).toBe(0);
  });

  it('shows warnings but fails on them only with --strict', () => {
    const file = write('w.ottl', 'set(log.attributes["n"], 1) where log.severity_text == 3\n');
    expect(ottl(['check', file]).code).toBe(0);
    const strict = ottl(['check', '--strict', file]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('0 errors, 1 warning in 1 file');
  });

  it('exits 2 on I/O and usage errors', () => {
    const missing = ottl(['check', 'no/such/file.ottl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('ottl: cannot read no/such/file.ottl: no such file or directory\n');
    expect(ottl(['check', '--format', 'xml', 'examples/rules/redact.ottl']).code).toBe(2);
    expect(ottl(['check']).code).toBe(2);
    const other = write('notes.txt', 'hello');
    expect(ottl(['check', other]).code).toBe(2);
  });

  it('--format json prints one diagnostic object per line and nothing else', () => {
    const file = write('rules.ottl', 'set(log.attributes["d"], Lenn(log.body))\nset(log.body "x")\n');
    const r = ottl(['check', '--format', 'json', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((d) => [d['code'], d['severity'], (d['range'] as { start: { line: number; column: number } }).start])).toEqual([
      ['unknown-function', 'error', { offset: 25, line: 1, column: 26 }],
      ['missing-comma', 'error', { offset: 53, line: 2, column: 13 }],
    ]);
    expect(lines[0]).toEqual({
      file,
      code: 'unknown-function',
      severity: 'error',
      message: 'there is no converter named `Lenn`',
      range: { start: { offset: 25, line: 1, column: 26 }, end: { offset: 29, line: 1, column: 30 } },
      label: 'undefined function',
      hint: 'did you mean `Len`?',
    });
  });

  it('maps positions inside YAML scalars (plain, quoted, escaped, block) back to the YAML file', () => {
    const yaml = [
      'processors:',
      '  transform:',
      '    log_statements:',
      '      - set(log.attributes["a"], Lenn(log.body))',
      `      - 'set(log.attributes[''q''], Lenn(log.body))'`,
      '      - "set(log.attributes[\\"e\\"], \\x4cenn(log.body))"',
      '      - |',
      '        set(log.attributes["m"],',
      '          Lenn(log.body))',
      '  filter:',
      '    logs:',
      '      log_record:',
      '        - severity_numbr < SEVERITY_NUMBER_WARN',
      'connectors:',
      '  routing:',
      '    table:',
      '      - statement: route() where attributes["x"] == "$$y" and Lenn(attributes["x"]) > 1',
      '        pipelines: [logs/a]',
      '',
    ].join('\n');
    const file = write('collector.yaml', yaml);
    const r = ottl(['check', '--format', 'json', file]);
    const found = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { code: string; path: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } })
      .map((d) => `${d.code} ${d.path} ${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`);
    expect(found).toEqual([
      'unknown-function processors.transform.log_statements[0] 4:34-4:38',
      "single-quoted-string processors.transform.log_statements[1] 5:29-5:34",
      'unknown-function processors.transform.log_statements[2] 6:37-6:44',
      'unknown-function processors.transform.log_statements[3] 9:11-9:15',
      'unknown-path processors.filter.logs.log_record[0] 13:11-13:25',
      'unknown-function connectors.routing.table[0].statement 17:63-17:67',
    ]);
    expect(r.code).toBe(1);
  });

  it('expands ${env:…} like the collector and points at the reference', () => {
    const file = write('c.yaml', 'processors:\n  filter:\n    log_conditions:\n      - log.body == ${env:WANT}\n');
    const ok = ottl(['check', file], { env: { WANT: '"x"' } });
    expect(ok.stdout).toBe('no problems in 1 file\n');
    const bad = ottl(['check', '--format', 'json', file], { env: { WANT: 'Lenn("x")' } });
    const d = JSON.parse(bad.stdout.trim()) as { code: string; range: { start: { column: number }; end: { column: number } } };
    expect([d.code, d.range.start.column, d.range.end.column]).toEqual(['unknown-function', 21, 32]);
  });
});
