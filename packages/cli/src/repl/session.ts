/**
 * The REPL's state and evaluation, independent of the terminal: sample records loaded from OTLP
 * files (or one empty record), the current context and record, and what one input does —
 * a `:command`, a statement (run on the current record, showing what changed), a condition
 * (true/false) or a value expression (its value). Returns text to print; never throws on input.
 */
import { PMap, LogRecord, Logs, Metric, Metrics, NumberDataPoint, ResourceLogs, ResourceMetrics, ResourceSpans, ScopeLogs, ScopeMetrics, ScopeSpans, Span, SpanEvent, Traces } from '@ottl/pdata';
import { CONTEXT_NAMES, allFunctionDefs, isContextName, renderFileDiagnostics, LineIndex, type ContextName, type Diagnostic, type TransformContext, type Style } from '@ottl/core';
import type { Signal, SignalData } from '@ottl/collector';
import { readInput } from '../data/input.js';
import { renderFunction, renderPaths } from '../render/functionDocs.js';
import { displayValue } from '../render/value.js';
import type { Environments } from '../rules/environments.js';
import { signalsOfContext } from '../rules/pipeline.js';
import { forEachItem, Locator } from '../run/locate.js';
import { changes, Snapshotter } from '../run/snapshot.js';
import { complete } from '@ottl/language-service';

interface Item {
  readonly ctx: TransformContext;
  readonly place: string;
}

const DEFAULT_CONTEXT: Readonly<Record<Signal, ContextName>> = { logs: 'log', traces: 'span', metrics: 'datapoint', profiles: 'profile' };

export const REPL_HELP = `Type an OTTL statement to run it on the current record, a condition to test it, or a
value expression to see its value. Paths without a context name are the current context's.

  :help [NAME]        this help, or the reference of function NAME
  :context [NAME]     show or switch the context (log, span, spanevent, metric, datapoint, resource, scope…)
  :load FILE…         load OTLP records (JSON or protobuf files) instead of the current ones
  :reset              reload the records (undo every change)
  :next / :prev       move to the next / previous record;  :goto N  to record N
  :show [all]         the current record's paths and values (all: also empty ones)
  :paths              the paths and enums of the context
  :complete TEXT      the completions for TEXT (what Tab offers)
  :quit               leave (or Ctrl+D)

End a line with \\ (or leave a bracket open) to continue on the next line.`;

function emptyData(context: ContextName): { signal: Signal; data: SignalData[Signal]; resourceIndex: number } | undefined {
  switch (signalsOfContext(context)[0]) {
    case 'logs':
      return { signal: 'logs', resourceIndex: 0, data: Logs.create({ resourceLogs: [ResourceLogs.create({ scopeLogs: [ScopeLogs.create({ logRecords: [LogRecord.create()] })] })] }) };
    case 'traces':
      return {
        signal: 'traces',
        resourceIndex: 0,
        data: Traces.create({ resourceSpans: [ResourceSpans.create({ scopeSpans: [ScopeSpans.create({ spans: [Span.create({ events: [SpanEvent.create()] })] })] })] }),
      };
    case 'metrics': {
      const metric = Metric.create({ name: 'sample' });
      metric.setEmptyGauge().dataPoints.push(NumberDataPoint.create());
      return { signal: 'metrics', resourceIndex: 0, data: Metrics.create({ resourceMetrics: [ResourceMetrics.create({ scopeMetrics: [ScopeMetrics.create({ metrics: [metric] })] })] }) };
    }
    default:
      return undefined;
  }
}

function operatorAtEnd(text: string): boolean {
  return /(==|!=|<=|>=|[<>+\-*/,=.]|\b(where|and|or|not))\s*$/.test(text);
}

/** True when `text` cannot be complete: an open bracket or string, a trailing `\` or operator. */
export function needsMore(text: string): boolean {
  if (text.trimStart().startsWith(':')) return false;
  if (/\\\s*$/.test(text)) return true;
  let depth = 0;
  let str = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (str) {
      if (c === '\\') i++;
      else if (c === '"') str = false;
    } else if (c === '"') str = true;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return str || depth > 0 || (text.trim() !== '' && operatorAtEnd(text));
}

export class ReplSession {
  /** Loaded data, one resource per piece, with the resource's index in its request. */
  private pieces: { signal: Signal; data: SignalData[Signal]; resourceIndex: number }[] = [];
  private files: string[] = [];
  private items: Item[] = [];
  private index = 0;
  private context: ContextName;
  private readonly snapshotters = new Map<ContextName, Snapshotter>();
  /** The user chose the context (loading data does not change it then). */
  private explicitContext: boolean;

  constructor(
    private readonly envs: Environments,
    private readonly style: Style,
    context?: ContextName,
  ) {
    this.context = context ?? 'log';
    this.explicitContext = context !== undefined;
  }

  get prompt(): string {
    return `ottl(${this.context} ${this.items.length === 0 ? 0 : this.index + 1}/${this.items.length})> `;
  }

  /** Loads OTLP files (or, with none, one empty record of the context). Returns a status line. */
  async load(files: readonly string[]): Promise<string> {
    const pieces: { signal: Signal; data: SignalData[Signal]; resourceIndex: number }[] = [];
    if (files.length > 0) for await (const u of readInput({ paths: files })) if (u.type === 'data') pieces.push({ signal: u.signal, data: u.data, resourceIndex: u.resourceIndex });
    this.pieces = pieces;
    this.files = [...files];
    if (!this.explicitContext && pieces.length > 0) this.context = DEFAULT_CONTEXT[pieces[0]!.signal];
    this.collect();
    const source = files.length > 0 ? files.join(', ') : 'an empty record';
    return `loaded ${source}: ${this.items.length} ${this.context} item${this.items.length === 1 ? '' : 's'}`;
  }

  private collect(): void {
    // Without files the sample is one empty record of the context (made anew on a switch).
    if (this.files.length === 0) {
      const empty = emptyData(this.context);
      this.pieces = empty ? [empty] : [];
    }
    const pieces = this.pieces.filter((p) => signalsOfContext(this.context).includes(p.signal));
    const items: Item[] = [];
    const locator = new Locator();
    for (const p of pieces) {
      forEachItem(p.signal, this.context, p.data, (ctx) => {
        items.push({ ctx: { ...ctx, cache: new PMap() }, place: locator.locate(p.signal, p.data, ctx, p.resourceIndex) });
      });
    }
    this.items = items;
    this.index = 0;
  }

  private snapshotter(): Snapshotter {
    let s = this.snapshotters.get(this.context);
    if (!s) this.snapshotters.set(this.context, (s = new Snapshotter(this.envs.get('transform', this.context), this.context)));
    return s;
  }

  /**
   * Completions for the text before the cursor, from the language service the editors use:
   * `from` is where the replaced word starts; `inserts` are what Tab inserts (`Concat(`, `span.`),
   * `labels` the bare names, best first.
   */
  completions(line: string): { from: number; inserts: string[]; labels: string[] } {
    const r = complete(line, line.length, { context: this.context, kind: 'mixed', featureGates: [...this.envs.featureGates] });
    return { from: r.from, inserts: r.items.map((i) => i.insertText ?? i.label), labels: r.items.map((i) => i.label) };
  }

  private diagnostics(text: string, ds: readonly Diagnostic[]): string {
    return renderFileDiagnostics(ds, { name: '<input>', lines: new LineIndex(text) }, this.style);
  }

  private current(): Item | undefined {
    return this.items[this.index];
  }

  private show(all: boolean): string {
    const item = this.current();
    if (!item) return 'no record\n';
    const snap = this.snapshotter().take(item.ctx);
    const lines = [this.style.dim(item.place)];
    for (const [path, value] of snap) {
      if (!all && (value === '""' || value === '0' || value === '0.0' || value === 'nil' || value === '{}' || value === '[]' || value === 'false' || value === '0x00000000000000000000000000000000' || value === '0x0000000000000000')) continue;
      lines.push(`${this.style.cyan(path)} = ${value}`);
    }
    return lines.join('\n') + '\n';
  }

  private async command(line: string): Promise<{ output: string; quit?: boolean }> {
    const [cmd, ...args] = line.trim().slice(1).split(/\s+/);
    const arg = line.trim().slice(1 + (cmd ?? '').length).trim();
    switch (cmd) {
      case 'q':
      case 'quit':
      case 'exit':
        return { output: '', quit: true };
      case 'h':
      case 'help': {
        if (arg === '') return { output: REPL_HELP + '\n' };
        const def = allFunctionDefs().find((d) => d.name === arg);
        return { output: def ? renderFunction(def, this.style) : `there is no function named \`${arg}\` (ottl docs lists them all)\n` };
      }
      case 'context': {
        if (arg === '') return { output: `context: ${this.context}\n` };
        const name = arg === 'instrumentation_scope' ? 'scope' : arg;
        if (!isContextName(name)) return { output: `unknown context ${arg}; contexts: ${CONTEXT_NAMES.join(', ')}\n` };
        this.context = name;
        this.explicitContext = true;
        this.collect();
        return { output: `context: ${this.context} (${this.items.length} item${this.items.length === 1 ? '' : 's'})\n` };
      }
      case 'load':
        if (args.length === 0 || arg === '') return { output: 'usage: :load FILE…\n' };
        try {
          return { output: (await this.load(args)) + '\n' };
        } catch (err) {
          return { output: `cannot load: ${err instanceof Error ? err.message : String(err)}\n` };
        }
      case 'reset':
        this.explicitContext = true;
        return { output: (await this.load(this.files)) + '\n' };
      case 'n':
      case 'next':
      case 'p':
      case 'prev':
      case 'goto': {
        if (this.items.length === 0) return { output: 'no records\n' };
        const n = this.items.length;
        if (cmd === 'goto') {
          const k = Number(arg);
          if (!Number.isInteger(k) || k < 1 || k > n) return { output: `usage: :goto N (1 to ${n})\n` };
          this.index = k - 1;
        } else this.index = (this.index + (cmd === 'n' || cmd === 'next' ? 1 : n - 1)) % n;
        return { output: `record ${this.index + 1}/${n} ${this.style.dim(this.current()!.place)}\n` };
      }
      case 'show':
        return { output: this.show(arg === 'all') };
      case 'paths': {
        const schema = this.envs.get('transform', this.context).contexts.get(this.context);
        return { output: schema ? renderPaths(schema, this.style) : '' };
      }
      case 'complete': {
        const text = line.trim().slice(':complete'.length).replace(/^ /, '');
        const { labels } = this.completions(text);
        return { output: labels.length > 0 ? labels.join('  ') + '\n' : '(no completions)\n' };
      }
      default:
        return { output: `unknown command :${cmd ?? ''} (:help lists them)\n` };
    }
  }

  /** Handles one complete input (a command or OTTL text). */
  async handle(input: string): Promise<{ output: string; quit?: boolean }> {
    const text = input.replace(/\\\n/g, '\n').replace(/\\\s*$/, '');
    if (text.trim() === '') return { output: '' };
    if (text.trimStart().startsWith(':')) return this.command(text);
    const item = this.current();
    if (!item) return { output: `no ${this.context} record to run on (:load data, or :context another context)\n` };
    const env = this.envs.get('transform', this.context);
    const options = { context: this.context, pathContextNames: false, errorMode: 'propagate' as const };
    if (/^\s*[a-z_][A-Za-z0-9_]*\s*\(/.test(text)) {
      const { program, diagnostics } = env.compileStatements([text], options);
      if (!program) return { output: this.diagnostics(text, diagnostics) };
      const snap = this.snapshotter();
      const before = snap.take(item.ctx);
      const lines: string[] = [];
      if (diagnostics.length > 0) lines.push(this.diagnostics(text, diagnostics).trimEnd());
      let matched = true;
      try {
        program.execute(item.ctx, (_i, m) => (matched = m));
      } catch (err) {
        return { output: `${this.style.severity('error', 'error[runtime-error]')}: ${err instanceof Error ? err.message : String(err)}\n` };
      }
      const diff = changes(before, snap.take(item.ctx));
      if (!matched) lines.push(this.style.yellow('where: not matched; nothing ran'));
      else if (diff.length === 0) lines.push(this.style.dim('no change'));
      for (const c of diff) lines.push(`${this.style.cyan(c.path)}: ${c.before ?? this.style.dim('(absent)')} → ${c.after ?? this.style.dim('(absent)')}`);
      return { output: lines.join('\n') + '\n' };
    }
    // A value first (a converter call shows its result, booleans included), then a condition.
    const value = env.compileValueExpression(text, options);
    const cond = value.expression ? undefined : env.compileConditions([text], options);
    try {
      if (value.expression) return { output: displayValue(value.expression.evaluate(item.ctx)) + '\n' };
      if (cond?.conditions) return { output: `${cond.conditions.evaluate(item.ctx)}\n` };
    } catch (err) {
      return { output: `${this.style.severity('error', 'error[runtime-error]')}: ${err instanceof Error ? err.message : String(err)}\n` };
    }
    const looksBoolean = /==|!=|<=|>=|<|>|\b(and|or|not)\b/.test(text);
    return { output: this.diagnostics(text, looksBoolean && cond ? cond.diagnostics : value.diagnostics) };
  }
}
