// fast-check generators for pdata built through the public API (create / setters / PMap).
import fc from 'fast-check';
import {
  Buckets,
  EntityRef,
  Exemplar,
  HistogramDataPoint,
  InstrumentationScope,
  KeyValueAndUnit,
  Line,
  Location,
  LogRecord,
  Logs,
  Mapping,
  Metric,
  Metrics,
  NumberDataPoint,
  PMap,
  PSlice,
  Profile,
  ProfileFunction,
  ProfileId,
  ProfileLink,
  Profiles,
  Resource,
  ResourceLogs,
  ResourceMetrics,
  ResourceProfiles,
  ResourceSpans,
  Sample,
  ScopeLogs,
  ScopeMetrics,
  ScopeProfiles,
  ScopeSpans,
  Span,
  SpanEvent,
  SpanId,
  SpanLink,
  Stack,
  SummaryDataPoint,
  TraceId,
  Traces,
  ValueAtQuantile,
  ExponentialHistogramDataPoint,
  type AttrValue,
} from '../index.js';

const TWO_63 = 2n ** 63n;
export const u64 = fc.oneof(
  fc.constantFrom(0n, 1n, 2n ** 64n - 1n, TWO_63, 2n ** 53n + 1n, 1700000000123456789n),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
);
export const i64 = fc.oneof(fc.constantFrom(0n, -1n, -TWO_63, TWO_63 - 1n, -(2n ** 53n) - 1n), fc.bigInt({ min: -TWO_63, max: TWO_63 - 1n }));
export const u32 = fc.oneof(fc.constantFrom(0, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }));
export const i32 = fc.oneof(fc.constantFrom(0, -1, -(2 ** 31), 2 ** 31 - 1), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
export const dbl = fc.oneof(fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5), fc.double());
export const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('', 'ü€😀', '\u0000\ufeff'),
  fc.string({ unit: 'grapheme', minLength: 20, maxLength: 50 }),
);
const smallText = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', 'é', 'k8s.pod'));
export const bytes = fc.uint8Array({ maxLength: 12 });
export const traceId = fc.oneof(fc.constant(TraceId.EMPTY), fc.uint8Array({ minLength: 16, maxLength: 16 }).map(TraceId.fromBytes));
export const spanId = fc.oneof(fc.constant(SpanId.EMPTY), fc.uint8Array({ minLength: 8, maxLength: 8 }).map(SpanId.fromBytes));
const profileId = fc.oneof(fc.constant(ProfileId.EMPTY), fc.uint8Array({ minLength: 16, maxLength: 16 }).map(ProfileId.fromBytes));
const optDbl = fc.option(dbl, { nil: undefined });

const scalar: fc.Arbitrary<AttrValue> = fc.oneof(fc.constant(null), text, fc.boolean(), i64, dbl, bytes);

export const attrValue: fc.Arbitrary<AttrValue> = fc.letrec<{ value: AttrValue; map: PMap; slice: PSlice }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', maxDepth: 3 }, scalar, tie('map'), tie('slice')),
  map: fc.uniqueArray(fc.tuple(smallText, tie('value')), { selector: (t) => t[0], maxLength: 4 }).map((entries) => {
    const m = new PMap();
    for (const [k, v] of entries) m.set(k, v);
    return m;
  }),
  slice: fc.array(tie('value'), { maxLength: 4 }).map((vs) => {
    const s = new PSlice();
    s.append(...vs);
    return s;
  }),
})).value;

export const attrs: fc.Arbitrary<PMap> = fc.uniqueArray(fc.tuple(smallText, attrValue), { selector: (t) => t[0], maxLength: 5 }).map((entries) => {
  const m = new PMap();
  for (const [k, v] of entries) m.set(k, v);
  return m;
});

const few = <T>(a: fc.Arbitrary<T>, n = 3) => fc.array(a, { maxLength: n });

const resource = fc
  .record({
    attributes: attrs,
    droppedAttributesCount: u32,
    entityRefs: few(fc.record({ schemaUrl: text, type: text, idKeys: few(text), descriptionKeys: few(text) }).map((r) => EntityRef.create(r)), 2),
  })
  .map((r) => Resource.create(r));
const scope = fc.record({ name: text, version: text, attributes: attrs, droppedAttributesCount: u32 }).map((s) => InstrumentationScope.create(s));

export const logRecord = fc
  .record({
    timeUnixNano: u64,
    observedTimeUnixNano: u64,
    severityNumber: i32,
    severityText: text,
    body: attrValue,
    attributes: attrs,
    droppedAttributesCount: u32,
    flags: u32,
    traceId,
    spanId,
    eventName: text,
  })
  .map((r) => LogRecord.create(r));

export const logs: fc.Arbitrary<Logs> = few(
  fc.record({
    resource,
    schemaUrl: text,
    scopeLogs: few(fc.record({ scope, schemaUrl: text, logRecords: few(logRecord) })),
  }),
).map((rls) =>
  Logs.create({
    resourceLogs: rls.map((rl) => {
      const r = ResourceLogs.create({ schemaUrl: rl.schemaUrl, scopeLogs: rl.scopeLogs.map((sl) => ScopeLogs.create({ schemaUrl: sl.schemaUrl, logRecords: sl.logRecords })) });
      rl.resource.moveTo(r.resource);
      rl.scopeLogs.forEach((sl, i) => sl.scope.copyTo(r.scopeLogs[i]!.scope));
      return r;
    }),
  }),
);

const spanEvent = fc.record({ timeUnixNano: u64, name: text, attributes: attrs, droppedAttributesCount: u32 }).map((e) => SpanEvent.create(e));
const spanLink = fc
  .record({ traceId, spanId, traceState: text, attributes: attrs, droppedAttributesCount: u32, flags: u32 })
  .map((l) => SpanLink.create(l));
export const span = fc
  .record({
    traceId,
    spanId,
    traceState: text,
    parentSpanId: spanId,
    flags: u32,
    name: text,
    kind: i32,
    startTimeUnixNano: u64,
    endTimeUnixNano: u64,
    attributes: attrs,
    droppedAttributesCount: u32,
    events: few(spanEvent),
    droppedEventsCount: u32,
    links: few(spanLink),
    droppedLinksCount: u32,
    status: fc.option(fc.record({ message: text, code: i32 }), { nil: undefined }),
  })
  .map(({ status, ...s }) => Span.create(status === undefined ? s : { ...s, status }));

export const traces: fc.Arbitrary<Traces> = few(
  fc.record({ resource, schemaUrl: text, scopeSpans: few(fc.record({ scope, schemaUrl: text, spans: few(span) })) }),
).map((rss) =>
  Traces.create({
    resourceSpans: rss.map((rs) => {
      const r = ResourceSpans.create({ schemaUrl: rs.schemaUrl, scopeSpans: rs.scopeSpans.map((ss) => ScopeSpans.create({ schemaUrl: ss.schemaUrl, spans: ss.spans })) });
      rs.resource.copyTo(r.resource);
      rs.scopeSpans.forEach((ss, i) => ss.scope.copyTo(r.scopeSpans[i]!.scope));
      return r;
    }),
  }),
);

const exemplar = fc
  .record({ filteredAttributes: attrs, timeUnixNano: u64, spanId, traceId, value: fc.oneof(fc.constant(undefined), dbl, i64) })
  .map(({ value, ...e }) => {
    const x = Exemplar.create(e);
    if (typeof value === 'number') x.doubleValue = value;
    else if (typeof value === 'bigint') x.intValue = value;
    return x;
  });
const numberPoint = fc
  .record({ attributes: attrs, startTimeUnixNano: u64, timeUnixNano: u64, exemplars: few(exemplar, 2), flags: u32, value: fc.oneof(fc.constant(undefined), dbl, i64) })
  .map(({ value, ...p }) => {
    const x = NumberDataPoint.create(p);
    if (typeof value === 'number') x.doubleValue = value;
    else if (typeof value === 'bigint') x.intValue = value;
    return x;
  });
const histogramPoint = fc
  .record({
    attributes: attrs,
    startTimeUnixNano: u64,
    timeUnixNano: u64,
    count: u64,
    sum: optDbl,
    bucketCounts: few(u64, 4),
    explicitBounds: few(dbl, 4),
    exemplars: few(exemplar, 2),
    flags: u32,
    min: optDbl,
    max: optDbl,
  })
  .map((p) => HistogramDataPoint.create(p));
const buckets = fc.record({ offset: i32, bucketCounts: few(u64, 4) }).map((b) => Buckets.create(b));
const expPoint = fc
  .record({
    attributes: attrs,
    startTimeUnixNano: u64,
    timeUnixNano: u64,
    count: u64,
    sum: optDbl,
    scale: i32,
    zeroCount: u64,
    positive: fc.option(buckets, { nil: undefined }),
    negative: fc.option(buckets, { nil: undefined }),
    flags: u32,
    exemplars: few(exemplar, 2),
    min: optDbl,
    max: optDbl,
    zeroThreshold: dbl,
  })
  .map(({ positive, negative, ...p }) => {
    const x = ExponentialHistogramDataPoint.create(p);
    if (positive) positive.copyTo(x.positive);
    if (negative) negative.copyTo(x.negative);
    return x;
  });
const summaryPoint = fc
  .record({
    attributes: attrs,
    startTimeUnixNano: u64,
    timeUnixNano: u64,
    count: u64,
    sum: dbl,
    quantileValues: few(fc.record({ quantile: dbl, value: dbl }).map((q) => ValueAtQuantile.create(q))),
    flags: u32,
  })
  .map((p) => SummaryDataPoint.create(p));

const metric = fc
  .record({
    name: text,
    description: text,
    unit: text,
    metadata: attrs,
    data: fc.oneof(
      fc.constant({ type: 0 as const }),
      fc.record({ type: fc.constant(1 as const), points: few(numberPoint) }),
      fc.record({ type: fc.constant(2 as const), points: few(numberPoint), temporality: i32, monotonic: fc.boolean() }),
      fc.record({ type: fc.constant(3 as const), points: few(histogramPoint), temporality: i32 }),
      fc.record({ type: fc.constant(4 as const), points: few(expPoint), temporality: i32 }),
      fc.record({ type: fc.constant(5 as const), points: few(summaryPoint) }),
    ),
  })
  .map(({ data, ...m }) => {
    const x = Metric.create(m);
    switch (data.type) {
      case 1:
        x.setEmptyGauge().dataPoints.push(...data.points);
        break;
      case 2: {
        const s = x.setEmptySum();
        s.dataPoints.push(...data.points);
        s.aggregationTemporality = data.temporality;
        s.isMonotonic = data.monotonic;
        break;
      }
      case 3: {
        const h = x.setEmptyHistogram();
        h.dataPoints.push(...data.points);
        h.aggregationTemporality = data.temporality;
        break;
      }
      case 4: {
        const h = x.setEmptyExponentialHistogram();
        h.dataPoints.push(...data.points);
        h.aggregationTemporality = data.temporality;
        break;
      }
      case 5:
        x.setEmptySummary().dataPoints.push(...data.points);
        break;
    }
    return x;
  });

export const metrics: fc.Arbitrary<Metrics> = few(
  fc.record({ resource, schemaUrl: text, scopeMetrics: few(fc.record({ scope, schemaUrl: text, metrics: few(metric) })) }),
).map((rms) =>
  Metrics.create({
    resourceMetrics: rms.map((rm) => {
      const r = ResourceMetrics.create({ schemaUrl: rm.schemaUrl, scopeMetrics: rm.scopeMetrics.map((sm) => ScopeMetrics.create({ schemaUrl: sm.schemaUrl, metrics: sm.metrics })) });
      rm.resource.copyTo(r.resource);
      rm.scopeMetrics.forEach((sm, i) => sm.scope.copyTo(r.scopeMetrics[i]!.scope));
      return r;
    }),
  }),
);

const valueType = fc.record({ typeStrindex: i32, unitStrindex: i32 });
const sample = fc
  .record({ stackIndex: i32, attributeIndices: few(i32), linkIndex: i32, values: few(i64), timestampsUnixNano: few(u64) })
  .map((s) => Sample.create(s));
const profile = fc
  .record({
    sampleType: fc.option(valueType, { nil: undefined }),
    samples: few(sample),
    timeUnixNano: u64,
    durationNano: u64,
    periodType: fc.option(valueType, { nil: undefined }),
    period: i64,
    profileId,
    droppedAttributesCount: u32,
    originalPayloadFormat: text,
    originalPayload: bytes,
    attributeIndices: few(i32),
  })
  .map(({ sampleType, periodType, ...p }) => {
    const x = Profile.create(p);
    if (sampleType) Object.assign(x.sampleType, sampleType);
    if (periodType) Object.assign(x.periodType, periodType);
    return x;
  });
const dictionary = fc.record({
  mappingTable: few(
    fc.record({ memoryStart: u64, memoryLimit: u64, fileOffset: u64, filenameStrindex: i32, attributeIndices: few(i32) }).map((m) => Mapping.create(m)),
  ),
  locationTable: few(
    fc
      .record({
        mappingIndex: i32,
        address: u64,
        lines: few(fc.record({ functionIndex: i32, line: i64, column: i64 }).map((l) => Line.create(l))),
        attributeIndices: few(i32),
      })
      .map((l) => Location.create(l)),
  ),
  functionTable: few(
    fc.record({ nameStrindex: i32, systemNameStrindex: i32, filenameStrindex: i32, startLine: i64 }).map((f) => ProfileFunction.create(f)),
  ),
  linkTable: few(fc.record({ traceId, spanId }).map((l) => ProfileLink.create(l))),
  stringTable: few(text, 5),
  attributeTable: few(fc.record({ keyStrindex: i32, value: attrValue, unitStrindex: i32 }).map((a) => KeyValueAndUnit.create(a))),
  stackTable: few(fc.record({ locationIndices: few(i32) }).map((s) => Stack.create(s))),
});

export const profiles: fc.Arbitrary<Profiles> = fc
  .record({
    dictionary: fc.option(dictionary, { nil: undefined }),
    resourceProfiles: few(fc.record({ resource, schemaUrl: text, scopeProfiles: few(fc.record({ scope, schemaUrl: text, profiles: few(profile, 2) })) }), 2),
  })
  .map(({ dictionary: d, resourceProfiles }) => {
    const p = Profiles.create({
      resourceProfiles: resourceProfiles.map((rp) => {
        const r = ResourceProfiles.create({
          schemaUrl: rp.schemaUrl,
          scopeProfiles: rp.scopeProfiles.map((sp) => ScopeProfiles.create({ schemaUrl: sp.schemaUrl, profiles: sp.profiles })),
        });
        rp.resource.copyTo(r.resource);
        rp.scopeProfiles.forEach((sp, i) => sp.scope.copyTo(r.scopeProfiles[i]!.scope));
        return r;
      }),
    });
    if (d) {
      const dict = p.dictionary;
      dict.mappingTable.push(...d.mappingTable);
      dict.locationTable.push(...d.locationTable);
      dict.functionTable.push(...d.functionTable);
      dict.linkTable.push(...d.linkTable);
      dict.stringTable.push(...d.stringTable);
      dict.attributeTable.push(...d.attributeTable);
      dict.stackTable.push(...d.stackTable);
    }
    return p;
  });

