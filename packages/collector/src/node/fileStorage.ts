/**
 * `file_storage` extension (the Collector's extension/storage/filestorage): persistent queues in
 * a local directory, one subdirectory per (component, signal), named as upstream names its files
 * (`exporter_otlp_backend_logs`, `exporter_otlp__logs` for an unnamed one). The on-disk format is
 * this project's own ({@link FileQueue}), not bbolt.
 */
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CreateSettings, ExtensionFactory } from '../component/component.js';
import { bool, duration, located, raw, string, struct, type Infer } from '../config/schema.js';
import type { PersistentQueue, StorageExtension, StorageOwner } from '../extensions/storage.js';
import { FileQueue } from './fileQueue.js';

const config = struct(
  {
    directory: located(string('/var/lib/otelcol/file_storage', { nonEmpty: true })),
    create_directory: bool(false),
    directory_permissions: string('0750'),
    fsync: bool(false),
    /** How long opening a queue waits for another live collector to release its lock (upstream: bbolt's file lock). */
    timeout: duration(1000),
    /** Upstream: bbolt compaction. Accepted; acknowledged segments are deleted, leaving nothing to compact. */
    compaction: raw(),
  },
  {
    check: (c, ctx) => {
      if (!/^0?[0-7]{3}$/.test(c.directory_permissions)) {
        ctx.issues.add('config-error', `${ctx.path}.directory_permissions`, ctx.loc, `invalid directory permissions ${JSON.stringify(c.directory_permissions)}`, { hint: 'write octal permissions such as "0750"' });
      }
      if (c.create_directory) return;
      const where = c.directory.node?.loc ?? ctx.loc;
      let isDir: boolean;
      try {
        isDir = statSync(c.directory.value).isDirectory();
      } catch {
        ctx.issues.add('config-error', c.directory.path, where, `directory ${JSON.stringify(c.directory.value)} does not exist`, {
          label: 'missing directory',
          hint: 'create it, or set create_directory: true',
        });
        return;
      }
      if (!isDir) ctx.issues.add('config-error', c.directory.path, where, `${JSON.stringify(c.directory.value)} is not a directory`);
    },
  },
);

export type FileStorageConfig = Infer<typeof config>;

class FileStorage implements StorageExtension {
  private readonly open = new Set<PersistentQueue>();

  constructor(
    private readonly cfg: FileStorageConfig,
    private readonly set: CreateSettings,
  ) {}

  async start(): Promise<void> {
    if (this.cfg.create_directory) await mkdir(this.cfg.directory.value, { recursive: true, mode: parseInt(this.cfg.directory_permissions, 8) });
  }

  async openQueue(owner: StorageOwner): Promise<PersistentQueue> {
    const dir = join(this.cfg.directory.value, `${owner.kind}_${owner.id.type}_${owner.id.name}_${owner.signal}`);
    const q = await FileQueue.open(dir, { fsync: this.cfg.fsync, lockTimeout: this.cfg.timeout, warn: (m, f) => this.set.logger.warn(m, f) });
    this.open.add(q);
    return {
      pending: q.pending,
      append: (bytes, items) => q.append(bytes, items),
      read: (seq) => q.read(seq),
      ack: (seq) => q.ack(seq),
      close: async () => {
        this.open.delete(q);
        await q.close();
      },
    };
  }

  /** Closes the queues their owners left open. */
  async shutdown(): Promise<void> {
    for (const q of [...this.open]) await q.close();
    this.open.clear();
  }
}

export const fileStorageExtensionFactory: ExtensionFactory<FileStorageConfig> = {
  kind: 'extension',
  type: 'file_storage',
  description: 'Keeps persistent sending queues in a local directory.',
  stability: 'beta',
  storage: true,
  config,
  create: (set, cfg) => new FileStorage(cfg, set),
};
