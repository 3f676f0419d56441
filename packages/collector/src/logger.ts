/**
 * A small structured logger injected into every component. Components never write to the console
 * directly; tests pass {@link nopLogger} or a capturing logger, the CLI passes a console logger.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every entry (e.g. `{ kind: 'processor', name: 'batch' }`). */
  with(fields: LogFields): Logger;
}

const LEVELS: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface LogEntry {
  readonly time: Date;
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: LogFields;
}

/** A logger that hands every entry at or above `level` to `sink`. */
export function createLogger(sink: (entry: LogEntry) => void, level: LogLevel = 'info', base: LogFields = {}): Logger {
  const min = LEVELS[level];
  const emit = (lvl: LogLevel, message: string, fields?: LogFields): void => {
    if (LEVELS[lvl] < min) return;
    sink({ time: new Date(), level: lvl, message, fields: fields ? { ...base, ...fields } : base });
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    with: (fields) => createLogger(sink, level, { ...base, ...fields }),
  };
}

/** Discards everything. */
export const nopLogger: Logger = createLogger(() => {}, 'error');

/** Renders a log value for one-line output: strings as they are, errors by message, others as JSON. */
function renderValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Error) return v.message;
  if (typeof v === 'bigint') return v.toString();
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  } catch {
    return String(v);
  }
}

/** `2025-01-02T03:04:05.678Z\tinfo\tmessage\t{"k":"v"}` — the Collector's console layout. */
export function formatConsoleEntry(e: LogEntry): string {
  const keys = Object.keys(e.fields);
  const extra = keys.length === 0 ? '' : '\t' + JSON.stringify(Object.fromEntries(keys.map((k) => [k, renderValue(e.fields[k])])));
  return `${e.time.toISOString()}\t${e.level}\t${e.message}${extra}`;
}

/** One JSON object per entry: `{"ts":…,"level":…,"msg":…,…fields}`. */
export function formatJsonEntry(e: LogEntry): string {
  const out: Record<string, string> = { ts: e.time.toISOString(), level: e.level, msg: e.message };
  for (const [k, v] of Object.entries(e.fields)) out[k] = renderValue(v);
  return JSON.stringify(out);
}

/** A logger writing formatted lines through `write` (for example to stderr). */
export function createLineLogger(write: (line: string) => void, options: { level?: LogLevel; format?: 'console' | 'json' } = {}): Logger {
  const format = options.format === 'json' ? formatJsonEntry : formatConsoleEntry;
  return createLogger((e) => write(format(e) + '\n'), options.level ?? 'info');
}

/** A logger that keeps every entry in `entries` (for tests and embedding). */
export function createMemoryLogger(level: LogLevel = 'debug'): Logger & { readonly entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return Object.assign(createLogger((e) => entries.push(e), level), { entries });
}
