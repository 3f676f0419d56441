/**
 * Hints for unknown paths and contexts: did-you-mean by edit distance over the names valid at that
 * place (ranked and worded by `check/names.ts`), and fixed hints for names users often write that
 * OTTL does not have.
 */
import { closestCandidates, editDistance } from '../check/names.js';

/**
 * At most three of `candidates` close to `name` (distance at most 40% of the longer name, at
 * least 1, adjacent transpositions counting 1; a case-insensitive match or a prefix of length ≥ 3
 * always counts), closest first.
 */
export function closestNames(name: string, candidates: Iterable<string>): string[] {
  const lower = name.toLowerCase();
  return closestCandidates(name, candidates, (c) => {
    const cl = c.toLowerCase();
    let d = editDistance(lower, cl, true);
    if (lower.length >= 3 && (cl.startsWith(lower) || lower.startsWith(cl))) d = Math.min(d, 1);
    const limit = Math.max(1, Math.floor(Math.max(name.length, c.length) * 0.4));
    return d <= limit ? d : undefined;
  });
}

/**
 * Fixed hints for segment names OTTL does not have, keyed by the path context they were written
 * under (`*` for any). `{p}` is replaced by the path context name the hint is shown for.
 */
const MISTAKES: { readonly [key: string]: string } = {
  'span:duration':
    'spans have no duration path; compute it as `span.end_time - span.start_time` (a duration) or `span.end_time_unix_nano - span.start_time_unix_nano` (nanoseconds)',
  'span:status_code': 'the status code is `span.status.code` (compare it with STATUS_CODE_OK, STATUS_CODE_ERROR…)',
  'span:status_message': 'the status message is `span.status.message`',
  'span:parent_id': 'the parent is `span.parent_span_id` (or `span.parent_span_id.string` for hex)',
  'span:start_time_unix': 'span times are `span.start_time_unix_nano` / `span.start_time`',
  'span:timestamp': 'span times are `span.start_time` and `span.end_time` (or their `_unix_nano` forms)',
  'span:kind_string': 'the kind as a string is `span.kind.string`',
  'log:message': 'the log message is `log.body` (`log.body.string` for its string form)',
  'log:msg': 'the log message is `log.body` (`log.body.string` for its string form)',
  'log:body_string': 'the body as a string is `log.body.string`',
  'log:severity':
    'logs have `log.severity_number` (an int; compare with SEVERITY_NUMBER_*) and `log.severity_text` (a string)',
  'log:level':
    'logs have `log.severity_number` (an int; compare with SEVERITY_NUMBER_*) and `log.severity_text` (a string)',
  'log:timestamp': 'log times are `log.time` / `log.time_unix_nano` and `log.observed_time` / `log.observed_time_unix_nano`',
  'log:trace_flags': 'the trace flags of a log are `log.flags`',
  'spanevent:timestamp': 'the event time is `spanevent.time` / `spanevent.time_unix_nano`',
  'datapoint:value': 'number data points have `datapoint.value_double` and `datapoint.value_int`',
  'metric:attributes':
    'metrics have no attributes; data point attributes are `datapoint.attributes` (use the datapoint context) and metric metadata is `metric.metadata`',
  'metric:kind': 'the metric data type is `metric.type` (compare with METRIC_DATA_TYPE_*)',
  'resource:name': 'resources have no name; the service name is `resource.attributes["service.name"]`',
  '*:service':
    'the service name is a resource attribute: `resource.attributes["service.name"]`',
  '*:service_name':
    'the service name is a resource attribute: `resource.attributes["service.name"]`',
  '*:attribute': 'the attribute map is `{p}.attributes` (plural)',
  '*:attrs': 'the attribute map is `{p}.attributes`',
  '*:labels': 'OTTL calls labels attributes: `{p}.attributes`',
  '*:tags': 'OTTL calls tags attributes: `{p}.attributes`',
};

/** The fixed hint for `name` written under path context `pathContext`, if any. */
export function mistakeHint(pathContext: string, name: string): string | undefined {
  const h = MISTAKES[pathContext + ':' + name] ?? MISTAKES['*:' + name];
  return h?.replace(/\{p\}/g, pathContext);
}
