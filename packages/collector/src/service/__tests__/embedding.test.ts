// The embedding example of packages/collector/README.md, run as written (through the public entry).
import { describe, expect, it } from 'vitest';
import { Collector, defaultComponents, genericExporterFactory, schema } from '@ottl/collector';
import type { Logs } from '@ottl/pdata';
import { makeLogs } from '../../__tests__/helpers.js';

describe('embedding API (README example)', () => {
  it('builds a pipeline from a config object, pushes pdata in-process, and drains on shutdown', async () => {
    const received: Logs[] = [];
    const collect = genericExporterFactory({
      type: 'collect',
      description: 'keeps what it receives',
      stability: 'development',
      config: schema.struct({}),
      signals: ['logs'],
      create: () => ({
        capabilities: { mutatesData: false },
        start: async () => {},
        shutdown: async () => {},
        consume: async (logs) => void received.push(logs as Logs),
      }),
    });
    const collector = new Collector(
      {
        object: {
          receivers: { nop: {} },
          processors: { transform: { log_statements: ['set(log.attributes["seen"], true)'] } },
          exporters: { collect: {} },
          service: { pipelines: { logs: { receivers: ['nop'], processors: ['transform'], exporters: ['collect'] } } },
        },
      },
      { components: defaultComponents(collect) },
    );
    await collector.start();
    await collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['hi'] }]));
    await collector.shutdown();
    expect(received.map((l) => l.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.toRaw())).toEqual([{ seen: true }]);
  });
});
