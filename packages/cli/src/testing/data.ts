/**
 * Telemetry written in a test file (`input:` and `expect:` of `*.ottltest.yaml`), in one of three
 * forms:
 *
 * - OTLP/JSON (`resourceLogs`, `resourceSpans`, `resourceMetrics`), where `attributes` may also
 *   be written as a plain mapping and a log `body` as a plain value;
 * - shorthand: `logs:`, `spans:` or `metrics:` (a list of records in OTLP/JSON field names, with
 *   the same plain attributes and bodies) under one resource (`resource:`, its attributes) and
 *   one scope (`scope:`);
 * - `file:` an OTLP/JSON or protobuf file, relative to the test file (`signal:` for protobuf).
 *
 * YAML integers are OTTL ints and YAML floats are doubles (the test file is read with integers
 * as bigints).
 */
import { dirname, resolve } from 'node:path';
import { SIGNAL_OPS, type Signal, type SignalData } from '@ottl/collector';
import { readBinaryFile, readTextFile } from '../cli/common.js';
import { RESOURCE_ARRAY_KEY } from '../data/input.js';

export class TestDataError extends Error {
  override readonly name = 'TestDataError';
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ANY_VALUE_KEYS = new Set(['stringValue', 'boolValue', 'intValue', 'doubleValue', 'arrayValue', 'kvlistValue', 'bytesValue']);
const SHORTHAND: Readonly<Record<string, { signal: Signal; scopes: string; items: string }>> = {
  logs: { signal: 'logs', scopes: 'scopeLogs', items: 'logRecords' },
  spans: { signal: 'traces', scopes: 'scopeSpans', items: 'spans' },
  metrics: { signal: 'metrics', scopes: 'scopeMetrics', items: 'metrics' },
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** bigints as OTLP/JSON wants them: numbers when exact, decimal strings past 2^53. */
function plain(v: unknown): Json {
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  if (v === undefined) return null;
  return v as Json;
}

/** A YAML value as an OTLP AnyValue (already-AnyValue objects are kept). */
export function anyValue(v: unknown): Json {
  if (v === null || v === undefined) return {};
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'bigint') return { intValue: v.toString() };
  if (typeof v === 'number') return Number.isFinite(v) ? { doubleValue: v } : { doubleValue: String(v) };
  if (typeof v === 'boolean') return { boolValue: v };
  if (v instanceof Uint8Array) return { bytesValue: Buffer.from(v).toString('base64') };
  if (Array.isArray(v)) return { arrayValue: { values: v.map(anyValue) } };
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && ANY_VALUE_KEYS.has(keys[0]!)) return plain(v);
    return { kvlistValue: { values: keys.map((key) => ({ key, value: anyValue(v[key]) })) } };
  }
  return { stringValue: String(v) };
}

/** OTLP/JSON with plain `attributes` mappings and `body` values turned into their OTLP forms. */
function normalize(v: unknown): Json {
  if (Array.isArray(v)) return v.map(normalize);
  if (!isPlainObject(v)) return plain(v);
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) {
    if ((k === 'attributes' || k === 'metadata' || k === 'filteredAttributes') && isPlainObject(x)) out[k] = Object.entries(x).map(([key, val]) => ({ key, value: anyValue(val) }));
    else if (k === 'body') out[k] = anyValue(x);
    else out[k] = normalize(x);
  }
  return out;
}

function signalOfObject(obj: Record<string, unknown>): Signal | undefined {
  for (const [signal, key] of Object.entries(RESOURCE_ARRAY_KEY) as [Signal, string][]) if (key in obj) return signal;
  return undefined;
}

export interface TestData {
  readonly signal: Signal;
  readonly data: SignalData[Signal];
}

function resourceOf(spec: unknown): Json {
  if (spec === undefined || spec === null) return {};
  if (!isPlainObject(spec)) throw new TestDataError('`resource` must be a mapping (its attributes, or { attributes: … })');
  const otlp = Object.keys(spec).every((k) => k === 'attributes' || k === 'droppedAttributesCount' || k === 'entityRefs');
  return normalize(otlp ? spec : { attributes: spec });
}

/** Reads telemetry written in a test file; `testFile` locates relative `file:` paths. */
export function readTestData(spec: unknown, testFile: string): TestData {
  if (!isPlainObject(spec)) throw new TestDataError('expected OTLP/JSON, a shorthand (logs:, spans:, metrics:) or file:');
  if (typeof spec['file'] === 'string') {
    const path = resolve(dirname(testFile), spec['file']);
    if (/\.(pb|binpb|proto|otlp|bin)$/i.test(path)) {
      const signal = spec['signal'];
      if (signal !== 'logs' && signal !== 'traces' && signal !== 'metrics' && signal !== 'profiles') throw new TestDataError(`${spec['file']} is protobuf: say its signal (signal: logs|traces|metrics|profiles)`);
      return { signal, data: SIGNAL_OPS[signal].decodeProto(readBinaryFile(path)) };
    }
    const text = readTextFile(path);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new TestDataError(`${spec['file']} is not one OTLP/JSON request: ${err instanceof Error ? err.message : String(err)}`);
    }
    const signal = isPlainObject(parsed) ? signalOfObject(parsed) : undefined;
    if (!signal) throw new TestDataError(`${spec['file']} holds no resourceLogs, resourceSpans or resourceMetrics`);
    return { signal, data: SIGNAL_OPS[signal].decodeJson(text) };
  }
  const short = Object.keys(SHORTHAND).filter((k) => k in spec);
  if (short.length > 1) throw new TestDataError(`give one of ${short.join(', ')}`);
  let signal: Signal;
  let obj: Json;
  if (short.length === 1) {
    const { signal: s, scopes, items } = SHORTHAND[short[0]!]!;
    const records = spec[short[0]!];
    if (!Array.isArray(records)) throw new TestDataError(`\`${short[0]}\` must be a list of records`);
    signal = s;
    const scope = spec['scope'] === undefined ? {} : normalize(spec['scope']);
    obj = { [RESOURCE_ARRAY_KEY[s]]: [{ resource: resourceOf(spec['resource']), [scopes]: [{ scope, [items]: normalize(records) }] }] };
  } else {
    const s = signalOfObject(spec);
    if (!s) throw new TestDataError('expected OTLP/JSON (resourceLogs, resourceSpans, resourceMetrics), a shorthand (logs:, spans:, metrics:) or file:');
    signal = s;
    obj = normalize(spec);
  }
  return { signal, data: SIGNAL_OPS[signal].decodeJson(JSON.stringify(obj)) };
}

/** Indented OTLP/JSON of data, for comparing and diffing. */
export function prettyData(d: TestData): string {
  return JSON.stringify(JSON.parse(SIGNAL_OPS[d.signal].encodeJson(d.data as never)), null, 2);
}
