// Seeded mutation fuzzing: every mutated input ends in data or a PdataDecodeError; decoded data can
// be read completely and re-encoded (lazy decoding never fails after the up-front check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as P from '../index.js';
import { logs, metrics, profiles, traces } from './arbitraries.js';
import { sdkLogs, sdkMetrics, sdkSpans } from './sdk.js';

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutateBytes(src: Uint8Array, rnd: () => number): Uint8Array {
  const b = Array.from(src);
  const n = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(rnd() * (b.length + 1));
    switch (Math.floor(rnd() * 7)) {
      case 0:
        b[i] = Math.floor(rnd() * 256);
        break;
      case 1:
        b[i] = (b[i] ?? 0) ^ (1 << Math.floor(rnd() * 8));
        break;
      case 2:
        b.splice(i, 1 + Math.floor(rnd() * 4));
        break;
      case 3:
        b.splice(i, 0, ...Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => Math.floor(rnd() * 256)));
        break;
      case 4:
        b.length = Math.min(b.length, i);
        break;
      case 5: {
        const j = Math.floor(rnd() * b.length);
        b.splice(i, 0, ...b.slice(j, j + 1 + Math.floor(rnd() * 16)));
        break;
      }
      default:
        b[i] = [0x00, 0x7f, 0x80, 0xff, 0x0a, 0x12, 0x08][Math.floor(rnd() * 7)]!;
    }
  }
  return new Uint8Array(b);
}

function mutateText(src: string, rnd: () => number): string {
  let s = src;
  const n = 1 + Math.floor(rnd() * 3);
  const pieces = ['{', '}', '[', ']', '"', ',', ':', '-', '0', '1e9', '99999999999999999999', 'null', 'true', '"x"', '\\', 'NaN', ' '];
  for (let k = 0; k < n; k++) {
    const i = Math.floor(rnd() * (s.length + 1));
    switch (Math.floor(rnd() * 4)) {
      case 0:
        s = s.slice(0, i) + s.slice(i + 1 + Math.floor(rnd() * 3));
        break;
      case 1:
        s = s.slice(0, i) + pieces[Math.floor(rnd() * pieces.length)]! + s.slice(i);
        break;
      case 2:
        s = s.slice(0, i);
        break;
      default: {
        const j = Math.floor(rnd() * s.length);
        s = s.slice(0, i) + s.slice(j, j + 1 + Math.floor(rnd() * 20)) + s.slice(i);
      }
    }
  }
  return s;
}

interface Signal {
  name: string;
  seeds: () => Promise<Uint8Array[]>;
  decProto: (b: Uint8Array) => unknown;
  encProto: (x: never) => Uint8Array;
  toJson: (x: never) => P.JsonObject;
  encJson: (x: never) => string;
  decJson: (s: string) => unknown;
}

const sample = <T>(arb: fc.Arbitrary<T>, enc: (x: T) => Uint8Array) => fc.sample(arb, { numRuns: 12, seed: 42 }).map(enc);

const signals: Signal[] = [
  {
    name: 'logs',
    seeds: async () => [(await sdkLogs()).proto, ...sample(logs, P.encodeLogsProto)],
    decProto: P.decodeLogsProto,
    encProto: P.encodeLogsProto,
    toJson: P.logsToJsonObject,
    encJson: P.encodeLogsJson,
    decJson: P.decodeLogsJson,
  },
  {
    name: 'traces',
    seeds: async () => [sdkSpans().proto, ...sample(traces, P.encodeTracesProto)],
    decProto: P.decodeTracesProto,
    encProto: P.encodeTracesProto,
    toJson: P.tracesToJsonObject,
    encJson: P.encodeTracesJson,
    decJson: P.decodeTracesJson,
  },
  {
    name: 'metrics',
    seeds: async () => [(await sdkMetrics()).proto, ...sample(metrics, P.encodeMetricsProto)],
    decProto: P.decodeMetricsProto,
    encProto: P.encodeMetricsProto,
    toJson: P.metricsToJsonObject,
    encJson: P.encodeMetricsJson,
    decJson: P.decodeMetricsJson,
  },
  {
    name: 'profiles',
    seeds: async () => sample(profiles, P.encodeProfilesProto),
    decProto: P.decodeProfilesProto,
    encProto: P.encodeProfilesProto,
    toJson: P.profilesToJsonObject,
    encJson: P.encodeProfilesJson,
    decJson: P.decodeProfilesJson,
  },
];

const ROUNDS = 2500;

describe.each(signals)('$name fuzzing', (s) => {
  it(`${ROUNDS} mutated protobuf inputs end in data or PdataDecodeError`, async () => {
    const seeds = (await s.seeds()).filter((b) => b.length > 0);
    const rnd = prng(0xc0ffee);
    let decoded = 0;
    for (let k = 0; k < ROUNDS; k++) {
      const input = mutateBytes(seeds[k % seeds.length]!, rnd);
      let data: unknown;
      try {
        data = s.decProto(input);
      } catch (e) {
        if (!(e instanceof P.PdataDecodeError)) throw new Error(`round ${k}: ${String(e)}`);
        continue;
      }
      decoded++;
      // Untouched: re-emitted as is. Touched everywhere: every lazy field decodes and re-encodes.
      expect(s.encProto(data as never)).toEqual(input);
      const json = s.toJson(data as never);
      const again = s.decProto(s.encProto(data as never));
      expect(s.toJson(again as never)).toEqual(json);
    }
    expect(decoded).toBeGreaterThan(0);
  });

  it(`${ROUNDS} mutated JSON inputs end in data or PdataDecodeError`, async () => {
    const texts = (await s.seeds()).map((b) => s.encJson(s.decProto(b) as never));
    const rnd = prng(0xbadf00d);
    for (let k = 0; k < ROUNDS; k++) {
      const input = mutateText(texts[k % texts.length]!, rnd);
      let data: unknown;
      try {
        data = s.decJson(input);
      } catch (e) {
        if (!(e instanceof P.PdataDecodeError)) throw new Error(`round ${k}: ${String(e)}`);
        continue;
      }
      expect(() => s.decProto(s.encProto(data as never))).not.toThrow();
    }
  });
});
