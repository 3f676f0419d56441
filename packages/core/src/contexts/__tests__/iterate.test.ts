import {
  LogRecord,
  Logs,
  Metric,
  Metrics,
  NumberDataPoint,
  Exemplar,
  Profile,
  Profiles,
  ResourceLogs,
  ResourceMetrics,
  ResourceProfiles,
  ResourceSpans,
  ScopeLogs,
  ScopeMetrics,
  ScopeProfiles,
  ScopeSpans,
  Span,
  SpanEvent,
  SpanLink,
  Traces,
} from '@ottl/pdata';
import { describe, expect, it } from 'vitest';
import type { ContextName, TransformContext } from '../../types/signature.js';
import { forEachLogItem, forEachMetricItem, forEachProfileItem, forEachTraceItem } from '../iterate.js';
import { get } from './harness.js';

function logs(): Logs {
  const l = Logs.create();
  for (const r of ['r1', 'r2']) {
    const rl = ResourceLogs.create({ resource: { attributes: { r } } });
    for (const s of ['s1', 's2']) {
      const sl = ScopeLogs.create({ scope: { name: `${r}/${s}` } });
      sl.logRecords.push(LogRecord.create({ body: `${r}/${s}/a` }), LogRecord.create({ body: `${r}/${s}/b` }));
      rl.scopeLogs.push(sl);
    }
    l.resourceLogs.push(rl);
  }
  return l;
}

/** What each visited item is, as a path of the context reads it. */
function visit(context: ContextName, run: (fn: (c: TransformContext) => void) => void, path: string): unknown[] {
  const seen: unknown[] = [];
  run((c) => {
    expect(c.context).toBe(context);
    seen.push(get(c, path));
  });
  return seen;
}

describe('iteration order and contexts', () => {
  it('logs: resources once, scopes once, every record', () => {
    const l = logs();
    expect(visit('resource', (fn) => forEachLogItem('resource', l, fn), 'attributes["r"]')).toEqual(['r1', 'r2']);
    expect(visit('scope', (fn) => forEachLogItem('scope', l, fn), 'name')).toEqual(['r1/s1', 'r1/s2', 'r2/s1', 'r2/s2']);
    expect(visit('log', (fn) => forEachLogItem('log', l, fn), 'body')).toEqual([
      'r1/s1/a',
      'r1/s1/b',
      'r1/s2/a',
      'r1/s2/b',
      'r2/s1/a',
      'r2/s1/b',
      'r2/s2/a',
      'r2/s2/b',
    ]);
    expect(() => forEachLogItem('span', l, () => {})).toThrow('the span context cannot iterate logs');
  });

  it('traces: spans, every event of every span (with its index), every link', () => {
    const t = Traces.create();
    const rs = ResourceSpans.create();
    const ss = ScopeSpans.create();
    ss.spans.push(
      Span.create({ name: 'a', events: [SpanEvent.create({ name: 'a0' }), SpanEvent.create({ name: 'a1' })] }),
      Span.create({ name: 'b', events: [SpanEvent.create({ name: 'b0' })], links: [SpanLink.create({ flags: 7 })] }),
    );
    rs.scopeSpans.push(ss);
    t.resourceSpans.push(rs);
    expect(visit('span', (fn) => forEachTraceItem('span', t, fn), 'name')).toEqual(['a', 'b']);
    const events: unknown[] = [];
    forEachTraceItem('spanevent', t, (c) => events.push([get(c, 'span.name'), get(c, 'name'), get(c, 'event_index')]));
    expect(events).toEqual([
      ['a', 'a0', 0n],
      ['a', 'a1', 1n],
      ['b', 'b0', 0n],
    ]);
    expect(visit('spanlink', (fn) => forEachTraceItem('spanlink', t, fn), 'flags')).toEqual([7n]);
  });

  it('metrics: metrics, every point of every metric, every exemplar', () => {
    const m = Metrics.create();
    const rm = ResourceMetrics.create();
    const sm = ScopeMetrics.create();
    const g = Metric.create({ name: 'g' });
    g.setEmptyGauge().dataPoints.push(
      NumberDataPoint.create({ intValue: 1n, exemplars: [Exemplar.create({ intValue: 10n })] }),
      NumberDataPoint.create({ intValue: 2n }),
    );
    const empty = Metric.create({ name: 'empty' });
    sm.metrics.push(g, empty);
    rm.scopeMetrics.push(sm);
    m.resourceMetrics.push(rm);
    expect(visit('metric', (fn) => forEachMetricItem('metric', m, fn), 'name')).toEqual(['g', 'empty']);
    expect(visit('datapoint', (fn) => forEachMetricItem('datapoint', m, fn), 'value_int')).toEqual([1n, 2n]);
    expect(visit('exemplar', (fn) => forEachMetricItem('exemplar', m, fn), 'int_value')).toEqual([10n]);
    forEachMetricItem('metric', m, (c) => expect(c['metrics']).toBe(sm.metrics));
  });

  it('profiles: every profile, with the request dictionary', () => {
    const p = Profiles.create();
    const rp = ResourceProfiles.create();
    const sp = ScopeProfiles.create();
    sp.profiles.push(Profile.create({ originalPayloadFormat: 'pprof' }));
    rp.scopeProfiles.push(sp);
    p.resourceProfiles.push(rp);
    forEachProfileItem('profile', p, (c) => expect(c['dictionary']).toBe(p.dictionary));
    expect(visit('profile', (fn) => forEachProfileItem('profile', p, fn), 'original_payload_format')).toEqual(['pprof']);
  });
});

describe('iteration semantics', () => {
  it('gives every item a fresh cache', () => {
    const seen: unknown[] = [];
    forEachLogItem('log', logs(), (c) => {
      seen.push(c.cache.size);
      c.cache.set('x', 'leaked?');
    });
    expect(seen).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('keeps a cache map it handed out intact', () => {
    const caches: unknown[] = [];
    forEachLogItem('log', logs(), (c) => {
      c.cache.set('body', get(c, 'body'));
      caches.push(c.cache);
    });
    expect(new Set(caches).size).toBe(8);
  });

  it('visits items appended during the pass', () => {
    const m = Metrics.create();
    const rm = ResourceMetrics.create();
    const sm = ScopeMetrics.create();
    sm.metrics.push(Metric.create({ name: 'original' }));
    rm.scopeMetrics.push(sm);
    m.resourceMetrics.push(rm);
    const names: unknown[] = [];
    forEachMetricItem('metric', m, (c) => {
      const name = get(c, 'name');
      names.push(name);
      if (name === 'original') (c['metrics'] as Metric[]).push(Metric.create({ name: 'copy' }));
    });
    expect(names).toEqual(['original', 'copy']);
  });
});
