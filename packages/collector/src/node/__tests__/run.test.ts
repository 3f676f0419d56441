import { describe, expect, it } from 'vitest';
import { addressOf, httpCall, startYaml } from './harness.js';
import { runUntilSignal } from '../run.js';

const yaml = `
receivers:
  nop:
exporters:
  nop:
service:
  telemetry: { metrics: { address: 127.0.0.1:0 } }
  pipelines:
    logs: { receivers: [nop], exporters: [nop] }
`;

describe('runUntilSignal', () => {
  it('SIGTERM drains the collector and resolves with exit code 0', async () => {
    const c = await startYaml(yaml);
    const code = runUntilSignal(c);
    process.emit('SIGTERM');
    expect(await code).toBe(0);
    expect(c.collector.state).toBe('stopped');
  });

  it('a shutdown that fails resolves with exit code 1, logs why, and still closes the metrics endpoint', async () => {
    const c = await startYaml(yaml);
    const metrics = addressOf(c, 'metrics');
    expect((await httpCall(metrics, '/metrics', { method: 'GET', headers: { Connection: 'close' } })).status).toBe(200);
    const drain = c.collector.shutdown.bind(c.collector);
    c.collector.shutdown = () => Promise.reject(new Error('exporter "otlp" did not stop'));
    const code = runUntilSignal(c);
    process.emit('SIGTERM');
    expect(await code).toBe(1);
    expect(c.logs.entries.filter((e) => e.level === 'error').map((e) => [e.message, e.fields['error']])).toEqual([['shutdown failed', 'exporter "otlp" did not stop']]);
    await expect(httpCall(metrics, '/metrics', { method: 'GET' })).rejects.toThrow('ECONNREFUSED');
    await drain();
  });
});
