/**
 * W3C tracestate handling for `span.trace_state["key"]`, with the rules of Go's
 * `go.opentelemetry.io/otel/trace.TraceState`: a list of at most 32 unique `key=value` members;
 * an unparsable header reads as nil and silently ignores writes.
 */

const KEY = /^(?:[a-z][_0-9a-z\-*/]{0,255}|[a-z0-9][_0-9a-z\-*/]{0,240}@[a-z][_0-9a-z\-*/]{0,13})$/;
const VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
const MAX_MEMBERS = 32;

type Member = readonly [key: string, value: string];

/** The members of a tracestate header in order, or undefined when it is not valid. */
export function parseTraceState(header: string): Member[] | undefined {
  const members: Member[] = [];
  const seen = new Set<string>();
  for (const part of header.split(',')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    const key = part.slice(0, eq).replace(/^[ \t]+/, '');
    const value = part.slice(eq + 1).replace(/[ \t]+$/, '');
    if (!KEY.test(key) || !VALUE.test(value) || seen.has(key)) return undefined;
    seen.add(key);
    members.push([key, value]);
    if (members.length > MAX_MEMBERS) return undefined;
  }
  return members;
}

/** The value of `key` in a tracestate header; undefined when absent or the header is invalid. */
export function traceStateGet(header: string, key: string): string | undefined {
  return parseTraceState(header)?.find((m) => m[0] === key)?.[1];
}

/**
 * The header with `key=value` inserted at the front (replacing an existing member of that key),
 * or undefined when the header, the key or the value is invalid or the list would grow past 32.
 */
export function traceStateInsert(header: string, key: string, value: string): string | undefined {
  const members = parseTraceState(header);
  if (members === undefined || !KEY.test(key) || !VALUE.test(value)) return undefined;
  const rest = members.filter((m) => m[0] !== key);
  if (rest.length + 1 > MAX_MEMBERS) return undefined;
  return [[key, value] as Member, ...rest].map((m) => m[0] + '=' + m[1]).join(',');
}
