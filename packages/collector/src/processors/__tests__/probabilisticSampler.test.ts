import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LogRecord, Logs, ResourceLogs, ResourceSpans, ScopeLogs, ScopeSpans, Span, SpanId, TraceId, Traces } from '@ottl/pdata';
import { probabilisticSamplerFactory } from '../probabilisticSampler.js';
import { fnv1a32 } from '../../internal/fnv.js';
import { decodeFor, sink, testSettings } from '../../__tests__/helpers.js';

interface SpanSpec {
  traceId: string;
  traceState?: string;
  attrs?: Record<string, unknown>;
}

function traces(specs: SpanSpec[]): Traces {
  return Traces.create({
    resourceSpans: [
      ResourceSpans.create({
        scopeSpans: [
          ScopeSpans.create({
            spans: specs.map((s, i) =>
              Span.create({ name: `s${i}`, traceId: TraceId.fromHex(s.traceId), spanId: SpanId.fromHex((i + 1).toString(16).padStart(16, '0')), traceState: s.traceState ?? '', attributes: s.attrs ?? {} }),
            ),
          }),
        ],
      }),
    ],
  });
}

function logs(records: { traceId?: string; attrs?: Record<string, unknown> }[]): Logs {
  return Logs.create({
    resourceLogs: [
      ResourceLogs.create({
        scopeLogs: [ScopeLogs.create({ logRecords: records.map((r) => LogRecord.create({ traceId: TraceId.fromHex(r.traceId ?? ''), attributes: r.attrs ?? {} })) })],
      }),
    ],
  });
}

/** Runs spans through a sampler; returns `traceId → tracestate` of the kept spans, and the settings. */
async function sampleSpans(config: Record<string, unknown>, specs: SpanSpec[]) {
  const out = sink<Traces>();
  const set = testSettings('probabilistic_sampler', 'traces');
  await probabilisticSamplerFactory.createTraces!(set, decodeFor(probabilisticSamplerFactory.config, config), out).consume(traces(specs));
  const kept = Object.fromEntries(out.got.flatMap((td) => td.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => [s.traceId.toHex(), s.traceState])))));
  return { kept, set, requests: out.got.length };
}

// Expected decisions were derived independently of this code, from upstream's algorithm
// (fnvhasher.go computeHash over the seed's 4 little-endian bytes and the trace ID; kept when
// hash & 0x3fff < uint32(float32(pct) * 163.84); R' = 0x3fff - hash&0x3fff in the top 14 of 56
// bits, then hash >> 18 (upstream's `hashed32 >> (32 - numHashBucketsLg2)`) mixed with itself shifted
// by 10, then hash & 0x3fff) with a short Python script.
describe('probabilistic_sampler, hash_seed mode', () => {
  it('hashes with upstream FNV-1a (its own test vectors)', () => {
    // processor/probabilisticsamplerprocessor TestEmptyHashFunction: seed 0 and no bytes, and 16 zero bytes.
    expect(fnv1a32(new Uint8Array(4)) & 0x3fff).toBe(0x3515);
    expect(fnv1a32(new Uint8Array(4), new Uint8Array(16)) & 0x3fff).toBe(0x2455);
  });

  it('keeps the trace IDs the Go Collector keeps and records randomness and threshold in the tracestate', async () => {
    const ids = ['0123456789abcdef0123456789abcdef', 'fefefefefefefefefe80000000000000', '4bf92f3577b34da6a3ce929d0e0e4736', '00000000000000000000000000000001', 'ffffffffffffffffffffffffffffffff', '5b8efff798038103d269b633813fc60c'];
    const half = await sampleSpans({ sampling_percentage: 50 }, ids.map((traceId) => ({ traceId })));
    expect(half.kept).toEqual({
      fefefefefefefefefe80000000000000: 'ot=rv:ff50350941002b;th:8',
      '4bf92f3577b34da6a3ce929d0e0e4736': 'ot=rv:fdc80d0b42008d;th:8',
      ffffffffffffffffffffffffffffffff: 'ot=rv:aae80a44919545;th:8',
      '5b8efff798038103d269b633813fc60c': 'ot=rv:a480091545d6df;th:8',
    });
    const seeded = await sampleSpans({ sampling_percentage: 15.3, hash_seed: 22 }, [...ids, 'd23f0824128b2f330c5c7fd0a6a3a450', '8d116ece1738f7d93d9c172411e20b8f'].map((traceId) => ({ traceId })));
    expect(seeded.kept).toEqual({
      d23f0824128b2f330c5c7fd0a6a3a450: 'ot=rv:da082e8aa0497d;th:d8d8',
      '8d116ece1738f7d93d9c172411e20b8f': 'ot=rv:ef781444104421;th:d8d8',
    });
    expect(seeded.set.metrics.read('otelcol_processor_probabilistic_sampler_count_traces_sampled').map((p) => [p.labels.policy, p.labels.sampled, p.value])).toEqual([
      ['trace_id_hash', 'false', 6],
      ['trace_id_hash', 'true', 2],
    ]);
  });

  it('runs the seed document configuration unchanged', async () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../../../../shared/seed/000_0de7b5b3dcdc16a8.txt'), 'utf8');
    const seed = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as { processors?: Record<string, unknown> }).find((c) => c?.processors?.['probabilistic_sampler'])!;
    const ids = ['0123456789abcdef0123456789abcdef', 'fefefefefefefefefe80000000000000', '00000000000000000000000000000001', '5b8efff798038103d269b633813fc60c'];
    const { kept } = await sampleSpans(seed.processors!['probabilistic_sampler'] as Record<string, unknown>, ids.map((traceId) => ({ traceId })));
    expect(Object.keys(kept)).toEqual(['fefefefefefefefefe80000000000000', '5b8efff798038103d269b633813fc60c']);
  });

  it('keeps about the configured share of 10,000 trace IDs', async () => {
    let x = 0x9e3779b9;
    const next = () => ((x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0), x.toString(16).padStart(8, '0'));
    for (const pct of [10, 37.5]) {
      const specs = Array.from({ length: 10_000 }, () => ({ traceId: next() + next() + next() + next() }));
      const { kept } = await sampleSpans({ sampling_percentage: pct, hash_seed: 5 }, specs);
      expect(Math.abs(Object.keys(kept).length / 100 - pct)).toBeLessThan(1.5);
    }
  });

  it('drops items without randomness unless fail_closed is false, and honours sampling.priority', async () => {
    const empty = { traceId: '' };
    const closed = await sampleSpans({ sampling_percentage: 100 }, [empty]);
    expect(closed.kept).toEqual({});
    expect(closed.set.logger.entries.map((e) => [e.level, e.message, e.fields.error])).toEqual([['debug', 'traces sampler', 'missing randomness']]);
    expect((await sampleSpans({ sampling_percentage: 100, fail_closed: false }, [empty])).kept).toEqual({ '00000000000000000000000000000000': 'ot=rv:ffffffffffffff;th:0' });
    const prio = await sampleSpans({ sampling_percentage: 0 }, [
      { traceId: '0123456789abcdef0123456789abcdef', attrs: { 'sampling.priority': 2 } },
      { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', attrs: { 'sampling.priority': '0.5' } },
      { traceId: 'fefefefefefefefefe80000000000000', attrs: { 'sampling.priority': -1 } },
    ]);
    expect(prio.kept).toEqual({ '0123456789abcdef0123456789abcdef': 'ot=th:0', '4bf92f3577b34da6a3ce929d0e0e4736': 'ot=th:0' });
    const never = await sampleSpans({ sampling_percentage: 100 }, [{ traceId: 'fefefefefefefefefe80000000000000', attrs: { 'sampling.priority': 0 } }]);
    expect([never.kept, never.requests]).toEqual([{}, 0]);
  });

  it('leaves data that already carries OTEP 235 values to the consistent modes (fail closed)', async () => {
    const r = await sampleSpans({ sampling_percentage: 100 }, [
      { traceId: 'fefefefefefefefefe80000000000000', traceState: 'ot=rv:90000000000000' },
      { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', traceState: 'vendor=x,ot=th:8' },
      { traceId: 'ffffffffffffffffffffffffffffffff', traceState: 'vendor=a' },
    ]);
    expect(r.kept).toEqual({ ffffffffffffffffffffffffffffffff: 'ot=rv:aae80a44919545;th:0,vendor=a' });
    expect(r.set.logger.entries.map((e) => e.fields.error)).toEqual([
      'item has sampling randomness, equalizing or proportional mode recommended',
      'item has sampling threshold, equalizing or proportional mode recommended',
    ]);
  });
});

// Expectations from the OTEP 235 arithmetic (threshold = 2^56 × (1 - p), rounded to the
// precision's hex digits; the trace ID's last 7 bytes are its randomness).
describe('probabilistic_sampler, consistent modes', () => {
  const run = (mode: string, config: Record<string, unknown>, spec: SpanSpec) => sampleSpans({ mode, ...config }, [spec]).then((r) => r.kept[spec.traceId]);

  it('multiplies (proportional) or raises (equalizing) an incoming threshold', async () => {
    const spec = { traceId: 'ffffffffffffffffffffffffffffffff', traceState: 'ot=th:8' };
    expect(await run('proportional', { sampling_percentage: 25 }, spec)).toBe('ot=th:e');
    expect(await run('equalizing', { sampling_percentage: 25 }, spec)).toBe('ot=th:c');
    const tid = { traceId: 'a0a0a0a0a0a0a0a0a0d0000000000000', traceState: 'ot=th:8' };
    expect(await run('proportional', { sampling_percentage: 40, sampling_precision: 6 }, tid)).toBe('ot=th:cccccd');
    expect(await run('equalizing', { sampling_percentage: 40, sampling_precision: 6 }, tid)).toBe('ot=th:99999a');
    // 0.5 × 0.5 = 25 %: randomness 0x90… is below threshold 0xc…, so the proportional sampler drops it.
    const rv = { traceId: 'fefefefefefefefefe80000000000000', traceState: 'ot=rv:90000000000000;th:80000000000000' };
    expect(await run('proportional', { sampling_percentage: 50 }, rv)).toBeUndefined();
    expect(await run('equalizing', { sampling_percentage: 50 }, rv)).toBe('ot=rv:90000000000000;th:8');
  });

  it('rounds thresholds to sampling_precision hex digits', async () => {
    const spec = { traceId: 'a0a0a0a0a0a0a0a0a0fe000000000000' };
    expect(await run('proportional', { sampling_percentage: 1 }, spec)).toBe('ot=th:fd70a');
    expect(await run('proportional', { sampling_percentage: 1, sampling_precision: 14 }, { traceId: spec.traceId, traceState: 'ot=rv:fd70b000000000' })).toBe('ot=rv:fd70b000000000;th:fd70a3d70a3d71');
  });

  it('clears an inconsistent incoming threshold and fails open or closed', async () => {
    const spec = { traceId: 'fefefefefefefefefe80000000000000', traceState: 'ot=rv:40000000000000;th:8' };
    expect(await run('proportional', { sampling_percentage: 100, fail_closed: false }, spec)).toBe('ot=rv:40000000000000;th:0');
    expect(await run('proportional', { sampling_percentage: 100 }, spec)).toBeUndefined();
    expect(await run('equalizing', { sampling_percentage: 100 }, { traceId: spec.traceId, traceState: 'ot=th:abababababababab' })).toBeUndefined();
  });
});

describe('probabilistic_sampler, logs', () => {
  async function sampleLogs(config: Record<string, unknown>, records: Parameters<typeof logs>[0]) {
    const out = sink<Logs>();
    const set = testSettings('probabilistic_sampler', 'logs');
    await probabilisticSamplerFactory.createLogs!(set, decodeFor(probabilisticSamplerFactory.config, config), out).consume(logs(records));
    return { set, kept: out.got.flatMap((ld) => ld.resourceLogs.flatMap((rl) => rl.scopeLogs.flatMap((sl) => sl.logRecords.map((lr) => lr.attributes.toRaw())))) };
  }

  it('hashes a record attribute and sets sampling.randomness / sampling.threshold on kept records', async () => {
    const records = Array.from({ length: 12 }, (_, i) => ({ attrs: { request_id: `req-${i}` } }));
    const { kept, set } = await sampleLogs({ sampling_percentage: 30, hash_seed: 7, attribute_source: 'record', from_attribute: 'request_id' }, records);
    expect(kept).toEqual([
      { request_id: 'req-10', 'sampling.randomness': 'cdac24220acc94', 'sampling.threshold': 'b334' },
      { request_id: 'req-11', 'sampling.randomness': 'c76024621ace27', 'sampling.threshold': 'b334' },
    ]);
    expect(set.metrics.total('otelcol_processor_probabilistic_sampler_count_logs_sampled', { policy: 'request_id', sampled: 'false' })).toBe(10);
  });

  it('uses the trace ID first, and the sampling_priority attribute as the record percentage', async () => {
    const { kept } = await sampleLogs({ sampling_percentage: 50, from_attribute: 'id', sampling_priority: 'prio' }, [
      { traceId: 'fefefefefefefefefe80000000000000', attrs: { id: 'log-1' } },
      { traceId: '0123456789abcdef0123456789abcdef', attrs: { id: 'log-1' } },
      { traceId: '0123456789abcdef0123456789abcdef', attrs: { prio: 100 } },
      { attrs: { id: 'log-1' } },
      { attrs: {} },
    ]);
    expect(kept).toEqual([
      { id: 'log-1', 'sampling.randomness': 'ff50350941002b', 'sampling.threshold': '8' },
      { prio: 100, 'sampling.randomness': '77a80e52946215', 'sampling.threshold': '0' },
      { id: 'log-1', 'sampling.randomness': 'a1403791e717af', 'sampling.threshold': '8' },
    ]);
  });
});

describe('probabilistic_sampler config', () => {
  it('rejects bad values with their paths', () => {
    expect(() => decodeFor(probabilisticSamplerFactory.config, { sampling_percentage: 1e-20 })).toThrow('sampling rate is too small: 1e-20%');
    expect(() => decodeFor(probabilisticSamplerFactory.config, { sampling_percentage: -1 })).toThrow('must be at least 0, found -1');
    expect(() => decodeFor(probabilisticSamplerFactory.config, { mode: 'consistent' })).toThrow('unknown value "consistent"; expected one of hash_seed, equalizing, proportional');
    expect(() => decodeFor(probabilisticSamplerFactory.config, { sampling_precision: 0 })).toThrow('must be between 1 and 14, found 0');
    expect(() => decodeFor(probabilisticSamplerFactory.config, { attribute_source: 'body' })).toThrow('expected one of traceID, record');
  });
});
