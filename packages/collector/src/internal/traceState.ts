/**
 * W3C `tracestate` values (https://www.w3.org/TR/trace-context/#tracestate-header) with the
 * OpenTelemetry `ot` member parsed into its sampling randomness (`rv`) and threshold (`th`), as
 * the Collector's `pkg/sampling` parses and re-serializes them. Parsing never throws: problems are
 * reported in `error` and the members that could be read are kept.
 */
import { formatRValue, formatTValue, parseRValue, parseTValue } from './threshold.js';

export interface TraceStateMember {
  readonly key: string;
  readonly value: string;
}

/** The `ot` member's fields; `rvalue` / `tvalue` are empty when absent or invalid. */
export interface OTelTraceState {
  rvalue: string;
  randomness: bigint;
  tvalue: string;
  threshold: bigint;
  readonly extras: TraceStateMember[];
}

export interface W3CTraceState {
  /** Members other than `ot`, in order. */
  readonly members: TraceStateMember[];
  readonly ot: OTelTraceState;
  /** The first problem found; the state is still usable. */
  readonly error?: string;
}

const MAX_W3C_LENGTH = 1024;
const MAX_MEMBERS = 32;
const MAX_KEY_LENGTH = 256;
const MAX_TENANT_LENGTH = 241;
const MAX_SYSTEM_LENGTH = 14;
const MAX_OTEL_LENGTH = 256;
const SIZE_ERROR = 'invalid tracestate size';
const SYNTAX_ERROR = 'invalid syntax';

const SIMPLE_KEY = /^[a-z][a-z0-9_\-*/]*$/;
const TENANT_KEY = /^[a-z0-9][a-z0-9_\-*/]*@[a-z][a-z0-9_\-*/]*$/;
// value = 0*255(chr) nblk-chr; chr = %x20 / nblk-chr; nblk-chr = %x21-2B / %x2D-3C / %x3E-7E
const VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
const OTEL_KEY = /^[a-z][a-z0-9]*$/;
const OTEL_VALUE = /^[a-zA-Z0-9._-]*$/;

function emptyOTel(): OTelTraceState {
  return { rvalue: '', randomness: 0n, tvalue: '', threshold: 0n, extras: [] };
}

function validW3C(input: string): boolean {
  for (const raw of input.split(',')) {
    const member = raw.replace(/^[ \t]+|[ \t]+$/g, '');
    if (member === '') continue;
    const eq = member.indexOf('=');
    if (eq < 1) return false;
    const key = member.slice(0, eq);
    if (!(SIMPLE_KEY.test(key) || TENANT_KEY.test(key)) || !VALUE.test(member.slice(eq + 1))) return false;
  }
  return true;
}

function validOTel(input: string): boolean {
  if (input === '' || input.endsWith(';')) return false;
  return input.split(';').every((member) => {
    const colon = member.indexOf(':');
    return colon >= 1 && OTEL_KEY.test(member.slice(0, colon)) && OTEL_VALUE.test(member.slice(colon + 1));
  });
}

function parseOTel(input: string, fail: (e: string) => void): OTelTraceState {
  const ot = emptyOTel();
  if (input.length > MAX_OTEL_LENGTH) return fail(SIZE_ERROR), ot;
  if (!validOTel(input)) return fail(SYNTAX_ERROR), ot;
  for (const member of input.split(';')) {
    const colon = member.indexOf(':');
    const key = member.slice(0, colon);
    const value = member.slice(colon + 1);
    if (key === 'rv') {
      const r = parseRValue(value);
      if (r.error !== undefined) fail(r.error);
      ot.rvalue = r.error === undefined ? value : '';
      ot.randomness = r.value ?? 0n;
    } else if (key === 'th') {
      const t = parseTValue(value);
      if (t.error !== undefined) fail(t.error);
      ot.tvalue = t.error === undefined ? value : '';
      ot.threshold = t.value ?? 0n;
    } else {
      ot.extras.push({ key, value });
    }
  }
  return ot;
}

/** The list members of a tracestate value, in order; `error` names the first problem found. */
export function parseW3CList(input: string): { readonly members: TraceStateMember[]; readonly error?: string } {
  const members: TraceStateMember[] = [];
  if (input === '') return { members };
  if (input.length > MAX_W3C_LENGTH) return { members, error: SIZE_ERROR };
  if (!validW3C(input)) return { members, error: SYNTAX_ERROR };
  let items = 0;
  let error: string | undefined;
  for (const raw of input.split(',')) {
    // Like pkg/sampling, every list member counts toward the limit, empty ones included.
    if (++items >= MAX_MEMBERS) return { members, error: SIZE_ERROR };
    const member = raw.replace(/^[ \t]+|[ \t]+$/g, '');
    if (member === '') continue;
    const eq = member.indexOf('=');
    const key = member.slice(0, eq);
    const at = key.indexOf('@');
    if (key.length > MAX_KEY_LENGTH || (at >= 0 && (at > MAX_TENANT_LENGTH || key.length - at - 1 > MAX_SYSTEM_LENGTH))) error ??= SIZE_ERROR;
    else members.push({ key, value: member.slice(eq + 1) });
  }
  return error === undefined ? { members } : { members, error };
}

export function parseW3CTraceState(input: string): W3CTraceState {
  const list = parseW3CList(input);
  let error = list.error;
  const fail = (e: string) => void (error ??= e);
  let ot = emptyOTel();
  const members: TraceStateMember[] = [];
  for (const m of list.members) {
    if (m.key === 'ot') ot = parseOTel(m.value, fail);
    else members.push(m);
  }
  return error === undefined ? { members, ot } : { members, ot, error };
}

/** The `ot` member first (when it has any field), then the other members in order. */
export function serializeW3CTraceState(ts: W3CTraceState): string {
  const ot: string[] = [];
  if (ts.ot.rvalue !== '') ot.push(`rv:${ts.ot.rvalue}`);
  if (ts.ot.tvalue !== '') ot.push(`th:${ts.ot.tvalue}`);
  for (const kv of ts.ot.extras) ot.push(`${kv.key}:${kv.value}`);
  const out = ot.length > 0 ? [`ot=${ot.join(';')}`] : [];
  for (const m of ts.members) out.push(`${m.key}=${m.value}`);
  return out.join(',');
}

/** Sets the `ot` member's randomness (`rv`). */
export function setRandomness(ot: OTelTraceState, randomness: bigint): void {
  ot.randomness = randomness;
  ot.rvalue = formatRValue(randomness);
}

/** Sets the `ot` member's threshold (`th`); a never-sampling threshold has no encoding and clears it. */
export function setThreshold(ot: OTelTraceState, threshold: bigint): void {
  ot.threshold = threshold;
  ot.tvalue = formatTValue(threshold);
}
