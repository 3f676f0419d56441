// Model-based check of the lazy machinery: the same edits applied to lazily decoded data and to
// the same data built without source bytes must encode to equivalent requests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as P from '../index.js';
import { attrValue, logs, traces } from './arbitraries.js';

type Op =
  | { kind: 'set'; rec: number; key: string; value: P.AttrValue }
  | { kind: 'setExisting'; rec: number; nth: number; value: P.AttrValue }
  | { kind: 'remove'; rec: number; nth: number }
  | { kind: 'removeIf'; rec: number; parity: number }
  | { kind: 'nested'; rec: number; nth: number; key: string; value: P.AttrValue }
  | { kind: 'scalar'; rec: number; text: string }
  | { kind: 'copyAttrs'; from: number; to: number }
  | { kind: 'dropRecord'; rec: number }
  | { kind: 'read'; rec: number };

const key = fc.constantFrom('a', 'k8s.pod', 'é', 'new.key', '');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), rec: fc.nat(), key, value: attrValue }),
  fc.record({ kind: fc.constant('setExisting' as const), rec: fc.nat(), nth: fc.nat(), value: attrValue }),
  fc.record({ kind: fc.constant('remove' as const), rec: fc.nat(), nth: fc.nat() }),
  fc.record({ kind: fc.constant('removeIf' as const), rec: fc.nat(), parity: fc.nat(1) }),
  fc.record({ kind: fc.constant('nested' as const), rec: fc.nat(), nth: fc.nat(), key, value: attrValue }),
  fc.record({ kind: fc.constant('scalar' as const), rec: fc.nat(), text: fc.string({ maxLength: 5 }) }),
  fc.record({ kind: fc.constant('copyAttrs' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('dropRecord' as const), rec: fc.nat() }),
  fc.record({ kind: fc.constant('read' as const), rec: fc.nat() }),
);

interface Rec {
  attributes: P.PMap;
  setText(t: string): void;
}

/** Applies `ops` to the records (and their attribute maps) of a request, through the public API only. */
function apply(records: Rec[], drop: (i: number) => void, ops: Op[]): void {
  for (const o of ops) {
    if (records.length === 0) return;
    const pick = (n: number) => records[n % records.length]!;
    switch (o.kind) {
      case 'set':
        pick(o.rec).attributes.set(o.key, P.cloneValue(o.value));
        break;
      case 'setExisting': {
        const m = pick(o.rec).attributes;
        const keys = [...m.keys()];
        if (keys.length) m.set(keys[o.nth % keys.length]!, P.cloneValue(o.value));
        break;
      }
      case 'remove': {
        const m = pick(o.rec).attributes;
        const keys = [...m.keys()];
        if (keys.length) m.remove(keys[o.nth % keys.length]!);
        break;
      }
      case 'removeIf': {
        let i = 0;
        pick(o.rec).attributes.removeIf(() => i++ % 2 === o.parity);
        break;
      }
      case 'nested': {
        const m = pick(o.rec).attributes;
        const vals = [...m.values()];
        const v = vals.length ? vals[o.nth % vals.length] : undefined;
        if (v instanceof P.PMap) v.set(o.key, P.cloneValue(o.value));
        else if (v instanceof P.PSlice) v.append(P.cloneValue(o.value));
        break;
      }
      case 'scalar':
        pick(o.rec).setText(o.text);
        break;
      case 'copyAttrs':
        pick(o.from).attributes.copyTo(pick(o.to).attributes);
        break;
      case 'dropRecord': {
        const i = o.rec % records.length;
        drop(i);
        records.splice(i, 1);
        break;
      }
      case 'read':
        pick(o.rec).attributes.forEach(() => {});
        break;
    }
  }
}

function logRecords(l: P.Logs): { records: Rec[]; drop: (i: number) => void } {
  const owners: [P.LogRecord[], P.LogRecord][] = [];
  for (const rl of l.resourceLogs) for (const sl of rl.scopeLogs) for (const r of sl.logRecords) owners.push([sl.logRecords, r]);
  return {
    records: owners.map(([, r]) => ({ attributes: r.attributes, setText: (t: string) => (r.severityText = t) })),
    drop: (i) => {
      const [arr, r] = owners.splice(i, 1)[0]!;
      arr.splice(arr.indexOf(r), 1);
    },
  };
}

function spanRecords(t: P.Traces): { records: Rec[]; drop: (i: number) => void } {
  const owners: [P.Span[], P.Span][] = [];
  for (const rs of t.resourceSpans) for (const ss of rs.scopeSpans) for (const s of ss.spans) owners.push([ss.spans, s]);
  const records: Rec[] = owners.map(([, s]) => ({ attributes: s.attributes, setText: (x: string) => (s.name = x) }));
  // Event attribute maps take part too.
  for (const [, s] of owners) for (const e of s.events) records.push({ attributes: e.attributes, setText: (x: string) => (e.name = x) });
  return {
    records,
    drop: (i) => {
      if (i >= owners.length) return;
      const [arr, s] = owners.splice(i, 1)[0]!;
      arr.splice(arr.indexOf(s), 1);
    },
  };
}

describe('edits on lazily decoded data ≡ the same edits on data built from scratch', () => {
  it('logs', () => {
    fc.assert(
      fc.property(logs, fc.array(op, { maxLength: 8 }), (x, ops) => {
        const bytes = P.encodeLogsProto(x);
        const lazy = P.decodeLogsProto(bytes);
        const eager = P.logsFromJsonObject(P.logsToJsonObject(P.decodeLogsProto(bytes)));
        const a = logRecords(lazy);
        const b = logRecords(eager);
        apply(a.records, a.drop, ops);
        apply(b.records, b.drop, ops);
        expect(P.logsToJsonObject(P.decodeLogsProto(P.encodeLogsProto(lazy)))).toEqual(P.logsToJsonObject(P.decodeLogsProto(P.encodeLogsProto(eager))));
      }),
      { numRuns: 300 },
    );
  });

  it('traces', () => {
    fc.assert(
      fc.property(traces, fc.array(op, { maxLength: 8 }), (x, ops) => {
        const bytes = P.encodeTracesProto(x);
        const lazy = P.decodeTracesProto(bytes);
        const eager = P.tracesFromJsonObject(P.tracesToJsonObject(P.decodeTracesProto(bytes)));
        const a = spanRecords(lazy);
        const b = spanRecords(eager);
        apply(a.records, a.drop, ops);
        apply(b.records, b.drop, ops);
        expect(P.tracesToJsonObject(P.decodeTracesProto(P.encodeTracesProto(lazy)))).toEqual(
          P.tracesToJsonObject(P.decodeTracesProto(P.encodeTracesProto(eager))),
        );
      }),
      { numRuns: 300 },
    );
  });
});
