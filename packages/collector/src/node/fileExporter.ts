/**
 * `file` exporter: writes each request as one line of OTLP/JSON (or, with `format: proto`, as a
 * 4-byte big-endian length followed by the protobuf bytes) to `path`, buffered and flushed every
 * `flush_interval`, with size-based rotation (the Collector's fileexporter).
 *
 * Rotation: when the file would exceed `rotation.max_megabytes`, it is renamed to
 * `<name>-<UTC timestamp>.<ext>` and a new file is started; at most `max_backups` rotated files
 * (and none older than `max_days`, when set) are kept.
 */
import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Signal } from '../component/componentId.js';
import type { CreateSettings, Exporter, SignalData } from '../component/component.js';
import { genericExporterFactory } from '../component/define.js';
import { bool, duration, int, oneOf, raw, requiredString, struct, type Infer } from '../config/schema.js';
import { presentBlock } from './netConfig.js';
import { errorMessage } from '../consumer/consumer.js';
import type { SignalOps } from '../signals.js';
import { exporterTelemetry } from '../telemetry/componentTelemetry.js';

const config = struct(
  {
    path: requiredString('path'),
    format: oneOf(['json', 'proto'] as const, 'json'),
    append: bool(false),
    flush_interval: duration(1000),
    rotation: presentBlock(struct({ max_megabytes: int(100, { min: 1 }), max_days: int(0, { min: 0 }), max_backups: int(100, { min: 0 }), localtime: bool(false) })),
    compression: oneOf(['', 'zstd'] as const, ''),
    group_by: raw(),
    encoding: raw(),
  },
  {
    check: (c, ctx, node) => {
      if (c.compression === 'zstd') ctx.issues.add('config-error', `${ctx.path}.compression`, node?.loc ?? ctx.loc, 'zstd compression is not supported by this file exporter');
      if (c.append && c.rotation) ctx.issues.add('config-error', `${ctx.path}.append`, node?.loc ?? ctx.loc, 'append and rotation enabled at the same time is not supported');
      if (c.group_by !== undefined && c.group_by !== null) ctx.issues.add('config-error', `${ctx.path}.group_by`, node?.loc ?? ctx.loc, 'group_by is not supported yet');
    },
  },
);

export type FileExporterConfig = Infer<typeof config>;

const MIB = 1024 * 1024;

/** A buffered record and whom to tell whether it reached the file (`error` undefined: it did). */
interface PendingRecord {
  readonly bytes: Buffer;
  readonly settled: (error: unknown) => void;
}

/** One open file shared by every signal writing to the same path. */
class FileWriter {
  private fh: FileHandle | undefined;
  private size = 0;
  private pending: PendingRecord[] = [];
  private pendingBytes = 0;
  private chain: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | undefined;
  private users = 0;

  constructor(private readonly cfg: FileExporterConfig) {}

  async acquire(): Promise<void> {
    if (this.users++ > 0) return;
    await this.open(this.cfg.append ? 'a' : 'w');
    if (this.cfg.flush_interval > 0) {
      // A failed flush was already reported to each record's `settled`.
      this.timer = setInterval(() => void this.flush().catch(() => {}), this.cfg.flush_interval);
      this.timer.unref();
    }
  }

  async release(): Promise<void> {
    if (--this.users > 0) return;
    if (this.timer) clearInterval(this.timer);
    await this.flush().catch(() => {});
    await this.chain;
    await this.fh?.close();
    this.fh = undefined;
  }

  /**
   * Buffers one record; it reaches the file at the next flush (at once when flush_interval is 0),
   * after which `settled` learns whether it was written. The promise rejects only when this call
   * flushed and the write failed.
   */
  write(record: PendingRecord): Promise<void> {
    this.pending.push(record);
    this.pendingBytes += record.bytes.length;
    if (this.cfg.flush_interval === 0 || this.pendingBytes >= 4 * MIB) return this.flush();
    return Promise.resolve();
  }

  /**
   * Writes the buffer out, rotating first when the file would grow past its limit. A failed write
   * or rotation fails only its own batch: the next flush tries again, reopening the file when a
   * rotation left it closed.
   */
  flush(): Promise<void> {
    if (this.pending.length === 0) return this.chain;
    const batch = this.pending;
    const bytes = this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    const written = this.chain.then(async () => {
      if (!this.fh) await this.open('a');
      const rot = this.cfg.rotation;
      if (rot && this.size > 0 && this.size + bytes > rot.max_megabytes * MIB) await this.rotate();
      const buf = Buffer.concat(
        batch.map((r) => r.bytes),
        bytes,
      );
      await this.fh!.write(buf);
      this.size += buf.length;
    });
    this.chain = written.then(
      () => batch.forEach((r) => r.settled(undefined)),
      (err: unknown) => batch.forEach((r) => r.settled(err ?? new Error('write failed'))),
    );
    return written;
  }

  /** Opens the file (creating its directory), appending or truncating; `size` follows it. */
  private async open(flags: 'a' | 'w'): Promise<void> {
    await mkdir(dirname(this.cfg.path), { recursive: true });
    this.fh = await open(this.cfg.path, flags);
    this.size = (await this.fh.stat()).size;
  }

  /** Renames the full file and starts a new one; on failure the file is left closed (see flush). */
  private async rotate(): Promise<void> {
    const rot = this.cfg.rotation!;
    const fh = this.fh!;
    this.fh = undefined;
    await fh.close();
    const ext = extname(this.cfg.path);
    const stem = basename(this.cfg.path, ext);
    const now = new Date();
    const stamp = (rot.localtime ? new Date(now.getTime() - now.getTimezoneOffset() * 60_000) : now).toISOString().replace(/:/g, '-').replace('Z', '');
    await rename(this.cfg.path, join(dirname(this.cfg.path), `${stem}-${stamp}${ext}`));
    await this.open('w');
    await this.pruneBackups(stem, ext);
  }

  private async pruneBackups(stem: string, ext: string): Promise<void> {
    const rot = this.cfg.rotation!;
    const dir = dirname(this.cfg.path);
    const backups = (await readdir(dir)).filter((f) => f.startsWith(`${stem}-`) && f.endsWith(ext) && f !== basename(this.cfg.path)).sort();
    const doomed = new Set<string>();
    if (rot.max_backups > 0) for (const f of backups.slice(0, Math.max(0, backups.length - rot.max_backups))) doomed.add(f);
    if (rot.max_days > 0) {
      const cutoff = Date.now() - rot.max_days * 86_400_000;
      for (const f of backups) if ((await stat(join(dir, f))).mtimeMs < cutoff) doomed.add(f);
    }
    for (const f of doomed) await unlink(join(dir, f));
  }
}

/** Writers by config: the signals of one `file` exporter share its file. */
const writers = new WeakMap<FileExporterConfig, FileWriter>();

function fileExporter<S extends Signal>(set: CreateSettings, cfg: FileExporterConfig, ops: SignalOps<SignalData[S]>): Exporter<SignalData[S]> {
  let writer = writers.get(cfg);
  if (!writer) writers.set(cfg, (writer = new FileWriter(cfg)));
  const w = writer;
  const tel = exporterTelemetry(set.metrics, set.id, set.signal as Signal);
  return {
    capabilities: { mutatesData: false },
    start: () => w.acquire(),
    shutdown: () => w.release(),
    async consume(data) {
      const n = ops.count(data);
      let record: Buffer;
      if (cfg.format === 'json') record = Buffer.from(ops.encodeJson(data) + '\n');
      else {
        const body = ops.encodeProto(data);
        record = Buffer.allocUnsafe(4 + body.length);
        record.writeUInt32BE(body.length, 0);
        record.set(body, 4);
      }
      await w.write({
        bytes: record,
        settled: (error) => {
          if (error === undefined) return tel.sent(n);
          tel.sendFailed(n);
          set.logger.error('Exporting failed. Dropping data.', { error: errorMessage(error), dropped_items: n });
        },
      });
    },
  };
}

export const fileExporterFactory = genericExporterFactory({
  type: 'file',
  description: 'Writes OTLP/JSON lines (or length-prefixed protobuf) to a file, with rotation.',
  stability: 'alpha',
  config,
  signals: ['traces', 'metrics', 'logs', 'profiles'] as readonly Signal[],
  create: fileExporter,
});
