/**
 * Running a playground program in the page: the statements of a rule file compiled with @ottl/core
 * and executed over an OTLP/JSON request, with a per-record trace of what each statement did.
 * Pure and synchronous; never throws on user input (bad JSON, bad statements and statement errors
 * under `propagate` all come back as data).
 */
import {
  createEnvironment,
  forEachLogItem,
  forEachMetricItem,
  forEachTraceItem,
  parseRuleFile,
  type ContextName,
  type Diagnostic,
  type ErrorMode,
  type TransformContext,
} from '@ottl/core';
import {
  decodeLogsJson,
  decodeMetricsJson,
  decodeTracesJson,
  encodeLogsJson,
  encodeMetricsJson,
  encodeTracesJson,
  valueAsString,
  type AttrValue,
} from '@ottl/pdata';

export type Signal = 'logs' | 'traces' | 'metrics';

export interface RunRequest {
  /** A rule file: one statement per line, continuation lines indented, `#` comments. */
  readonly statements: string;
  readonly context: ContextName;
  readonly errorMode: ErrorMode;
  /** An OTLP/JSON export request for logs, traces or metrics. */
  readonly input: string;
}

/** What one statement did on one record. */
export interface StatementOutcome {
  readonly statement: number;
  readonly matched: boolean;
  readonly error?: string;
}

export interface RecordTrace {
  /** `log #1`, `span #3`…, counted from 1 in iteration order. */
  readonly label: string;
  /** A short description of the record (body, name, service name), possibly empty. */
  readonly summary: string;
  readonly outcomes: StatementOutcome[];
}

export interface RunResult {
  /** Compile diagnostics, ranges in rule-file coordinates (1-based line:column). */
  readonly diagnostics: Diagnostic[];
  /** The statements' texts, indexed as `StatementOutcome.statement`. */
  readonly statements: string[];
  readonly signal?: Signal;
  /** The transformed request as OTLP/JSON (pretty-printed), when the run completed. */
  readonly output?: string;
  readonly trace: RecordTrace[];
  /** Why the run did not complete: unreadable input, or an error under `propagate`. */
  readonly error?: string;
}

const env = createEnvironment();

/** The signal of an OTLP/JSON request, from its top-level key. */
export function detectSignal(input: unknown): Signal | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  if ('resourceLogs' in input || 'resource_logs' in input) return 'logs';
  if ('resourceSpans' in input || 'resource_spans' in input) return 'traces';
  if ('resourceMetrics' in input || 'resource_metrics' in input) return 'metrics';
  return undefined;
}

export function runPlayground(request: RunRequest): RunResult {
  const file = parseRuleFile(request.statements);
  const statements = file.statements.map((s) => s.text);
  const context = (file.context ?? request.context) as ContextName;
  const compiled = env.compileStatements(statements, { context, errorMode: request.errorMode });
  const diagnostics = [
    ...file.diagnostics,
    ...compiled.byText.flatMap((ds, i) => (file.statements[i]!.hasErrors ? [] : ds.map((d) => shift(d, file.statements[i]!.range.start)))),
  ];
  const base = { diagnostics, statements, trace: [] as RecordTrace[] };
  if (!compiled.program || diagnostics.some((d) => d.severity === 'error')) return { ...base, error: 'the statements have errors' };
  const program = compiled.program;

  let raw: unknown;
  try {
    raw = JSON.parse(request.input);
  } catch (e) {
    return { ...base, error: `input is not JSON: ${message(e)}` };
  }
  const signal = detectSignal(raw);
  if (!signal) return { ...base, error: 'input is not an OTLP/JSON request (expected resourceLogs, resourceSpans or resourceMetrics)' };

  const trace = base.trace;
  const counts = new Map<string, number>();
  const each = (tctx: TransformContext): void => {
    const n = (counts.get(tctx.context) ?? 0) + 1;
    counts.set(tctx.context, n);
    const record: RecordTrace = { label: `${tctx.context} #${n}`, summary: summarize(tctx), outcomes: [] };
    trace.push(record);
    program.execute(tctx, (statement, matched, _changed, error) => {
      record.outcomes.push(error ? { statement, matched, error: error.message } : { statement, matched });
    });
  };
  try {
    // The input text is decoded by pdata (exact int64), not from `raw`.
    let output: string;
    if (signal === 'logs') {
      const logs = decodeLogsJson(request.input);
      forEachLogItem(context, logs, each);
      output = encodeLogsJson(logs);
    } else if (signal === 'traces') {
      const traces = decodeTracesJson(request.input);
      forEachTraceItem(context, traces, each);
      output = encodeTracesJson(traces);
    } else {
      const metrics = decodeMetricsJson(request.input);
      forEachMetricItem(context, metrics, each);
      output = encodeMetricsJson(metrics);
    }
    return { ...base, signal, output: pretty(output) };
  } catch (e) {
    return { ...base, signal, error: message(e) };
  }
}

/** Moves a diagnostic of one statement's text to where the statement starts in the file. */
function shift(d: Diagnostic, start: { line: number; column: number; offset: number }): Diagnostic {
  const at = (p: Diagnostic['range']['start']) => ({
    line: p.line + start.line - 1,
    column: p.line === 1 ? p.column + start.column - 1 : p.column,
    offset: p.offset + start.offset,
  });
  return { ...d, range: { start: at(d.range.start), end: at(d.range.end) } };
}

/** Re-indents OTLP/JSON without `JSON.parse` (which would round int64 numbers; pdata writes them as strings, but stay exact anyway). */
function pretty(json: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  const newline = () => '\n' + '  '.repeat(depth);
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += json[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      if (json[i + 1] === close) {
        out += c + close;
        i++;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') out += c + newline();
    else if (c === ':') out += ': ';
    else out += c;
  }
  return out;
}

function summarize(tctx: TransformContext): string {
  const pick = (obj: unknown, key: string): unknown => (obj !== null && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined);
  let text: unknown;
  switch (tctx.context) {
    case 'log':
      text = pick(tctx.log, 'body');
      break;
    case 'span':
      text = pick(tctx.span, 'name');
      break;
    case 'spanevent':
      text = pick(tctx.spanEvent, 'name');
      break;
    case 'metric':
    case 'datapoint':
      text = pick(tctx.metric, 'name');
      break;
    case 'scope':
      text = pick(tctx.scope, 'name');
      break;
    case 'resource': {
      const attrs = pick(tctx.resource, 'attributes') as { get(k: string): AttrValue | undefined } | undefined;
      text = attrs?.get('service.name');
      break;
    }
  }
  if (text === undefined || text === null) return '';
  const s = typeof text === 'string' ? text : valueAsString(text as AttrValue);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
