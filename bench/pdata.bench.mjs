// @ottl/pdata codec benchmark: our lazy protobuf codec vs protobufjs 8 reflection on the same bytes.
//
//   npx tsc -b packages/pdata && node bench/pdata.bench.mjs [--rounds 7] [--write]
//
// Payloads: 10k logs (12 attributes each) and 10k spans (10 attributes, 1 event, 1 link). Each
// round runs every case once per implementation, interleaved; the report gives medians over the
// rounds (process CPU time, so other load on a shared machine counts less) and the ratio
// ours / protobufjs. `--write` replaces the pdata section of bench/RESULTS.md.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import * as P from '../packages/pdata/dist/index.js';
import { T0, randomSource, webLogRecord } from './fixtures.mjs';

const require = createRequire(new URL('../packages/pdata/package.json', import.meta.url));
const protobuf = require('protobufjs');

const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) || 7;
const WRITE = args.includes('--write');
const N = 10_000;

const root = protobuf.parse(readFileSync(new URL('../packages/pdata/src/__tests__/fixtures/otlp.proto', import.meta.url), 'utf8')).root;
const LogsReq = root.lookupType('otlp.ExportLogsServiceRequest');
const TracesReq = root.lookupType('otlp.ExportTraceServiceRequest');

// --- payloads (deterministic) ---

const random = randomSource(12345);
const { rnd, pick, hex } = random;

function resource(i) {
  return P.Resource.create({
    attributes: { 'service.name': `svc-${i}`, 'service.version': '1.4.2', 'host.name': `host-${i}.example.internal`, 'k8s.pod.name': `pod-${hex(4)}` },
  });
}

function buildLogs() {
  const resourceLogs = [];
  for (let r = 0; r < 10; r++) {
    const records = [];
    for (let i = 0; i < N / 10; i++) {
      records.push(
        webLogRecord(random, i),
      );
    }
    const rl = P.ResourceLogs.create({ scopeLogs: [P.ScopeLogs.create({ scope: { name: 'com.example.logging', version: '2.1.0' }, logRecords: records })] });
    resource(r).copyTo(rl.resource);
    resourceLogs.push(rl);
  }
  return P.Logs.create({ resourceLogs });
}

function buildTraces() {
  const resourceSpans = [];
  for (let r = 0; r < 10; r++) {
    const spans = [];
    for (let i = 0; i < N / 10; i++) {
      const traceId = P.TraceId.fromHex(hex(16));
      spans.push(
        P.Span.create({
          traceId,
          spanId: P.SpanId.fromHex(hex(8)),
          parentSpanId: P.SpanId.fromHex(hex(8)),
          name: pick(['GET /api/items', 'SELECT items', 'POST /api/orders']),
          kind: pick([1, 2, 3]),
          startTimeUnixNano: T0 + BigInt(i) * 1_000_000n,
          endTimeUnixNano: T0 + BigInt(i) * 1_000_000n + 250_000n,
          attributes: {
            'http.method': pick(['GET', 'POST']),
            'http.route': pick(['/api/items', '/api/orders']),
            'http.status_code': BigInt(pick([200, 500])),
            'url.full': `https://shop.example.com/api/items/${hex(4)}`,
            'server.address': 'shop.example.com',
            'server.port': 443n,
            'user_agent.original': 'Mozilla/5.0 (X11; Linux x86_64)',
            'db.system': 'postgresql',
            'net.peer.name': `db-${Math.floor(rnd() * 4)}`,
            'retry.count': BigInt(Math.floor(rnd() * 3)),
          },
          events: [P.SpanEvent.create({ name: 'cache.miss', timeUnixNano: T0 + BigInt(i) * 1_000_000n + 1000n, attributes: { 'cache.key': `item:${hex(3)}` } })],
          links: [P.SpanLink.create({ traceId: P.TraceId.fromHex(hex(16)), spanId: P.SpanId.fromHex(hex(8)) })],
          status: { code: pick([0, 1, 2]) },
        }),
      );
    }
    const rs = P.ResourceSpans.create({ scopeSpans: [P.ScopeSpans.create({ scope: { name: 'com.example.tracing', version: '1.0.0' }, spans })] });
    resource(r).copyTo(rs.resource);
    resourceSpans.push(rs);
  }
  return P.Traces.create({ resourceSpans });
}

// --- helpers ---

let sink = 0;
function readAttrs(m) {
  m.forEach((v, k) => {
    sink += k.length + (typeof v === 'string' ? v.length : 1);
  });
}

function readAllLogs(logs) {
  for (const rl of logs.resourceLogs) {
    readAttrs(rl.resource.attributes);
    for (const sl of rl.scopeLogs) {
      sink += sl.scope.name.length;
      for (const r of sl.logRecords) {
        sink += Number(r.timeUnixNano & 1n) + Number(r.observedTimeUnixNano & 1n) + r.severityNumber + r.severityText.length + r.flags;
        sink += String(r.body).length + r.eventName.length + (r.traceId.isEmpty() ? 0 : 1) + (r.spanId.isEmpty() ? 0 : 1);
        readAttrs(r.attributes);
      }
    }
  }
}

function readAllTraces(traces) {
  for (const rs of traces.resourceSpans) {
    readAttrs(rs.resource.attributes);
    for (const ss of rs.scopeSpans) {
      sink += ss.scope.name.length;
      for (const s of ss.spans) {
        sink += s.name.length + s.kind + Number(s.startTimeUnixNano & 1n) + Number(s.endTimeUnixNano & 1n) + s.status.code;
        sink += (s.traceId.isEmpty() ? 0 : 1) + (s.spanId.isEmpty() ? 0 : 1) + (s.parentSpanId.isEmpty() ? 0 : 1);
        readAttrs(s.attributes);
        for (const e of s.events) {
          sink += e.name.length + Number(e.timeUnixNano & 1n);
          readAttrs(e.attributes);
        }
        for (const l of s.links) sink += l.traceId.isEmpty() ? 0 : 1;
      }
    }
  }
}

/** protobufjs: set attribute `key` on a decoded record (replace if present, else append). */
function pbjsSet(attrs, key, value) {
  for (const kv of attrs) {
    if (kv.key === key) {
      kv.value = value;
      return;
    }
  }
  attrs.push(root.lookupType('otlp.KeyValue').create({ key, value: root.lookupType('otlp.AnyValue').create(value) }));
}

/** CPU milliseconds per call (process user + system time: other load on the machine does not count). */
function time(fn, minMs = 250) {
  let iters = 0;
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const start = cpu();
  let now = start;
  do {
    fn();
    iters++;
    now = cpu();
  } while (now - start < minMs);
  return (now - start) / iters;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// --- cases ---

function signalCases(name, bytes, ours, pbType, readAll, records) {
  const decodeOurs = ours.decode;
  const fresh = ours.fromJson(ours.toJson(ours.decode(bytes))); // same data, no source bytes
  const pbMsg = pbType.decode(bytes);
  const setValue = { boolValue: true };
  return [
    { name: `${name} decode (lazy, validated)`, unit: 'MB/s', size: bytes.length, ours: () => decodeOurs(bytes), theirs: () => pbType.decode(bytes) },
    {
      name: `${name} decode + read every field`,
      unit: 'MB/s',
      size: bytes.length,
      ours: () => readAll(decodeOurs(bytes)),
      theirs: () => pbType.decode(bytes),
    },
    { name: `${name} encode (objects without source bytes)`, unit: 'MB/s', size: bytes.length, ours: () => ours.encode(fresh), theirs: () => pbType.encode(pbMsg).finish() },
    {
      name: `${name} encode (decoded, untouched)`,
      unit: 'MB/s',
      size: bytes.length,
      ours: () => ours.encode(decodeOurs(bytes)),
      theirs: () => pbType.encode(pbType.decode(bytes)).finish(),
    },
    {
      name: `${name} decode + 1 attribute set + encode`,
      unit: 'records/s',
      size: records,
      ours: () => {
        const d = decodeOurs(bytes);
        ours.forEachRecord(d, (r) => r.attributes.set('processed', true));
        return ours.encode(d);
      },
      theirs: () => {
        const d = pbType.decode(bytes);
        ours.forEachPbRecord(d, (r) => pbjsSet(r.attributes, 'processed', setValue));
        return pbType.encode(d).finish();
      },
    },
  ];
}

const logs = buildLogs();
const logBytes = P.encodeLogsProto(logs);
const traces = buildTraces();
const traceBytes = P.encodeTracesProto(traces);

// Both implementations must agree on the payloads before anything is timed.
for (const [bytes, T, dec, toJson] of [
  [logBytes, LogsReq, P.decodeLogsProto, P.logsToJsonObject],
  [traceBytes, TracesReq, P.decodeTracesProto, P.tracesToJsonObject],
]) {
  const reencoded = T.encode(T.decode(bytes)).finish();
  if (JSON.stringify(toJson(dec(reencoded))) !== JSON.stringify(toJson(dec(bytes)))) throw new Error('protobufjs and pdata disagree on the payload');
}

const cases = [
  ...signalCases(
    'logs',
    logBytes,
    {
      decode: P.decodeLogsProto,
      encode: P.encodeLogsProto,
      toJson: P.logsToJsonObject,
      fromJson: P.logsFromJsonObject,
      forEachRecord: (d, fn) => {
        for (const rl of d.resourceLogs) for (const sl of rl.scopeLogs) for (const r of sl.logRecords) fn(r);
      },
      forEachPbRecord: (d, fn) => {
        for (const rl of d.resourceLogs) for (const sl of rl.scopeLogs) for (const r of sl.logRecords) fn(r);
      },
    },
    LogsReq,
    readAllLogs,
    N,
  ),
  ...signalCases(
    'spans',
    traceBytes,
    {
      decode: P.decodeTracesProto,
      encode: P.encodeTracesProto,
      toJson: P.tracesToJsonObject,
      fromJson: P.tracesFromJsonObject,
      forEachRecord: (d, fn) => {
        for (const rs of d.resourceSpans) for (const ss of rs.scopeSpans) for (const s of ss.spans) fn(s);
      },
      forEachPbRecord: (d, fn) => {
        for (const rs of d.resourceSpans) for (const ss of rs.scopeSpans) for (const s of ss.spans) fn(s);
      },
    },
    TracesReq,
    readAllTraces,
    N,
  ),
];

// Warm-up, then interleaved rounds.
for (const c of cases) {
  time(c.ours, 100);
  time(c.theirs, 100);
}
const samples = cases.map(() => ({ ours: [], theirs: [] }));
for (let round = 0; round < ROUNDS; round++) {
  cases.forEach((c, i) => {
    const first = round % 2 === 0;
    if (first) samples[i].ours.push(time(c.ours));
    samples[i].theirs.push(time(c.theirs));
    if (!first) samples[i].ours.push(time(c.ours));
  });
  process.stderr.write(`round ${round + 1}/${ROUNDS}\n`);
}

const rate = (c, ms) => (c.unit === 'MB/s' ? c.size / 1e6 / (ms / 1000) : c.size / (ms / 1000));
const GOALS = {
  'decode (lazy, validated)': '≥ 1.5×',
  'decode + read every field': '(info)',
  'encode (objects without source bytes)': '≥ 1.0×',
  'encode (decoded, untouched)': '(info)',
  'decode + 1 attribute set + encode': '≥ 3×',
};
const rows = cases.map((c, i) => {
  const o = rate(c, median(samples[i].ours));
  const t = rate(c, median(samples[i].theirs));
  const goal = GOALS[c.name.replace(/^(logs|spans) /, '')];
  return { name: c.name, unit: c.unit, ours: o, theirs: t, ratio: o / t, goal };
});

const fmt = (x, unit) => (unit === 'MB/s' ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
const table = [
  '| case | unit | @ottl/pdata | protobufjs 8 | ratio | goal |',
  '|---|---|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.name} | ${r.unit} | ${fmt(r.ours, r.unit)} | ${fmt(r.theirs, r.unit)} | ${r.ratio.toFixed(2)}× | ${r.goal} |`),
].join('\n');

console.log(table);
console.log(`(payloads: logs ${logBytes.length} bytes = ${(logBytes.length / N).toFixed(0)} B/record, spans ${traceBytes.length} bytes = ${(traceBytes.length / N).toFixed(0)} B/record; sink ${sink % 7})`);

if (WRITE) {
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const section = [
    '<!-- pdata-bench:start -->',
    '## pdata codec (`bench/pdata.bench.mjs`)',
    '',
    `- date: ${new Date().toISOString().slice(0, 10)}, commit \`${commit}\``,
    `- machine: nproc ${os.availableParallelism?.() ?? os.cpus().length}, ${cpu}, node ${process.version}`,
    '- reproduce: `npx tsc -b packages/pdata && node bench/pdata.bench.mjs --write`',
    `- payloads: 10k logs × 12 attributes (${logBytes.length} bytes, ${(logBytes.length / N).toFixed(0)} B/record); 10k spans × 10 attributes + 1 event + 1 link (${traceBytes.length} bytes, ${(traceBytes.length / N).toFixed(0)} B/record)`,
    `- medians of ${ROUNDS} interleaved rounds (each ≥ 250 ms of process CPU time per case and implementation, default V8 heap flags); baseline: protobufjs 8 reflection (\`parse\` of the OTLP .proto) on the same bytes; ratio = ours / protobufjs`,
    '- "decode (lazy, validated)" checks the whole request and builds nothing else; "decode + read every field" then reads every field and attribute of every record (protobufjs has materialized everything at decode). "decode + 1 attribute set + encode": `attributes.set("processed", true)` on every record.',
    '',
    table,
    '<!-- pdata-bench:end -->',
  ].join('\n');
  const file = new URL('./RESULTS.md', import.meta.url);
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const re = /<!-- pdata-bench:start -->[\s\S]*?<!-- pdata-bench:end -->/;
  text = re.test(text) ? text.replace(re, section) : text.trimEnd() + '\n\n' + section + '\n';
  writeFileSync(file, text);
  console.log('wrote bench/RESULTS.md');
}
