import { describe, expect, it } from 'vitest';
import { genericExporterFactory } from '../../component/define.js';
import { struct } from '../../config/schema.js';
import { addressOf, httpCall, startYaml } from './harness.js';

describe('health_check extension', () => {
  it('answers 200 while running and 503 while the pipelines drain', async () => {
    let release: () => void = () => {};
    let draining: () => void = () => {};
    const drainingNow = new Promise<void>((r) => (draining = r));
    const gate = genericExporterFactory({
      type: 'gate',
      description: 'test exporter whose shutdown waits',
      stability: 'development',
      config: struct({}),
      signals: ['logs'],
      create: () => ({
        capabilities: { mutatesData: false },
        start: () => Promise.resolve(),
        consume: () => Promise.resolve(),
        shutdown: () => new Promise<void>((r) => ((release = r), draining())),
      }),
    });
    const c = await startYaml(
      `
receivers:
  nop:
exporters:
  gate:
extensions:
  health_check: { endpoint: 127.0.0.1:0, path: /health }
service:
  extensions: [health_check]
  telemetry: { metrics: { level: none } }
  pipelines:
    logs: { receivers: [nop], exporters: [gate] }
`,
      [gate],
    );
    const addr = addressOf(c, 'health_check');
    const ok = await httpCall(addr, '/health', { method: 'GET' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body.toString())).toMatchObject({ status: 'Server available' });
    expect((await httpCall(addr, '/other', { method: 'GET' })).status).toBe(404);
    const stopped = c.shutdown();
    await drainingNow;
    const during = await httpCall(addr, '/health', { method: 'GET' });
    expect([during.status, JSON.parse(during.body.toString()).status]).toEqual([503, 'Server not available']);
    release();
    await stopped;
  });
});
