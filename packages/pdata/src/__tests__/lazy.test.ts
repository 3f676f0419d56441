// The lazy decode / raw re-emission machinery: whatever a caller changes through the public API
// must show up in the re-encoded bytes, and whatever it did not change must stay as it was.
import { describe, expect, it } from 'vitest';
import {
  LogRecord,
  Logs,
  PMap,
  PSlice,
  ReadOnlyError,
  ResourceLogs,
  ResourceSpans,
  ScopeLogs,
  ScopeSpans,
  Span,
  SpanEvent,
  SpanId,
  Traces,
  TraceId,
  decodeLogsProto,
  decodeTracesProto,
  encodeLogsProto,
  encodeTracesProto,
  logsToJsonObject,
  tracesToJsonObject,
} from '../index.js';

function sampleLogs(): Uint8Array {
  const records = [0, 1, 2].map((i) =>
    LogRecord.create({
      timeUnixNano: 1700000000000000000n + BigInt(i),
      severityNumber: 9,
      severityText: 'INFO',
      body: i === 1 ? PMap.fromRaw({ msg: 'hi', nested: { n: 1n } }) : `line ${i}`,
      traceId: TraceId.fromHex('0102030405060708090a0b0c0d0e0f10'),
      attributes: { 'http.method': 'GET', ключ: 'значение', n: BigInt(i), list: ['a', 1n], m: { deep: true } },
    }),
  );
  const rl = ResourceLogs.create({ schemaUrl: 'https://s', scopeLogs: [ScopeLogs.create({ scope: { name: 'lib' }, logRecords: records })] });
  rl.resource.attributes.set('service.name', 'svc');
  return encodeLogsProto(Logs.create({ resourceLogs: [rl] }));
}

const roundTrip = (logs: Logs) => decodeLogsProto(encodeLogsProto(logs));
const recordsOf = (logs: Logs) => logs.resourceLogs[0]!.scopeLogs[0]!.logRecords;

describe('lazy decoding and raw re-emission', () => {
  it('re-emits untouched or only-read data byte for byte', () => {
    const bytes = sampleLogs();
    const logs = decodeLogsProto(bytes);
    for (const r of recordsOf(logs)) {
      void r.severityText;
      void r.attributes.get('n');
      void r.body;
      r.attributes.forEach(() => {});
    }
    expect(encodeLogsProto(logs)).toEqual(bytes);
  });

  it('an attribute set on a record that was never loaded keeps every other field', () => {
    const bytes = sampleLogs();
    const logs = decodeLogsProto(bytes);
    recordsOf(logs)[1]!.attributes.set('added', 7n);
    const again = roundTrip(logs);
    const before = logsToJsonObject(decodeLogsProto(bytes));
    const after = logsToJsonObject(again);
    const rec = recordsOf(again)[1]!;
    expect(rec.attributes.get('added')).toBe(7n);
    expect(rec.attributes.size).toBe(6);
    rec.attributes.remove('added');
    expect(logsToJsonObject(again)).toEqual(before);
    expect(after).not.toEqual(before);
  });

  it('replacing, removing and reordering entries of a decoded map', () => {
    const logs = decodeLogsProto(sampleLogs());
    const attrs = recordsOf(logs)[0]!.attributes;
    attrs.set('n', 'replaced');
    attrs.remove('http.method');
    expect([...attrs.keys()]).toEqual(['m', 'ключ', 'n', 'list']);
    attrs.set('ключ', 'other');
    expect(attrs.size).toBe(4);
    attrs.removeIf((k) => k === 'list');
    const again = recordsOf(roundTrip(logs))[0]!.attributes;
    expect(again.toRaw()).toEqual({ m: { deep: true }, ключ: 'other', n: 'replaced' });
    expect([...again.keys()]).toEqual(['m', 'ключ', 'n']);
  });

  it('changes inside nested containers are seen (attribute maps, slices and bodies)', () => {
    const logs = decodeLogsProto(sampleLogs());
    const [a, b] = recordsOf(logs);
    (a!.attributes.get('m') as PMap).set('added', 1.5);
    (a!.attributes.get('list') as PSlice).append(null);
    ((b!.body as PMap).get('nested') as PMap).set('n', 2n);
    const again = recordsOf(roundTrip(logs));
    expect(again[0]!.attributes.toRaw()).toMatchObject({ m: { deep: true, added: 1.5 }, list: ['a', 1n, null] });
    expect((again[1]!.body as PMap).toRaw()).toEqual({ msg: 'hi', nested: { n: 2n } });
  });

  it('copies between maps of different fields of the same request are retagged', () => {
    const logs = decodeLogsProto(sampleLogs());
    const rl = logs.resourceLogs[0]!;
    const rec = recordsOf(logs)[2]!;
    rl.resource.attributes.copyTo(rec.attributes);
    rec.attributes.set('extra', true);
    rec.severityText = 'WARN';
    const again = roundTrip(logs);
    const r = recordsOf(again)[2]!;
    expect(r.attributes.toRaw()).toEqual({ 'service.name': 'svc', extra: true });
    expect(r.severityText).toBe('WARN');
    expect(r.body).toBe('line 2');
    expect(again.resourceLogs[0]!.resource.attributes.toRaw()).toEqual({ 'service.name': 'svc' });
  });

  it('setters, array edits and message copies across requests', () => {
    const logs = decodeLogsProto(sampleLogs());
    const other = decodeLogsProto(sampleLogs());
    const recs = recordsOf(logs);
    recs[0]!.traceId = TraceId.EMPTY;
    recs.splice(1, 1, LogRecord.create({ body: 'fresh', spanId: SpanId.fromHex('0102030405060708') }));
    recordsOf(other)[1]!.copyTo(recs[2]!);
    logs.resourceLogs[0]!.scopeLogs.push(ScopeLogs.create({ logRecords: [LogRecord.create({ eventName: 'e' })] }));
    const again = roundTrip(logs);
    const r = recordsOf(again);
    expect(r[0]!.traceId.isEmpty()).toBe(true);
    expect(r[0]!.attributes.get('n')).toBe(0n);
    expect(r[1]!.body).toBe('fresh');
    expect(r[1]!.spanId.toHex()).toBe('0102030405060708');
    expect((r[2]!.body as PMap).get('msg')).toBe('hi');
    expect(again.resourceLogs[0]!.scopeLogs[1]!.logRecords[0]!.eventName).toBe('e');
    expect(again.logRecordCount()).toBe(4);
  });

  it('moveTo empties the source; clone of untouched data shares nothing mutable', () => {
    const logs = decodeLogsProto(sampleLogs());
    const rec = recordsOf(logs)[0]!;
    const copy = rec.clone();
    copy.attributes.set('n', 99n);
    expect(rec.attributes.get('n')).toBe(0n);
    const dest = new LogRecord();
    rec.moveTo(dest);
    expect(rec.severityText).toBe('');
    expect(rec.attributes.size).toBe(0);
    expect(dest.attributes.get('ключ')).toBe('значение');
    expect(recordsOf(roundTrip(logs))[0]!.body).toBeNull();
  });

  it('read-only data can be read but not changed, also where it was not decoded yet', () => {
    const logs = decodeLogsProto(sampleLogs());
    logs.markReadOnly();
    const rec = recordsOf(logs)[1]!;
    expect(rec.severityText).toBe('INFO');
    expect(() => (rec.severityText = 'x')).toThrow(ReadOnlyError);
    expect(() => rec.attributes.set('x', 1n)).toThrow(ReadOnlyError);
    expect(() => ((rec.body as PMap).get('nested') as PMap).set('x', 1n)).toThrow(ReadOnlyError);
    expect(() => (rec.attributes.get('list') as PSlice).append(1n)).toThrow(ReadOnlyError);
    expect(() => recordsOf(logs).push(new LogRecord())).toThrow(TypeError);
    expect(() => logs.resourceLogs[0]!.resource.attributes.clear()).toThrow(ReadOnlyError);
    expect(encodeLogsProto(logs)).toEqual(sampleLogs());
  });

  it('spans: status, events and links edits', () => {
    const span = Span.create({
      name: 'op',
      attributes: { a: 'b' },
      events: [SpanEvent.create({ name: 'e1', attributes: { k: 'v' } })],
      status: { code: 1 },
    });
    const bytes = encodeTracesProto(
      Traces.create({ resourceSpans: [ResourceSpans.create({ scopeSpans: [ScopeSpans.create({ spans: [span, span.clone()] })] })] }),
    );
    const t = decodeTracesProto(bytes);
    const [s0, s1] = t.resourceSpans[0]!.scopeSpans[0]!.spans;
    s0!.status.code = 2;
    s0!.events[0]!.attributes.set('k', 'changed');
    s1!.events.push(SpanEvent.create({ name: 'e2' }));
    const again = decodeTracesProto(encodeTracesProto(t)).resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(again[0]!.status.code).toBe(2);
    expect(again[0]!.events[0]!.attributes.get('k')).toBe('changed');
    expect(again[1]!.events.map((e) => e.name)).toEqual(['e1', 'e2']);
    expect(tracesToJsonObject(decodeTracesProto(bytes))).toEqual(tracesToJsonObject(decodeTracesProto(bytes)));
  });

  it('duplicate keys on the wire: lookups find the first, re-encoding keeps both', () => {
    // KeyValue{key:"k", value{int 1}}, KeyValue{key:"k", value{int 2}} in LogRecord.attributes (6).
    const kv = (n: number) => [0x32, 7, 0x0a, 1, 0x6b, 0x12, 2, 0x18, n];
    const rec = [...kv(1), ...kv(2)];
    const bytes = new Uint8Array([0x0a, rec.length + 4, 0x12, rec.length + 2, 0x12, rec.length, ...rec]);
    const logs = decodeLogsProto(bytes);
    const attrs = recordsOf(logs)[0]!.attributes;
    expect(attrs.get('k')).toBe(1n);
    expect(attrs.size).toBe(2);
    attrs.set('other', true);
    expect(recordsOf(roundTrip(logs))[0]!.attributes.size).toBe(3);
  });

  it('counts records from the bytes of groups not loaded, and from the arrays once they are', () => {
    // ScopeLogs: record {severity 1}, unknown field 15 (varint 5), record {severity 2}, schema_url "u".
    const scope = [0x12, 2, 0x10, 1, 0x78, 5, 0x12, 2, 0x10, 2, 0x1a, 1, 0x75];
    const bytes = new Uint8Array([0x0a, scope.length + 2, 0x12, scope.length, ...scope]);
    const logs = decodeLogsProto(bytes);
    expect(logs.logRecordCount()).toBe(2);
    expect(encodeLogsProto(logs)).toEqual(bytes);
    recordsOf(logs).push(LogRecord.create({ severityNumber: 3 }));
    expect(logs.logRecordCount()).toBe(3);
    expect(recordsOf(roundTrip(logs)).map((r) => r.severityNumber)).toEqual([1, 2, 3]);
    const traces = decodeTracesProto(encodeTracesProto(Traces.create({ resourceSpans: [ResourceSpans.create({ scopeSpans: [ScopeSpans.create({ spans: [Span.create({ name: 'a' }), Span.create({ name: 'b' })] })] })] })));
    expect(traces.spanCount()).toBe(2);
  });

  describe('adding keys to a decoded map that was not filled', () => {
    /** The sample request built again without source bytes, with `edit` applied to record `i`'s attributes. */
    const eagerWith = (i: number, edit: (m: PMap) => void): Uint8Array => {
      const logs = decodeLogsProto(sampleLogs());
      const rec = recordsOf(logs)[i]!;
      edit(rec.attributes);
      // Fill every map and reading every field makes the record re-encode from its fields.
      rec.severityText = rec.severityText;
      void [...rec.attributes.keys()];
      return encodeLogsProto(logs);
    };

    it('encodes as the same edit on a filled map, the added entries after the record\'s other fields', () => {
      const logs = decodeLogsProto(sampleLogs());
      const attrs = recordsOf(logs)[1]!.attributes;
      attrs.set('added', 'x');
      attrs.set('added', 'y');
      attrs.set('second', 2n);
      const edit = (m: PMap) => (m.set('added', 'y'), m.set('second', 2n));
      const lazy = encodeLogsProto(logs);
      const eager = eagerWith(1, edit);
      // The request's key filter ruled both keys out, so the record was not scanned for its map's end.
      expect(lazy.length).toBe(eager.length);
      expect(logsToJsonObject(decodeLogsProto(lazy))).toEqual(logsToJsonObject(decodeLogsProto(eager)));
      expect(recordsOf(roundTrip(logs))[1]!.attributes.toRaw()).toMatchObject({ n: 1n, added: 'y', second: 2n });
    });

    it('finds every key the request has before adding one: empty, long, nested, or only in another map', () => {
      const long = 'k'.repeat(200);
      const rec = LogRecord.create({ body: PMap.fromRaw({ inner: { deep: 1n } }), attributes: { '': 1n, [long]: 2n, plain: 3n } });
      const bytes = encodeLogsProto(Logs.create({ resourceLogs: [ResourceLogs.create({ scopeLogs: [ScopeLogs.create({ logRecords: [rec] })] })] }));
      for (const [key, size] of [['', 3], [long, 3], ['plain', 3], ['inner', 4], ['deep', 4], ['new', 4]] as const) {
        const logs = decodeLogsProto(bytes);
        recordsOf(logs)[0]!.attributes.set(key, 'x');
        const attrs = recordsOf(roundTrip(logs))[0]!.attributes;
        expect([key, attrs.size, attrs.get(key)]).toEqual([key, size, 'x']);
      }
      // A KeyValue without a key field (how proto3 encoders write the key "") has the key "".
      const keyless = new Uint8Array([0x0a, 10, 0x12, 8, 0x12, 6, 0x32, 4, 0x12, 2, 0x18, 7]);
      expect(recordsOf(decodeLogsProto(keyless))[0]!.attributes.get('')).toBe(7n);
      const logs = decodeLogsProto(keyless);
      recordsOf(logs)[0]!.attributes.set('', 'x');
      expect([...recordsOf(roundTrip(logs))[0]!.attributes.entries()]).toEqual([['', 'x']]);
    });

    it('encodes byte for byte as the same edit on a filled map when the record had to be scanned', () => {
      const logs = decodeLogsProto(sampleLogs());
      // `msg` is a key of the record's body map, so the key filter cannot rule it out for the attributes.
      recordsOf(logs)[1]!.attributes.set('msg', 'x');
      expect(encodeLogsProto(logs)).toEqual(eagerWith(1, (m) => m.set('msg', 'x')));
    });

    it('reads the added entries after the source entries, and a later change to a source key fills the map', () => {
      const logs = decodeLogsProto(sampleLogs());
      const attrs = recordsOf(logs)[0]!.attributes;
      attrs.set('added', true);
      expect(attrs.get('added')).toBe(true);
      expect(attrs.size).toBe(6);
      expect([...attrs.keys()]).toEqual(['http.method', 'ключ', 'n', 'list', 'm', 'added']);
      attrs.set('n', 5n);
      expect([...attrs.keys()]).toEqual(['http.method', 'ключ', 'n', 'list', 'm', 'added']);
      expect(recordsOf(roundTrip(logs))[0]!.attributes.toRaw()).toMatchObject({ n: 5n, added: true });
    });

    it('setting a key the source has replaces it in place (non-ASCII key too)', () => {
      const logs = decodeLogsProto(sampleLogs());
      const attrs = recordsOf(logs)[2]!.attributes;
      attrs.set('ключ', 'новое');
      expect([...attrs.keys()]).toEqual(['http.method', 'ключ', 'n', 'list', 'm']);
      expect(encodeLogsProto(logs)).toEqual(eagerWith(2, (m) => m.set('ключ', 'новое')));
    });

    it('added entries move, copy and become read-only with the map', () => {
      const logs = decodeLogsProto(sampleLogs());
      const [a, b] = recordsOf(logs);
      a!.attributes.set('added', 1n);
      a!.attributes.copyTo(b!.attributes);
      expect(b!.attributes.get('added')).toBe(1n);
      const moved = new PMap();
      a!.attributes.moveTo(moved);
      expect(moved.toRaw()).toMatchObject({ 'http.method': 'GET', added: 1n });
      expect(a!.attributes.size).toBe(0);
      const c = recordsOf(logs)[2]!;
      c.attributes.set('added', 2n);
      logs.markReadOnly();
      expect(() => c.attributes.set('other', 3n)).toThrow(ReadOnlyError);
      expect(recordsOf(roundTrip(logs))[2]!.attributes.get('added')).toBe(2n);
    });

    it('a map moved into another record that was not loaded is written, not that record\'s old map', () => {
      const logs = decodeLogsProto(sampleLogs());
      const [a, , c] = recordsOf(logs);
      a!.attributes.set('added', 1n);
      a!.attributes.moveTo(c!.attributes);
      const again = recordsOf(roundTrip(logs));
      expect(again[2]!.attributes.toRaw()).toEqual({ 'http.method': 'GET', ключ: 'значение', n: 0n, list: ['a', 1n], m: { deep: true }, added: 1n });
      expect(again[2]!.body).toBe('line 2');
      expect(again[0]!.attributes.size).toBe(0);
    });

    it('a record whose attributes are not one block keeps every entry', () => {
      // LogRecord: attributes k=1, severity_text "s" (3), attributes j=2.
      const kv = (key: number, n: number) => [0x32, 7, 0x0a, 1, key, 0x12, 2, 0x18, n];
      const rec = [...kv(0x6b, 1), 0x1a, 1, 0x73, ...kv(0x6a, 2)];
      const bytes = new Uint8Array([0x0a, rec.length + 4, 0x12, rec.length + 2, 0x12, rec.length, ...rec]);
      const logs = decodeLogsProto(bytes);
      recordsOf(logs)[0]!.attributes.set('new', true);
      const again = recordsOf(roundTrip(logs))[0]!;
      expect([...again.attributes.entries()]).toEqual([['k', 1n], ['j', 2n], ['new', true]]);
      expect(again.severityText).toBe('s');
    });
  });
});
