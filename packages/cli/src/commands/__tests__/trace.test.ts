import { describe, expect, it } from 'vitest';
import { ottl } from '../../__tests__/harness.js';

describe('ottl trace', () => {
  it('says per statement whether where matched and what changed, before → after', () => {
    const input = '{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},"scopeLogs":[{"logRecords":[{"severityNumber":17,"body":{"stringValue":"pay token=abc"}}]}]}]}\n';
    const r = ottl(['trace', '-r', 'examples/rules/redact.ottl'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'stdin request 1 resourceLogs[0].scopeLogs[0].logRecords[0] (log, examples/rules/redact.ottl)',
        '  1. replace_pattern(body, "password=[^ ]+", "password=***")',
        '       no change',
        '  2. replace_pattern(body, "token=[^ ]+", "token=***")',
        '       log.body: "pay token=abc" → "pay token=***"',
        '  3. set(attributes["severity.class"], "error") where severity_number >= SEVERITY_NUMBER_ERROR',
        '       where: matched',
        '       log.attributes["severity.class"]: (absent) → "error"',
        '  4. set(attributes["service"], resource.attributes["service.name"])',
        '       log.attributes["service"]: (absent) → "checkout"',
        '',
        '',
      ].join('\n'),
    );
  });

  it('reports group conditions, errors and filter drops; --format json has one object per item', () => {
    const r = ottl(['trace', '-r', 'examples/rules/collector.yaml', '--pipeline', 'logs', '--format', 'json', 'examples/cli/data/logs.json']);
    const entries = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { item: string; stage: string; dropped?: boolean; statements: { where?: boolean; changes: unknown[] }[] });
    expect(entries.map((e) => `${e.item} ${e.stage}${e.dropped ? ' dropped' : ''}`)).toEqual([
      'resourceLogs[0].scopeLogs[0].logRecords[0] transform/redact logs group 1',
      'resourceLogs[0].scopeLogs[0].logRecords[1] transform/redact logs group 1',
      'resourceLogs[0].scopeLogs[0].logRecords[2] transform/redact logs group 1',
      'resourceLogs[0].scopeLogs[0].logRecords[2] filter/debug dropped',
      'resourceLogs[1].scopeLogs[0].logRecords[0] transform/redact logs group 1',
    ]);
    expect(entries[0]!.statements[1]).toEqual({
      index: 2,
      statement: 'set(log.attributes["env"], resource.attributes["deployment.environment"]) where resource.attributes["deployment.environment"] != nil',
      where: true,
      changes: [{ path: 'log.attributes["env"]', after: '"staging"' }],
    });
    expect(entries[3]).toMatchObject({ dropped: true, matched: ['severity_number < SEVERITY_NUMBER_INFO'] });
    const spans = ottl(['trace', '-r', 'examples/rules/collector.yaml', '--pipeline', 'traces', 'examples/cli/data/traces.json']);
    expect(spans.stdout).toContain('resourceSpans[0].scopeSpans[0].spans[1] (span, transform/redact traces group 1)\n  group conditions not met: statements skipped\n');
    expect(spans.stdout).toContain('       span.status.code: 0 → 2\n');
    const errors = ottl(['trace', '-e', 'set(log.attributes["j"], ParseJSON(log.body)) where log.severity_number > 10', '--changed-only', 'examples/cli/data/logs.jsonl']);
    expect(errors.code).toBe(0);
    expect(errors.stdout).toMatch(/request 2 resourceLogs\[0\]\.scopeLogs\[0\]\.logRecords\[0\] \(log, <-e>\)\n  1\. set\(.*\n       where: not matched\n       error: Unexpected token/);
    expect(errors.stdout).not.toContain('request 1 ');
  });
});
