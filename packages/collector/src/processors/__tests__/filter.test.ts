import { describe, expect, it } from 'vitest';
import type { Logs, Metrics, Traces } from '@ottl/pdata';
import { filterProcessorFactory } from '../filter.js';
import { decodeFor, logBodies, makeGauges, makeLogs, makeTraces, sink, spanNames, testSettings } from '../../__tests__/helpers.js';

describe('filter processor', () => {
  it('drops spans with legacy blocks and removes emptied containers', async () => {
    const out = sink<Traces>();
    const set = testSettings('filter', 'traces');
    const cfg = decodeFor(filterProcessorFactory.config, { traces: { span: ['name == "drop"', 'attributes["x"] == true'] } });
    await filterProcessorFactory.createTraces!(set, cfg, out).consume(makeTraces([{ spans: ['keep', 'drop'] }, { spans: ['drop'] }]));
    expect(out.got.map(spanNames)).toEqual([['keep']]);
    expect(out.got[0]!.resourceSpans.length).toBe(1);
    expect(set.metrics.total('otelcol_processor_filter_spans_filtered')).toBe(2);
  });

  it('infers each basic condition context and evaluates from the resource down', async () => {
    const out = sink<Logs>();
    const cfg = decodeFor(filterProcessorFactory.config, { log_conditions: ['resource.attributes["env"] == "dev"', 'IsMatch(log.body, "secret")'] });
    expect(cfg.groups.logs.map((g) => g.context)).toEqual(['resource', 'log']);
    await filterProcessorFactory.createLogs!(testSettings('filter', 'logs'), cfg, out).consume(
      makeLogs([{ attrs: { env: 'dev' }, bodies: ['a'] }, { attrs: { env: 'prod' }, bodies: ['b', 'my secret', 'c'] }]),
    );
    expect(out.got.map(logBodies)).toEqual([['b', 'c']]);
  });

  it('drops metrics whose data points were all dropped and ends the request when nothing is left', async () => {
    const out = sink<Metrics>();
    const cfg = decodeFor(filterProcessorFactory.config, { metrics: { datapoint: ['value_int >= 1'], metric: ['name == "gone"'] } });
    const p = filterProcessorFactory.createMetrics!(testSettings('filter', 'metrics'), cfg, out);
    await p.consume(makeGauges([{ names: ['m1', 'gone'], points: 3 }]));
    const shape = out.got[0]!.resourceMetrics[0]!.scopeMetrics[0]!.metrics.map((m) => `${m.name}:${m.gauge!.dataPoints.length}`);
    expect(shape).toEqual(['m1:1']);
    await p.consume(makeGauges([{ names: ['gone'], points: 1 }]));
    expect(out.got.length).toBe(1);
  });

  it('counts an erroring condition as false under ignore and fails the request under propagate', async () => {
    const conditions = ['ParseJSON(log.body)["n"] > 1'];
    const ignore = sink<Logs>();
    await filterProcessorFactory.createLogs!(testSettings('filter', 'logs'), decodeFor(filterProcessorFactory.config, { error_mode: 'ignore', log_conditions: conditions }), ignore).consume(makeLogs([{ bodies: ['x', '{"n":5}'] }]));
    expect(ignore.got.map(logBodies)).toEqual([['x']]);
    const err = await filterProcessorFactory
      .createLogs!(testSettings('filter', 'logs'), decodeFor(filterProcessorFactory.config, { log_conditions: conditions }), sink())
      .consume(makeLogs([{ bodies: ['x'] }]))
      .catch((e: Error) => e.message);
    expect(err).toMatch(/^failed to eval condition: ParseJSON\(log.body\)\["n"\] > 1, /);
  });

  it('allows only converters and rejects mixing styles', () => {
    expect(() => decodeFor(filterProcessorFactory.config, { log_conditions: ['set(log.body, "x") == nil'] })).toThrow();
    expect(() => decodeFor(filterProcessorFactory.config, { logs: { log_record: ['body == "x"'] }, log_conditions: ['log.body == "y"'] })).toThrow('log_conditions cannot be used together with the legacy logs block');
  });
});
