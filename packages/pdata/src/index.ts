// @ottl/pdata public API. The contract is docs/design/pdata.md; the representation and the lazy
// codec design are described in packages/pdata/README.md.
export { PdataDecodeError, ReadOnlyError, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from './errors.js';
export type { PdataDecodeErrorCode, DecodeLimits } from './errors.js';
export { TraceId, SpanId, ProfileId } from './ids.js';
export { PMap, PSlice, valueType, valueEquals, valueToRaw, valueFromRaw, cloneValue } from './pcommon.js';
export type { AttrValue, ValueType as AttrValueType, RawValue } from './pcommon.js';
export { valueAsString } from './value.js';
export type { Init } from './internal/msg.js';
export { Resource, InstrumentationScope, EntityRef } from './common.js';
export { Logs, ResourceLogs, ScopeLogs, LogRecord } from './logs.js';
export { Traces, ResourceSpans, ScopeSpans, Span, SpanEvent, SpanLink, Status, SpanKind, StatusCode } from './traces.js';
export {
  Metrics,
  ResourceMetrics,
  ScopeMetrics,
  Metric,
  MetricType,
  AggregationTemporality,
  DataPointFlags,
  Gauge,
  Sum,
  Histogram,
  ExponentialHistogram,
  Summary,
  NumberDataPoint,
  HistogramDataPoint,
  ExponentialHistogramDataPoint,
  Buckets,
  SummaryDataPoint,
  ValueAtQuantile,
  Exemplar,
} from './metrics.js';
export type { NumberValueType } from './metrics.js';
export {
  Profiles,
  ResourceProfiles,
  ScopeProfiles,
  Profile,
  ProfilesDictionary,
  ValueType,
  Sample,
  Mapping,
  Location,
  Line,
  ProfileFunction,
  ProfileLink,
  Stack,
  KeyValueAndUnit,
} from './profiles.js';
export {
  decodeLogsProto,
  encodeLogsProto,
  decodeTracesProto,
  encodeTracesProto,
  decodeMetricsProto,
  encodeMetricsProto,
  decodeProfilesProto,
  encodeProfilesProto,
  ProtoBatch,
} from './proto.js';
export {
  logsToJsonObject,
  logsFromJsonObject,
  encodeLogsJson,
  decodeLogsJson,
  tracesToJsonObject,
  tracesFromJsonObject,
  encodeTracesJson,
  decodeTracesJson,
  metricsToJsonObject,
  metricsFromJsonObject,
  encodeMetricsJson,
  decodeMetricsJson,
  profilesToJsonObject,
  profilesFromJsonObject,
  encodeProfilesJson,
  decodeProfilesJson,
} from './json.js';
export type { JsonObject } from './json.js';
