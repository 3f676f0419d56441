import { describe, expect, it } from 'vitest';
import { expandConfigText } from '../expand.js';

const env = (vars: Record<string, string>) => (name: string) => vars[name];

describe('expandConfigText', () => {
  it('expands like the collector and maps every character to its source', () => {
    const e = expandConfigText('a $$b ${env:X} ${env:Y:-dflt} ${UNSET}!', env({ X: 'xx' }));
    expect(e.text).toBe('a $b xx dflt !');
    expect(e.substituted).toBe(true);
    // `$` came from `$$`; `xx` from the whole `${env:X}` reference.
    expect([e.starts[2], e.ends[2]]).toEqual([2, 4]);
    expect([e.starts[5], e.ends[5], e.starts[6], e.ends[6]]).toEqual([6, 14, 6, 14]);
    expect(e.problems).toEqual([]);
  });

  it('reports unsupported schemes and bad names', () => {
    const e = expandConfigText('${file:/x} ${env:9BAD}', env({}));
    expect(e.text).toBe(' ');
    expect(e.problems.map((p) => [p.message, p.from, p.to])).toEqual([
      ['unsupported config provider scheme "file" in ${file:/x}', 0, 10],
      ['invalid environment variable name "9BAD" in ${env:9BAD}', 11, 22],
    ]);
  });

  it('leaves text without references alone', () => {
    const e = expandConfigText('IsMatch(body, "^a$")', env({}));
    expect([e.text, e.substituted]).toEqual(['IsMatch(body, "^a$")', false]);
  });
});
