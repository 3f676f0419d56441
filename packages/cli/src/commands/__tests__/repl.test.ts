import { describe, expect, it } from 'vitest';
import { ottl } from '../../__tests__/harness.js';

describe('ottl repl (driven through stdin)', () => {
  it('evaluates values and conditions, runs statements showing changes, moves between records', () => {
    const input = [
      'body',
      'Len(body) > 10',
      'set(attributes["env"], "prod")',
      'attributes["env"]',
      ':next',
      'body',
      ':goto 4',
      'body["msg"]',
      ':prev',
      'set(attributes["x"],',
      '  Concat(["a", "b"], "-"))',
      'set(attributes["y"], 1) \\',
      '  where severity_number > 100',
      ':quit',
      'body',
      '',
    ].join('\n');
    const r = ottl(['repl', 'examples/cli/data/logs.json'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'loaded examples/cli/data/logs.json: 4 log items',
        '"login ok user=alice password=hunter2"',
        'true',
        'log.attributes["env"]: (absent) → "prod"',
        '"prod"',
        'record 2/4 resourceLogs[0].scopeLogs[0].logRecords[1]',
        '"payment failed token=abc123"',
        'record 4/4 resourceLogs[1].scopeLogs[0].logRecords[0]',
        '"slow query"',
        'record 3/4 resourceLogs[0].scopeLogs[0].logRecords[2]',
        'log.attributes["x"]: (absent) → "a-b"',
        'where: not matched; nothing ran',
        '',
      ].join('\n'),
    );
  });

  it('shows diagnostics with carets, help, contexts, paths and completions', () => {
    const input = ['Lenn(body)', ':help', ':help IsMatch', ':context span', 'name', ':complete set(attributes["a"], Conc', ':complete resource.att', ':complete sp', ':show', ':context nope', ':bogus', ''].join('\n');
    const r = ottl(['repl', '--context', 'log'], { input });
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('loaded an empty record: 1 log item\n');
    expect(out).toContain('error[unknown-function]: there is no converter named `Lenn`\n  --> <input>:1:1\n   |\n 1 | Lenn(body)\n   | ^^^^ undefined function\n');
    expect(out).toContain('  :context [NAME]     show or switch the context');
    expect(out).toContain('IsMatch(target: stringlike, pattern: string) → bool\n');
    expect(out).toContain('context: span (1 item)\n""\n');
    expect(out).toContain('\nConcat\n');
    expect(out).toContain('\nattributes\n');
    expect(out).toContain('\nspan_id  span\n');
    expect(out).toContain('unknown context nope; contexts: resource, scope, span');
    expect(out).toContain('unknown command :bogus (:help lists them)\n');
  });
});
