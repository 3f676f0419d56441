// The on-disk queue behind file_storage: what was appended and not acknowledged comes back after a
// reopen, in order; a torn last record is ignored; fully acknowledged segments are deleted; the
// acknowledgement file stays small; a live process's queue cannot be opened; fsync syncs the directory.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileQueue } from '../fileQueue.js';

/** File-system calls that make data durable, as `<call> <file name>`, recorded by a pass-through mock. */
const durable = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const { basename } = await import('node:path');
  const open: typeof fs.open = async (path, flags, mode) => {
    const h = await fs.open(path, flags, mode);
    const name = basename(String(path));
    const sync = h.sync.bind(h);
    const datasync = h.datasync.bind(h);
    h.sync = () => (durable.push(`sync ${name}`), sync());
    h.datasync = () => (durable.push(`datasync ${name}`), datasync());
    if (flags === 'a+') durable.push(`open ${name}`);
    return h;
  };
  const rename: typeof fs.rename = (from, to) => (durable.push(`rename ${basename(String(to))}`), fs.rename(from, to));
  return { ...fs, open, rename };
});

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

  it('keeps acked.json small while one old request is stuck and many newer ones finish, and replays exactly the rest', async () => {
    const dir = freshDir();
    const q = await FileQueue.open(dir, { fsync: false, segmentBytes: 4096 });
    const seqs = await appendAll(q, Array.from({ length: 1000 }, (_, i) => `r${i}`));
    // r0 and r3 are stuck in retries, r999 is still in flight; everything else finishes, one by one.
    for (const seq of seqs.slice(1)) if (seq !== 3 && seq !== 999) await q.ack(seq);
    expect(readFileSync(join(dir, 'acked.json'), 'utf8')).toBe('{"floor":0,"done":[[1,3],[4,999]]}');
    await q.close();
    const again = await FileQueue.open(dir, { fsync: false });
    expect(await pendingTexts(again)).toEqual(['r0', 'r3', 'r999']);
    await again.ack(3);
    await again.ack(0);
    expect(readFileSync(join(dir, 'acked.json'), 'utf8')).toBe('{"floor":999,"done":[]}');
    await again.close();
  });

  it('a corrupt record in an older segment does not hold back the acknowledged floor', async () => {
    const dir = freshDir();
    const q = await FileQueue.open(dir, { fsync: false, segmentBytes: 64 });
    await appendAll(q, ['00000000', '00000001', '00000002', '00000003']);
    await q.close();
    // Flip a payload byte of seq 1: it and seq 2 after it in the first segment are unreadable.
    const first = join(dir, '0000000000000000.seg');
    const buf = readFileSync(first);
    buf[20 + 12] ^= 0xff;
    writeFileSync(first, buf);
    const again = await FileQueue.open(dir, { fsync: false, segmentBytes: 64 });
    expect(await pendingTexts(again)).toEqual(['00000000', '00000003']);
    await again.ack(0);
    await again.ack(3);
    expect(readFileSync(join(dir, 'acked.json'), 'utf8')).toBe('{"floor":4,"done":[]}');
    await again.close();
  });

  it('numbers a record appended after a lost, already acknowledged tail so that a reopen still replays it', async () => {
    const dir = freshDir();
    const q = await FileQueue.open(dir, { fsync: false });
    await appendAll(q, ['a', 'b', 'lost']);
    await Promise.all([q.ack(0), q.ack(1), q.ack(2)]);
    await q.close();
    // A machine crash without fsync: acked.json reached the disk, the last record did not.
    const [seg] = readdirSync(dir).filter((f) => f.endsWith('.seg'));
    truncateSync(join(dir, seg!), statSync(join(dir, seg!)).size - (12 + 'lost'.length));
    const again = await FileQueue.open(dir, { fsync: false });
    expect(again.pending).toEqual([]);
    expect((await again.append(bytes('new'), 1)).seq).toBe(3);
    await again.close();
    const third = await FileQueue.open(dir, { fsync: false });
    expect(third.pending).toEqual([{ seq: 3, items: 1 }]);
    expect(await pendingTexts(third)).toEqual(['new']);
    await third.close();
  });

  it('refuses a queue that a live process holds, and takes over a lock whose process is gone', async () => {
    const dir = freshDir();
    const q = await FileQueue.open(dir, { fsync: false });
    expect(readFileSync(join(dir, 'lock'), 'utf8')).toBe(`${process.pid}\n`);
    await expect(FileQueue.open(dir, { fsync: false })).rejects.toThrow(`the persistent queue in ${dir} is in use by process ${process.pid} (this collector); stop that process, or delete ${join(dir, 'lock')} if it is not a collector using this directory`);
    // Waiting up to lockTimeout for the holder to close.
    const waiting = FileQueue.open(dir, { fsync: false, lockTimeout: 2000 });
    await q.close();
    await (await waiting).close();
    // Another live process (our parent).
    writeFileSync(join(dir, 'lock'), `${process.ppid}\n`);
    await expect(FileQueue.open(dir, { fsync: false, lockTimeout: 20 })).rejects.toThrow(`in use by process ${process.ppid};`);
    // A process that exited, and our own pid left by an earlier run (a container restart) that this process does not hold.
    for (const stale of [spawnSync(process.execPath, ['-e', '']).pid, process.pid]) {
      writeFileSync(join(dir, 'lock'), `${stale}\n`);
      const taken = await FileQueue.open(dir, { fsync: false });
      expect(readFileSync(join(dir, 'lock'), 'utf8')).toBe(`${process.pid}\n`);
      await taken.close();
    }
    expect(readdirSync(dir)).not.toContain('lock');
  });

  it('with fsync, syncs the directory after creating a segment and after renaming acked.json', async () => {
    const dir = freshDir();
    const name = dir.slice(root.length + 1);
    const q = await FileQueue.open(dir, { fsync: true });
    durable.length = 0;
    await q.append(bytes('x'), 1);
    expect(durable).toEqual(['open 0000000000000000.seg', `sync ${name}`, 'datasync 0000000000000000.seg']);
    durable.length = 0;
    await q.ack(0);
    expect(durable).toEqual(['rename acked.json', `sync ${name}`]);
    await q.close();
    const lax = await FileQueue.open(freshDir(), { fsync: false });
    durable.length = 0;
    await lax.append(bytes('y'), 1);
    await lax.ack(0);
    expect(durable).toEqual(['open 0000000000000000.seg', 'rename acked.json']);
    await lax.close();
  });

  it('an unreadable acked.json (left empty by a machine crash) replays every stored request instead of failing to open', async () => {
    const dir = freshDir();
    const q = await FileQueue.open(dir, { fsync: false });
    await appendAll(q, ['r0', 'r1', 'r2']);
    await q.ack(0);
    await q.close();
    writeFileSync(join(dir, 'acked.json'), '');
    const warnings: unknown[] = [];
    const again = await FileQueue.open(dir, { fsync: false, warn: (m) => warnings.push(m) });
    expect(await pendingTexts(again)).toEqual(['r0', 'r1', 'r2']);
    expect(warnings).toEqual(['unreadable acknowledgement file: every stored request will be sent again']);
    await again.close();
  });
});
