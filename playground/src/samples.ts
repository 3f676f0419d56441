/** Sample programs and OTLP/JSON requests the playground starts from (one per signal). */
import type { ContextName } from '@ottl/core';
import type { Signal } from './run.js';

export interface Sample {
  readonly label: string;
  readonly signal: Signal;
  readonly context: ContextName;
  readonly statements: string;
  readonly input: string;
}

const resource = (service: string) => ({
  attributes: [
    { key: 'service.name', value: { stringValue: service } },
    { key: 'service.version', value: { stringValue: '1.4.2' } },
    { key: 'deployment.environment', value: { stringValue: 'staging' } },
    { key: 'host.name', value: { stringValue: 'ip-10-0-3-17' } },
  ],
});
const scope = { name: 'io.opentelemetry.example', version: '0.9.0' };
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: String(value) } });

const logs = {
  resourceLogs: [
    {
      resource: resource('checkout'),
      scopeLogs: [
        {
          scope,
          logRecords: [
            {
              timeUnixNano: '1717171717123456789',
              observedTimeUnixNano: '1717171717223456789',
              severityNumber: 9,
              severityText: 'INFO',
              body: { stringValue: 'user login ok password=hunter2 user=alice' },
              attributes: [str('http.route', '/api/login'), int('http.response.status_code', 200)],
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: 'eee19b7ec3c1b174',
            },
            {
              timeUnixNano: '1717171718000000000',
              severityNumber: 17,
              severityText: 'ERROR',
              body: { stringValue: 'payment declined card=4111111111111111' },
              attributes: [str('http.route', '/api/pay'), int('http.response.status_code', 502)],
            },
            {
              timeUnixNano: '1717171719000000000',
              severityNumber: 5,
              severityText: 'DEBUG',
              body: { stringValue: 'cache hit key=cart:42' },
            },
          ],
        },
      ],
    },
  ],
};

const traces = {
  resourceSpans: [
    {
      resource: resource('frontend'),
      scopeSpans: [
        {
          scope,
          spans: [
            {
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: 'eee19b7ec3c1b174',
              name: 'GET /api/cart',
              kind: 2,
              startTimeUnixNano: '1717171717000000000',
              endTimeUnixNano: '1717171717250000000',
              attributes: [str('http.request.method', 'GET'), str('url.path', '/api/cart'), int('http.response.status_code', 200)],
              events: [{ timeUnixNano: '1717171717100000000', name: 'cache.miss', attributes: [str('cache.key', 'cart:42')] }],
              status: {},
            },
            {
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: 'eee19b7ec3c1b175',
              parentSpanId: 'eee19b7ec3c1b174',
              name: 'SELECT carts',
              kind: 3,
              startTimeUnixNano: '1717171717050000000',
              endTimeUnixNano: '1717171717240000000',
              attributes: [str('db.system', 'postgresql'), str('db.statement', "SELECT * FROM carts WHERE user_id = 'alice'")],
              status: { code: 2, message: 'timeout' },
            },
          ],
        },
      ],
    },
  ],
};

const metrics = {
  resourceMetrics: [
    {
      resource: resource('checkout'),
      scopeMetrics: [
        {
          scope,
          metrics: [
            {
              name: 'http.server.request.duration',
              unit: 's',
              description: 'Duration of HTTP server requests.',
              histogram: {
                aggregationTemporality: 2,
                dataPoints: [
                  {
                    startTimeUnixNano: '1717171700000000000',
                    timeUnixNano: '1717171717000000000',
                    count: '12',
                    sum: 1.84,
                    bucketCounts: ['4', '6', '2'],
                    explicitBounds: [0.05, 0.25],
                    attributes: [str('http.route', '/api/cart'), int('http.response.status_code', 200)],
                  },
                ],
              },
            },
            {
              name: 'process.memory.usage',
              unit: 'By',
              gauge: { dataPoints: [{ timeUnixNano: '1717171717000000000', asInt: '73400320', attributes: [str('process.memory.type', 'heap')] }] },
            },
          ],
        },
      ],
    },
  ],
};

export const SAMPLES: readonly Sample[] = [
  {
    label: 'Logs: redact and tag',
    signal: 'logs',
    context: 'log',
    statements: [
      '# One statement per line; indent a line to continue the statement above.',
      'set(attributes["env"], resource.attributes["deployment.environment"])',
      'replace_pattern(body, "password=\\\\S+", "password=***")',
      'set(severity_text, "WARN") where severity_number >= SEVERITY_NUMBER_WARN and severity_number < SEVERITY_NUMBER_ERROR',
      'set(attributes["failed"], true) where attributes["http.response.status_code"] >= 500',
      'delete_key(attributes, "http.route") where severity_number < SEVERITY_NUMBER_INFO',
    ].join('\n'),
    input: JSON.stringify(logs, null, 2),
  },
  {
    label: 'Traces: span names and errors',
    signal: 'traces',
    context: 'span',
    statements: [
      'set(attributes["peer.service"], "postgres") where attributes["db.system"] == "postgresql"',
      'replace_pattern(attributes["db.statement"], "\'[^\']*\'", "?")',
      'set(attributes["error"], true) where status.code == STATUS_CODE_ERROR',
      'set(name, Concat([attributes["http.request.method"], attributes["url.path"]], " ")) where kind == SPAN_KIND_SERVER',
    ].join('\n'),
    input: JSON.stringify(traces, null, 2),
  },
  {
    label: 'Metrics: rename and annotate',
    signal: 'metrics',
    context: 'metric',
    statements: [
      'set(description, "HTTP request latency") where name == "http.server.request.duration"',
      'set(unit, "bytes") where unit == "By"',
      'set(name, Concat(["app", name], ".")) where IsMatch(name, "^process\\\\.")',
    ].join('\n'),
    input: JSON.stringify(metrics, null, 2),
  },
];
