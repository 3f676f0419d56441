/**
 * A one-line progress bar on a TTY (stderr): bytes read against the input size when it is known,
 * records processed and the rate. Redrawn at most every 100 ms and erased when done; does nothing
 * when the stream is not a TTY.
 */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(s: string): boolean;
}

function size(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}

function count(n: number): string {
  return n < 10_000 ? String(n) : n < 10_000_000 ? `${(n / 1000).toFixed(1)}k` : `${(n / 1_000_000).toFixed(1)}M`;
}

export class Progress {
  private bytes = 0;
  private records = 0;
  private last = 0;
  private shown = false;
  private readonly started = Date.now();
  readonly active: boolean;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number | undefined,
    enabled = true,
  ) {
    this.active = enabled && stream.isTTY === true;
  }

  addBytes(n: number): void {
    this.bytes += n;
    this.tick();
  }

  addRecords(n: number): void {
    this.records += n;
    this.tick();
  }

  private tick(): void {
    if (!this.active) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    this.draw(now);
  }

  private draw(now: number): void {
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const rate = `${count(Math.round(this.records / secs))} records/s`;
    let line: string;
    if (this.total !== undefined && this.total > 0) {
      const frac = Math.min(1, this.bytes / this.total);
      const width = 24;
      const filled = Math.round(frac * width);
      line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${size(this.bytes)}/${size(this.total)} ${count(this.records)} records ${rate}`;
    } else line = `${size(this.bytes)} read, ${count(this.records)} records, ${rate}`;
    const cols = this.stream.columns ?? 80;
    this.stream.write(`\r${line.slice(0, cols - 1)}\u001b[K`);
    this.shown = true;
  }

  /** Erases the bar. */
  done(): void {
    if (this.shown) this.stream.write('\r\u001b[K');
    this.shown = false;
  }
}
