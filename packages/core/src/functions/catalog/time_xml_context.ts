/**
 * Teammate C's catalogue (GitHub issue #5): time and duration converters, XML converters, and the
 * context-specific functions of the transform and filter processors (metric, datapoint, span, log).
 * The registry concatenates it with the other catalogues.
 */
import type { FunctionDef } from '../../types/signature.js';
import { definition as ConvertAttributesToElementsXML } from '../converters/convert_attributes_to_elements_xml.js';
import { definition as ConvertTextToElementsXML } from '../converters/convert_text_to_elements_xml.js';
import { definition as Day } from '../converters/day.js';
import { definition as Duration } from '../converters/duration.js';
import { definition as FormatTime } from '../converters/formattime.js';
import { definition as GetXML } from '../converters/get_xml.js';
import { definition as Hour } from '../converters/hour.js';
import { definition as Hours } from '../converters/hours.js';
import { definition as InsertXML } from '../converters/insert_xml.js';
import { definition as Microseconds } from '../converters/microseconds.js';
import { definition as Milliseconds } from '../converters/milliseconds.js';
import { definition as Minute } from '../converters/minute.js';
import { definition as Minutes } from '../converters/minutes.js';
import { definition as Month } from '../converters/month.js';
import { definition as Nanosecond } from '../converters/nanosecond.js';
import { definition as Nanoseconds } from '../converters/nanoseconds.js';
import { definition as Now } from '../converters/now.js';
import { definition as ParseSimplifiedXML } from '../converters/parse_simplified_xml.js';
import { definition as ParseXML } from '../converters/parse_xml.js';
import { definition as RemoveXML } from '../converters/remove_xml.js';
import { definition as Second } from '../converters/second.js';
import { definition as Seconds } from '../converters/seconds.js';
import { definition as Time } from '../converters/time.js';
import { definition as TruncateTime } from '../converters/truncate_time.js';
import { definition as Unix } from '../converters/unix.js';
import { definition as UnixMicro } from '../converters/unix_micro.js';
import { definition as UnixMilli } from '../converters/unix_milli.js';
import { definition as UnixNano } from '../converters/unix_nano.js';
import { definition as UnixSeconds } from '../converters/unix_seconds.js';
import { definition as Weekday } from '../converters/weekday.js';
import { definition as Year } from '../converters/year.js';
import { definition as IsRootSpan } from '../converters/is_root_span.js';
import { definition as HasAttrKeyOnDatapoint } from '../filter/has_attr_key_on_datapoint.js';
import { definition as HasAttrOnDatapoint } from '../filter/has_attr_on_datapoint.js';
import { definition as aggregate_on_attributes } from '../transform/aggregate_on_attributes_metrics.js';
import { definition as aggregate_on_attribute_value } from '../transform/agregate_on_attribute_value_metrics.js';
import { definition as convert_exponential_histogram_to_histogram } from '../transform/convert_exponential_hist_to_explicit_hist.js';
import { definition as convert_gauge_to_sum } from '../transform/convert_gauge_to_sum.js';
import { definition as convert_sum_to_gauge } from '../transform/convert_sum_to_gauge.js';
import { definition as convert_summary_count_val_to_sum } from '../transform/convert_summary_count_val_to_sum.js';
import { definition as convert_summary_quantile_val_to_gauge } from '../transform/convert_summary_quantile_val_to_gauge.js';
import { definition as convert_summary_sum_val_to_sum } from '../transform/convert_summary_sum_val_to_sum.js';
import { definition as copy_metric } from '../transform/copy_metric.js';
import { definition as extract_count_metric } from '../transform/extract_count_metric.js';
import { definition as extract_percentile_metric } from '../transform/extract_percentile_metric.js';
import { definition as extract_sum_metric } from '../transform/extract_sum_metric.js';
import { definition as merge_histogram_buckets } from '../transform/merge_histogram_buckets.js';
import { definition as scale_metric } from '../transform/scale.js';
import { definition as ParseCEF } from '../transform/parse_cef.js';
import { definition as ParseCLF } from '../transform/parse_clf.js';
import { definition as ParseELF } from '../transform/parse_elf.js';
import { definition as ParseLEEF } from '../transform/parse_leef.js';
import { definition as set_semconv_span_name } from '../transform/set_semconv_span_name.js';

export const FUNCTIONS: readonly FunctionDef[] = [
  // Time and duration
  Time,
  FormatTime,
  TruncateTime,
  Duration,
  Now,
  Unix,
  UnixSeconds,
  UnixMilli,
  UnixMicro,
  UnixNano,
  Year,
  Month,
  Day,
  Hour,
  Minute,
  Second,
  Nanosecond,
  Weekday,
  Hours,
  Minutes,
  Seconds,
  Milliseconds,
  Microseconds,
  Nanoseconds,
  // XML
  ParseXML,
  ParseSimplifiedXML,
  GetXML,
  InsertXML,
  RemoveXML,
  ConvertAttributesToElementsXML,
  ConvertTextToElementsXML,
  // Span context (transform and filter processors)
  IsRootSpan,
  set_semconv_span_name,
  // Transform processor, metric and datapoint contexts
  convert_sum_to_gauge,
  convert_gauge_to_sum,
  extract_count_metric,
  extract_sum_metric,
  extract_percentile_metric,
  convert_summary_count_val_to_sum,
  convert_summary_sum_val_to_sum,
  convert_summary_quantile_val_to_gauge,
  copy_metric,
  scale_metric,
  aggregate_on_attributes,
  aggregate_on_attribute_value,
  convert_exponential_histogram_to_histogram,
  merge_histogram_buckets,
  // Transform processor, log context
  ParseCEF,
  ParseCLF,
  ParseELF,
  ParseLEEF,
  // Filter processor, metric context
  HasAttrKeyOnDatapoint,
  HasAttrOnDatapoint,
];
