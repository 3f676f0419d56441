/**
 * The collector's own metrics (counters, gauges, histograms with labels) and their Prometheus text
 * exposition. Browser-safe: serving the text over HTTP lives in `node/telemetryServer.ts`.
 */

export type Labels = Readonly<Record<string, string>>;

export interface Counter {
  add(n: number): void;
}

export interface Histogram {
  record(v: number): void;
}

interface Series {
  readonly labels: Labels;
  value: number;
  /** Histograms only: cumulative counts per bucket bound, then +Inf. */
  buckets?: number[];
  sum?: number;
  count?: number;
  read?: () => number;
}

type InstrumentType = 'counter' | 'gauge' | 'histogram';

interface Instrument {
  readonly name: string;
  readonly help: string;
  readonly type: InstrumentType;
  readonly bounds: readonly number[];
  readonly series: Map<string, Series>;
}

export interface MetricPoint {
  readonly labels: Labels;
  readonly value: number;
}

/**
 * Holds every instrument of one collector. Instruments are created on first use and shared by
 * name; a series is one label set. Constant labels (`service_name`, `service_instance_id`…) are
 * added to every series on output.
 */
export class MetricsRegistry {
  private readonly instruments = new Map<string, Instrument>();

  constructor(readonly constLabels: Labels = {}) {}

  /** A monotonic counter series; `add` ignores negative values. */
  counter(name: string, help: string, labels: Labels = {}): Counter {
    const s = this.series(name, help, 'counter', [], labels);
    return {
      add: (n) => {
        if (n > 0) s.value += n;
      },
    };
  }

  /** A gauge series read from `read` at collection time (replaces an earlier callback for the same labels). */
  gauge(name: string, help: string, labels: Labels, read: () => number): void {
    this.series(name, help, 'gauge', [], labels).read = read;
  }

  /** A histogram series with the given upper bucket bounds (ascending). */
  histogram(name: string, help: string, bounds: readonly number[], labels: Labels = {}): Histogram {
    const s = this.series(name, help, 'histogram', bounds, labels);
    s.buckets ??= new Array<number>(bounds.length + 1).fill(0);
    s.sum ??= 0;
    s.count ??= 0;
    return {
      record: (v) => {
        let i = 0;
        while (i < bounds.length && v > bounds[i]!) i++;
        s.buckets![i]!++;
        s.sum! += v;
        s.count!++;
      },
    };
  }

  /** Current values of a counter or gauge by label set (for tests and the health check). */
  read(name: string): MetricPoint[] {
    const inst = this.instruments.get(name);
    if (!inst) return [];
    return [...inst.series.values()].map((s) => ({ labels: s.labels, value: s.read ? s.read() : inst.type === 'histogram' ? s.count ?? 0 : s.value }));
  }

  /** Sum of a counter or gauge over the series whose labels include `match`. */
  total(name: string, match: Labels = {}): number {
    return this.read(name)
      .filter((p) => Object.entries(match).every(([k, v]) => p.labels[k] === v))
      .reduce((a, p) => a + p.value, 0);
  }

  /** Prometheus text exposition format 0.0.4. */
  renderPrometheus(): string {
    const out: string[] = [];
    const names = [...this.instruments.keys()].sort();
    for (const name of names) {
      const inst = this.instruments.get(name)!;
      out.push(`# HELP ${name} ${escapeHelp(inst.help)}`, `# TYPE ${name} ${inst.type}`);
      for (const s of inst.series.values()) {
        const labels = { ...this.constLabels, ...s.labels };
        if (inst.type === 'histogram') {
          let cum = 0;
          inst.bounds.forEach((b, i) => {
            cum += s.buckets![i]!;
            out.push(`${name}_bucket${renderLabels({ ...labels, le: formatNumber(b) })} ${cum}`);
          });
          cum += s.buckets![inst.bounds.length]!;
          out.push(`${name}_bucket${renderLabels({ ...labels, le: '+Inf' })} ${cum}`);
          out.push(`${name}_sum${renderLabels(labels)} ${formatNumber(s.sum!)}`);
          out.push(`${name}_count${renderLabels(labels)} ${s.count!}`);
        } else {
          out.push(`${name}${renderLabels(labels)} ${formatNumber(s.read ? s.read() : s.value)}`);
        }
      }
    }
    return out.join('\n') + '\n';
  }

  private series(name: string, help: string, type: InstrumentType, bounds: readonly number[], labels: Labels): Series {
    let inst = this.instruments.get(name);
    if (!inst) {
      inst = { name, help, type, bounds, series: new Map() };
      this.instruments.set(name, inst);
    } else if (inst.type !== type) {
      throw new Error(`metric ${name} is a ${inst.type}, not a ${type}`);
    }
    const key = JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let s = inst.series.get(key);
    if (!s) {
      s = { labels, value: 0 };
      inst.series.set(key, s);
    }
    return s;
  }
}

function escapeHelp(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function renderLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}
