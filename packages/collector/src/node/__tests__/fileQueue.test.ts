// The on-disk queue behind file_storage: what was appended and not acknowledged comes back after a
// reopen, in order; a torn last record is ignored; fully acknowledged segments are deleted.
import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileQueue } from '../fileQueue.js';

const root = mkdtempSync(join(tmpdir(), 'ottl-fq-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `q${n++}`);

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const bytes = (s: string) => new TextEncoder().encode(s);

/** The payloads listed as pending, read back. */
async function pendingTexts(q: FileQueue): Promise<string[]> {
  return Promise.all(q.pending.map(async (p) => text(await q.read(p.seq))));
}

async function appendAll(q: FileQueue, payloads: string[]): Promise<number[]> {
  const stored = await Promise.all(payloads.map((p, i) => q.append(bytes(p), i + 1)));
  return stored.map((s) => s.seq);
}

describe('FileQueue', () => {
  it('reads back what was appended, with seqs in append order and item counts', async () => {
    const q = await FileQueue.open(freshDir(), { fsync: false });
    expect(q.pending).toEqual([]);
    const seqs = await appendAll(q, ['a', 'bb', 'ccc']);
    expect(seqs).toEqual([0, 1, 2]);
    expect(text(await q.read(1))).toBe('bb');
    await q.ack(1);
    await expect(q.read(1)).rejects.toThrow('request 1 is not in the queue');
    await q.close();
  });

  it('a reopen replays exactly the unacknowledged requests, in order, acknowledged out of order before', async () => {
    const dir = freshDir();
    const q = await FileQueue.open(dir, { fsync: true });
    await appendAll(q, ['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
    await Promise.all([q.ack(3), q.ack(0), q.ack(4)]);
    await q.close();
    const again = await FileQueue.open(dir, { fsync: true });
    expect(again.pending).toEqual([{ seq: 1, items: 2 }, { seq: 2, items: 3 }, { seq: 5, items: 6 }]);
    expect(await pendingTexts(again)).toEqual(['r1', 'r2', 'r5']);
    // New requests continue the sequence; acknowledgements made before the reopen still hold.
    expect((await again.append(bytes('r6'), 1)).seq).toBe(6);
    await again.ack(2);
    await again.close();
    const third = await FileQueue.open(dir, { fsync: false });
    expect(await pendingTexts(third)).toEqual(['r1', 'r5', 'r6']);
    await third.close();
  });

  it('ignores a torn last record (a crash mid-write) and appends after the last whole one', async () => {
    const dir = freshDir();
    const q = await FileQueue.open(dir, { fsync: false });
    await appendAll(q, ['whole-1', 'whole-2', 'torn-3']);
    await q.close();
    const [seg] = readdirSync(dir).filter((f) => f.endsWith('.seg'));
    const file = join(dir, seg!);
    truncateSync(file, statSync(file).size - 3);
    const warnings: unknown[] = [];
    const again = await FileQueue.open(dir, { fsync: false, warn: (m, f) => warnings.push([m, f['ignored_bytes']]) });
    expect(await pendingTexts(again)).toEqual(['whole-1', 'whole-2']);
    expect(warnings).toEqual([['ignoring a torn or corrupt record and what follows it in the segment', 12 + 'torn-3'.length - 3]]);
    expect((await again.append(bytes('after'), 1)).seq).toBe(2);
    await again.close();
    const third = await FileQueue.open(dir, { fsync: false });
    expect(await pendingTexts(third)).toEqual(['whole-1', 'whole-2', 'after']);
    await third.close();
  });

  it('ignores a last record whose bytes were not all written (garbage after a whole header)', async () => {
    const dir = freshDir();
    const q = await FileQueue.open(dir, { fsync: false });
    await appendAll(q, ['kept']);
    await q.close();
    const [seg] = readdirSync(dir).filter((f) => f.endsWith('.seg'));
    // A header announcing 4 bytes with a checksum that does not match the zeros that follow.
    appendFileSync(join(dir, seg!), Buffer.from([0, 0, 0, 4, 0, 0, 0, 1, 1, 2, 3, 4, 0, 0, 0, 0]));
    const again = await FileQueue.open(dir, { fsync: false });
    expect(await pendingTexts(again)).toEqual(['kept']);
    await again.close();
  });

  it('deletes a segment once every request in it is acknowledged and a newer one exists', async () => {
    const dir = freshDir();
    const segments = () => readdirSync(dir).filter((f) => f.endsWith('.seg')).sort();
    // Three 20-byte records per 64-byte segment.
    const q = await FileQueue.open(dir, { fsync: false, segmentBytes: 64 });
    await appendAll(q, ['00000001', '00000002', '00000003', '00000004', '00000005', '00000006', '00000007']);
    expect(segments()).toEqual(['0000000000000000.seg', '0000000000000003.seg', '0000000000000006.seg']);
    await Promise.all([q.ack(0), q.ack(1)]);
    expect(segments()).toHaveLength(3);
    await q.ack(2);
    expect(segments()).toEqual(['0000000000000003.seg', '0000000000000006.seg']);
    await Promise.all([q.ack(3), q.ack(4), q.ack(5), q.ack(6)]);
    // The newest segment stays: appends go on there.
    expect(segments()).toEqual(['0000000000000006.seg']);
    await q.close();
    const again = await FileQueue.open(dir, { fsync: false, segmentBytes: 64 });
    expect(again.pending).toEqual([]);
    expect((await again.append(bytes('next'), 1)).seq).toBe(7);
    await again.close();
  });
});
