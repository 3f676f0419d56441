import { describe, expect, it } from 'vitest';
import { Progress } from '../progress.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, columns: 120, writes, write: (s: string) => (writes.push(s), true) };
}

describe('progress bar', () => {
  it('draws bytes against the total, records and rate on a TTY, then erases itself', () => {
    const s = stream(true);
    const p = new Progress(s, 4 * 1024 * 1024);
    p.addBytes(1024 * 1024);
    expect(s.writes).toHaveLength(1);
    expect(s.writes[0]).toMatch(/^\r\[######\.{18}\]  25% 1\.0 MiB\/4\.0 MiB 0 records \d+ records\/s\u001b\[K$/);
    p.addRecords(10); // within 100 ms of the last draw: not redrawn
    expect(s.writes).toHaveLength(1);
    p.done();
    expect(s.writes[1]).toBe('\r\u001b[K');
  });

  it('stays silent when stderr is not a TTY or progress is off', () => {
    const s = stream(false);
    const p = new Progress(s, 100);
    p.addBytes(50);
    p.done();
    const off = stream(true);
    new Progress(off, 100, false).addBytes(50);
    expect([s.writes, off.writes]).toEqual([[], []]);
  });
});
