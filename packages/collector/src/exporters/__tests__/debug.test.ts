import { describe, expect, it } from 'vitest';
import { debugExporter } from '../debug.js';
import { decodeFor, makeLogs, makeTraces, testSettings } from '../../__tests__/helpers.js';

describe('debug exporter', () => {
  it('logs counts (basic), one line per record (normal) and the full dump (detailed)', async () => {
    const out: string[] = [];
    for (const verbosity of ['basic', 'normal', 'detailed']) {
      const set = testSettings('debug', 'logs', 'exporter');
      const e = debugExporter.createLogs!(set, decodeFor(debugExporter.config, { verbosity }));
      await e.consume(makeLogs([{ attrs: { 'service.name': 'svc' }, bodies: ['hello'] }]));
      out.push(...set.logger.entries.map((x) => `${x.message}\n${JSON.stringify(x.fields)}`));
    }
    expect(out).toEqual([
      'Logs\n{"log records":1,"resource count":1}',
      'Logs\nhello\n{"log records":1,"resource count":1}',
      [
        'Logs',
        'ResourceLog #0',
        'Resource SchemaURL: ',
        'Resource attributes:',
        '     -> service.name: Str(svc)',
        'ScopeLogs #0',
        'ScopeLogs SchemaURL: ',
        'InstrumentationScope test ',
        'LogRecord #0',
        'ObservedTimestamp: 1970-01-01 00:00:00 +0000 UTC',
        'Timestamp: 2023-11-14 22:13:20 +0000 UTC',
        'SeverityText: ',
        'SeverityNumber: Unspecified(0)',
        'Body: Str(hello)',
        'Trace ID: ',
        'Span ID: ',
        'Flags: 0',
        '{"log records":1,"resource count":1}',
      ].join('\n'),
    ]);
  });

  it('dumps spans with ids, kind, times and status', async () => {
    const set = testSettings('debug', 'traces', 'exporter');
    await debugExporter.createTraces!(set, decodeFor(debugExporter.config, { verbosity: 'detailed' })).consume(makeTraces([{ spans: ['op'] }]));
    const text = set.logger.entries[0]!.message;
    expect(text).toContain('    Trace ID       : 00000000000000000000000000000001\n');
    expect(text).toContain('    Start time     : 2023-11-14 22:13:20 +0000 UTC\n    End time       : 2023-11-14 22:13:20.5 +0000 UTC\n');
    expect(text).toContain('    Status code    : Unset');
  });
});
