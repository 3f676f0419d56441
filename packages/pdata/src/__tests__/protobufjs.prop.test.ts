// Interop with an independent decoder/encoder: protobufjs reflection over fixtures/otlp.proto.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import * as P from '../index.js';
import { logs, metrics, profiles, traces } from './arbitraries.js';

const root = protobuf.parse(readFileSync(new URL('./fixtures/otlp.proto', import.meta.url), 'utf8')).root;
const type = (name: string) => root.lookupType(`otlp.${name}`);
const TO_OBJECT = { longs: String, enums: Number, bytes: String, json: true } as const;
const ID_KEYS = new Set(['traceId', 'spanId', 'parentSpanId', 'profileId']);
const DOUBLE_KEYS = new Set(['doubleValue', 'asDouble', 'sum', 'min', 'max', 'zeroThreshold', 'quantile', 'value', 'explicitBounds']);

function hexToBase64(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}

/** Our OTLP/JSON → the shape protobufjs' toObject produces (base64 ids, no empty keys, -0 as a number). */
function normalize(v: unknown, key?: string): unknown {
  if (Array.isArray(v)) return v.map((x) => normalize(x, key));
  if (typeof v === 'string') {
    if (key !== undefined && ID_KEYS.has(key)) return hexToBase64(v);
    return v === '-0' && key !== undefined && DOUBLE_KEYS.has(key) ? -0 : v;
  }
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'key' && x === '') continue;
    out[k] = normalize(x, k);
  }
  return out;
}

const cases = [
  { name: 'logs', msg: 'ExportLogsServiceRequest', arb: logs, enc: P.encodeLogsProto, dec: P.decodeLogsProto, toJson: P.logsToJsonObject },
  { name: 'traces', msg: 'ExportTraceServiceRequest', arb: traces, enc: P.encodeTracesProto, dec: P.decodeTracesProto, toJson: P.tracesToJsonObject },
  { name: 'metrics', msg: 'ExportMetricsServiceRequest', arb: metrics, enc: P.encodeMetricsProto, dec: P.decodeMetricsProto, toJson: P.metricsToJsonObject },
  { name: 'profiles', msg: 'ExportProfilesServiceRequest', arb: profiles, enc: P.encodeProfilesProto, dec: P.decodeProfilesProto, toJson: P.profilesToJsonObject },
] as const;

describe.each(cases)('$name with protobufjs reflection on an independent schema', (c) => {
  const T = type(c.msg);

  it('protobufjs decodes what we encode to the same data', () => {
    fc.assert(
      fc.property(c.arb as fc.Arbitrary<any>, (x) => {
        const theirs = T.toObject(T.decode((c.enc as (x: unknown) => Uint8Array)(x)), TO_OBJECT);
        expect(theirs).toEqual(normalize((c.toJson as (x: unknown) => P.JsonObject)(x)));
      }),
      { numRuns: 150 },
    );
  });

  it('we decode what protobufjs encodes to the same data', () => {
    fc.assert(
      fc.property(c.arb as fc.Arbitrary<any>, (x) => {
        const json = (c.toJson as (x: unknown) => P.JsonObject)(x);
        const bytes = T.encode(T.fromObject(normalize(json) as Record<string, unknown>)).finish();
        expect((c.toJson as (x: unknown) => P.JsonObject)((c.dec as (b: Uint8Array) => unknown)(bytes))).toEqual(json);
      }),
      { numRuns: 150 },
    );
  });
});
