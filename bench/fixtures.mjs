// Deterministic OTLP payload pieces the benchmarks share.
import * as P from '../packages/pdata/dist/index.js';

export const T0 = 1_700_000_000_000_000_000n;

/** A seeded source of the random pieces payloads are made of (same seed, same payload). */
export function randomSource(seed) {
  let s = seed;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const hex = (n) => Array.from({ length: n }, () => Math.floor(rnd() * 256).toString(16).padStart(2, '0')).join('');
  return { rnd, pick, hex };
}

/** The `i`-th log record of a web service: a ≈ 55-byte body, trace context and 12 attributes. */
export function webLogRecord({ rnd, pick, hex }, i) {
  return P.LogRecord.create({
    timeUnixNano: T0 + BigInt(i) * 1_000_000n,
    observedTimeUnixNano: T0 + BigInt(i) * 1_000_000n + 5000n,
    severityNumber: 9,
    severityText: 'INFO',
    body: `request ${hex(6)} served in ${Math.floor(rnd() * 900)} ms for user ${hex(4)}`,
    traceId: P.TraceId.fromHex(hex(16)),
    spanId: P.SpanId.fromHex(hex(8)),
    flags: 1,
    attributes: {
      'http.method': pick(['GET', 'POST', 'PUT']),
      'http.route': pick(['/api/items', '/api/users/:id', '/health']),
      'http.status_code': BigInt(pick([200, 201, 404, 500])),
      'http.duration_ms': rnd() * 100,
      'user.id': `u-${hex(4)}`,
      'client.address': `10.0.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}`,
      'net.peer.port': BigInt(1024 + Math.floor(rnd() * 60000)),
      'thread.name': pick(['main', 'worker-1', 'worker-2']),
      'log.logger': 'com.example.Handler',
      'cache.hit': rnd() < 0.5,
      region: pick(['eu-west-1', 'us-east-1']),
      'deployment.environment': 'production',
    },
  });
}
