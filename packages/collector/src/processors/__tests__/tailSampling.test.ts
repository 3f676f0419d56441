import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResourceSpans, ScopeSpans, Span, SpanEvent, SpanId, TraceId, Traces } from '@ottl/pdata';
import { tailSamplingProcessorFactory, type TailSamplingConfig } from '../tailSampling.js';
import { probabilisticThreshold } from '../tailSampling/probabilistic.js';
import type { Decision, TraceData } from '../tailSampling/policy.js';
import { captureExporter, decodeFor, sink, testSettings } from '../../__tests__/helpers.js';
import { defaultComponents } from '../../components.js';
import { Collector, validateConfig } from '../../service/collector.js';
import { nopLogger } from '../../logger.js';

interface SpanSpec {
  /** Trace ID: hex digits, left-padded to 32. */
  trace: string;
  name?: string;
  startMs?: number;
  endMs?: number;
  status?: 0 | 1 | 2;
  attrs?: Record<string, unknown>;
  resource?: Record<string, unknown>;
  traceState?: string;
  events?: string[];
}

const T0 = 1_700_000_000_000_000_000n;
const ms = (n: number) => T0 + BigInt(n) * 1_000_000n;

/** One request; spans with the same resource attributes share a resource and a scope. */
function traces(specs: SpanSpec[]): Traces {
  const byResource = new Map<string, SpanSpec[]>();
  for (const s of specs) {
    const k = JSON.stringify(s.resource ?? {});
    byResource.set(k, [...(byResource.get(k) ?? []), s]);
  }
  let n = 0;
  return Traces.create({
    resourceSpans: [...byResource.values()].map((group) =>
      ResourceSpans.create({
        resource: { attributes: group[0]!.resource ?? {} },
        scopeSpans: [
          ScopeSpans.create({
            scope: { name: 'test' },
            spans: group.map((s) =>
              Span.create({
                name: s.name ?? `span${++n}`,
                traceId: TraceId.fromHex(s.trace.padStart(32, '0')),
                spanId: SpanId.fromHex((++n).toString(16).padStart(16, '0')),
                startTimeUnixNano: ms(s.startMs ?? 0),
                endTimeUnixNano: ms(s.endMs ?? 10),
                status: { code: s.status ?? 0 },
                attributes: s.attrs ?? {},
                traceState: s.traceState ?? '',
                events: (s.events ?? []).map((name) => SpanEvent.create({ name })),
              }),
            ),
          }),
        ],
      }),
    ),
  });
}

function names(got: Traces[]): string[] {
  return got.flatMap((td) => td.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => s.name))));
}

const decode = (config: Record<string, unknown>): TailSamplingConfig => decodeFor(tailSamplingProcessorFactory.config, config);

/** Each policy's decision for one trace, evaluated directly. */
function decisions(policies: Record<string, unknown>[], trace: SpanSpec[], now = () => 0): Record<string, Decision> {
  const td = traces(trace);
  const data: TraceData = { traceId: td.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.traceId, resourceSpans: td.resourceSpans, spanCount: trace.length };
  return Object.fromEntries(decode({ policies }).policies.map((p) => [p.name, p.create({ logger: nopLogger, now }).evaluate(data)]));
}

function processor(config: Record<string, unknown>) {
  const out = sink<Traces>();
  const set = testSettings('tail_sampling', 'traces');
  const p = tailSamplingProcessorFactory.createTraces!(set, decode(config), out);
  return { p, out, set };
}

afterEach(() => void vi.useRealTimers());

describe('tail_sampling policies', () => {
  it('always_sample, latency and span_count', () => {
    const policies = [
      { name: 'all', type: 'always_sample' },
      { name: 'slow', type: 'latency', latency: { threshold_ms: 1000 } },
      { name: 'band', type: 'latency', latency: { threshold_ms: 100, upper_threshold_ms: 1000 } },
      { name: 'size', type: 'span_count', span_count: { min_spans: 2, max_spans: 3 } },
    ];
    // Duration is earliest start to latest end, across spans.
    expect(decisions(policies, [{ trace: '1', startMs: 0, endMs: 600 }, { trace: '1', startMs: 500, endMs: 1000 }])).toEqual({ all: 'sampled', slow: 'sampled', band: 'sampled', size: 'sampled' });
    expect(decisions(policies, [{ trace: '1', startMs: 0, endMs: 99 }])).toEqual({ all: 'sampled', slow: 'not_sampled', band: 'not_sampled', size: 'not_sampled' });
    // Upstream checks the duration as spans are scanned: 500 ms after the first span is in band.
    expect(decisions(policies.slice(2), [{ trace: '1', startMs: 0, endMs: 500 }, { trace: '1', startMs: 0, endMs: 5000 }, { trace: '1' }, { trace: '1' }])).toEqual({ band: 'sampled', size: 'not_sampled' });
    expect(decisions(policies.slice(2, 3), [{ trace: '1', startMs: 0, endMs: 5000 }, { trace: '1', startMs: 0, endMs: 500 }])).toEqual({ band: 'not_sampled' });
  });

  it('numeric, string and boolean attributes, on resources and spans, with invert_match', () => {
    const policies = [
      { name: 'num', type: 'numeric_attribute', numeric_attribute: { key: 'code', min_value: 500, max_value: 599 } },
      { name: 'num_min', type: 'numeric_attribute', numeric_attribute: { key: 'code', min_value: 400 } },
      { name: 'num_not', type: 'numeric_attribute', numeric_attribute: { key: 'code', min_value: 500, invert_match: true } },
      { name: 'str', type: 'string_attribute', string_attribute: { key: 'svc', values: ['checkout', 'cart'] } },
      { name: 're', type: 'string_attribute', string_attribute: { key: 'route', values: ['^/v1/.+', 'health'], enabled_regex_matching: true } },
      { name: 'str_not', type: 'string_attribute', string_attribute: { key: 'svc', values: ['checkout'], invert_match: true } },
      { name: 'bool', type: 'boolean_attribute', boolean_attribute: { key: 'force', value: true } },
      { name: 'bool_not', type: 'boolean_attribute', boolean_attribute: { key: 'force', value: true, invert_match: true } },
    ];
    expect(decisions(policies, [{ trace: '1', resource: { svc: 'checkout' }, attrs: { code: 503n, route: '/v1/pay', force: true } }])).toEqual({
      num: 'sampled',
      num_min: 'sampled',
      num_not: 'inverted_not_sampled',
      str: 'sampled',
      re: 'sampled',
      str_not: 'inverted_not_sampled',
      bool: 'sampled',
      bool_not: 'inverted_not_sampled',
    });
    // A double reads as 0 and a string as "" (Go's pdata accessors); the regex search is unanchored.
    expect(decisions(policies, [{ trace: '1', attrs: { code: 503.5, svc: 7, route: '/livehealthz', force: 'true' } }])).toEqual({
      num: 'not_sampled',
      num_min: 'not_sampled',
      num_not: 'inverted_sampled',
      str: 'not_sampled',
      re: 'sampled',
      str_not: 'inverted_sampled',
      bool: 'not_sampled',
      bool_not: 'inverted_sampled',
    });
  });

  it('status_code, trace_state and probabilistic', () => {
    const policies = [
      { name: 'errors', type: 'status_code', status_code: { status_codes: ['ERROR', 'UNSET'] } },
      { name: 'vendor', type: 'trace_state', trace_state: { key: 'vendor', values: ['keep'] } },
      { name: 'tenth', type: 'probabilistic', probabilistic: { sampling_percentage: 10 } },
      { name: 'half', type: 'probabilistic', probabilistic: { sampling_percentage: 50 } },
    ];
    // Decisions of FNV-1a 64 over "default-hash-seed" + trace ID, worked out from upstream's algorithm.
    expect(decisions(policies, [{ trace: '8a7d43b578633074b7970386fee29476', status: 2, traceState: 'ot=th:8,vendor=keep' }])).toEqual({ errors: 'sampled', vendor: 'sampled', tenth: 'sampled', half: 'sampled' });
    expect(decisions(policies, [{ trace: '781f9c58d6645fa9e8a8529f035efa25', status: 1, traceState: 'vendor=drop' }])).toEqual({ errors: 'not_sampled', vendor: 'not_sampled', tenth: 'not_sampled', half: 'sampled' });
    expect(decisions(policies, [{ trace: '216363698b529b4a97b750923ceb3ffd', status: 1, traceState: 'vendor=keep,Bad=1' }])).toEqual({ errors: 'not_sampled', vendor: 'not_sampled', tenth: 'not_sampled', half: 'not_sampled' });
    // ⌊(2^64 − 1) × ratio⌋ after rounding the product to 64 bits, as Go's big.Float does.
    expect([0.1, 0.333, 0.001, 1, 2].map(probabilisticThreshold)).toEqual([1844674407370955263n, 6142765776545281023n, 18446744073709551n, 18446744073709551615n, 18446744073709551615n]);
  });

  it('ottl_condition on spans and span events, with error modes', () => {
    const cond = (error_mode: string) => ({ name: error_mode, type: 'ottl_condition', ottl_condition: { error_mode, span: ['attributes["tier"] == "gold"', 'ParseJSON(attributes["n"])["v"] > 1'], spanevent: ['name == "exception"'] } });
    const policies = [cond('ignore'), cond('silent')];
    expect(decisions(policies, [{ trace: '1', attrs: { tier: 'gold' } }])).toEqual({ ignore: 'sampled', silent: 'sampled' });
    expect(decisions(policies, [{ trace: '1', attrs: { n: 'x' } }, { trace: '1', events: ['retry', 'exception'] }])).toEqual({ ignore: 'sampled', silent: 'sampled' });
    expect(decisions(policies, [{ trace: '1', attrs: { n: '{"v":1}' } }])).toEqual({ ignore: 'not_sampled', silent: 'not_sampled' });
    expect(decisions(policies, [{ trace: '1', attrs: { n: '{"v":2}' } }])).toEqual({ ignore: 'sampled', silent: 'sampled' });
    expect(() => decisions([cond('propagate')], [{ trace: '1', attrs: { n: 'x' } }])).toThrow(/^failed to eval condition: ParseJSON\(attributes\["n"\]\)\["v"\] > 1, /);
  });

  it('rate_limiting spends a bucket of twice spans_per_second, refilled continuously', () => {
    let now = 0;
    const p = decode({ policies: [{ name: 'rate', type: 'rate_limiting', rate_limiting: { spans_per_second: 2 } }] }).policies[0]!.create({ logger: nopLogger, now: () => now });
    const run = (spans: number) => {
      const td = traces(Array.from({ length: spans }, () => ({ trace: '1' })));
      return p.evaluate({ traceId: TraceId.fromHex('1'.padStart(32, '0')), resourceSpans: td.resourceSpans, spanCount: spans });
    };
    expect([run(3), run(2), run(1)]).toEqual(['sampled', 'not_sampled', 'sampled']);
    now = 1000;
    expect([run(3), run(5)]).toEqual(['not_sampled', 'not_sampled']);
    now = 2000;
    expect(run(4)).toBe('sampled');
  });

  it('and, drop and composite combine sub-policies', () => {
    let now = 0;
    const gold = { name: 'gold', type: 'string_attribute', string_attribute: { key: 'tier', values: ['gold'] } };
    const policies = [
      { name: 'gold-errors', type: 'and', and: { and_sub_policy: [gold, { name: 'err', type: 'status_code', status_code: { status_codes: ['ERROR'] } }] } },
      { name: 'no-health', type: 'drop', drop: { drop_sub_policy: [{ name: 'h', type: 'string_attribute', string_attribute: { key: 'route', values: ['/health'] } }] } },
      {
        name: 'budget',
        type: 'composite',
        composite: {
          max_total_spans_per_second: 4,
          policy_order: ['gold', 'rest'],
          composite_sub_policy: [gold, { name: 'rest', type: 'always_sample' }],
          rate_allocation: [{ policy: 'gold', percent: 75 }, { policy: 'rest', percent: 25 }],
        },
      },
    ];
    const created = decode({ policies }).policies.map((p) => p.create({ logger: nopLogger, now: () => now }));
    const run = (spec: SpanSpec[]) => {
      const td = traces(spec);
      return created.map((p) => p.evaluate({ traceId: TraceId.fromHex(spec[0]!.trace.padStart(32, '0')), resourceSpans: td.resourceSpans, spanCount: spec.length }));
    };
    expect(run([{ trace: '1', attrs: { tier: 'gold' }, status: 2 }, { trace: '1' }])).toEqual(['sampled', 'not_sampled', 'sampled']);
    // gold has 3 spans a second (75 % of 4): the next gold trace of 2 spans is over budget.
    expect(run([{ trace: '2', attrs: { tier: 'gold', route: '/health' } }, { trace: '2' }])).toEqual(['not_sampled', 'dropped', 'not_sampled']);
    expect(run([{ trace: '3' }])).toEqual(['not_sampled', 'not_sampled', 'sampled']);
    expect(run([{ trace: '4' }])).toEqual(['not_sampled', 'not_sampled', 'not_sampled']);
    now = 1000;
    expect(run([{ trace: '5', attrs: { tier: 'gold' } }, { trace: '5' }])).toEqual(['not_sampled', 'not_sampled', 'sampled']);
  });
});

describe('tail_sampling processor', () => {
  it('holds spans for decision_wait and then sends kept traces whole, counting decisions', async () => {
    vi.useFakeTimers();
    const { p, out, set } = processor({ decision_wait: '100ms', policies: [{ name: 'errors', type: 'status_code', status_code: { status_codes: ['ERROR'] } }] });
    await p.start({} as never);
    await p.consume(traces([{ trace: 'a', name: 'a1' }, { trace: 'b', name: 'b1' }]));
    await vi.advanceTimersByTimeAsync(50);
    await p.consume(traces([{ trace: 'a', name: 'a2', status: 2 }, { trace: 'b', name: 'b2' }]));
    await vi.advanceTimersByTimeAsync(49);
    expect(out.got).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(names(out.got)).toEqual(['a1', 'a2']);
    expect(out.got.length).toBe(1);
    const counts = (name: string) => set.metrics.read(name).map((pt) => [pt.labels.policy ?? '', pt.labels.decision, pt.value]);
    expect(counts('otelcol_processor_tail_sampling_count_traces_sampled')).toEqual([
      ['errors', 'sampled', 1],
      ['errors', 'not_sampled', 1],
    ]);
    expect(counts('otelcol_processor_tail_sampling_global_count_traces_sampled')).toEqual([
      ['', 'sampled', 1],
      ['', 'not_sampled', 1],
    ]);
    expect(set.metrics.total('otelcol_processor_tail_sampling_new_trace_id_received')).toBe(2);
    await p.shutdown();
  });

  it('sends late spans of a kept trace at once and drops those of a dropped one', async () => {
    vi.useFakeTimers();
    const { p, out } = processor({ decision_wait: '10ms', policies: [{ name: 'gold', type: 'string_attribute', string_attribute: { key: 'tier', values: ['gold'] } }] });
    await p.start({} as never);
    await p.consume(traces([{ trace: 'a', name: 'a1', attrs: { tier: 'gold' } }, { trace: 'b', name: 'b1' }]));
    await vi.advanceTimersByTimeAsync(20);
    await p.consume(traces([{ trace: 'a', name: 'a-late' }, { trace: 'b', name: 'b-late', attrs: { tier: 'gold' } }]));
    expect(names(out.got)).toEqual(['a1', 'a-late']);
    await p.shutdown();
  });

  it('lets go of the spans of a trace evicted before its decision at once (num_traces bounds memory)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { p } = processor({ decision_wait: '1h', num_traces: 1, policies: [{ name: 'all', type: 'always_sample' }] });
    let first: Traces | undefined = traces([{ trace: '1', name: 'evicted' }]);
    const span = new WeakRef(first.resourceSpans[0]!.scopeSpans[0]!.spans[0]!);
    await p.consume(first);
    first = undefined;
    await p.consume(traces([{ trace: '2' }]));
    await new Promise((r) => setTimeout(r, 0));
    gc();
    expect(span.deref()).toBeUndefined();
    await p.shutdown();
  });

  it('evicts the oldest trace beyond num_traces; decision caches outlive the traces held', async () => {
    vi.useFakeTimers();
    const policies = [{ name: 'gold', type: 'string_attribute', string_attribute: { key: 'tier', values: ['gold'] } }];
    const { p, out, set } = processor({ decision_wait: '10ms', num_traces: 2, policies });
    await p.start({} as never);
    await p.consume(traces([{ trace: '1', name: 'lost', attrs: { tier: 'gold' } }, { trace: '2', name: 'two', attrs: { tier: 'gold' } }, { trace: '3', name: 'three' }]));
    expect(set.metrics.total('otelcol_processor_tail_sampling_sampling_trace_dropped_too_early')).toBe(1);
    expect(set.metrics.total('otelcol_processor_tail_sampling_sampling_traces_on_memory')).toBe(2);
    await vi.advanceTimersByTimeAsync(20);
    expect(names(out.got)).toEqual(['two']);
    // Without a cache, a decided trace is forgotten once evicted: its late spans start a new trace.
    await p.consume(traces([{ trace: '4', name: 'four' }, { trace: '5', name: 'five' }, { trace: '2', name: 'two-late' }]));
    await vi.advanceTimersByTimeAsync(20);
    expect(names(out.got)).toEqual(['two']);
    await p.shutdown();

    const cached = processor({ decision_wait: '10ms', num_traces: 1, decision_cache: { sampled_cache_size: 10, non_sampled_cache_size: 10 }, policies });
    await cached.p.start({} as never);
    await cached.p.consume(traces([{ trace: '1', name: 'one', attrs: { tier: 'gold' } }, { trace: '2', name: 'two' }]));
    expect(cached.set.metrics.total('otelcol_processor_tail_sampling_sampling_trace_dropped_too_early')).toBe(1);
    await cached.p.consume(traces([{ trace: '3', name: 'three', attrs: { tier: 'gold' } }]));
    await vi.advanceTimersByTimeAsync(20);
    await cached.p.consume(traces([{ trace: '4', name: 'four' }]));
    await vi.advanceTimersByTimeAsync(20);
    await cached.p.consume(traces([{ trace: '3', name: 'three-late' }, { trace: '4', name: 'four-late', attrs: { tier: 'gold' } }]));
    expect(names(cached.out.got)).toEqual(['three', 'three-late']);
    expect(cached.set.metrics.read('otelcol_processor_tail_sampling_early_releases_from_cache_decision').map((pt) => [pt.labels.sampled, pt.value])).toEqual([
      ['true', 1],
      ['false', 1],
    ]);
    await cached.p.shutdown();
  });

  it('combines decisions like upstream: drop first, inverted vetoes, sample_on_first_match stops early', async () => {
    const run = async (config: Record<string, unknown>, spans: SpanSpec[]) => {
      const { p, out, set } = processor({ decision_wait: '1h', ...config });
      await p.start({} as never);
      await p.consume(traces(spans));
      await p.shutdown();
      return { kept: names(out.got), evaluated: set.metrics.read('otelcol_processor_tail_sampling_count_traces_sampled').map((pt) => pt.labels.policy) };
    };
    const all = { name: 'all', type: 'always_sample' };
    const notTest = { name: 'not-test', type: 'string_attribute', string_attribute: { key: 'env', values: ['test'], invert_match: true } };
    const drop = { name: 'drop-test', type: 'drop', drop: { drop_sub_policy: [{ name: 't', type: 'string_attribute', string_attribute: { key: 'env', values: ['test'] } }] } };
    expect((await run({ policies: [all, notTest] }, [{ trace: '1', name: 'x', attrs: { env: 'test' } }])).kept).toEqual([]);
    expect((await run({ policies: [all, notTest] }, [{ trace: '1', name: 'x', attrs: { env: 'prod' } }])).kept).toEqual(['x']);
    // inverted_sampled alone keeps a trace, but not against a not_sampled.
    const gold = { name: 'gold', type: 'string_attribute', string_attribute: { key: 'tier', values: ['gold'] } };
    expect((await run({ policies: [notTest] }, [{ trace: '1', name: 'x' }])).kept).toEqual(['x']);
    expect((await run({ policies: [notTest, gold] }, [{ trace: '1', name: 'x' }])).kept).toEqual([]);
    const dropped = await run({ policies: [all, drop] }, [{ trace: '1', name: 'x', attrs: { env: 'test' } }]);
    expect(dropped).toEqual({ kept: [], evaluated: ['drop-test'] });
    expect((await run({ sample_on_first_match: true, policies: [all, gold] }, [{ trace: '1', name: 'x' }])).evaluated).toEqual(['all']);
  });

  it('counts a failing policy and lets the others decide', async () => {
    const { p, out, set } = processor({
      decision_wait: '1h',
      policies: [
        { name: 'bad', type: 'ottl_condition', ottl_condition: { span: ['ParseJSON(attributes["n"])["v"] > 1'] } },
        { name: 'all', type: 'always_sample' },
      ],
    });
    await p.start({} as never);
    await p.consume(traces([{ trace: '1', name: 'x', attrs: { n: 'x' } }]));
    await p.shutdown();
    expect(names(out.got)).toEqual(['x']);
    expect(set.metrics.total('otelcol_processor_tail_sampling_sampling_policy_evaluation_error', { policy: 'bad' })).toBe(1);
  });

  it('decides pending traces at shutdown, or drops them with drop_pending_traces_on_shutdown', async () => {
    const policies = [{ name: 'all', type: 'always_sample' }];
    const flush = processor({ decision_wait: '1h', policies });
    await flush.p.start({} as never);
    await flush.p.consume(traces([{ trace: '1', name: 'pending' }]));
    expect(flush.out.got).toEqual([]);
    await flush.p.shutdown();
    expect(names(flush.out.got)).toEqual(['pending']);

    const drop = processor({ decision_wait: '1h', drop_pending_traces_on_shutdown: true, policies });
    await drop.p.start({} as never);
    await drop.p.consume(traces([{ trace: '1', name: 'pending' }]));
    await drop.p.shutdown();
    expect(drop.out.got).toEqual([]);
    expect(drop.set.logger.entries.map((e) => [e.message, e.fields.traces])).toEqual([['Dropping traces pending a decision at shutdown', 1]]);
  });

  it('runs the seed document configuration unchanged', async () => {
    vi.useFakeTimers();
    const doc = readFileSync(resolve(import.meta.dirname, '../../../../../../shared/seed/000_0de7b5b3dcdc16a8.txt'), 'utf8');
    const seed = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((t) => t.includes('tail_sampling:'))!;
    const cap = captureExporter();
    const col = new Collector(
      {
        sources: [
          { name: 'seed.yaml', text: seed },
          { name: 'pipeline.yaml', text: 'receivers: { nop: {} }\nexporters: { capture: {} }\nservice:\n  telemetry: { metrics: { level: none } }\n  pipelines:\n    traces: { receivers: [nop], processors: [tail_sampling], exporters: [capture] }\n' },
        ],
      },
      { components: defaultComponents(cap.factory) },
    );
    await col.start();
    await col.consumer('nop', 'traces').consume(
      traces([
        { trace: '11', name: 'error', status: 2 },
        { trace: '12', name: 'slow', startMs: 0, endMs: 1500 },
        { trace: '8a7d43b578633074b7970386fee29476', name: 'lucky' },
        { trace: '216363698b529b4a97b750923ceb3ffd', name: 'unlucky' },
      ]),
    );
    await vi.advanceTimersByTimeAsync(9_000);
    expect(cap.received.traces).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(names(cap.received.traces)).toEqual(['error', 'slow', 'lucky']);
    await col.shutdown();
  });
});

describe('tail_sampling config', () => {
  const yaml = (policies: string) => `receivers: { nop: {} }
exporters: { nop: {} }
processors:
  tail_sampling:
    policies:
${policies}
service:
  pipelines:
    traces: { receivers: [nop], processors: [tail_sampling], exporters: [nop] }
`;
  const check = (policies: string) =>
    validateConfig({ sources: [{ name: 'c.yaml', text: yaml(policies) }] }, defaultComponents(), () => undefined).diagnostics.map(
      (d) => `${d.severity} ${d.file}:${d.range.start.line}:${d.range.start.column} ${d.message}${d.hint ? ` (${d.hint})` : ''}`,
    );

  it('points at unknown types, missing settings, names and bad values', () => {
    expect(
      check(`      - { name: a, type: latncy, latency: { threshold_ms: 5 } }
      - name: a
        type: string_attribute
      - type: status_code
        status_code: { status_codes: [error] }
      - { name: c, type: bytes_limiting }
      - name: d
        type: always_sample
        latency: { threshold_ms: 1 }`),
    ).toEqual([
      'error c.yaml:6:26 processors.tail_sampling.policies[0].type: unknown policy type "latncy" (did you mean `latency`?)',
      'error c.yaml:7:15 processors.tail_sampling.policies[1].name: duplicate policy name "a"',
      'error c.yaml:7:9 processors.tail_sampling.policies[1].string_attribute: policy type string_attribute needs its settings under "string_attribute" (add a string_attribute: { … } block to this policy)',
      'error c.yaml:10:39 processors.tail_sampling.policies[2].status_code.status_codes[0]: unknown value "error"; expected one of OK, ERROR, UNSET (did you mean `ERROR`?)',
      'error c.yaml:9:9 processors.tail_sampling.policies[2].name: policy name cannot be empty (give every policy a unique name; it labels the policy in metrics)',
      expect.stringMatching(/^error c\.yaml:11:26 processors\.tail_sampling\.policies\[3\]\.type: policy type bytes_limiting is not supported by this build \(valid policy types here: always_sample, /),
      'warning c.yaml:14:9 processors.tail_sampling.policies[4].latency: ignored: this policy\'s type is always_sample',
    ]);
  });

  it('reports OTTL and regex errors inside the YAML and requires policies', () => {
    expect(
      check(`      - name: o
        type: ottl_condition
        ottl_condition:
          span: ['attributes["x"] == ', 'Lenn(name) > 3']
      - name: r
        type: string_attribute
        string_attribute: { key: k, values: ['a(b'], enabled_regex_matching: true }`),
    ).toEqual([
      "error c.yaml:9:37 processors.tail_sampling.policies[0].ottl_condition.span[0]: expected a value after '==', found end of input",
      'error c.yaml:12:46 processors.tail_sampling.policies[1].string_attribute.values[0]: invalid regular expression: error parsing regexp: missing closing ): `a(b`',
    ]);
    expect(check('      []')).toEqual(['error c.yaml:5:5 processors.tail_sampling.policies: missing required field "policies" (add a list of policies such as - { name: errors, type: status_code, status_code: { status_codes: [ERROR] } })']);
  });
});
