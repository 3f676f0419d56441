/**
 * A {@link PersistentQueue} in one directory: append-only segment files, a small file naming
 * what was acknowledged, and a lock file.
 *
 * - `<first seq, 16 digits>.seg`: records `[length u32][items u32][crc32 of payload u32][payload]`
 *   (big-endian), the record at index i having seq first + i; a new segment starts once the current
 *   one passed `segmentBytes`. A segment is deleted once every record in it is acknowledged and a
 *   newer one exists.
 * - `acked.json`: `{ "floor": n, "done": [[from, to], ...] }`: every seq below `floor` and every seq
 *   in a half-open range `[from, to)` is acknowledged. Each range is followed by a request still
 *   queued, so the file stays as small as the number of queued requests allows, however many
 *   requests finish after an old one that is stuck. Replaced atomically (write `acked.json.tmp`,
 *   then rename).
 * - `lock`: the pid of the process that has the queue open, created exclusively. A queue held by a
 *   live process cannot be opened; a lock left by a dead one is taken over.
 *
 * Opening replays every record not acknowledged, in seq order. A torn or corrupt record (a crash in
 * the middle of a write) ends its segment: it and anything after it in that segment are ignored,
 * and the last segment is cut back to its last whole record before appending goes on.
 *
 * With `fsync`, record data, the acknowledgement file and the directory entries of new segments and
 * of the renamed acknowledgement file reach the disk before the call that wrote them resolves.
 */
import { mkdir, open, readdir, readFile, rename, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { crc32 } from 'node:zlib';
import type { PersistentQueue, StoredRequest } from '../extensions/storage.js';

export interface FileQueueOptions {
  /** Sync data and directory entries to the disk before an append or acknowledgement resolves. */
  readonly fsync: boolean;
  /** Size after which appends go to a new segment (default 8 MiB). */
  readonly segmentBytes?: number;
  /** How long `open` waits for a live process to release the queue before it fails (default 0). */
  readonly lockTimeout?: number;
  /** Told about ignored bytes (a torn tail) found while opening. */
  readonly warn?: (message: string, fields: Record<string, unknown>) => void;
}

const HEADER = 12;
const STATE = 'acked.json';
const LOCK = 'lock';
const SEGMENT = /^(\d{16})\.seg$/;

interface Segment {
  readonly first: number;
  readonly path: string;
  readonly file: FileHandle;
  size: number;
  /** The seq its next record would have. */
  next: number;
  /** Records in it not acknowledged yet. */
  live: number;
}

interface Entry extends StoredRequest {
  readonly segment: Segment;
  readonly offset: number;
  readonly length: number;
}

/** Acknowledged seqs: all below `floor`, and those in the sorted, disjoint, non-touching `[from, to)` ranges above it. */
interface Acked {
  floor: number;
  readonly done: [number, number][];
}

/** Lock files this process holds, by resolved path: a lock with our own pid is ours only if listed. */
const held = new Set<string>();

export class FileQueue implements PersistentQueue {
  readonly pending: readonly StoredRequest[];
  private readonly entries = new Map<number, Entry>();
  private appending: Promise<unknown> = Promise.resolve();
  private lastSave: Promise<void> = Promise.resolve();
  private queuedSave: Promise<void> | undefined;

  private constructor(
    private readonly dir: string,
    private readonly lock: string,
    private readonly options: FileQueueOptions,
    private readonly acked: Acked,
    private readonly segments: Segment[],
    pending: Entry[],
    private nextSeq: number,
  ) {
    for (const e of pending) this.entries.set(e.seq, e);
    this.pending = pending.map((e) => ({ seq: e.seq, items: e.items }));
  }

  /**
   * Opens (creating it if needed) the queue in `dir`. Rejects when another live process (or this
   * one) has it open and does not release it within `lockTimeout`.
   */
  static async open(dir: string, options: FileQueueOptions): Promise<FileQueue> {
    await mkdir(dir, { recursive: true });
    const lock = await takeLock(resolve(dir, LOCK), options.lockTimeout ?? 0);
    const segments: Segment[] = [];
    try {
      const state = await readState(join(dir, STATE), options.warn);
      const names = (await readdir(dir)).filter((n) => SEGMENT.test(n)).sort();
      const pending: Entry[] = [];
      // At least past every acknowledged seq: a record lost from the page cache in a machine crash
      // may have been acknowledged, and its seq must not name a new record.
      let nextSeq = Math.max(state.floor, state.done.at(-1)?.[1] ?? 0);
      for (const [i, name] of names.entries()) {
        const path = join(dir, name);
        const first = Number(SEGMENT.exec(name)![1]);
        const seg: Segment = { first, path, file: await open(path, 'a+'), size: 0, next: first, live: 0 };
        segments.push(seg);
        const bytes = await seg.file.readFile();
        let at = 0;
        for (; at + HEADER <= bytes.length; seg.next++) {
          const length = bytes.readUInt32BE(at);
          const end = at + HEADER + length;
          if (end > bytes.length || crc32(bytes.subarray(at + HEADER, end)) !== bytes.readUInt32BE(at + 8)) break;
          if (!isAcked(state, seg.next)) {
            pending.push({ seq: seg.next, items: bytes.readUInt32BE(at + 4), segment: seg, offset: at + HEADER, length });
            seg.live++;
          }
          at = end;
        }
        seg.size = at;
        nextSeq = Math.max(nextSeq, seg.next);
        if (at < bytes.length) {
          options.warn?.('ignoring a torn or corrupt record and what follows it in the segment', { file: path, offset: at, ignored_bytes: bytes.length - at });
          if (i === names.length - 1) await seg.file.truncate(at);
        }
      }
      const q = new FileQueue(dir, lock, options, ackedAllBut(pending, nextSeq), segments, pending, nextSeq);
      await q.removeAcknowledgedSegments();
      return q;
    } catch (err) {
      for (const s of segments) await s.file.close();
      await releaseLock(lock);
      throw err;
    }
  }

  append(bytes: Uint8Array, items: number): Promise<StoredRequest> {
    const run = this.appending.then(() => this.write(bytes, items));
    this.appending = run.catch(() => {});
    return run;
  }

  async read(seq: number): Promise<Uint8Array> {
    const e = this.entries.get(seq);
    if (!e) throw new Error(`request ${seq} is not in the queue`);
    const buf = Buffer.allocUnsafe(e.length);
    const { bytesRead } = await e.segment.file.read(buf, 0, e.length, e.offset);
    if (bytesRead !== e.length) throw new Error(`request ${seq}: read ${bytesRead} of ${e.length} bytes from ${e.segment.path}`);
    return buf;
  }

  async ack(seq: number): Promise<void> {
    const e = this.entries.get(seq);
    if (!e) return;
    this.entries.delete(seq);
    e.segment.live--;
    addAcked(this.acked, seq);
    await this.save();
    await this.removeAcknowledgedSegments();
  }

  /** Closes the files and releases the lock; what is not acknowledged stays for the next open. */
  async close(): Promise<void> {
    await this.appending;
    await this.lastSave;
    for (const s of this.segments.splice(0)) await s.file.close();
    await releaseLock(this.lock);
  }

  private async write(bytes: Uint8Array, items: number): Promise<StoredRequest> {
    let seg = this.segments.at(-1);
    // A segment numbers its records by position, so one whose next seq is not ours (its tail was
    // lost in a crash after being acknowledged) takes no more records.
    if (!seg || seg.next !== this.nextSeq || (seg.size > 0 && seg.size + HEADER + bytes.length > (this.options.segmentBytes ?? 8 << 20))) {
      const path = join(this.dir, `${String(this.nextSeq).padStart(16, '0')}.seg`);
      seg = { first: this.nextSeq, path, file: await open(path, 'a+'), size: 0, next: this.nextSeq, live: 0 };
      this.segments.push(seg);
      if (this.options.fsync) await this.syncDir();
      await this.removeAcknowledgedSegments();
    }
    const record = Buffer.allocUnsafe(HEADER + bytes.length);
    record.writeUInt32BE(bytes.length, 0);
    record.writeUInt32BE(items, 4);
    record.writeUInt32BE(crc32(bytes), 8);
    record.set(bytes, HEADER);
    try {
      for (let at = 0; at < record.length; ) at += (await seg.file.write(record, at)).bytesWritten;
      if (this.options.fsync) await seg.file.datasync();
    } catch (err) {
      // Nothing after a partial record would be readable: cut it off before the next append.
      await seg.file.truncate(seg.size).catch(() => {});
      throw err;
    }
    const entry: Entry = { seq: this.nextSeq++, items, segment: seg, offset: seg.size + HEADER, length: bytes.length };
    seg.size += record.length;
    seg.next++;
    seg.live++;
    this.entries.set(entry.seq, entry);
    return { seq: entry.seq, items };
  }

  /** Writes the acknowledged set; at most one write runs and one waits, which writes the newest state. */
  private save(): Promise<void> {
    if (!this.queuedSave) {
      const run = this.lastSave.then(async () => {
        this.queuedSave = undefined;
        const tmp = join(this.dir, `${STATE}.tmp`);
        await writeFile(tmp, JSON.stringify(this.acked), { flush: this.options.fsync });
        await rename(tmp, join(this.dir, STATE));
        if (this.options.fsync) await this.syncDir();
      });
      this.queuedSave = run;
      this.lastSave = run.catch(() => {});
    }
    return this.queuedSave;
  }

  /** Makes the directory's entries (created, renamed files) durable. */
  private async syncDir(): Promise<void> {
    const d = await open(this.dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  }

  /** Deletes every segment but the newest whose records are all acknowledged. */
  private async removeAcknowledgedSegments(): Promise<void> {
    for (const seg of this.segments.slice(0, -1)) {
      const i = this.segments.indexOf(seg);
      if (seg.live > 0 || i < 0) continue;
      this.segments.splice(i, 1);
      await seg.file.close();
      await unlink(seg.path);
    }
  }
}

/**
 * The acknowledged set as last saved. An unreadable file (without fsync, a machine crash can leave
 * the renamed file empty) counts as nothing acknowledged: every stored request is sent again
 * rather than the queue refusing to open.
 */
async function readState(path: string, warn: FileQueueOptions['warn']): Promise<Acked> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { floor: 0, done: [] };
    throw err;
  }
  try {
    const s = JSON.parse(text) as Partial<Acked>;
    if (Number.isSafeInteger(s.floor) && Array.isArray(s.done)) return s as Acked;
  } catch {
    // Reported below.
  }
  warn?.('unreadable acknowledgement file: every stored request will be sent again', { file: path });
  return { floor: 0, done: [] };
}

/** The index of the first range in `done` that ends after `seq` (`done.length` when none does). */
function rangeAfter(done: readonly [number, number][], seq: number): number {
  let lo = 0;
  let hi = done.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (done[mid]![1] <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isAcked(a: Acked, seq: number): boolean {
  if (seq < a.floor) return true;
  const r = a.done[rangeAfter(a.done, seq)];
  return r !== undefined && r[0] <= seq;
}

function addAcked(a: Acked, seq: number): void {
  if (isAcked(a, seq)) return;
  const i = rangeAfter(a.done, seq);
  const before = a.done[i - 1];
  const after = a.done[i];
  const joinsBefore = before !== undefined ? before[1] === seq : a.floor === seq;
  const joinsAfter = after !== undefined && after[0] === seq + 1;
  if (joinsBefore && joinsAfter) {
    if (before) before[1] = after[1];
    else a.floor = after[1];
    a.done.splice(i, 1);
  } else if (joinsBefore) {
    if (before) before[1] = seq + 1;
    else a.floor = seq + 1;
  } else if (joinsAfter) after[0] = seq;
  else a.done.splice(i, 0, [seq, seq + 1]);
}

/**
 * Every seq below `next` acknowledged except the pending ones (in seq order): seqs no segment
 * holds any more (acknowledged, or lost to a torn write) never hold back the floor.
 */
function ackedAllBut(pending: readonly StoredRequest[], next: number): Acked {
  const done: [number, number][] = [];
  for (const [i, p] of pending.entries()) {
    const to = pending[i + 1]?.seq ?? next;
    if (to > p.seq + 1) done.push([p.seq + 1, to]);
  }
  return { floor: pending[0]?.seq ?? next, done };
}

/** Creates `path` holding our pid, taking over a lock whose process is gone; waits up to `timeout` ms for a live holder. */
async function takeLock(path: string, timeout: number): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
      held.add(path);
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (!isAlive(pid, path)) {
      await unlink(path).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new Error(`the persistent queue in ${resolve(path, '..')} is in use by process ${pid}${pid === process.pid ? ' (this collector)' : ''}; stop that process, or delete ${path} if it is not a collector using this directory`);
    }
    await delay(Math.min(left, 50));
  }
}

/** Whether the process that wrote a lock still runs (our own pid counts only for locks we hold). */
function isAlive(pid: number, path: string): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return held.has(path);
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function releaseLock(path: string): Promise<void> {
  held.delete(path);
  await unlink(path).catch(() => {});
}
