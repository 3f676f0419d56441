/**
 * The `log` path table (reference §6.13), its enums, and the log TransformContext builder.
 */
import { PMap, PSlice, type AttrValue, type LogRecord, type ResourceLogs, type ScopeLogs } from '@ottl/pdata';
import { toAttrValue, valueAsString } from '../types/convert.js';
import { OttlError, type Value } from '../types/values.js';
import {
  idField,
  int32Field,
  mapField,
  pathTable,
  SPAN_ID,
  stringField,
  timeField,
  TRACE_ID,
  uint32Field,
  uint64Field,
  type FieldDef,
  type PathTable,
} from './fields.js';
import { fromPdataValue, getMapValue, getSliceValue, pdataTypeName, setMapValue, setSliceValue } from './keys.js';
import type { LogTransformContext } from './types.js';

const SEVERITY_NAMES = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];

/** `SEVERITY_NUMBER_UNSPECIFIED` = 0, `SEVERITY_NUMBER_TRACE` = 1 … `SEVERITY_NUMBER_FATAL4` = 24. */
export const logEnums: ReadonlyMap<string, bigint> = new Map([
  ['SEVERITY_NUMBER_UNSPECIFIED', 0n],
  ...SEVERITY_NAMES.flatMap((name, i) =>
    ['', '2', '3', '4'].map((suffix, j): [string, bigint] => [`SEVERITY_NUMBER_${name}${suffix}`, BigInt(i * 4 + j + 1)]),
  ),
]);

function indexError(body: AttrValue): OttlError {
  return new OttlError(`log bodies of type ${pdataTypeName(body)} cannot be indexed`);
}

/**
 * `log.body`: any value. Setting converts like attribute values (maps and lists copied; nil makes
 * the body Empty); values a body cannot hold (time, ids…) leave it unchanged. Keys index a map or
 * slice body.
 */
const bodyField: FieldDef<LogTransformContext> = {
  doc: 'the log body: a string, number, bool, bytes, map or list',
  type: 'any',
  get: (ctx) => fromPdataValue(ctx.log.body),
  set: (ctx, v) => {
    const a = toAttrValue(v);
    if (a !== undefined) ctx.log.body = a;
  },
  keyed: {
    kind: 'value',
    type: 'any',
    get: (ctx, keys, kinds) => {
      const body = ctx.log.body;
      if (body instanceof PMap) return getMapValue(body, keys, kinds);
      if (body instanceof PSlice) return getSliceValue(body, keys, kinds);
      throw indexError(body);
    },
    set: (ctx, keys, kinds, v) => {
      const body = ctx.log.body;
      if (body instanceof PMap) setMapValue(body, keys, kinds, v);
      else if (body instanceof PSlice) setSliceValue(body, keys, kinds, v);
      else throw indexError(body);
    },
  },
  sub: {
    string: stringField(
      'the body as a string (non-string bodies in their canonical string form, maps and lists as JSON); setting requires a string',
      (ctx) => valueAsString(ctx.log.body as Value),
      (ctx, v) => (ctx.log.body = v),
    ),
  },
};

export const logTable: PathTable<LogTransformContext> = pathTable('log', {
  time_unix_nano: uint64Field(
    'the time of the event, in nanoseconds since the Unix epoch',
    (ctx) => ctx.log.timeUnixNano,
    (ctx, v) => (ctx.log.timeUnixNano = v),
  ),
  observed_time_unix_nano: uint64Field(
    'the time the event was observed, in nanoseconds since the Unix epoch',
    (ctx) => ctx.log.observedTimeUnixNano,
    (ctx, v) => (ctx.log.observedTimeUnixNano = v),
  ),
  time: timeField(
    'the time of the event',
    (ctx) => ctx.log.timeUnixNano,
    (ctx, v) => (ctx.log.timeUnixNano = v),
  ),
  observed_time: timeField(
    'the time the event was observed',
    (ctx) => ctx.log.observedTimeUnixNano,
    (ctx, v) => (ctx.log.observedTimeUnixNano = v),
  ),
  severity_number: int32Field(
    'the severity number (SEVERITY_NUMBER_* enums)',
    (ctx) => ctx.log.severityNumber,
    (ctx, v) => (ctx.log.severityNumber = v),
  ),
  severity_text: stringField(
    'the severity text (log level name)',
    (ctx) => ctx.log.severityText,
    (ctx, v) => (ctx.log.severityText = v),
  ),
  body: bodyField,
  attributes: mapField('the log record attributes', (ctx) => ctx.log.attributes),
  dropped_attributes_count: uint32Field(
    'the number of log record attributes dropped',
    (ctx) => ctx.log.droppedAttributesCount,
    (ctx, v) => (ctx.log.droppedAttributesCount = v),
  ),
  flags: uint32Field(
    'the log record flags (W3C trace flags)',
    (ctx) => ctx.log.flags,
    (ctx, v) => (ctx.log.flags = v),
  ),
  trace_id: idField(
    'the trace id of the log record',
    TRACE_ID,
    (ctx) => ctx.log.traceId,
    (ctx, v) => (ctx.log.traceId = v),
  ),
  span_id: idField(
    'the span id of the log record',
    SPAN_ID,
    (ctx) => ctx.log.spanId,
    (ctx, v) => (ctx.log.spanId = v),
  ),
  event_name: stringField(
    'the event name of the log record',
    (ctx) => ctx.log.eventName,
    (ctx, v) => (ctx.log.eventName = v),
  ),
});

/** A `log` context for one log record of `scopeLogs` in `resourceLogs`. */
export function logContext(resourceLogs: ResourceLogs, scopeLogs: ScopeLogs, log: LogRecord): LogTransformContext {
  return {
    context: 'log',
    cache: new PMap(),
    resource: resourceLogs.resource,
    resourceContainer: resourceLogs,
    scope: scopeLogs.scope,
    scopeContainer: scopeLogs,
    log,
  };
}
