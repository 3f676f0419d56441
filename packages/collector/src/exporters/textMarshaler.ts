/**
 * Human-readable dumps of telemetry in the layout of the Collector's debug exporter (detailed
 * verbosity) and one-line summaries (normal verbosity).
 */
import {
  PMap,
  PSlice,
  type AttrValue,
  type Logs,
  type Metric,
  type Metrics,
  type Profiles,
  type Traces,
  type Exemplar,
  type NumberDataPoint,
  type HistogramDataPoint,
  type ExponentialHistogramDataPoint,
  type SummaryDataPoint,
} from '@ottl/pdata';

const SPAN_KINDS = ['Unspecified', 'Internal', 'Server', 'Client', 'Producer', 'Consumer'];
const STATUS_CODES = ['Unset', 'Ok', 'Error'];
const METRIC_TYPES = ['Empty', 'Gauge', 'Sum', 'Histogram', 'ExponentialHistogram', 'Summary'];
const TEMPORALITY = ['Unspecified', 'Delta', 'Cumulative'];
const SEVERITY = ['Unspecified', 'Trace', 'Trace2', 'Trace3', 'Trace4', 'Debug', 'Debug2', 'Debug3', 'Debug4', 'Info', 'Info2', 'Info3', 'Info4', 'Warn', 'Warn2', 'Warn3', 'Warn4', 'Error', 'Error2', 'Error3', 'Error4', 'Fatal', 'Fatal2', 'Fatal3', 'Fatal4'];

/** Go's `time.Time` String() in UTC: `2024-01-02 03:04:05.123456789 +0000 UTC`. */
export function formatTimestamp(nanos: bigint): string {
  const ms = nanos / 1_000_000n;
  const frac = nanos % 1_000_000_000n;
  const iso = new Date(Number(ms)).toISOString();
  const fracText = frac === 0n ? '' : '.' + frac.toString().padStart(9, '0').replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fracText} +0000 UTC`;
}

function base64(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

/** pcommon's debug rendering: `Str(x)`, `Int(1)`, `Map({...})`. */
export function formatValue(v: AttrValue): string {
  if (v === null) return 'Empty()';
  if (typeof v === 'string') return `Str(${v})`;
  if (typeof v === 'boolean') return `Bool(${v})`;
  if (typeof v === 'bigint') return `Int(${v})`;
  if (typeof v === 'number') return `Double(${Number.isInteger(v) ? v.toFixed(0) : String(v)})`;
  if (v instanceof Uint8Array) return `Bytes(${base64(v)})`;
  if (v instanceof PMap) return `Map(${JSON.stringify(v.toRaw(), jsonReplacer)})`;
  if (v instanceof PSlice) return `Slice(${JSON.stringify(v.toRaw(), jsonReplacer)})`;
  return String(v);
}

function jsonReplacer(_k: string, x: unknown): unknown {
  if (typeof x === 'bigint') return Number(x);
  if (x instanceof Uint8Array) return base64(x);
  return x;
}

class Out {
  readonly lines: string[] = [];
  line(s: string): void {
    this.lines.push(s);
  }
  attrs(title: string, m: PMap): void {
    if (m.size === 0) return;
    this.line(`${title}:`);
    for (const [k, v] of m.entries()) this.line(`     -> ${k}: ${formatValue(v)}`);
  }
  resource(i: number, r: { resource: { attributes: PMap }; schemaUrl: string }, kind: string): void {
    this.line(`${kind} #${i}`);
    this.line(`Resource SchemaURL: ${r.schemaUrl}`);
    this.attrs('Resource attributes', r.resource.attributes);
  }
  scope(i: number, s: { scope: { name: string; version: string; attributes: PMap }; schemaUrl: string }, kind: string): void {
    this.line(`${kind} #${i}`);
    this.line(`${kind} SchemaURL: ${s.schemaUrl}`);
    this.line(`InstrumentationScope ${s.scope.name} ${s.scope.version}`);
    this.attrs('InstrumentationScope attributes', s.scope.attributes);
  }
  get text(): string {
    return this.lines.join('\n') + '\n';
  }
}

export function dumpTraces(td: Traces): string {
  const o = new Out();
  td.resourceSpans.forEach((rs, i) => {
    o.resource(i, rs, 'ResourceSpans');
    rs.scopeSpans.forEach((ss, j) => {
      o.scope(j, ss, 'ScopeSpans');
      ss.spans.forEach((s, k) => {
        o.line(`Span #${k}`);
        o.line(`    Trace ID       : ${s.traceId.toHex()}`);
        o.line(`    Parent ID      : ${s.parentSpanId.isEmpty() ? '' : s.parentSpanId.toHex()}`);
        o.line(`    ID             : ${s.spanId.toHex()}`);
        o.line(`    Name           : ${s.name}`);
        o.line(`    Kind           : ${SPAN_KINDS[s.kind] ?? s.kind}`);
        o.line(`    Start time     : ${formatTimestamp(s.startTimeUnixNano)}`);
        o.line(`    End time       : ${formatTimestamp(s.endTimeUnixNano)}`);
        o.line(`    Status code    : ${STATUS_CODES[s.status.code] ?? s.status.code}`);
        o.line(`    Status message : ${s.status.message}`);
        o.attrs('Attributes', s.attributes);
        if (s.events.length > 0) {
          o.line('Events:');
          s.events.forEach((e, n) => {
            o.line(`SpanEvent #${n}`);
            o.line(`     -> Name: ${e.name}`);
            o.line(`     -> Timestamp: ${formatTimestamp(e.timeUnixNano)}`);
            o.line(`     -> DroppedAttributesCount: ${e.droppedAttributesCount}`);
            o.attrs('     -> Attributes', e.attributes);
          });
        }
        if (s.links.length > 0) {
          o.line('Links:');
          s.links.forEach((l, n) => {
            o.line(`SpanLink #${n}`);
            o.line(`     -> Trace ID: ${l.traceId.toHex()}`);
            o.line(`     -> ID: ${l.spanId.toHex()}`);
            o.line(`     -> TraceState: ${l.traceState}`);
            o.attrs('     -> Attributes', l.attributes);
          });
        }
      });
    });
  });
  return o.text;
}

export function dumpLogs(ld: Logs): string {
  const o = new Out();
  ld.resourceLogs.forEach((rl, i) => {
    o.resource(i, rl, 'ResourceLog');
    rl.scopeLogs.forEach((sl, j) => {
      o.scope(j, sl, 'ScopeLogs');
      sl.logRecords.forEach((lr, k) => {
        o.line(`LogRecord #${k}`);
        o.line(`ObservedTimestamp: ${formatTimestamp(lr.observedTimeUnixNano)}`);
        o.line(`Timestamp: ${formatTimestamp(lr.timeUnixNano)}`);
        o.line(`SeverityText: ${lr.severityText}`);
        o.line(`SeverityNumber: ${SEVERITY[lr.severityNumber] ?? 'Unspecified'}(${lr.severityNumber})`);
        if (lr.eventName !== '') o.line(`EventName: ${lr.eventName}`);
        o.line(`Body: ${formatValue(lr.body)}`);
        o.attrs('Attributes', lr.attributes);
        o.line(`Trace ID: ${lr.traceId.isEmpty() ? '' : lr.traceId.toHex()}`);
        o.line(`Span ID: ${lr.spanId.isEmpty() ? '' : lr.spanId.toHex()}`);
        o.line(`Flags: ${lr.flags}`);
      });
    });
  });
  return o.text;
}

function exemplars(o: Out, ex: readonly Exemplar[]): void {
  if (ex.length === 0) return;
  o.line('Exemplars:');
  ex.forEach((e, i) => {
    o.line(`Exemplar #${i}`);
    o.line(`     -> Trace ID: ${e.traceId.toHex()}`);
    o.line(`     -> Span ID: ${e.spanId.toHex()}`);
    o.line(`     -> Timestamp: ${formatTimestamp(e.timeUnixNano)}`);
    o.line(`     -> Value: ${e.valueType === 'int' ? e.intValue : e.doubleValue}`);
    o.attrs('     -> FilteredAttributes', e.filteredAttributes);
  });
}

function dataPoints(o: Out, m: Metric): void {
  const times = (dp: { startTimeUnixNano: bigint; timeUnixNano: bigint }) => {
    o.line(`StartTimestamp: ${formatTimestamp(dp.startTimeUnixNano)}`);
    o.line(`Timestamp: ${formatTimestamp(dp.timeUnixNano)}`);
  };
  const number = (points: readonly NumberDataPoint[]) =>
    points.forEach((dp, i) => {
      o.line(`NumberDataPoints #${i}`);
      o.attrs('Data point attributes', dp.attributes);
      times(dp);
      o.line(`Value: ${dp.valueType === 'int' ? dp.intValue : dp.doubleValue}`);
      exemplars(o, dp.exemplars);
    });
  if (m.gauge) number(m.gauge.dataPoints);
  else if (m.sum) number(m.sum.dataPoints);
  else if (m.histogram)
    m.histogram.dataPoints.forEach((dp: HistogramDataPoint, i) => {
      o.line(`HistogramDataPoints #${i}`);
      o.attrs('Data point attributes', dp.attributes);
      times(dp);
      o.line(`Count: ${dp.count}`);
      if (dp.sum !== undefined) o.line(`Sum: ${dp.sum}`);
      if (dp.min !== undefined) o.line(`Min: ${dp.min}`);
      if (dp.max !== undefined) o.line(`Max: ${dp.max}`);
      dp.explicitBounds.forEach((b, n) => o.line(`ExplicitBounds #${n}: ${b}`));
      dp.bucketCounts.forEach((c, n) => o.line(`Buckets #${n}, Count: ${c}`));
      exemplars(o, dp.exemplars);
    });
  else if (m.exponentialHistogram)
    m.exponentialHistogram.dataPoints.forEach((dp: ExponentialHistogramDataPoint, i) => {
      o.line(`ExponentialHistogramDataPoints #${i}`);
      o.attrs('Data point attributes', dp.attributes);
      times(dp);
      o.line(`Count: ${dp.count}`);
      if (dp.sum !== undefined) o.line(`Sum: ${dp.sum}`);
      o.line(`Scale: ${dp.scale}`);
      o.line(`ZeroCount: ${dp.zeroCount}`);
      o.line(`Positive offset: ${dp.positive.offset}, bucket counts: [${dp.positive.bucketCounts.join(', ')}]`);
      o.line(`Negative offset: ${dp.negative.offset}, bucket counts: [${dp.negative.bucketCounts.join(', ')}]`);
      exemplars(o, dp.exemplars);
    });
  else if (m.summary)
    m.summary.dataPoints.forEach((dp: SummaryDataPoint, i) => {
      o.line(`SummaryDataPoints #${i}`);
      o.attrs('Data point attributes', dp.attributes);
      times(dp);
      o.line(`Count: ${dp.count}`);
      o.line(`Sum: ${dp.sum}`);
      dp.quantileValues.forEach((q, n) => o.line(`QuantileValue #${n}: Quantile ${q.quantile}, Value ${q.value}`));
    });
}

export function dumpMetrics(md: Metrics): string {
  const o = new Out();
  md.resourceMetrics.forEach((rm, i) => {
    o.resource(i, rm, 'ResourceMetrics');
    rm.scopeMetrics.forEach((sm, j) => {
      o.scope(j, sm, 'ScopeMetrics');
      sm.metrics.forEach((m, k) => {
        o.line(`Metric #${k}`);
        o.line('Descriptor:');
        o.line(`     -> Name: ${m.name}`);
        o.line(`     -> Description: ${m.description}`);
        o.line(`     -> Unit: ${m.unit}`);
        o.line(`     -> DataType: ${METRIC_TYPES[m.type] ?? m.type}`);
        if (m.sum) {
          o.line(`     -> IsMonotonic: ${m.sum.isMonotonic}`);
          o.line(`     -> AggregationTemporality: ${TEMPORALITY[m.sum.aggregationTemporality]}`);
        } else if (m.histogram) o.line(`     -> AggregationTemporality: ${TEMPORALITY[m.histogram.aggregationTemporality]}`);
        else if (m.exponentialHistogram) o.line(`     -> AggregationTemporality: ${TEMPORALITY[m.exponentialHistogram.aggregationTemporality]}`);
        dataPoints(o, m);
      });
    });
  });
  return o.text;
}

export function dumpProfiles(pd: Profiles): string {
  const o = new Out();
  pd.resourceProfiles.forEach((rp, i) => {
    o.resource(i, rp, 'ResourceProfiles');
    rp.scopeProfiles.forEach((sp, j) => {
      o.scope(j, sp, 'ScopeProfiles');
      sp.profiles.forEach((p, k) => {
        o.line(`Profile #${k}`);
        o.line(`    Profile ID     : ${p.profileId.toHex()}`);
        o.line(`    Start time     : ${formatTimestamp(p.timeUnixNano)}`);
        o.line(`    Duration       : ${p.durationNano}ns`);
        o.line(`    Samples        : ${p.samples.length}`);
      });
    });
  });
  return o.text;
}

/** One line per record: `name trace_id span_id` style summaries (normal verbosity). */
export function summarize(signal: string, data: Traces | Logs | Metrics | Profiles): string {
  const lines: string[] = [];
  if (signal === 'traces') {
    for (const rs of (data as Traces).resourceSpans) for (const ss of rs.scopeSpans) for (const s of ss.spans) lines.push(`${s.name} ${s.traceId.toHex()} ${s.spanId.toHex()}`);
  } else if (signal === 'logs') {
    for (const rl of (data as Logs).resourceLogs) for (const sl of rl.scopeLogs) for (const lr of sl.logRecords) lines.push(`${lr.severityText || (lr.severityNumber > 0 ? SEVERITY[lr.severityNumber] : '')} ${valueText(lr.body)}`.trim());
  } else if (signal === 'metrics') {
    for (const rm of (data as Metrics).resourceMetrics) for (const sm of rm.scopeMetrics) for (const m of sm.metrics) lines.push(`${m.name} ${METRIC_TYPES[m.type] ?? ''}`.trim());
  } else {
    for (const rp of (data as Profiles).resourceProfiles) for (const sp of rp.scopeProfiles) for (const p of sp.profiles) lines.push(`${p.profileId.toHex()} samples=${p.samples.length}`);
  }
  return lines.join('\n') + (lines.length > 0 ? '\n' : '');
}

function valueText(v: AttrValue): string {
  return typeof v === 'string' ? v : formatValue(v);
}
