import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ottl, tempDir } from '../../__tests__/harness.js';

const UNFORMATTED_YAML = [
  '# top comment',
  'processors:',
  '  transform:   # keep me',
  '    log_statements:',
  '      - set(log.attributes["a"],"b")   # trailing',
  `      - 'set(log.attributes["q"],"x") where log.body=="$$x"'`,
  '      - "set(log.attributes[\\"e\\"],\\"\\\\x41\\")"',
  '      - |',
  '        set(log.attributes["m"],',
  '          Concat(["a", log.body], ""))',
  '      - set(log.attributes["env"], "${env:X}")',
  '      - set(log.attributes["broken"],',
  '  filter:',
  `    trace_conditions: [span.name=="x", 'IsMatch(span.name,"a")']`,
  'connectors:',
  '  routing:',
  '    table:',
  '      - statement: route() where attributes["x"]=="y"',
  '        pipelines: [logs/a]   # two',
  '',
].join('\n');

const FORMATTED_YAML = [
  '# top comment',
  'processors:',
  '  transform:   # keep me',
  '    log_statements:',
  '      - set(log.attributes["a"], "b")   # trailing',
  `      - 'set(log.attributes["q"], "x") where log.body == "$$x"'`,
  '      - "set(log.attributes[\\"e\\"], \\"\\\\x41\\")"',
  '      - |',
  '        set(log.attributes["m"], Concat(["a", log.body], ""))',
  '      - set(log.attributes["env"], "${env:X}")',
  '      - set(log.attributes["broken"],',
  '  filter:',
  `    trace_conditions: [span.name == "x", 'IsMatch(span.name, "a")']`,
  'connectors:',
  '  routing:',
  '    table:',
  '      - statement: route() where attributes["x"] == "y"',
  '        pipelines: [logs/a]   # two',
  '',
].join('\n');

describe('ottl fmt', () => {
  it('--check exits 1 on unformatted files and changes nothing; 0 on formatted ones', () => {
    const dir = tempDir();
    const ottlFile = join(dir, 'a.ottl');
    writeFileSync(ottlFile, 'set(attributes["a"],"b")   where body=="x"\n');
    const r = ottl(['fmt', '--check', ottlFile]);
    expect([r.code, r.stdout]).toEqual([1, `would reformat ${ottlFile}\n`]);
    expect(readFileSync(ottlFile, 'utf8')).toBe('set(attributes["a"],"b")   where body=="x"\n');
    const clean = ottl(['fmt', '--check', 'examples/rules']);
    expect([clean.code, clean.stdout, clean.stderr]).toEqual([0, '', '0 files would be reformatted, 2 unchanged\n']);
  });

  it('rewrites .ottl files in place', () => {
    const file = join(tempDir(), 'r.ottl');
    writeFileSync(file, '# c\ncontext: log\nset(attributes["a"],{"k":[1,2.50]})   # keep\nreplace_pattern( body ,"a","b" )\n');
    const r = ottl(['fmt', file]);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('# c\ncontext: log\nset(attributes["a"], {"k": [1, 2.50]}) # keep\nreplace_pattern(body, "a", "b")\n');
    expect(ottl(['fmt', '--check', file]).code).toBe(0);
  });

  it('formats statements inside YAML without disturbing the rest (comments, quoting, $$, ${env}, errors kept)', () => {
    const file = join(tempDir(), 'collector.yaml');
    writeFileSync(file, UNFORMATTED_YAML);
    expect(ottl(['fmt', '--check', file]).code).toBe(1);
    const r = ottl(['fmt', file]);
    expect([r.code, r.stdout]).toEqual([0, `formatted ${file}\n`]);
    expect(readFileSync(file, 'utf8')).toBe(FORMATTED_YAML);
    expect(ottl(['fmt', '--check', file]).code).toBe(0);
  });

  it('formats standard input to standard output', () => {
    const r = ottl(['fmt', '-'], { input: 'set(x,1)\n  where body==1 # c\n' });
    expect([r.code, r.stdout]).toEqual([0, 'set(x, 1) where body == 1 # c\n']);
    const y = ottl(['fmt', '--stdin-kind', 'yaml', '-'], { input: 'processors:\n  filter:\n    log_conditions: ["log.body==1"]\n' });
    expect(y.stdout).toBe('processors:\n  filter:\n    log_conditions: ["log.body == 1"]\n');
    expect(ottl(['fmt', '--check', '-'], { input: 'set(x, 1)\n' }).code).toBe(0);
    expect(ottl(['fmt', '--check', '-'], { input: 'set(x,1)\n' }).code).toBe(1);
  });
});
