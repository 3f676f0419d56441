// `ottl check` and the collector (`ottl collector validate`, and startup) place a mistake in a
// collector YAML file at the same line:column: both map OTTL ranges through the YAML scalar
// decoding and the `$$` / `${env:…}` expansion of @ottl/collector, and render with @ottl/core.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ottl, tempDir } from '../../__tests__/harness.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pipeline = `exporters:
  debug:
service:
  pipelines:
    logs:
      receivers: [nop]
      processors: [transform]
      exporters: [debug]
`;

// One group per mistake: the collector stops a group at its first syntax error.
const broken = `receivers:
  nop:
processors:
  transform:
    error_mode: ignore
    log_statements:
      - context: log
        statements:
          - "set(attributes[\\"q\\\\u00e9\\"], Lenn(body))"
      - context: log
        statements:
          - 'set(attributes[''it''], body)'
      - context: log
        statements:
          - |
            set(attributes["block"],
                Lenn(body))
      - context: log
        statements:
          - >-
            set(attributes["folded"],
              Upperr(body))
      - context: log
        statements:
          - set(attributes["$$dollar"], Lenn(body))
      - context: log
        statements:
          - set(attributes["\${env:OTTL_POS_X}"], body) where Lenn(body) > 1
${pipeline}`;

const env = { OTTL_POS_X: 'a-much-longer-value' };

/** `code at line:col` and the caret line of every rendered diagnostic. */
function placements(output: string): string[] {
  const out: string[] = [];
  const lines = output.split('\n');
  lines.forEach((l, i) => {
    const head = /^(\w+)\[([\w-]+)\]:/.exec(l);
    if (!head) return;
    const at = /--> .*:(\d+:\d+)$/.exec(lines[i + 1] ?? '')?.[1];
    const carets = lines.slice(i + 2).find((x) => /^\s+\|\s+\^/.test(x));
    out.push(`${head[1]}[${head[2]}] ${at} ${carets?.replace(/(\^+) .*$/, '$1')}`);
  });
  return out;
}

describe('positions in collector YAML', () => {
  it('ottl check, ottl collector validate and collector startup point at the same line:column', () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, broken);
    const check = ottl(['check', file], { env });
    const validate = ottl(['collector', 'validate', '--config', file], { env });
    const startup = ottl(['collector', '--config', file], { env });
    expect([check.code, validate.code, startup.code]).toEqual([1, 1, 1]);
    const expected = [
      'error[unknown-function] 9:44    |                                            ^^^^',
      'error[single-quoted-string] 12:29     |                             ^^^^^^',
      'error[unknown-function] 17:17     |                 ^^^^',
      'error[unknown-function] 22:15     |               ^^^^^^',
      'error[unknown-function] 25:41     |                                         ^^^^',
      'error[unknown-function] 28:62     |                                                              ^^^^',
    ];
    expect(placements(check.stdout + check.stderr)).toEqual(expected);
    expect(placements(validate.stderr)).toEqual(expected);
    expect(placements(startup.stderr)).toEqual(expected);
  });

  it('an unsupported ${…} reference is underlined at the reference by both', () => {
    const file = join(dir, 'reference.yaml');
    writeFileSync(file, `receivers:\n  nop:\nprocessors:\n  transform:\n    log_statements:\n      - 'set(log.attributes["\${file:/etc/x}"], log.body)'\n${pipeline}`);
    const check = ottl(['check', file]);
    const validate = ottl(['collector', 'validate', '--config', file]);
    const expected = ['error[config-error] 6:30    |                              ^^^^^^^^^^^^^^'];
    expect(placements(check.stdout + check.stderr)).toEqual(expected);
    expect(placements(validate.stderr)).toEqual(expected);
  });
});
