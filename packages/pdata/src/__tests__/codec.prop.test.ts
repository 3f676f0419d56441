import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as P from '../index.js';
import { logs, metrics, profiles, traces } from './arbitraries.js';

interface Codec<T> {
  name: string;
  arb: fc.Arbitrary<T>;
  encProto: (x: T) => Uint8Array;
  decProto: (b: Uint8Array) => T;
  toJson: (x: T) => P.JsonObject;
  fromJson: (o: unknown) => T;
  encJson: (x: T) => string;
  decJson: (s: string) => T;
}

const codecs: Codec<any>[] = [
  { name: 'logs', arb: logs, encProto: P.encodeLogsProto, decProto: P.decodeLogsProto, toJson: P.logsToJsonObject, fromJson: P.logsFromJsonObject, encJson: P.encodeLogsJson, decJson: P.decodeLogsJson },
  { name: 'traces', arb: traces, encProto: P.encodeTracesProto, decProto: P.decodeTracesProto, toJson: P.tracesToJsonObject, fromJson: P.tracesFromJsonObject, encJson: P.encodeTracesJson, decJson: P.decodeTracesJson },
  { name: 'metrics', arb: metrics, encProto: P.encodeMetricsProto, decProto: P.decodeMetricsProto, toJson: P.metricsToJsonObject, fromJson: P.metricsFromJsonObject, encJson: P.encodeMetricsJson, decJson: P.decodeMetricsJson },
  { name: 'profiles', arb: profiles, encProto: P.encodeProfilesProto, decProto: P.decodeProfilesProto, toJson: P.profilesToJsonObject, fromJson: P.profilesFromJsonObject, encJson: P.encodeProfilesJson, decJson: P.decodeProfilesJson },
];

const runs = { numRuns: 150 };

describe.each(codecs)('$name round trips', (c) => {
  it('decodeProto(encodeProto(x)) ≡ x', () => {
    fc.assert(
      fc.property(c.arb, (x) => {
        const bytes = c.encProto(x);
        expect(c.toJson(c.decProto(bytes))).toEqual(c.toJson(x));
      }),
      runs,
    );
  });

  it('decodeJson(encodeJson(x)) ≡ x', () => {
    fc.assert(
      fc.property(c.arb, (x) => {
        const text = c.encJson(x);
        expect(c.toJson(c.decJson(text))).toEqual(c.toJson(x));
      }),
      runs,
    );
  });

  it('proto ↔ JSON: the same data encodes to the same protobuf bytes through either path', () => {
    fc.assert(
      fc.property(c.arb, (x) => {
        const direct = c.encProto(x);
        const viaJson = c.encProto(c.decJson(c.encJson(c.decProto(direct))));
        expect(viaJson).toEqual(direct);
      }),
      runs,
    );
  });

  it('clone is deep and equal; a touched decode re-encodes to equivalent bytes', () => {
    fc.assert(
      fc.property(c.arb, (x) => {
        const decoded = c.decProto(c.encProto(x));
        const copy = decoded.clone();
        expect(c.toJson(copy)).toEqual(c.toJson(x));
        // toJson touched every field of `decoded`; encoding it again works from the fields.
        expect(c.toJson(c.decProto(c.encProto(decoded)))).toEqual(c.toJson(x));
      }),
      runs,
    );
  });
});
