import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogRecord, Logs, PMap, ResourceLogs, ScopeLogs, decodeLogsJson, decodeLogsProto, encodeLogsJson, encodeLogsProto } from '../index.js';

function roundTrip(s: string): { body: unknown; key: string } {
  const rec = LogRecord.create({ body: s, attributes: { [s]: s } });
  const logs = Logs.create({ resourceLogs: [ResourceLogs.create({ scopeLogs: [ScopeLogs.create({ logRecords: [rec] })] })] });
  const back = decodeLogsProto(encodeLogsProto(logs)).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
  return { body: back.body, key: [...back.attributes.keys()][0]! };
}

/** What UTF-8 can carry: lone surrogates become U+FFFD. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

describe('strings through the protobuf codec', () => {
  it('every length and width of UTF-8 sequence, around the fast-path and varint boundaries', () => {
    const units = ['a', 'é', '€', '😀', '\u0000', '\ufeff'];
    for (const u of units)
      for (const n of [0, 1, 23, 24, 25, 42, 43, 44, 63, 64, 127, 128, 129, 300, 5000]) {
        const s = u.repeat(n);
        expect(roundTrip(s)).toEqual({ body: n === 0 ? '' : s, key: s });
      }
  });

  it('arbitrary strings, including lone surrogates (sent as U+FFFD)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const r = roundTrip(s);
        expect(r.key).toBe(wellFormed(s));
        expect(r.body).toBe(wellFormed(s));
      }),
      { numRuns: 300 },
    );
  });

  it('JSON keeps strings as they are', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const logs = Logs.create({ resourceLogs: [ResourceLogs.create({ scopeLogs: [ScopeLogs.create({ logRecords: [LogRecord.create({ body: PMap.fromRaw({ [s]: s }) })] })] })] });
        const back = decodeLogsJson(encodeLogsJson(logs)).resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
        expect((back.body as PMap).get(s)).toBe(s);
      }),
      { numRuns: 200 },
    );
  });
});
