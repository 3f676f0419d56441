/**
 * Decoders from located config trees to typed settings. A decoder never throws on user input: it
 * records a diagnostic quoting the YAML path and returns a usable fallback, so one pass reports
 * every problem. `decode(undefined)` yields the default, which is how factories build their
 * default configs.
 */
import { ConfigIssues, didYouMean, type Location } from './diagnostics.js';
import { joinPath, type CfgNode, type CfgScalar } from './tree.js';

export interface DecodeContext {
  readonly issues: ConfigIssues;
  /** YAML path of the value being decoded. */
  readonly path: string;
  /** Location of the nearest located ancestor, for values that are missing. */
  readonly loc: Location | undefined;
}

export interface Decoder<T> {
  decode(node: CfgNode | undefined, ctx: DecodeContext): T;
  /** Short description for docs and `ottl collector components`: `duration (default 200ms)`. */
  readonly describe: string;
}

export type Infer<D> = D extends Decoder<infer T> ? T : never;

export function child(ctx: DecodeContext, key: string, node: CfgNode | undefined): DecodeContext {
  return { issues: ctx.issues, path: joinPath(ctx.path, key), loc: node?.loc ?? ctx.loc };
}

function wrongType(ctx: DecodeContext, node: CfgNode, expected: string): void {
  const found = node.kind === 'scalar' ? (node.value === null ? 'nothing' : JSON.stringify(node.value)) : node.kind === 'seq' ? 'a list' : 'a mapping';
  ctx.issues.add('config-error', ctx.path, node.loc ?? ctx.loc, `expected ${expected}, found ${found}`, { label: `expected ${expected}` });
}

function scalarOf(node: CfgNode | undefined): CfgScalar | undefined {
  return node?.kind === 'scalar' && node.value !== null ? node : undefined;
}

export function string(dflt = '', opts: { nonEmpty?: boolean } = {}): Decoder<string> {
  return {
    describe: `string${dflt ? ` (default ${JSON.stringify(dflt)})` : ''}`,
    decode(node, ctx) {
      const s = scalarOf(node);
      if (!s) {
        if (node && node.kind !== 'scalar') wrongType(ctx, node, 'a string');
        return dflt;
      }
      const v = typeof s.value === 'string' ? s.value : String(s.value);
      if (opts.nonEmpty && v === '') ctx.issues.add('config-error', ctx.path, s.loc ?? ctx.loc, 'must not be empty');
      return v;
    },
  };
}

/** A required string: missing or empty is an error. */
export function requiredString(what = 'a value'): Decoder<string> {
  return {
    describe: 'string (required)',
    decode(node, ctx) {
      const v = string().decode(node, ctx);
      if (v === '' && !(node && node.kind !== 'scalar')) {
        ctx.issues.add('config-error', ctx.path, node?.loc ?? ctx.loc, `${what} is required`, { label: 'missing' });
      }
      return v;
    },
  };
}

export function bool(dflt: boolean): Decoder<boolean> {
  return {
    describe: `bool (default ${dflt})`,
    decode(node, ctx) {
      const s = scalarOf(node);
      if (!s) {
        if (node && node.kind !== 'scalar') wrongType(ctx, node, 'true or false');
        return dflt;
      }
      if (typeof s.value === 'boolean') return s.value;
      if (s.value === 'true' || s.value === 'false') return s.value === 'true';
      wrongType(ctx, s, 'true or false');
      return dflt;
    },
  };
}

export function number(dflt: number, opts: { min?: number; max?: number; integer?: boolean } = {}): Decoder<number> {
  const what = opts.integer ? 'an integer' : 'a number';
  return {
    describe: `${opts.integer ? 'int' : 'number'} (default ${dflt})`,
    decode(node, ctx) {
      const s = scalarOf(node);
      if (!s) {
        if (node && node.kind !== 'scalar') wrongType(ctx, node, what);
        return dflt;
      }
      const v = typeof s.value === 'number' ? s.value : typeof s.value === 'string' && s.value.trim() !== '' ? Number(s.value) : NaN;
      if (!Number.isFinite(v) || (opts.integer && !Number.isInteger(v))) {
        wrongType(ctx, s, what);
        return dflt;
      }
      if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
        const range = opts.max === undefined ? `at least ${opts.min}` : opts.min === undefined ? `at most ${opts.max}` : `between ${opts.min} and ${opts.max}`;
        ctx.issues.add('config-error', ctx.path, s.loc ?? ctx.loc, `must be ${range}, found ${v}`, { label: 'out of range' });
        return dflt;
      }
      return v;
    },
  };
}

export function int(dflt: number, opts: { min?: number; max?: number } = {}): Decoder<number> {
  return number(dflt, { ...opts, integer: true });
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go `time.ParseDuration` syntax to milliseconds (fractional for sub-millisecond units); undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === '0') return 0;
  const m = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(t);
  if (!m) return undefined;
  let total = 0;
  for (const part of t.replace(/^[+-]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(part[1]) * DURATION_UNITS[part[2]!]!;
  }
  return m[1] === '-' ? -total : total;
}

export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** A Go duration (`200ms`, `1m30s`) as milliseconds. */
export function duration(dfltMs: number, opts: { min?: number } = { min: 0 }): Decoder<number> {
  return {
    describe: `duration (default ${formatDuration(dfltMs)})`,
    decode(node, ctx) {
      const s = scalarOf(node);
      if (!s) {
        if (node && node.kind !== 'scalar') wrongType(ctx, node, 'a duration');
        return dfltMs;
      }
      const v = s.value === 0 ? 0 : typeof s.value === 'string' ? parseDuration(s.value) : undefined;
      if (v === undefined) {
        ctx.issues.add('config-error', ctx.path, s.loc ?? ctx.loc, `invalid duration ${JSON.stringify(s.value)}`, {
          label: 'expected a duration',
          hint: 'write a number with a unit: ns, us, ms, s, m or h (for example 200ms, 10s, 1m30s)',
        });
        return dfltMs;
      }
      if (opts.min !== undefined && v < opts.min) {
        ctx.issues.add('config-error', ctx.path, s.loc ?? ctx.loc, `must not be negative, found ${JSON.stringify(s.value)}`);
        return dfltMs;
      }
      return v;
    },
  };
}

export function oneOf<const T extends string>(values: readonly T[], dflt: T, opts: { caseInsensitive?: boolean } = {}): Decoder<T> {
  return {
    describe: `one of ${values.join(' | ')} (default ${dflt})`,
    decode(node, ctx) {
      const s = scalarOf(node);
      if (!s) {
        if (node && node.kind !== 'scalar') wrongType(ctx, node, `one of ${values.join(', ')}`);
        return dflt;
      }
      const raw = String(s.value);
      const found = values.find((v) => (opts.caseInsensitive ? v.toLowerCase() === raw.toLowerCase() : v === raw));
      if (found === undefined) {
        const hint = didYouMean(raw, values);
        ctx.issues.add('config-error', ctx.path, s.loc ?? ctx.loc, `unknown value ${JSON.stringify(raw)}; expected one of ${values.join(', ')}`, {
          label: 'unknown value',
          ...(hint ? { hint } : {}),
        });
        return dflt;
      }
      return found;
    },
  };
}

export function list<T>(item: Decoder<T>, dflt: readonly T[] = []): Decoder<T[]> {
  return {
    describe: `list of ${item.describe.replace(/ \(default .*\)$/, '')}`,
    decode(node, ctx) {
      if (!node || (node.kind === 'scalar' && node.value === null)) return [...dflt];
      if (node.kind !== 'seq') {
        wrongType(ctx, node, 'a list');
        return [...dflt];
      }
      return node.items.map((n, i) => item.decode(n, { issues: ctx.issues, path: `${ctx.path}[${i}]`, loc: n.loc ?? ctx.loc }));
    },
  };
}

/** A mapping with free keys (headers, attributes). */
export function record<T>(value: Decoder<T>): Decoder<Record<string, T>> {
  return {
    describe: `map of ${value.describe.replace(/ \(default .*\)$/, '')}`,
    decode(node, ctx) {
      const out: Record<string, T> = {};
      if (!node || (node.kind === 'scalar' && node.value === null)) return out;
      if (node.kind !== 'map') {
        wrongType(ctx, node, 'a mapping');
        return out;
      }
      for (const e of node.entries.values()) out[e.key] = value.decode(e.node, child(ctx, e.key, e.node));
      return out;
    },
  };
}

/** Present or absent: absent (or `null`) decodes to undefined, without a default. */
export function optional<T>(inner: Decoder<T>): Decoder<T | undefined> {
  return {
    describe: inner.describe.replace(/ \(default .*\)$/, '') + ' (optional)',
    decode(node, ctx) {
      if (!node || (node.kind === 'scalar' && node.value === null)) return undefined;
      return inner.decode(node, ctx);
    },
  };
}

/** The value as plain JS, unchecked. */
export function raw(): Decoder<unknown> {
  return {
    describe: 'any',
    decode(node) {
      return node ? plain(node) : undefined;
    },
  };
}

/** The node itself with its location (for values checked later, such as OTTL statements). */
export interface Located<T> {
  readonly value: T;
  readonly node: CfgNode | undefined;
  readonly path: string;
}

export function located<T>(inner: Decoder<T>): Decoder<Located<T>> {
  return {
    describe: inner.describe,
    decode(node, ctx) {
      return { value: inner.decode(node, ctx), node, path: ctx.path };
    },
  };
}

function plain(node: CfgNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plain);
  return Object.fromEntries([...node.entries.values()].map((e) => [e.key, plain(e.node)]));
}

export type Fields = Record<string, Decoder<unknown>>;
export type StructOf<F extends Fields> = { [K in keyof F]: Infer<F[K]> };

export interface StructOptions<T> {
  /** Cross-field checks after every field decoded; report through `ctx.issues`. */
  check?: (value: T, ctx: DecodeContext, node: CfgNode | undefined) => void;
  /** Keys accepted and ignored (deprecated upstream fields, with a warning). */
  ignored?: Readonly<Record<string, string>>;
  /** Hints for unknown keys people commonly write instead of a real field. */
  hints?: Readonly<Record<string, string>>;
}

export interface StructDecoder<T> extends Decoder<T> {
  readonly fields: Fields;
}

/**
 * A mapping with known fields: unknown fields are errors with a did-you-mean hint; every field
 * decodes its own default when absent.
 */
export function struct<F extends Fields>(fields: F, opts: StructOptions<StructOf<F>> = {}): StructDecoder<StructOf<F>> {
  return {
    fields,
    describe: 'mapping',
    decode(node, ctx) {
      let map = node;
      if (node && !(node.kind === 'map' || (node.kind === 'scalar' && node.value === null))) {
        wrongType(ctx, node, 'a mapping');
        map = undefined;
      }
      const entries = map?.kind === 'map' ? map.entries : new Map();
      for (const e of entries.values()) {
        if (e.key in fields) continue;
        const ignoredWhy = opts.ignored?.[e.key];
        if (ignoredWhy !== undefined) {
          ctx.issues.add('config-error', joinPath(ctx.path, e.key), e.keyLoc ?? ctx.loc, `ignored: ${ignoredWhy}`, { severity: 'warning' });
          continue;
        }
        const hint = opts.hints?.[e.key] ?? didYouMean(e.key, Object.keys(fields));
        ctx.issues.add('unknown-field', joinPath(ctx.path, e.key), e.keyLoc ?? e.node.loc ?? ctx.loc, `unknown field "${e.key}"`, {
          label: 'unknown field',
          hint: hint ?? (Object.keys(fields).length > 0 ? `valid fields here: ${Object.keys(fields).join(', ')}` : 'this component takes no configuration'),
        });
      }
      const out: Record<string, unknown> = {};
      for (const [key, dec] of Object.entries(fields)) {
        const n = entries.get(key)?.node;
        out[key] = dec.decode(n, child(ctx, key, n));
      }
      const value = out as StructOf<F>;
      opts.check?.(value, ctx, node);
      return value;
    },
  };
}

/** Decodes a default value with nowhere to report (the defaults of a decoder never produce issues). */
export function defaults<T>(dec: Decoder<T>): T {
  return dec.decode(undefined, { issues: new ConfigIssues(), path: '', loc: undefined });
}
