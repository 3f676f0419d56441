import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeLogsProto, encodeLogsJson } from '@ottl/pdata';
import { ROOT, ottl, ottlBytes, tempDir } from '../../__tests__/harness.js';

const expected = (name: string) => readFileSync(join(ROOT, 'examples/cli/expected', name), 'utf8');
const compact = (json: string) => JSON.stringify(JSON.parse(json)) + '\n';

describe('ottl run', () => {
  it('applies a .ottl rule file to an OTLP/JSON file (exact output)', () => {
    const r = ottl(['run', '-r', 'examples/rules/redact.ottl', 'examples/cli/data/logs.json', '--pretty']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(expected('logs.redact.json'));
  });

  it('writes one request per line, compact, for JSON lines and for standard input', () => {
    const lines = ottl(['run', '-r', 'examples/rules/redact.ottl', 'examples/cli/data/logs.jsonl']);
    expect(lines.stdout).toBe(expected('logs.redact.jsonl'));
    const stdin = ottl(['run', '-r', 'examples/rules/redact.ottl'], { input: readFileSync(join(ROOT, 'examples/cli/data/logs.json')) });
    expect(stdin.stdout).toBe(compact(expected('logs.redact.json')));
  });

  it("applies a collector pipeline's transform and filter processors in pipeline order", () => {
    const traces = ottl(['run', '-r', 'examples/rules/collector.yaml', '--pipeline', 'traces', 'examples/cli/data/traces.json', '--pretty']);
    expect(traces.stdout).toBe(expected('traces.collector.json'));
    const logs = ottl(['run', '-r', 'examples/rules/collector.yaml', '--pipeline', 'logs', 'examples/cli/data/logs.json', '--pretty']);
    expect(logs.stdout).toBe(expected('logs.collector.json'));
    // The DEBUG record (severity 5) is dropped by filter/debug.
    expect(logs.stdout).not.toContain('cache warm');
    expect(readFileSync(join(ROOT, 'examples/cli/data/logs.json'), 'utf8')).toContain('cache warm');
  });

  it('reads and writes protobuf; the result equals the JSON run', () => {
    const pb = ottlBytes(['run', '-r', 'examples/rules/redact.ottl', '--output-format', 'proto', 'examples/cli/data/logs.json']);
    expect(pb.code).toBe(0);
    expect(encodeLogsJson(decodeLogsProto(new Uint8Array(pb.stdout))) + '\n').toBe(compact(expected('logs.redact.json')));
    const back = ottl(['run', '--signal', 'logs', '-e', 'set(log.attributes["second"], true)'], { input: pb.stdout });
    const obj = JSON.parse(back.stdout) as { resourceLogs: { scopeLogs: { logRecords: { attributes: { key: string }[] }[] }[] }[] };
    expect(obj.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.map((a) => a.key)).toEqual(['http.route', 'http.status_code', 'service', 'second']);
    expect(ottl(['run', '-e', 'set(log.body, "x")'], { input: pb.stdout }).stderr).toContain('give --signal');
  });

  it('writes to a file with -o', () => {
    const out = join(tempDir(), 'out.json');
    const r = ottl(['run', '-r', 'examples/rules/redact.ottl', 'examples/cli/data/logs.json', '-o', out]);
    expect([r.code, r.stdout, readFileSync(out, 'utf8')]).toEqual([0, '', compact(expected('logs.redact.json'))]);
  });

  it('reads folders and gzip files', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.json'), readFileSync(join(ROOT, 'examples/cli/data/logs.json')));
    writeFileSync(join(dir, 'sub', 'b.json.gz'), gzipSync(readFileSync(join(ROOT, 'examples/cli/data/logs.json'))));
    writeFileSync(join(dir, 'notes.txt'), 'not data');
    const r = ottl(['run', '-r', 'examples/rules/redact.ottl', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(compact(expected('logs.redact.json')).repeat(2));
  });

  it('--diff shows what changed, per resource', () => {
    const input = '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"a password=x"}}]}]}]}\n';
    const r = ottl(['run', '-r', 'examples/rules/redact.ottl', '--diff'], { input });
    expect(r.stdout).toBe(
      [
        '--- stdin request 1 resourceLogs[0] (input)',
        '+++ stdin request 1 resourceLogs[0] (output)',
        '@@ -4,8 +4,14 @@',
        '       "logRecords": [',
        '         {',
        '           "body": {',
        '-            "stringValue": "a password=x"',
        '-          }',
        '+            "stringValue": "a password=***"',
        '+          },',
        '+          "attributes": [',
        '+            {',
        '+              "key": "service",',
        '+              "value": {}',
        '+            }',
        '+          ]',
        '         }',
        '       ]',
        '     }',
        '',
      ].join('\n'),
    );
  });

  it('stops on a runtime error under propagate (exit 1); goes on and counts under ignore', () => {
    const input = readFileSync(join(ROOT, 'examples/cli/data/logs.jsonl'));
    const stop = ottl(['run', '-e', 'set(log.attributes["x"], ParseJSON(log.body))'], { input });
    expect(stop.code).toBe(1);
    expect(stop.stderr).toMatch(/^error\[runtime-error\]: failed to execute statement: set\(log\.attributes\["x"\], ParseJSON\(log\.body\)\), /);
    const go = ottl(['run', '--error-mode', 'ignore', '-e', 'set(log.attributes["x"], ParseJSON(log.body))', '-e', 'set(log.attributes["y"], 1)'], { input });
    expect(go.code).toBe(0);
    expect(go.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(go.stdout.match(/"key":"y"/g)).toHaveLength(3);
    expect(go.stderr.split('\n').filter((l) => l.startsWith('warning[runtime-error]'))).toHaveLength(3);
    expect(go.stderr).toContain('3 runtime errors were ignored\n');
  });

  it('reports rule diagnostics at their -e text and runs nothing (exit 1)', () => {
    const r = ottl(['run', '-e', 'set(log.attributes["a"], Lenn(log.body))', 'examples/cli/data/logs.json']);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toContain('error[unknown-function]: there is no converter named `Lenn`\n  --> <-e>:1:26\n');
  });

  it('usage errors exit 2', () => {
    expect(ottl(['run', '-e', 'set(span.name, "x")', 'examples/cli/data/logs.json']).stderr).toBe('ottl: the input holds logs, but the rules apply only to traces\n');
    expect(ottl(['run', 'examples/cli/data/logs.json']).code).toBe(2);
    expect(ottl(['run', '-r', 'examples/rules/collector.yaml', '--processor', 'batch', 'examples/cli/data/logs.json']).code).toBe(2);
    expect(ottl(['run', '-e', 'set(log.body, "x")', 'missing.json']).code).toBe(2);
    const unwritable = ottl(['run', '-e', 'set(log.body, "x")', 'examples/cli/data/logs.json', '-o', '/nonexistent-dir/out.json']);
    expect([unwritable.code, unwritable.stderr.startsWith('ottl: cannot write /nonexistent-dir/out.json: ')]).toEqual([2, true]);
    const bad = ottl(['run', '-e', 'set(log.body, "x")'], { input: '{"resourceLogs":[{"scopeLogs":[' });
    expect([bad.code, bad.stderr]).toEqual([2, 'ottl: cannot decode standard input: unexpected end of input inside request 1 (the JSON is truncated)\n']);
  });
});
