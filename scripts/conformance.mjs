#!/usr/bin/env node
// The project's conformance runner: runs the language-neutral OTTL cases (shared/conformance, see
// its README) against the BUILT packages (packages/*/dist).
//
//   node scripts/conformance.mjs [FILE.jsonl ...]     default: every .jsonl in ../shared/conformance
//
// Fixtures come from fixtures.json beside each case file. Prints `FAIL id: reason` per failing
// case and, as the last line, `conformance: N passed, M failed` (`, K skipped` only for token-stream
// cases when no tokenizer is available). Always exits 0: CI runs it for reporting.
//
// Engine settings: the `ottl.set.allowNil` gate is OFF (func-set-003 / e2e-027 assume upstream's
// older default); every e2e statement runs twice, with legacy paths and rewritten with its context's
// prefix (`log.`, pathContextNames on), and both runs must leave the same record; `Time()` without a
// location uses the local zone, so this process runs with TZ=UTC. A case may list `feature_gates`
// to run with exactly those gates on; without the field the lambda gates are on (upstream's lambda
// and experimental-function tests enable them), which only adds functions.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.env.TZ = 'UTC';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIR = resolve(ROOT, '..', 'shared', 'conformance');

// ------------------------------------------------------------------------------------------------
// Build when needed

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__tests__' || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const stale = ['pdata', 'core'].some((pkg) => {
    const out = join(ROOT, 'packages', pkg, 'dist', 'index.js');
    return !existsSync(out) || statSync(out).mtimeMs < newestMtime(join(ROOT, 'packages', pkg, 'src'));
  });
  if (!stale) return;
  try {
    execFileSync('npx', ['tsc', '-b', 'packages/core'], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    // tsc -b still emits what compiles; the cases tell what does not work.
    console.error('conformance: `tsc -b packages/core` reported errors; running against what was emitted');
  }
}

ensureBuilt();
const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : readdirSync(DEFAULT_DIR).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(DEFAULT_DIR, f));

function casesOf(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

let core;
let pdata;
try {
  core = await import(pathToFileURL(join(ROOT, 'packages/core/dist/index.js')).href);
  pdata = await import(pathToFileURL(join(ROOT, 'packages/pdata/dist/index.js')).href);
} catch (e) {
  // The packages do not load: every case fails, and the summary still comes last.
  const total = files.reduce((n, f) => n + casesOf(f).length, 0);
  console.log(`FAIL (setup): cannot load the built packages: ${String(e?.message ?? e).split('\n')[0]}`);
  console.log(`conformance: 0 passed, ${total} failed`);
  process.exit(0);
}
const { PMap, PSlice, TraceId, SpanId, ProfileId } = pdata;
const { OttlTime, OttlDuration } = core;

// ------------------------------------------------------------------------------------------------
// The value encoding (README "Value encoding") → a canonical tree comparable with actual values

const hexOf = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const utf8Lossy = (hex) => new TextDecoder('utf-8').decode(Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)));

function parseDouble(x) {
  if (x === 'NaN') return NaN;
  if (x === '+Inf' || x === 'Inf') return Infinity;
  if (x === '-Inf') return -Infinity;
  return Number(x);
}

/** RFC 3339 (nanoseconds, optional zone; none = local = UTC here) → epoch nanoseconds. */
function rfc3339Nanos(s) {
  const m = /^(-?\d{4,})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)?$/.exec(s);
  if (!m) throw new Error(`bad $time ${s}`);
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  d.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), 0);
  let nanos = BigInt(d.getTime()) * 1_000_000n + BigInt((m[7] ?? '').padEnd(9, '0') || '0');
  if (m[8] && m[8] !== 'Z') {
    const sign = m[8][0] === '-' ? -1n : 1n;
    nanos -= sign * (BigInt(m[8].slice(1, 3)) * 3600n + BigInt(m[8].slice(4, 6)) * 60n) * 1_000_000_000n;
  }
  return nanos;
}

/** Expected value (encoded JSON) → canonical tree. `null` and `$empty` are both nil. */
function expectedCanon(x) {
  if (x === null) return ['nil'];
  if (typeof x === 'string') return ['str', x];
  if (typeof x === 'boolean') return ['bool', x];
  if (typeof x === 'number') return Number.isInteger(x) ? ['int', String(x)] : ['double', x];
  if (Array.isArray(x)) return ['list', x.map(expectedCanon)];
  if ('$int' in x) return ['int', String(BigInt(x.$int))];
  if ('$double' in x) return ['double', parseDouble(x.$double)];
  if ('$empty' in x) return ['nil'];
  if ('$bytes' in x) return ['bytes', x.$bytes.toLowerCase()];
  if ('$traceId' in x) return ['traceId', x.$traceId.toLowerCase()];
  if ('$spanId' in x) return ['spanId', x.$spanId.toLowerCase()];
  if ('$profileId' in x) return ['profileId', x.$profileId.toLowerCase()];
  if ('$time' in x) return ['time', String(rfc3339Nanos(x.$time))];
  if ('$duration' in x) return ['duration', String(BigInt(x.$duration))];
  if ('$str_bytes' in x) return ['str', utf8Lossy(x.$str_bytes)];
  return ['map', Object.entries(x).map(([k, v]) => [k, expectedCanon(v)])];
}

function isPlainObject(v) {
  if (typeof v !== 'object' || v === null) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/** Actual runtime value → canonical tree. */
function actualCanon(v) {
  if (v === null || v === undefined) return ['nil'];
  switch (typeof v) {
    case 'string':
      return ['str', v];
    case 'bigint':
      return ['int', v.toString()];
    case 'number':
      return ['double', v];
    case 'boolean':
      return ['bool', v];
  }
  if (v instanceof Uint8Array) return ['bytes', hexOf(v)];
  if (v instanceof PMap) return ['map', [...v.entries()].map(([k, x]) => [k, actualCanon(x)])];
  if (isPlainObject(v)) return ['map', Object.entries(v).map(([k, x]) => [k, actualCanon(x)])];
  if (v instanceof PSlice) return ['list', v.toArray().map(actualCanon)];
  if (Array.isArray(v)) return ['list', v.map(actualCanon)];
  if (v instanceof OttlTime) return ['time', v.epochNanos.toString()];
  if (v instanceof OttlDuration) return ['duration', v.nanos.toString()];
  if (v instanceof TraceId) return ['traceId', v.toHex()];
  if (v instanceof SpanId) return ['spanId', v.toHex()];
  if (v instanceof ProfileId) return ['profileId', v.toHex()];
  return ['opaque', v.constructor?.name ?? typeof v];
}

/** Deep equality of canonical trees; maps ignore key order unless `ordered`; doubles within `tol`. */
function canonEqual(a, b, tol = 0, ordered = false) {
  if (a[0] !== b[0]) return false;
  switch (a[0]) {
    case 'nil':
      return true;
    case 'double':
      if (Number.isNaN(a[1]) || Number.isNaN(b[1])) return Number.isNaN(a[1]) && Number.isNaN(b[1]);
      return tol > 0 ? Math.abs(a[1] - b[1]) <= tol : Object.is(a[1] + 0, b[1] + 0);
    case 'list':
      return a[1].length === b[1].length && a[1].every((x, i) => canonEqual(x, b[1][i], tol, ordered));
    case 'map': {
      if (a[1].length !== b[1].length) return false;
      if (ordered) return a[1].every(([k, x], i) => k === b[1][i][0] && canonEqual(x, b[1][i][1], tol, ordered));
      const other = new Map(b[1]);
      return a[1].every(([k, x]) => other.has(k) && canonEqual(x, other.get(k), tol, ordered));
    }
    default:
      return a[1] === b[1];
  }
}

/** A canonical tree in the value encoding, for messages. */
function show(c) {
  switch (c[0]) {
    case 'nil':
      return 'null';
    case 'str':
      return JSON.stringify(c[1]);
    case 'int':
      return c[1];
    case 'double':
      return `{"$double":${Number.isFinite(c[1]) ? c[1] : JSON.stringify(String(c[1]))}}`;
    case 'bool':
      return String(c[1]);
    case 'list':
      return '[' + c[1].map(show).join(',') + ']';
    case 'map':
      return '{' + c[1].map(([k, x]) => JSON.stringify(k) + ':' + show(x)).join(',') + '}';
    default:
      return `{"$${c[0]}":${JSON.stringify(c[1])}}`;
  }
}

/** Expected value (encoded JSON) → a runtime value (times and durations included). */
function toValue(x) {
  if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
    if ('$time' in x) return new OttlTime(rfc3339Nanos(x.$time));
    if ('$duration' in x) return new OttlDuration(BigInt(x.$duration));
  }
  return toAttr(x);
}

/** Expected value (encoded JSON) → a pdata attribute value (for editor targets and span_init). */
function toAttr(x) {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return x;
  if (typeof x === 'number') return Number.isInteger(x) ? BigInt(x) : x;
  if (Array.isArray(x)) {
    const s = new PSlice();
    for (const item of x) s.append(toAttr(item));
    return s;
  }
  if ('$int' in x) return BigInt(x.$int);
  if ('$double' in x) return parseDouble(x.$double);
  if ('$empty' in x) return null;
  if ('$bytes' in x) return Uint8Array.from(x.$bytes.match(/../g) ?? [], (h) => parseInt(h, 16));
  if ('$str_bytes' in x) return utf8Lossy(x.$str_bytes);
  if ('$traceId' in x) return TraceId.fromHex(x.$traceId);
  if ('$spanId' in x) return SpanId.fromHex(x.$spanId);
  if ('$profileId' in x) return ProfileId.fromHex(x.$profileId);
  const m = new PMap();
  for (const [k, v] of Object.entries(x)) m.set(k, toAttr(v));
  return m;
}

// ------------------------------------------------------------------------------------------------
// Telemetry items

const envs = new Map();
const DEFAULT_GATES = ['ottl.functions.enableLambda', 'pkg.ottl.functions.enableExperimental'];

/** The environment for a case: allowNil off, plus the case's optional `feature_gates` (e.g. the lambda gates). */
function envFor(gates = []) {
  const key = [...gates].sort().join(',');
  if (!envs.has(key)) envs.set(key, core.createEnvironment({ allowNil: false, featureGates: gates }));
  return envs.get(key);
}
let env = envFor();

function decodeFixture(fixture) {
  return fixture.context === 'log' ? pdata.decodeLogsJson(fixture.otlp) : pdata.decodeTracesJson(fixture.otlp);
}

/** A transform context for the first item of a fixture (or an empty log record). */
function itemContext(context, payload, eventIndex = 0) {
  if (context === 'log') {
    const rl = payload.resourceLogs[0];
    const sl = rl.scopeLogs[0];
    return core.logContext(rl, sl, sl.logRecords[0]);
  }
  const rs = payload.resourceSpans[0];
  const ss = rs.scopeSpans[0];
  const span = ss.spans[0];
  if (context === 'span') return core.spanContext(rs, ss, span);
  return core.spanEventContext(rs, ss, span, span.events[eventIndex], eventIndex);
}

function emptyLogs() {
  const scopeLogs = pdata.ScopeLogs.create({ logRecords: [pdata.LogRecord.create()] });
  return pdata.Logs.create({ resourceLogs: [pdata.ResourceLogs.create({ scopeLogs: [scopeLogs] })] });
}

function emptyTraces(spanInit = {}) {
  const span = pdata.Span.create();
  for (const [k, v] of Object.entries(spanInit)) {
    const field = k.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
    span[field] = toAttr(v);
  }
  const scopeSpans = pdata.ScopeSpans.create({ spans: [span] });
  return pdata.Traces.create({ resourceSpans: [pdata.ResourceSpans.create({ scopeSpans: [scopeSpans] })] });
}

/** Everything an e2e case may change, as canonical trees keyed by the README's path spelling. */
function snapshot(context, ctx) {
  const item = context === 'log' ? ctx.log : context === 'span' ? ctx.span : ctx.spanEvent;
  const out = new Map();
  const maps = [
    ['attributes', item.attributes],
    ['resource.attributes', ctx.resource.attributes],
    ['scope.attributes', ctx.scope.attributes],
  ];
  for (const [prefix, map] of maps) {
    for (const [k, v] of map.entries()) out.set(`${prefix}[${JSON.stringify(k)}]`, actualCanon(v));
  }
  const fields =
    context === 'log'
      ? { body: 'body', time_unix_nano: 'timeUnixNano', observed_time_unix_nano: 'observedTimeUnixNano', severity_number: 'severityNumber', severity_text: 'severityText', trace_id: 'traceId', span_id: 'spanId', flags: 'flags', dropped_attributes_count: 'droppedAttributesCount', event_name: 'eventName' }
      : context === 'span'
        ? { name: 'name', trace_id: 'traceId', span_id: 'spanId', parent_span_id: 'parentSpanId', trace_state: 'traceState', kind: 'kind', start_time_unix_nano: 'startTimeUnixNano', end_time_unix_nano: 'endTimeUnixNano', dropped_attributes_count: 'droppedAttributesCount' }
        : { name: 'name', time_unix_nano: 'timeUnixNano', dropped_attributes_count: 'droppedAttributesCount' };
  for (const [path, prop] of Object.entries(fields)) {
    let v = item[prop];
    if (typeof v === 'number' && path !== 'body') v = BigInt(v);
    out.set(path, actualCanon(v));
  }
  out.set('scope.name', actualCanon(ctx.scope.name));
  return out;
}

function diffSnapshots(actual, expected, ordered) {
  const problems = [];
  for (const [k, v] of expected) {
    if (!actual.has(k)) problems.push(`${k} missing, want ${show(v)}`);
    else if (!canonEqual(actual.get(k), v, 0, ordered)) problems.push(`${k} = ${show(actual.get(k))}, want ${show(v)}`);
  }
  for (const [k, v] of actual) if (!expected.has(k)) problems.push(`unexpected ${k} = ${show(v)}`);
  return problems;
}

// ------------------------------------------------------------------------------------------------
// Helpers

function errorsOf(diagnostics) {
  return diagnostics.filter((d) => d.severity === 'error');
}

/** Error diagnostics as one text: messages with their labels (which carry upstream's phrases). */
function messageOf(diagnostics) {
  return errorsOf(diagnostics)
    .map((d) => (d.label ? `${d.message} (${d.label})` : d.message))
    .join('; ');
}

function containsAll(text, c) {
  const wanted = c.expect.error_contains_all ?? (c.expect.error_contains !== undefined ? [c.expect.error_contains] : []);
  const missing = wanted.filter((w) => !text.includes(w));
  return missing.length === 0 ? undefined : `error ${JSON.stringify(text)} lacks ${JSON.stringify(missing[0])}`;
}

/**
 * Compiles statements twice: as written (legacy paths) and rewritten with the context's prefix
 * (`log.body`) under pathContextNames, as upstream's e2e test does for log statements.
 */
function compileStatementVariants(texts, context) {
  const variants = [{ label: 'legacy', result: env.compileStatements(texts, { context }) }];
  const rewritten = [];
  for (const t of texts) {
    const r = core.prependContext(t, 'statement', context, env.contexts.get(context).pathContextNames);
    if (r.text === undefined) return { error: `prependContext failed: ${messageOf(r.diagnostics)}` };
    rewritten.push(r.text);
  }
  variants.push({ label: 'prefixed', result: env.compileStatements(rewritten, { context, pathContextNames: true }) });
  return { variants };
}

/** The accessor and literal keys of an editor case's target path (or a failure reason). */
function targetAccessor(pathText, context) {
  const parsed = core.parseValueExpression(pathText);
  if (!parsed.ast || parsed.ast.kind !== 'Path') return `target ${pathText} is not a path`;
  const { accessor, diagnostics } = env.contexts.get(context).resolvePath(parsed.ast, { prefixed: false });
  if (!accessor) return `target ${pathText}: ${messageOf(diagnostics)}`;
  const keys = accessor.keys.map((k) => k.value.value);
  return { accessor, keys };
}

// ------------------------------------------------------------------------------------------------
// Case kinds. Each returns undefined (pass), a string (failure reason) or SKIP.

const SKIP = Symbol('skip');

function runE2E(c, fixtures) {
  const fixture = fixtures[c.fixture];
  if (!fixture) return `unknown fixture ${c.fixture}`;
  const context = c.context ?? fixture.context;
  if (c.kind === 'value_expression') {
    const { expression, diagnostics } = env.compileValueExpression(c.ottl, { context });
    if (!expression) return c.expect.ok ? `compile: ${messageOf(diagnostics)}` : containsAll(messageOf(diagnostics), c);
    let value;
    try {
      value = expression.evaluate(itemContext(context, decodeFixture(fixture), fixture.event_index));
    } catch (e) {
      return c.expect.ok ? `error: ${e.message}` : containsAll(e.message, c);
    }
    if (!c.expect.ok) return `no error, got ${show(actualCanon(value))}`;
    const want = expectedCanon(c.expect.result);
    const got = actualCanon(value);
    return canonEqual(got, want) ? undefined : `got ${show(got)}, want ${show(want)}`;
  }

  const texts = c.kind === 'statement_sequence' ? c.ottl : [c.ottl];
  const compiled = compileStatementVariants(texts, context);
  if (compiled.error) return compiled.error;
  const ignoreErrors = /Test_e2e_editors|_ottl_features/.test(c.source);
  const baseline = snapshot(context, itemContext(context, decodeFixture(fixture), fixture.event_index));
  const expected = new Map(baseline);
  for (const change of c.expect.changes ?? []) {
    if (change.value === null) expected.delete(change.path);
    else expected.set(change.path, expectedCanon(change.value));
  }
  for (const { label, result } of compiled.variants) {
    if (!result.program) {
      if (!c.expect.ok) {
        const r = containsAll(messageOf(result.diagnostics), c);
        if (r) return `${label}: ${r}`;
        continue;
      }
      return `${label}: compile: ${messageOf(result.diagnostics)}`;
    }
    const ctx = itemContext(context, decodeFixture(fixture), fixture.event_index);
    let error;
    try {
      result.program.execute(ctx);
    } catch (e) {
      error = e;
    }
    if (!c.expect.ok) {
      if (!error) return `${label}: no error`;
      const r = containsAll(error.message, c);
      if (r) return `${label}: ${r}`;
    } else if (error && !ignoreErrors) {
      return `${label}: error: ${error.message}`;
    }
    const problems = diffSnapshots(snapshot(context, ctx), expected, false);
    if (problems.length > 0) return `${label}: ${problems.slice(0, 3).join('; ')}`;
  }
  return undefined;
}

function runSemantics(c) {
  const ctx = itemContext('log', emptyLogs());
  const expect = c.expect;
  let build;
  if (c.kind === 'condition') {
    const r = env.compileConditions([c.ottl], { context: 'log' });
    build = { run: r.conditions && ((x) => r.conditions.evaluate(x)), diagnostics: r.diagnostics };
  } else {
    const r = env.compileValueExpression(c.ottl, { context: 'log' });
    build = { run: r.expression && ((x) => r.expression.evaluate(x)), diagnostics: r.diagnostics };
  }
  if (!build.run) {
    if (!expect.ok && expect.stage === 'parse') return containsAll(messageOf(build.diagnostics), c);
    return `compile: ${messageOf(build.diagnostics)}`;
  }
  if (!expect.ok && expect.stage === 'parse') return 'compiled, but building should fail';
  let value;
  try {
    value = build.run(ctx);
  } catch (e) {
    return expect.ok ? `error: ${e.message}` : containsAll(e.message, c);
  }
  if (!expect.ok) return `no error, got ${show(actualCanon(value))}`;
  const want = expectedCanon(expect.result);
  const got = actualCanon(value);
  return canonEqual(got, want) ? undefined : `got ${show(got)}, want ${show(want)}`;
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function checkProperty(c, value, again) {
  const p = c.expect.property;
  if (/current time/.test(p)) {
    if (!(value instanceof OttlTime)) return `not a time: ${show(actualCanon(value))}`;
    const age = BigInt(Date.now()) * 1_000_000n - value.epochNanos;
    return age >= -1_000_000_000n && age <= 1_000_000_000n ? undefined : `time is ${age} ns away from now`;
  }
  if (typeof value !== 'string' || value === '') return `not a non-empty string: ${show(actualCanon(value))}`;
  if (/7/.test(p) && /index 14/.test(p)) {
    if (!UUID_V7.test(value)) return `not a UUIDv7: ${value}`;
    if (again === value) return 'a second call returned the same value';
  }
  return undefined;
}

function runFunction(c) {
  const context = c.context ?? 'log';
  const expect = c.expect;
  const payload = () => (context === 'span' ? emptyTraces(c.span_init) : emptyLogs());
  const isEditor = c.kind === 'editor';
  const compiled = isEditor
    ? env.compileStatements([c.args_ottl], { context })
    : env.compileValueExpression(c.args_ottl, { context });
  const runnable = isEditor ? compiled.program : compiled.expression;
  if (!runnable) {
    if (!expect.ok && (expect.stage === 'parse' || expect.stage === 'either')) return containsAll(messageOf(compiled.diagnostics), c);
    return `compile: ${messageOf(compiled.diagnostics)}`;
  }
  if (expect.stage === 'parse') return expect.ok ? undefined : 'compiled, but creating the function should fail';

  const target = isEditor ? targetAccessor(c.target.path, context) : undefined;
  if (typeof target === 'string') return target;
  const run = () => {
    const ctx = itemContext(context, payload());
    if (target) {
      if (!c.target.init_absent) target.accessor.set(ctx, target.keys, toValue(c.target.init));
      runnable.execute(ctx);
      return target.accessor.get(ctx, target.keys);
    }
    return runnable.evaluate(ctx);
  };
  let value;
  try {
    value = run();
  } catch (e) {
    return expect.ok ? `error: ${e.message}` : containsAll(e.message, c);
  }
  if (!expect.ok) return `no error, got ${show(actualCanon(value))}`;
  if (expect.property !== undefined) return checkProperty(c, value, expect.property.includes('differs') || /UUIDv7/.test(c.function) ? run() : undefined);
  const got = actualCanon(value);
  if (expect.value_subset !== undefined) {
    const want = expectedCanon(expect.value_subset);
    if (got[0] !== 'map') return `got ${show(got)}, want a map`;
    const have = new Map(got[1]);
    const bad = want[1].find(([k, v]) => !have.has(k) || !canonEqual(have.get(k), v));
    return bad ? `key ${bad[0]}: got ${have.has(bad[0]) ? show(have.get(bad[0])) : 'nothing'}, want ${show(bad[1])}` : undefined;
  }
  const wantRaw = 'setter_value' in expect ? expect.setter_value : 'value' in expect ? expect.value : undefined;
  if (wantRaw === undefined) return undefined;
  const want = expectedCanon(wantRaw);
  const ordered = /order/i.test(c.expect_note ?? '') && /Remove|map directly|order-sensitive|key order matters/i.test(c.expect_note ?? '');
  return canonEqual(got, want, expect.tolerance ?? 0, ordered) ? undefined : `got ${show(got)}, want ${show(want)}`;
}

const PARSE_KIND = { statement: 'statement', condition: 'condition', value_expression: 'value' };

function runParse(c) {
  const expect = c.expect;
  if (c.kind === 'lex') {
    if (typeof core.tokenize !== 'function') return SKIP;
    const { tokens, diagnostics } = core.tokenize(c.ottl);
    if (!expect.ok) return errorsOf(diagnostics).length > 0 ? undefined : 'tokenized without error';
    if (errorsOf(diagnostics).length > 0) return `lex: ${messageOf(diagnostics)}`;
    const got = tokens.map((t) => `${t.type}:${t.text}`).join(' ');
    const want = expect.tokens.map((t) => `${t.type}:${t.text}`).join(' ');
    return got === want ? undefined : `tokens ${got}, want ${want}`;
  }
  const kind = PARSE_KIND[c.kind];
  if (c.level === 'prepend_context') {
    const context = expect.context ?? c.context;
    const names = expect.path_context_names ?? c.path_context_names;
    const r = core.prependContext(c.ottl, kind, context, names);
    if (!expect.ok) {
      if (r.text !== undefined) return `rewrote to ${r.text}`;
      return containsAll([core.syntaxErrorText(kind, r.diagnostics), messageOf(r.diagnostics)].filter(Boolean).join('; '), c);
    }
    if (r.text === undefined) return `error: ${messageOf(r.diagnostics)}`;
    return r.text === expect.rewritten ? undefined : `rewrote to ${JSON.stringify(r.text)}, want ${JSON.stringify(expect.rewritten)}`;
  }
  if (c.level === 'eval') return runSemantics({ ...c, kind: c.kind === 'condition' ? 'condition' : 'value_expression' });
  const parse = { statement: core.parseStatement, condition: core.parseCondition, value: core.parseValueExpression }[kind];
  const { diagnostics } = parse(c.ottl);
  const failed = errorsOf(diagnostics).length > 0;
  if (expect.ok) return failed ? `parse: ${messageOf(diagnostics)}` : undefined;
  if (!failed) return 'parsed, but should fail';
  const text =
    c.level === 'parser' ? core.parseErrorText(kind, c.ottl, diagnostics) ?? messageOf(diagnostics) : core.syntaxErrorText(kind, diagnostics) ?? messageOf(diagnostics);
  return containsAll(text, c);
}

// ------------------------------------------------------------------------------------------------
// Main

function caseRunner(file, c) {
  if (c.level !== undefined || c.kind === 'lex') return runParse;
  if (c.fixture !== undefined) return runE2E;
  if (c.function !== undefined) return runFunction;
  if (c.kind === 'condition' || c.kind === 'value_expression') return runSemantics;
  throw new Error(`${basename(file)}: cannot tell how to run case ${c.id}`);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const fixturesPath = join(dirname(file), 'fixtures.json');
  const fixtures = existsSync(fixturesPath) ? JSON.parse(readFileSync(fixturesPath, 'utf8')) : {};
  for (const c of casesOf(file)) {
    let reason;
    try {
      env = envFor(c.feature_gates ?? DEFAULT_GATES);
      reason = caseRunner(file, c)(c, fixtures);
    } catch (e) {
      reason = `harness error: ${e?.stack?.split('\n').slice(0, 2).join(' ') ?? e}`;
    }
    if (reason === SKIP) skipped++;
    else if (reason === undefined) passed++;
    else {
      failed++;
      console.log(`FAIL ${c.id}: ${String(reason).replace(/\s+/g, ' ').slice(0, 400)}`);
    }
  }
}
console.log(`conformance: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
