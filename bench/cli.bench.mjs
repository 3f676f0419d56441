#!/usr/bin/env node
// `ottl run` throughput on a 100 MB OTLP/JSON file, against the engine alone, over the BUILT
// packages (packages/*/dist):
//
//   E  engine alone: the rules' program over records already decoded in memory (no I/O, no codec)
//   C  in-process codec + engine: decode each resource's JSON text, run the program, encode it
//   R  `ottl run -r rules.ottl big.json -o out.json`: the real binary, file in, file out (spawned;
//      process start-up included), with its peak RSS
//   S  start-up alone: the same command on an empty input
//
// Ratios: R/E is the I/O overhead the issue asks for (everything `ottl run` does beyond the
// engine); (R−S)/C is what the CLI adds per record to the unavoidable codec work (goal ≤ 1.5×).
// Streaming is shown by running once more with V8's old space capped at 64 MB (a whole-file
// decode of the input needs far more): goal, it completes. The file is generated in a temp folder
// and deleted afterwards. Variants run interleaved, ROUNDS rounds; figures are medians.
//
// Usage: node bench/cli.bench.mjs [--write] [--mb 100]   (--write updates bench/RESULTS.md)
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = 5;
const mbArg = process.argv.indexOf('--mb');
const TARGET_MB = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 100;
const RECORDS_PER_RESOURCE = 1000;

execFileSync('npx', ['tsc', '-b', 'packages/cli'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
const load = (p) => import(pathToFileURL(join(ROOT, p)).href);
const core = await load('packages/core/dist/index.js');
const pdata = await load('packages/pdata/dist/index.js');
const { JsonSplitter } = await load('packages/cli/dist/data/jsonSplitter.js');
const BIN = join(ROOT, 'packages/cli/dist/bin.js');

const RULES = [
  'context: log',
  'replace_pattern(body, "password=[^ ]+", "password=***")',
  'set(attributes["env"], "prod") where resource.attributes["deployment.environment"] == nil',
  'set(attributes["body.length"], Len(body))',
  'set(severity_text, "WARN") where severity_number >= SEVERITY_NUMBER_WARN and severity_text == ""',
].join('\n');

// Input ------------------------------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'ottl-cli-bench-'));
const input = join(dir, 'big.json');
const rulesFile = join(dir, 'rules.ottl');
writeFileSync(rulesFile, RULES + '\n');

function resourceJson(r) {
  const records = [];
  for (let i = 0; i < RECORDS_PER_RESOURCE; i++) {
    const n = r * RECORDS_PER_RESOURCE + i;
    records.push(
      JSON.stringify({
        timeUnixNano: String(1700000000000000000n + BigInt(n) * 1000n),
        observedTimeUnixNano: String(1700000000000000000n + BigInt(n) * 1000n + 7n),
        severityNumber: 5 + (n % 17),
        body: { stringValue: `request ${n} handled in ${n % 977} ms user=u${n % 91} password=s3cr3t${n % 13} path=/api/v1/items/${n}` },
        attributes: [
          { key: 'http.request.method', value: { stringValue: n % 3 ? 'GET' : 'POST' } },
          { key: 'http.route', value: { stringValue: `/api/v1/items/{id}` } },
          { key: 'http.response.status_code', value: { intValue: String(200 + (n % 5) * 100) } },
          { key: 'client.address', value: { stringValue: `10.0.${n % 255}.${(n * 7) % 255}` } },
          { key: 'duration_ms', value: { doubleValue: (n % 977) + 0.25 } },
        ],
        traceId: n.toString(16).padStart(32, '0'),
        spanId: n.toString(16).padStart(16, '0'),
      }),
    );
  }
  return `{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc-${r % 17}"}},{"key":"host.name","value":{"stringValue":"host-${r}"}}]},"scopeLogs":[{"scope":{"name":"bench","version":"1.0.0"},"logRecords":[${records.join(',')}]}]}`;
}

const resources = [];
{
  const out = createWriteStream(input);
  const write = (s) => new Promise((ok) => (out.write(s) ? ok() : out.once('drain', ok)));
  await write('{"resourceLogs":[');
  let bytes = 17;
  for (let r = 0; bytes < TARGET_MB * 1024 * 1024; r++) {
    const text = resourceJson(r);
    resources.push(text);
    await write((r > 0 ? ',' : '') + text);
    bytes += text.length + 1;
  }
  await write(']}\n');
  await new Promise((ok) => out.end(ok));
}
const fileBytes = statSync(input).size;
const RECORDS = resources.length * RECORDS_PER_RESOURCE;

// Variants ---------------------------------------------------------------------------------------
const env = core.createEnvironment();
const parsed = core.parseRuleFile(RULES);
const { program, diagnostics } = env.compileStatements(parsed.statements.map((s) => s.text), { context: 'log' });
if (!program) throw new Error(diagnostics.map((d) => d.message).join('; '));
const decodeResource = (text) => pdata.decodeLogsJson(`{"resourceLogs":[${text}]}`);

// E works on records decoded once, up front (the same resources, split the way `ottl run` splits them).
const splitter = new JsonSplitter();
const decoded = splitter
  .push(readFileSync(input, 'utf8'))
  .filter((p) => p.type === 'resource')
  .map((p) => decodeResource(p.text));

function engineAlone() {
  const t = process.hrtime.bigint();
  for (const logs of decoded) program.processLogs(logs);
  return Number(process.hrtime.bigint() - t) / 1e9;
}

function codecAndEngine() {
  const t = process.hrtime.bigint();
  let out = 0;
  for (const text of resources) {
    const logs = decodeResource(text);
    program.processLogs(logs);
    out += pdata.encodeLogsJson(logs).length;
  }
  if (out === 0) throw new Error('no output');
  return Number(process.hrtime.bigint() - t) / 1e9;
}

const empty = join(dir, 'empty.json');
writeFileSync(empty, '');

function cliRun(file = input, nodeFlags = []) {
  const output = join(dir, file === input ? 'out.json' : 'out-empty.json');
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...nodeFlags, BIN, 'run', '-r', rulesFile, file, '-o', output, '--no-progress'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  const rssKiB = Number(r.stderr.trim().split('\n').pop());
  return { secs, rssKiB, ok: r.status === 0, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const E = [];
const C = [];
const R = [];
const S = [];
const RSS = [];
const ratioRE = [];
const ratioRC = [];
const ratioRSC = [];
for (let round = 0; round < ROUNDS; round++) {
  const e = engineAlone();
  const c = codecAndEngine();
  const run = cliRun();
  if (!run.ok) throw new Error(`ottl run failed: ${run.stderr}`);
  const start = cliRun(empty);
  E.push(e);
  C.push(c);
  R.push(run.secs);
  S.push(start.secs);
  RSS.push(run.rssKiB);
  ratioRE.push(run.secs / e);
  ratioRC.push(run.secs / c);
  ratioRSC.push((run.secs - start.secs) / c);
  console.error(`round ${round + 1}: engine ${e.toFixed(2)} s, codec+engine ${c.toFixed(2)} s, ottl run ${run.secs.toFixed(2)} s (start-up ${start.secs.toFixed(2)} s), peak RSS ${(run.rssKiB / 1024).toFixed(0)} MiB`);
}
const out = statSync(join(dir, 'out.json')).size;
const capped = cliRun(input, ['--max-old-space-size=64']);
rmSync(dir, { recursive: true, force: true });

// Report -----------------------------------------------------------------------------------------
const rate = (secs) => `${Math.round(RECORDS / secs).toLocaleString('en-US')} records/s`;
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
const lines = [];
lines.push('<!-- cli-bench:start -->');
lines.push('## CLI: `ottl run` on a 100 MB OTLP/JSON file (`bench/cli.bench.mjs`)');
lines.push('');
lines.push(`- date: ${new Date().toISOString().slice(0, 10)}, commit \`${commit}\``);
lines.push(`- machine: ${cpus().length} CPUs (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`);
lines.push(`- reproduce: \`node bench/cli.bench.mjs --write\` (${ROUNDS} interleaved rounds; medians; ratios are medians of per-round ratios)`);
lines.push(`- input: ${mb(fileBytes)} of OTLP/JSON in one request, ${resources.length} resources × ${RECORDS_PER_RESOURCE} log records = ${RECORDS.toLocaleString('en-US')} records (5 attributes, a 90-byte body); output ${mb(out)}`);
lines.push(`- rules: ${parsed.statements.length} statements (\`replace_pattern\` on the body, two \`set\`s with \`where\`, \`Len\`)`);
lines.push('');
lines.push('| id | what | median time | throughput |');
lines.push('|---|---|---|---|');
lines.push(`| E | engine alone (records decoded in memory beforehand) | ${median(E).toFixed(2)} s | ${rate(median(E))} |`);
lines.push(`| C | in-process: decode each resource's JSON + engine + encode | ${median(C).toFixed(2)} s | ${rate(median(C))} |`);
lines.push(`| R | \`ottl run -r rules.ottl big.json -o out.json\` (spawned, start-up included) | ${median(R).toFixed(2)} s | ${rate(median(R))} |`);
lines.push(`| S | start-up: the same command on an empty file | ${median(S).toFixed(2)} s | |`);
lines.push('');
const re = median(ratioRE);
const rc = median(ratioRC);
const rsc = median(ratioRSC);
lines.push(`- I/O overhead, R / E: **${re.toFixed(1)}×** (what \`ottl run\` costs beyond executing the statements: start-up, reading, splitting, OTLP/JSON decoding and encoding, writing)`);
lines.push(`- CLI over the in-process codecs: R / C = ${rc.toFixed(2)}× with start-up, **(R − S) / C = ${rsc.toFixed(2)}×** per record (goal ≤ 1.5×: ${rsc <= 1.5 ? 'met' : 'not met'})`);
lines.push(`- streaming: peak RSS ${mb(median(RSS) * 1024)}; with V8's old space capped at 64 MB \`ottl run\` ${capped.ok ? `completes (peak RSS ${mb(capped.rssKiB * 1024)})` : 'fails'} on the ${mb(fileBytes)} input (goal: completes: ${capped.ok ? 'met' : 'not met'})`);
lines.push('<!-- cli-bench:end -->');
const section = lines.join('\n');
console.log(section);

if (process.argv.includes('--write')) {
  const file = join(ROOT, 'bench', 'RESULTS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const re = /<!-- cli-bench:start -->[\s\S]*?<!-- cli-bench:end -->/;
  const next = re.test(current) ? current.replace(re, section) : current.trimEnd() + '\n\n' + section + '\n';
  writeFileSync(file, next);
}
