/**
 * A {@link PersistentQueue} in one directory: append-only segment files plus a small file naming
 * what was acknowledged.
 *
 * - `<first seq, 16 digits>.seg`: records `[length u32][items u32][crc32 of payload u32][payload]`
 *   (big-endian), written in seq order; a new segment starts once the current one passed
 *   `segmentBytes`. A segment is deleted once every record in it is acknowledged and a newer one
 *   exists.
 * - `acked.json`: `{ "floor": n, "done": [...] }`, every seq below `floor` plus those in `done` are
 *   acknowledged; replaced atomically (write `acked.json.tmp`, then rename).
 *
 * Opening replays every record not acknowledged, in seq order. A torn or corrupt record (a crash in
 * the middle of a write) ends its segment: it and anything after it in that segment are ignored,
 * and the last segment is cut back to its last whole record before appending goes on.
 */
import { mkdir, open, readdir, readFile, rename, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { PersistentQueue, StoredRequest } from '../extensions/storage.js';

export interface FileQueueOptions {
  /** Sync data to the disk before an append or acknowledgement resolves. */
  readonly fsync: boolean;
  /** Size after which appends go to a new segment (default 8 MiB). */
  readonly segmentBytes?: number;
  /** Told about ignored bytes (a torn tail) found while opening. */
  readonly warn?: (message: string, fields: Record<string, unknown>) => void;
}

const HEADER = 12;
const STATE = 'acked.json';
const SEGMENT = /^(\d{16})\.seg$/;

interface Segment {
  readonly first: number;
  readonly path: string;
  readonly file: FileHandle;
  size: number;
  /** Records in it not acknowledged yet. */
  live: number;
}

interface Entry extends StoredRequest {
  readonly segment: Segment;
  readonly offset: number;
  readonly length: number;
}

export class FileQueue implements PersistentQueue {
  readonly pending: readonly StoredRequest[];
  private readonly entries = new Map<number, Entry>();
  private readonly segments: Segment[];
  private nextSeq: number;
  private floor: number;
  private readonly done: Set<number>;
  private appending: Promise<unknown> = Promise.resolve();
  private lastSave: Promise<void> = Promise.resolve();
  private queuedSave: Promise<void> | undefined;

  private constructor(
    private readonly dir: string,
    private readonly options: FileQueueOptions,
    state: { floor: number; done: Set<number> },
    segments: Segment[],
    pending: Entry[],
    nextSeq: number,
  ) {
    this.floor = state.floor;
    this.done = state.done;
    this.segments = segments;
    this.nextSeq = nextSeq;
    for (const e of pending) this.entries.set(e.seq, e);
    this.pending = pending.map((e) => ({ seq: e.seq, items: e.items }));
  }

  /** Opens (creating it if needed) the queue in `dir`. */
  static async open(dir: string, options: FileQueueOptions): Promise<FileQueue> {
    await mkdir(dir, { recursive: true });
    const state = await readState(join(dir, STATE));
    const names = (await readdir(dir)).filter((n) => SEGMENT.test(n)).sort();
    const segments: Segment[] = [];
    const pending: Entry[] = [];
    let nextSeq = Math.max(state.floor, ...[...state.done].map((s) => s + 1));
    for (const [i, name] of names.entries()) {
      const path = join(dir, name);
      const seg: Segment = { first: Number(SEGMENT.exec(name)![1]), path, file: await open(path, 'a+'), size: 0, live: 0 };
      segments.push(seg);
      const bytes = await seg.file.readFile();
      let seq = seg.first;
      let at = 0;
      for (; at + HEADER <= bytes.length; seq++) {
        const length = bytes.readUInt32BE(at);
        const end = at + HEADER + length;
        if (end > bytes.length || crc32(bytes.subarray(at + HEADER, end)) !== bytes.readUInt32BE(at + 8)) break;
        if (seq >= state.floor && !state.done.has(seq)) {
          pending.push({ seq, items: bytes.readUInt32BE(at + 4), segment: seg, offset: at + HEADER, length });
          seg.live++;
        }
        at = end;
      }
      seg.size = at;
      nextSeq = Math.max(nextSeq, seq);
      if (at < bytes.length) {
        options.warn?.('ignoring a torn or corrupt record and what follows it in the segment', { file: path, offset: at, ignored_bytes: bytes.length - at });
        if (i === names.length - 1) await seg.file.truncate(at);
      }
    }
    const q = new FileQueue(dir, options, state, segments, pending, nextSeq);
    await q.removeAcknowledgedSegments();
    return q;
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
    this.done.add(seq);
    while (this.done.delete(this.floor)) this.floor++;
    await this.save();
    await this.removeAcknowledgedSegments();
  }

  async close(): Promise<void> {
    await this.appending;
    await this.lastSave;
    for (const s of this.segments.splice(0)) await s.file.close();
  }

  private async write(bytes: Uint8Array, items: number): Promise<StoredRequest> {
    let seg = this.segments.at(-1);
    if (!seg || (seg.size > 0 && seg.size + HEADER + bytes.length > (this.options.segmentBytes ?? 8 << 20))) {
      const path = join(this.dir, `${String(this.nextSeq).padStart(16, '0')}.seg`);
      seg = { first: this.nextSeq, path, file: await open(path, 'a+'), size: 0, live: 0 };
      this.segments.push(seg);
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
        await writeFile(tmp, JSON.stringify({ floor: this.floor, done: [...this.done] }), { flush: this.options.fsync });
        await rename(tmp, join(this.dir, STATE));
      });
      this.queuedSave = run;
      this.lastSave = run.catch(() => {});
    }
    return this.queuedSave;
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

async function readState(path: string): Promise<{ floor: number; done: Set<number> }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { floor: 0, done: new Set() };
    throw err;
  }
  const s = JSON.parse(text) as { floor: number; done: number[] };
  return { floor: s.floor, done: new Set(s.done) };
}
