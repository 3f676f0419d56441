import { describe, expect, it } from 'vitest';
import { defaultComponents } from '../../components.js';
import { makeComponents } from '../../component/components.js';
import { noLifecycle, type Factory } from '../../component/component.js';
import { genericExporterFactory, genericProcessorFactory } from '../../component/define.js';
import { struct } from '../../config/schema.js';
import { Collector } from '../collector.js';
import { browserFactories } from '../../components.js';
import { captureExporter, logBodies, makeLogs } from '../../__tests__/helpers.js';

describe('Collector', () => {
  it('fans out from one receiver to two pipelines, cloning only for the mutating one', async () => {
    const cap = captureExporter();
    const col = new Collector(
      {
        object: {
          receivers: { nop: {} },
          processors: { 'attributes/tag': { actions: [{ key: 'seen', value: 'yes', action: 'insert' }] } },
          exporters: { 'capture/a': {}, 'capture/b': {} },
          service: {
            telemetry: { metrics: { level: 'none' } },
            pipelines: {
              'logs/a': { receivers: ['nop'], processors: ['attributes/tag'], exporters: ['capture/a'] },
              'logs/b': { receivers: ['nop'], exporters: ['capture/b'] },
            },
          },
        },
      },
      { components: defaultComponents(cap.factory) },
    );
    await col.start();
    const input = makeLogs([{ bodies: ['one', 'two'] }]);
    await col.consumer('nop', 'logs').consume(input);
    await col.shutdown();
    expect(cap.received.logs.length).toBe(2);
    const attrs = cap.received.logs.map((ld) => ld.resourceLogs[0]!.scopeLogs[0]!.logRecords.map((lr) => lr.attributes.toRaw()));
    // Pipeline a (mutating) got a clone; pipeline b got the original, untouched.
    expect(attrs).toContainEqual([{ seen: 'yes' }, { seen: 'yes' }]);
    expect(attrs).toContainEqual([{}, {}]);
    expect(cap.received.logs.some((ld) => ld === input)).toBe(true);
    expect(col.metrics.total('otelcol_processor_incoming_items', { processor: 'attributes/tag' })).toBe(2);
    expect(col.metrics.total('otelcol_processor_outgoing_items', { processor: 'attributes/tag' })).toBe(2);
  });

  it('starts exporters before receivers and shuts down receivers first, draining batches', async () => {
    const events: string[] = [];
    const recorder = (kind: string) =>
      (name: string) => ({
        start: async () => void events.push(`start ${kind} ${name}`),
        shutdown: async () => void events.push(`shutdown ${kind} ${name}`),
      });
    const cap = captureExporter();
    const exp = genericExporterFactory({
      type: 'rec',
      description: 'test',
      stability: 'development',
      config: struct({}),
      signals: ['logs'],
      create: (set) => ({ ...recorder('exporter')(set.id.toString()), capabilities: { mutatesData: false }, consume: (d) => cap.factory.createLogs!(set, { mutates: false }, ).consume(d) }),
    });
    const proc = genericProcessorFactory({
      type: 'recp',
      description: 'test',
      stability: 'development',
      config: struct({}),
      signals: ['logs'],
      create: (set, _cfg, next) => ({ ...recorder('processor')(set.id.toString()), capabilities: { mutatesData: false }, consume: (d) => next.consume(d) }),
    });
    const rec = { ...recorder('receiver')('nop') };
    const recv: Factory = { kind: 'receiver', type: 'nop', description: 'test', stability: 'development', config: struct({}), createLogs: () => rec } as Factory;
    const col = new Collector(
      {
        object: {
          receivers: { nop: {} },
          processors: { recp: {}, batch: { timeout: '1h' } },
          exporters: { rec: {} },
          service: { telemetry: { metrics: { level: 'none' } }, pipelines: { logs: { receivers: ['nop'], processors: ['recp', 'batch'], exporters: ['rec'] } } },
        },
      },
      { components: makeComponents(browserFactories(), [exp, proc, recv]) },
    );
    await col.start();
    await col.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['a'] }]));
    await col.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['b', 'c'] }]));
    expect(cap.received.logs).toEqual([]); // held by the batch processor (timeout 1h)
    await col.shutdown();
    expect(events).toEqual(['start exporter rec', 'start processor recp', 'start receiver nop', 'shutdown receiver nop', 'shutdown processor recp', 'shutdown exporter rec']);
    expect(cap.received.logs.map(logBodies)).toEqual([['a', 'b', 'c']]);
    expect(col.state).toBe('stopped');
  });

  it('chains pipelines through the forward connector', async () => {
    const cap = captureExporter();
    const col = new Collector(
      {
        object: {
          receivers: { nop: {} },
          processors: { resource: { attributes: [{ key: 'stage', value: 'two', action: 'upsert' }] } },
          exporters: { capture: {} },
          connectors: { forward: {} },
          service: {
            telemetry: { metrics: { level: 'none' } },
            pipelines: { 'logs/in': { receivers: ['nop'], exporters: ['forward'] }, 'logs/out': { receivers: ['forward'], processors: ['resource'], exporters: ['capture'] } },
          },
        },
      },
      { components: defaultComponents(cap.factory) },
    );
    await col.start();
    await col.consumer('nop', 'logs').consume(makeLogs([{ attrs: { stage: 'one' }, bodies: ['x'] }]));
    await col.shutdown();
    expect(cap.received.logs.map((ld) => ld.resourceLogs[0]!.resource.attributes.toRaw())).toEqual([{ stage: 'two' }]);
  });

  it('throws a ConfigError listing every problem and creates nothing', () => {
    expect(() => new Collector({ object: { receivers: { nope: {} }, service: { pipelines: {} } } }, { components: defaultComponents() })).toThrowErrorMatchingInlineSnapshot(`
      [ConfigError: error[unknown-component]: receivers.nope: unknown receiver type "nope"
        = hint: did you mean \`nop\`? this build has the receivers: nop (see \`ottl collector components\`)

      error[config-error]: service.pipelines: service must have at least one pipeline
        = hint: add service.pipelines.<signal> with receivers and exporters, for example traces: { receivers: [otlp], exporters: [debug] }

      2 errors]
    `);
  });

  it('marks shared data read-only when two read-only consumers see it', async () => {
    const cap = captureExporter();
    const col = new Collector(
      { object: { receivers: { nop: {} }, exporters: { 'capture/a': {}, 'capture/b': {} }, service: { telemetry: { metrics: { level: 'none' } }, pipelines: { logs: { receivers: ['nop'], exporters: ['capture/a', 'capture/b'] } } } } },
      { components: defaultComponents(cap.factory) },
    );
    await col.start();
    await col.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['x'] }]));
    await col.shutdown();
    expect(cap.received.logs[0]).toBe(cap.received.logs[1]);
    expect(() => cap.received.logs[0]!.resourceLogs[0]!.resource.attributes.set('k', 'v')).toThrow(/read-only/);
  });
});
