/**
 * Go's `fmt.Sprintf` over OTTL values (for `Format` and the `replacementFormat` of the replace_*
 * editors).
 *
 * Supported: flags `+ - # 0` and space, width and precision (also `*`), explicit argument indexes
 * `%[n]d`, `%%`, and the verbs `v s q x X d b o O c U t e E f F g G T`. Mistakes render inline the
 * way Go does (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA int64=1)`, `%!(NOVERB)`,
 * `%!(BADWIDTH)`, `%!(BADPREC)`, `%!(BADINDEX)`); nothing here throws.
 *
 * How values print with `%v`: ints and floats as Go prints int64/float64 (`1e+06`), strings as is,
 * bytes as `[1 2 3]`, lists as `[a b]`, maps as `map[k:v]` with sorted keys (upstream prints a
 * pcommon.Map's internals instead), times and durations with Go's `String()`, ids as hex.
 *
 * Not supported (rendered as a bad verb, `%!x(float64=1.5)`): the hexadecimal and binary float
 * forms `%x`/`%X`/`%b` of floats, and `%p`.
 */
import { PMap, PSlice } from '@ottl/pdata';
import { OttlDuration, OttlTime, type Value } from '../../types/values.js';
import {
  formatGoDuration,
  goFmtType,
  goTypeName,
  isId,
  isPlainObject,
  listItems,
} from '../../types/convert.js';
import { formatGoTime } from './goTime.js';
import { utf8Decode, utf8Encode } from './utf8.js';

interface Spec {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}


/** Go `fmt.Sprintf(format, args...)`. */
export function goSprintf(format: string, args: readonly Value[]): string {
  let out = '';
  let argNum = 0;
  let reordered = false;
  let i = 0;
  const n = format.length;
  while (i < n) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec: Spec = { plus: false, minus: false, sharp: false, space: false, zero: false };
    flags: for (; i < n; i++) {
      switch (format[i]) {
        case '+':
          spec.plus = true;
          break;
        case '-':
          spec.minus = true;
          spec.zero = false;
          break;
        case '#':
          spec.sharp = true;
          break;
        case ' ':
          spec.space = true;
          break;
        case '0':
          spec.zero = !spec.minus;
          break;
        default:
          break flags;
      }
    }
    let goodArgNum = true;
    const readIndex = (): void => {
      if (format[i] !== '[') return;
      reordered = true;
      const close = format.indexOf(']', i);
      const idx = close < 0 ? NaN : Number(format.slice(i + 1, close));
      if (close < 0 || !/^[0-9]+$/.test(format.slice(i + 1, close)) || idx < 1) {
        goodArgNum = false;
        i = close < 0 ? n : close + 1;
        return;
      }
      argNum = idx - 1;
      i = close + 1;
    };
    readIndex();
    // Width.
    let badWidth = false;
    if (format[i] === '*') {
      i++;
      const w = intArg(args, argNum);
      argNum++;
      if (w === undefined) badWidth = true;
      else {
        spec.width = Math.abs(w);
        if (w < 0) {
          spec.minus = true;
          spec.zero = false;
        }
      }
    } else {
      const m = /^[0-9]+/.exec(format.slice(i));
      if (m) {
        spec.width = Number(m[0]);
        i += m[0].length;
      }
    }
    // Precision.
    let badPrec = false;
    if (format[i] === '.') {
      i++;
      readIndex();
      if (format[i] === '*') {
        i++;
        const p = intArg(args, argNum);
        argNum++;
        if (p === undefined || p < 0) badPrec = true;
        else spec.prec = p;
      } else {
        const m = /^[0-9]*/.exec(format.slice(i))!;
        spec.prec = m[0] === '' ? 0 : Number(m[0]);
        i += m[0].length;
      }
    }
    readIndex();
    if (badWidth) out += '%!(BADWIDTH)';
    if (badPrec) out += '%!(BADPREC)';
    if (i >= n) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (!goodArgNum) {
      out += `%!${verb}(BADINDEX)`;
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatArg(args[argNum]!, verb, spec);
    argNum++;
  }
  if (!reordered && argNum < args.length) {
    const extras = args.slice(argNum).map((a) => (a === null ? '<nil>' : goTypeName(a) + '=' + formatArg(a, 'v', plain())));
    out += '%!(EXTRA ' + extras.join(', ') + ')';
  }
  return out;
}

function plain(): Spec {
  return { plus: false, minus: false, sharp: false, space: false, zero: false };
}

function intArg(args: readonly Value[], i: number): number | undefined {
  const a = args[i];
  if (typeof a !== 'bigint' || a > 1000000n || a < -1000000n) return undefined;
  return Number(a);
}

function runeCount(s: string): number {
  let count = 0;
  for (const _ of s) count++;
  return count;
}

/** Pads to the width with spaces (or zeros when allowed), on the left unless `-`. */
function pad(s: string, spec: Spec, zeroOk = true): string {
  if (spec.width === undefined) return s;
  const fill = spec.width - runeCount(s);
  if (fill <= 0) return s;
  if (spec.minus) return s + ' '.repeat(fill);
  if (spec.zero && zeroOk) {
    const sign = /^[+\- ]/.test(s) ? s[0]! : '';
    return sign + '0'.repeat(fill) + s.slice(sign.length);
  }
  return ' '.repeat(fill) + s;
}

function badVerb(v: Value, verb: string): string {
  if (v === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(v)}=${formatArg(v, 'v', plain())})`;
}

function formatArg(v: Value, verb: string, spec: Spec): string {
  if (verb === 'T') return pad(goFmtType(v), spec);
  if (v === null) return verb === 'v' ? pad('<nil>', spec, false) : badVerb(v, verb);
  switch (typeof v) {
    case 'boolean':
      return verb === 't' || verb === 'v' ? pad(v ? 'true' : 'false', spec, false) : badVerb(v, verb);
    case 'bigint':
      return formatInteger(v, verb, spec) ?? badVerb(v, verb);
    case 'number':
      return formatFloat(v, verb, spec) ?? badVerb(v, verb);
    case 'string':
      return formatString(v, verb, spec) ?? badVerb(v, verb);
  }
  if (v instanceof Uint8Array) {
    if (verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') {
      return formatString(utf8Decode(v), verb, spec, v)!;
    }
    return formatList(Array.from(v, (b) => BigInt(b)), verb, spec);
  }
  // Values with a Go String() method print through it for the string verbs.
  const stringer = stringerText(v);
  if (stringer !== undefined) {
    if (verb === 'v' || verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') {
      return formatString(stringer, verb === 'v' ? 's' : verb, spec)!;
    }
    if (v instanceof OttlDuration) return formatInteger(v.nanos, verb, spec) ?? badVerb(v, verb);
    return badVerb(v, verb);
  }
  if (v instanceof PSlice || Array.isArray(v)) return formatList(listItems(v), verb, spec);
  if (v instanceof PMap || isPlainObject(v)) {
    const entries: [string, Value][] =
      v instanceof PMap ? [...v.entries()].map(([k, x]) => [k, x as Value]) : Object.entries(v);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return 'map[' + entries.map(([k, x]) => formatArg(k, verb, spec) + ':' + formatArg(x, verb, spec)).join(' ') + ']';
  }
  return badVerb(v, verb);
}

function formatList(items: readonly Value[], verb: string, spec: Spec): string {
  return '[' + items.map((x) => formatArg(x, verb, spec)).join(' ') + ']';
}

function stringerText(v: Value): string | undefined {
  if (v instanceof OttlTime) return goTimeString(v);
  if (v instanceof OttlDuration) return formatGoDuration(v.nanos);
  if (isId(v)) return v.toHex();
  return undefined;
}

/** Go `time.Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`. */
/** Go's `time.Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`. */
function goTimeString(t: OttlTime): string {
  return formatGoTime(t, '2006-01-02 15:04:05.999999999 -0700 MST');
}

// ---------------------------------------------------------------------------------------------
// Integers

function formatInteger(v: bigint, verb: string, spec: Spec): string | undefined {
  let base: number;
  let prefix = '';
  switch (verb) {
    case 'v':
    case 'd':
      base = 10;
      break;
    case 'b':
      base = 2;
      if (spec.sharp) prefix = '0b';
      break;
    case 'o':
      base = 8;
      if (spec.sharp) prefix = '0';
      break;
    case 'O':
      base = 8;
      prefix = '0o';
      break;
    case 'x':
    case 'X':
      base = 16;
      if (spec.sharp) prefix = verb === 'x' ? '0x' : '0X';
      break;
    case 'c':
      return pad(runeOf(v), spec, false);
    case 'q':
      return pad(goQuoteRune(v, spec), spec, false);
    case 'U': {
      let s = 'U+' + (v < 0n ? -v : v).toString(16).toUpperCase().padStart(4, '0');
      if (spec.sharp && v >= 0n && v <= 0x10ffffn) s += " '" + runeOf(v) + "'";
      return pad(s, spec, false);
    }
    default:
      return undefined;
  }
  const neg = v < 0n;
  let digits = (neg ? -v : v).toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  if (spec.prec !== undefined) {
    if (spec.prec === 0 && v === 0n) digits = '';
    else digits = digits.padStart(spec.prec, '0');
  }
  if (verb === 'o' && spec.sharp && digits.startsWith('0')) prefix = '';
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  const body = prefix + digits;
  // Zero padding fills the width minus the sign (Go does not count the `0x` prefix) before the
  // digits; a precision turns it off.
  if (spec.zero && !spec.minus && spec.prec === undefined && spec.width !== undefined) {
    const fill = spec.width - sign.length - digits.length;
    if (fill > 0) return sign + prefix + '0'.repeat(fill) + digits;
  }
  return pad(sign + body, spec, false);
}

function runeOf(v: bigint): string {
  if (v < 0n || v > 0x10ffffn || (v >= 0xd800n && v <= 0xdfffn)) return '\ufffd';
  return String.fromCodePoint(Number(v));
}

function goQuoteRune(v: bigint, spec: Spec): string {
  const r = runeOf(v);
  if (r === "'") return "'\\''";
  if (r === '"') return `'"'`;
  return "'" + goEscape(r, spec.plus, "'") + "'";
}

// ---------------------------------------------------------------------------------------------
// Strings

function formatString(s: string, verb: string, spec: Spec, raw?: Uint8Array): string | undefined {
  if (spec.prec !== undefined && (verb === 's' || verb === 'v' || verb === 'q')) s = truncateRunes(s, spec.prec);
  switch (verb) {
    case 'v':
      if (spec.sharp) return pad(goQuoteString(s, false), spec);
      return pad(s, spec);
    case 's':
      return pad(s, spec);
    case 'q':
      if (spec.sharp && !/[`\u0000-\u0008\u000a-\u001f\u007f\ufeff]/.test(s)) return pad('`' + s + '`', spec);
      return pad(goQuoteString(s, spec.plus), spec);
    case 'x':
    case 'X': {
      let bytes = raw ?? utf8Encode(s);
      if (spec.prec !== undefined) bytes = bytes.subarray(0, spec.prec);
      return pad(hexBytes(bytes, verb === 'X', spec), spec);
    }
  }
  return undefined;
}

function truncateRunes(s: string, n: number): string {
  let out = '';
  let count = 0;
  for (const ch of s) {
    if (count++ >= n) break;
    out += ch;
  }
  return out;
}

function hexBytes(b: Uint8Array, upper: boolean, spec: Spec): string {
  const prefix = spec.sharp ? (upper ? '0X' : '0x') : '';
  const parts: string[] = [];
  for (const byte of b) {
    const h = byte.toString(16).padStart(2, '0');
    parts.push(upper ? h.toUpperCase() : h);
  }
  if (spec.space) return parts.map((p) => prefix + p).join(' ');
  return parts.length === 0 ? '' : prefix + parts.join('');
}

/** Go `strconv.Quote` (or `QuoteToASCII` when `ascii`). */
function goQuoteString(s: string, ascii: boolean): string {
  let out = '"';
  for (const ch of s) out += ch === '"' ? '\\"' : goEscape(ch, ascii, '"');
  return out + '"';
}

function goEscape(ch: string, ascii: boolean, quote: string): string {
  switch (ch) {
    case '\\':
      return '\\\\';
    case '\x07':
      return '\\a';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\v':
      return '\\v';
  }
  if (ch === quote) return '\\' + ch;
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
  const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch);
  if (printable && (!ascii || cp < 0x80)) return ch;
  if (cp < 0x80) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// Floats

/** The exact decimal expansion of a finite |x|: digits without leading zeros and the decimal point position. */
function exactDecimal(x: number): { digits: string; dp: number } {
  if (x === 0) return { digits: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (expBits === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString();
    dp = digits.length + exp;
  }
  const trimmed = digits.replace(/0+$/, '');
  return { digits: trimmed, dp };
}

/** Rounds exact decimal digits to `keep` digits, half to even (as strconv does). */
function roundDigits(d: { digits: string; dp: number }, keep: number): { digits: string; dp: number } {
  if (keep < 0) return { digits: '', dp: d.dp };
  if (keep >= d.digits.length) return d;
  const next = d.digits.charCodeAt(keep) - 48;
  const rest = d.digits.slice(keep + 1);
  const prevOdd = keep > 0 && (d.digits.charCodeAt(keep - 1) - 48) % 2 === 1;
  const up = next > 5 || (next === 5 && (/[1-9]/.test(rest) || prevOdd));
  let digits = d.digits.slice(0, keep);
  let dp = d.dp;
  if (up) {
    if (digits === '') {
      digits = '1';
      dp++;
    } else {
      const inc = (BigInt(digits) + 1n).toString();
      if (inc.length > digits.length) dp++;
      digits = inc;
    }
  }
  return { digits: digits.replace(/0+$/, ''), dp };
}

/** Shortest digits that round-trip (what Go's `-1` precision and JS `String(x)` both choose). */
function shortestDecimal(x: number): { digits: string; dp: number } {
  if (x === 0) return { digits: '', dp: 0 };
  const [mant, e] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '').replace(/0+$/, '');
  return { digits, dp: Number(e) + 1 };
}

function fmtE(d: { digits: string; dp: number }, prec: number, e: string): string {
  const digits = d.digits === '' ? '0' : d.digits;
  let s = digits[0]!;
  if (prec > 0) s += '.' + digits.slice(1, 1 + prec).padEnd(prec, '0');
  const exp = d.digits === '' ? 0 : d.dp - 1;
  const absExp = Math.abs(exp);
  return s + e + (exp < 0 ? '-' : '+') + (absExp < 10 ? '0' : '') + absExp;
}

function fmtF(d: { digits: string; dp: number }, prec: number): string {
  let intPart: string;
  if (d.dp <= 0 || d.digits === '') intPart = '0';
  else intPart = d.digits.slice(0, d.dp).padEnd(d.dp, '0');
  if (prec <= 0) return intPart;
  let frac = '';
  for (let k = 0; k < prec; k++) {
    const idx = d.dp + k;
    frac += idx >= 0 && idx < d.digits.length ? d.digits[idx]! : '0';
  }
  return intPart + '.' + frac;
}

/** Go strconv `FormatFloat(abs(x), verb, prec, 64)` for finite values; verb in e E f F g G. */
function formatAbsFloat(x: number, verb: string, prec: number | undefined): string {
  const shortest = prec === undefined;
  switch (verb) {
    case 'e':
    case 'E': {
      const d = shortest ? shortestDecimal(x) : roundDigits(exactDecimal(x), prec + 1);
      return fmtE(d, shortest ? Math.max(d.digits.length - 1, 0) : prec, verb === 'e' ? 'e' : 'E');
    }
    case 'f':
    case 'F': {
      if (shortest) {
        const d = shortestDecimal(x);
        return fmtF(d, Math.max(d.digits.length - d.dp, 0));
      }
      const exact = exactDecimal(x);
      return fmtF(roundDigits(exact, exact.dp + prec), prec);
    }
    default: {
      // g / G
      let p = prec ?? 0;
      let d: { digits: string; dp: number };
      if (shortest) {
        d = shortestDecimal(x);
        p = d.digits.length;
      } else {
        if (p === 0) p = 1;
        d = roundDigits(exactDecimal(x), p);
      }
      let eprec = p;
      if (eprec > d.digits.length && d.digits.length >= d.dp) eprec = d.digits.length;
      if (shortest) eprec = 6;
      const exp = d.dp - 1;
      if (d.digits !== '' && (exp < -4 || exp >= eprec)) {
        if (p > d.digits.length) p = d.digits.length;
        return fmtE(d, p - 1, verb === 'g' ? 'e' : 'E');
      }
      if (p > d.dp) p = d.digits.length;
      return fmtF(d, Math.max(p - d.dp, 0));
    }
  }
}

function formatFloat(v: number, verb: string, spec: Spec): string | undefined {
  let realVerb: string;
  let prec = spec.prec;
  switch (verb) {
    case 'v':
      realVerb = 'g';
      prec = spec.prec;
      break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
      realVerb = verb;
      prec = spec.prec ?? 6;
      break;
    case 'g':
    case 'G':
      realVerb = verb;
      break;
    default:
      return undefined;
  }
  const neg = v < 0 || Object.is(v, -0);
  let body: string;
  if (Number.isNaN(v)) body = 'NaN';
  else if (!Number.isFinite(v)) body = 'Inf';
  else body = formatAbsFloat(Math.abs(v), realVerb, prec);
  if (spec.sharp && Number.isFinite(v) && !body.includes('.')) {
    // `#` keeps the decimal point.
    const e = body.search(/[eE]/);
    body = e < 0 ? body + '.' : body.slice(0, e) + '.' + body.slice(e);
  }
  let sign = neg && !Number.isNaN(v) ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  // Go prints +Inf with its sign even unasked, NaN without; neither is zero-padded.
  if (body === 'Inf' && sign === '') sign = '+';
  if (body === 'Inf' || body === 'NaN') return pad(sign + body, spec, false);
  return pad(sign + body, spec, true);
}
