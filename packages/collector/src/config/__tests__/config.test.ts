import { describe, expect, it } from 'vitest';
import { defaultComponents } from '../../components.js';
import { validateConfig } from '../../service/collector.js';
import { renderConfigDiagnostics } from '../diagnostics.js';

const components = defaultComponents();

function check(yaml: string | string[], env: Record<string, string> = {}) {
  const texts = Array.isArray(yaml) ? yaml : [yaml];
  const sources = texts.map((text, i) => ({ name: `c${i}.yaml`, text }));
  const r = validateConfig({ sources }, components, (n) => env[n]);
  return {
    ok: r.config !== undefined,
    diagnostics: r.diagnostics.map((d) => `${d.severity}[${d.code}] ${d.file ?? ''}:${d.range.start.line}:${d.range.start.column} ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`),
    config: r.config,
    rendered: renderConfigDiagnostics(r.diagnostics, r.sources),
  };
}

const base = `
receivers:
  nop:
processors:
  batch:
    timeout: 2s
exporters:
  debug:
    verbosity: detailed
service:
  pipelines:
    traces:
      receivers: [nop]
      processors: [batch]
      exporters: [debug]
`;

describe('collector config', () => {
  it('decodes a valid config with defaults filled in', () => {
    const r = check(base);
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.config!.processors.get('batch')!.config).toEqual({ timeout: 2000, send_batch_size: 8192, send_batch_max_size: 0, metadata_keys: [], metadata_cardinality_limit: 1000 });
    const p = r.config!.service.pipelines.get('traces')!;
    expect({ receivers: p.receivers.map(String), processors: p.processors.map(String), exporters: p.exporters.map(String) }).toEqual({
      receivers: ['nop'],
      processors: ['batch'],
      exporters: ['debug'],
    });
    expect(r.config!.service.telemetry.metricsEndpoint).toBe('localhost:8888');
  });

  it('names unknown component types with their line and the types that exist', () => {
    const r = check(base.replace('  batch:\n    timeout: 2s', '  groupbytrace:\n    wait_duration: 10s').replace('processors: [batch]', 'processors: [groupbytrace]'));
    expect(r.diagnostics).toEqual([
      'error[unknown-component] c0.yaml:5:3 processors.groupbytrace: unknown processor type "groupbytrace" (hint: this build has the processors: attributes, batch, filter, memory_limiter, probabilistic_sampler, resource, routing, tail_sampling, transform (see `ottl collector components`))',
    ]);
  });

  it('reports unknown fields with a did-you-mean and bad values with the YAML path', () => {
    const r = check(base.replace('timeout: 2s', 'timout: 2s\n    send_batch_size: -1\n    send_batch_max_size: lots'));
    expect(r.diagnostics).toEqual([
      'error[unknown-field] c0.yaml:6:5 processors.batch.timout: unknown field "timout" (hint: did you mean `timeout`?)',
      'error[config-error] c0.yaml:7:22 processors.batch.send_batch_size: must be at least 0, found -1',
      'error[config-error] c0.yaml:8:26 processors.batch.send_batch_max_size: expected an integer, found "lots"',
    ]);
  });

  it('renders diagnostics with the source line and carets', () => {
    const r = check(base.replace('timeout: 2s', 'timeout: 2 seconds'));
    expect(r.rendered).toMatchInlineSnapshot(`
      "error[config-error]: processors.batch.timeout: invalid duration "2 seconds"
        --> c0.yaml:6:14
         |
       6 |     timeout: 2 seconds
         |              ^^^^^^^^^ expected a duration
         |
         = hint: write a number with a unit: ns, us, ms, s, m or h (for example 200ms, 10s, 1m30s)

      1 error in 1 file"
    `);
  });

  it('expands ${env:…}, defaults, bare ${VAR} and $$', () => {
    const r = check(
      `
receivers:
  nop:
processors:
  batch:
    send_batch_size: \${env:SIZE}
    timeout: \${env:MISSING:-3s}
  attributes:
    actions:
      - { key: "tag", value: "\${TENANT}-$$HOME", action: insert }
exporters:
  debug:
service:
  pipelines:
    logs: { receivers: [nop], processors: [batch, attributes], exporters: [debug] }
`,
      { SIZE: '512', TENANT: 'acme' },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.config!.processors.get('batch')!.config).toMatchObject({ send_batch_size: 512, timeout: 3000 });
    const actions = (r.config!.processors.get('attributes')!.config as { actions: { value: unknown }[] }).actions;
    expect(actions[0]!.value).toBe('acme-$HOME');
  });

  it('merges several files: maps key by key, later scalars and lists win', () => {
    const r = check([base, 'processors:\n  batch:\n    send_batch_size: 10\nservice:\n  pipelines:\n    traces:\n      processors: []\n']);
    expect(r.diagnostics).toEqual([]);
    expect(r.config!.processors.get('batch')!.config).toMatchObject({ timeout: 2000, send_batch_size: 10 });
    expect(r.config!.service.pipelines.get('traces')!.processors).toEqual([]);
  });

  it('checks references, pipeline shape and signal support', () => {
    const r = check(`
receivers:
  nop:
exporters:
  debug:
connectors:
  forward:
service:
  extensions: [health_check]
  pipelines:
    traces:
      receivers: [nop, otlp]
      exporters: [debug, debugg]
    logs/x:
      receivers: [forward]
      exporters: [debug]
    metrics/empty:
      exporters: [debug]
    bogus:
      receivers: [nop]
      exporters: [debug]
`);
    expect(r.diagnostics).toEqual([
      'error[config-error] c0.yaml:9:16 service.extensions[0]: references extension "health_check" which is not configured (hint: define it under extensions first)',
      'error[config-error] c0.yaml:12:24 service.pipelines.traces.receivers[1]: references receiver "otlp" which is not configured (hint: define it under receivers or connectors first)',
      'error[config-error] c0.yaml:13:26 service.pipelines.traces.exporters[1]: references exporter "debugg" which is not configured (hint: did you mean `debug`?)',
      'error[config-error] c0.yaml:17:5 service.pipelines.metrics/empty.receivers: pipeline "metrics/empty" must have at least one receiver',
      'error[config-error] c0.yaml:19:5 service.pipelines.bogus: pipeline "bogus" must start with a signal: traces, metrics, logs, profiles',
      'error[config-error] c0.yaml:7:3 connectors.forward: connector "forward" is a receiver of logs pipeline "logs/x" but not an exporter of any pipeline that can feed it (hint: forward connects: traces → traces, metrics → metrics, logs → logs, profiles → profiles)',
    ]);
  });

  it('requires pipelines and reports YAML syntax errors', () => {
    expect(check('receivers:\n  nop:\n').diagnostics).toEqual([
      'error[config-error] :1:1 service.pipelines: service must have at least one pipeline (hint: add service.pipelines.<signal> with receivers and exporters, for example traces: { receivers: [otlp], exporters: [debug] })',
    ]);
    expect(check('receivers: [\n').diagnostics[0]).toMatch(/^error\[invalid-yaml\] c0\.yaml:2:1 /);
  });

  it('reads telemetry endpoints from address or readers', () => {
    const withAddress = check(base + '  telemetry:\n    metrics:\n      address: 0.0.0.0:18888\n');
    expect(withAddress.config!.service.telemetry.metricsEndpoint).toBe('0.0.0.0:18888');
    const withReaders = check(base + '  telemetry:\n    metrics:\n      readers:\n        - pull:\n            exporter:\n              prometheus:\n                host: 127.0.0.1\n                port: 9999\n');
    expect(withReaders.config!.service.telemetry.metricsEndpoint).toBe('127.0.0.1:9999');
    const none = check(base + '  telemetry:\n    metrics:\n      level: none\n');
    expect(none.config!.service.telemetry.metricsEndpoint).toBeUndefined();
  });
});
