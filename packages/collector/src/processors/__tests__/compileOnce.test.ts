// transform and filter compile each OTTL group once, when the config is checked; the processors
// created from it (one per pipeline and signal) reuse those programs with their own logger.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logs } from '@ottl/pdata';
import { defaultComponents } from '../../components.js';
import { createMemoryLogger } from '../../logger.js';
import { startCollector } from '../../node/run.js';
import { Collector } from '../../service/collector.js';
import { captureExporter, logBodies, makeLogs } from '../../__tests__/helpers.js';

/** Calls to compileStatements / compileConditions on every environment created. */
const compiles = vi.hoisted(() => ({ statements: 0, conditions: 0 }));

vi.mock('@ottl/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@ottl/core')>();
  return {
    ...core,
    createEnvironment: (...args: Parameters<typeof core.createEnvironment>) => {
      const env = core.createEnvironment(...args);
      return {
        ...env,
        compileStatements: (...a: Parameters<typeof env.compileStatements>) => (compiles.statements++, env.compileStatements(...a)),
        compileConditions: (...a: Parameters<typeof env.compileConditions>) => (compiles.conditions++, env.compileConditions(...a)),
      };
    },
  };
});

const yaml = `
receivers:
  nop:
processors:
  transform:
    log_statements:
      - context: log
        statements: ['set(attributes["parsed"], ParseJSON(body))', 'set(attributes["seen"], true)']
      - context: resource
        conditions: ['attributes["env"] == nil']
        statements: ['set(attributes["env"], "unset")']
    trace_statements: ['set(span.attributes["seen"], true)']
  filter:
    log_conditions: ['log.body == "drop"', 'resource.attributes["env"] == "dev"']
    traces: { span: ['name == "drop"'] }
exporters:
  capture:
service:
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], processors: [transform, filter], exporters: [capture] }
    logs/again: { receivers: [nop], processors: [transform, filter], exporters: [capture] }
    traces: { receivers: [nop], processors: [transform, filter], exporters: [capture] }
`;

// transform: two log groups and one trace group; filter: two basic log conditions (a group each)
// and one legacy span block.
const ONCE = { statements: 3, conditions: 3 };

beforeEach(() => {
  compiles.statements = 0;
  compiles.conditions = 0;
});

describe('transform and filter processors', () => {
  it('compile each group once for all their pipelines, and each pipeline logs through its own logger', async () => {
    const cap = captureExporter();
    const logger = createMemoryLogger('debug');
    const collector = new Collector({ sources: [{ name: 'c.yaml', text: yaml }] }, { components: defaultComponents(cap.factory), logger });
    expect(compiles).toEqual(ONCE);

    await collector.start();
    await collector.consumer('nop', 'logs').consume(makeLogs([{ bodies: ['keep', 'drop'] }]));
    await collector.shutdown();
    const got = cap.received.logs as Logs[];
    expect(got.map(logBodies)).toEqual([['keep'], ['keep']]);
    expect(got.map((ld) => [ld.resourceLogs[0]!.resource.attributes.toRaw(), ld.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes.toRaw()])).toEqual([
      [{ env: 'unset' }, { seen: true }],
      [{ env: 'unset' }, { seen: true }],
    ]);
    const ignored = logger.entries.filter((e) => e.message === 'failed to execute statement');
    expect(ignored.map((e) => [e.fields['name'], e.fields['pipeline'], e.fields['statement']]).sort()).toEqual([
      ['transform', 'logs', 'set(attributes["parsed"], ParseJSON(body))'],
      ['transform', 'logs', 'set(attributes["parsed"], ParseJSON(body))'],
      ['transform', 'logs/again', 'set(attributes["parsed"], ParseJSON(body))'],
      ['transform', 'logs/again', 'set(attributes["parsed"], ParseJSON(body))'],
    ]);
    expect(compiles).toEqual(ONCE);
  });

  it('compile once under startCollector too, when the logger follows the config (the CLI)', async () => {
    const running = await startCollector([{ name: 'c.yaml', text: yaml }], { components: defaultComponents(captureExporter().factory), makeLogger: () => createMemoryLogger() });
    await running.shutdown();
    expect(compiles).toEqual(ONCE);
  });
});
