/**
 * OTTL arithmetic (reference §4.5): `+ - * /` over int64 (wrapping like Go), float64 (IEEE),
 * mixed int/float (promoted to float64), and time/duration (`t - t` = duration, `t ± d` = time,
 * `d ± d` = duration, `d + t` = time). Errors are OttlErrors with upstream's messages:
 * `attempted to divide by 0` (int and float alike), `… must be int64 or float64`,
 * `… must be int64, float64, time.Time or time.Duration`,
 * `only addition and subtraction supported for time.Time and time.Duration`.
 */
import type { MathOp } from '../language/ast.js';
import { PMap } from '@ottl/pdata';
import {
  formatGoDuration,
  formatGoFloat,
  formatRfc3339Nano,
  goFmtType,
  isId,
  isList,
  isMap,
  listItems,
} from './convert.js';
import { OttlDuration, OttlError, OttlTime, type Value } from './values.js';

const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;

const DIVIDE_BY_ZERO = 'attempted to divide by 0';
const TIME_OPS_ONLY = 'only addition and subtraction supported for time.Time and time.Duration';

/** Wraps to int64 like Go's two's-complement arithmetic. */
export function wrapInt64(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

function intOp(x: bigint, y: bigint, op: MathOp): bigint {
  switch (op) {
    case '+':
      return BigInt.asIntN(64, x + y);
    case '-':
      return BigInt.asIntN(64, x - y);
    case '*':
      return BigInt.asIntN(64, x * y);
    case '/':
      if (y === 0n) throw new OttlError(DIVIDE_BY_ZERO);
      return BigInt.asIntN(64, x / y);
  }
}

function floatOp(x: number, y: number, op: MathOp): number {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      if (y === 0) throw new OttlError(DIVIDE_BY_ZERO);
      return x / y;
  }
}

/** A value as Go's `%v` prints it, for error messages. */
export function goFormatValue(v: Value): string {
  if (v === null) return '<nil>';
  switch (typeof v) {
    case 'string':
      return v;
    case 'bigint':
      return v.toString();
    case 'number':
      return goFormatG(v);
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (v instanceof Uint8Array) return '[' + Array.from(v).join(' ') + ']';
  if (v instanceof OttlTime) return formatRfc3339Nano(v);
  if (v instanceof OttlDuration) return formatGoDuration(v.nanos);
  if (isList(v)) return '[' + listItems(v).map(goFormatValue).join(' ') + ']';
  if (isMap(v)) {
    const entries = v instanceof PMap ? [...v.entries()] : Object.entries(v);
    const parts = entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => k + ':' + goFormatValue(x as Value));
    return 'map[' + parts.join(' ') + ']';
  }
  if (isId(v)) return v.toHex();
  return '{}';
}

/** Go's `%v` / `%g` for a float64: exponent form when the exponent is < -4 or >= 21 (shortest digits). */
function goFormatG(f: number): string {
  if (!Number.isFinite(f) || f === 0) return formatGoFloat(f);
  const exp = Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 21) {
    const [mant, e] = f.toExponential().split('e') as [string, string];
    const sign = e.startsWith('-') ? '-' : '+';
    return mant + 'e' + sign + e.replace(/^[+-]/, '').padStart(2, '0');
  }
  return formatGoFloat(f);
}

function addTime(t: OttlTime, d: bigint): OttlTime {
  return new OttlTime(t.epochNanos + d, t.zone);
}

function subTimes(a: OttlTime, b: OttlTime): OttlDuration {
  // Go's Time.Sub saturates at the Duration range.
  const d = a.epochNanos - b.epochNanos;
  return new OttlDuration(d > MAX_INT64 ? MAX_INT64 : d < MIN_INT64 ? MIN_INT64 : d);
}

function timeOp(x: OttlTime, y: Value, op: MathOp): Value {
  if (op === '+') {
    if (y instanceof OttlDuration) return addTime(x, y.nanos);
    throw new OttlError(`time.Time must be added to time.Duration; found ${goFormatValue(y)} instead`);
  }
  if (op === '-') {
    if (y instanceof OttlTime) return subTimes(x, y);
    if (y instanceof OttlDuration) return addTime(x, BigInt.asIntN(64, -y.nanos));
    throw new OttlError(`time.Time or time.Duration must be subtracted from time.Time; found ${goFormatValue(y)} instead`);
  }
  throw new OttlError(TIME_OPS_ONLY);
}

function durationOp(x: OttlDuration, y: Value, op: MathOp): Value {
  if (op === '+') {
    if (y instanceof OttlDuration) return new OttlDuration(BigInt.asIntN(64, x.nanos + y.nanos));
    if (y instanceof OttlTime) return addTime(y, x.nanos);
    throw new OttlError(`time.Duration must be added to time.Duration or time.Time; found ${goFormatValue(y)} instead`);
  }
  if (op === '-') {
    if (y instanceof OttlDuration) return new OttlDuration(BigInt.asIntN(64, x.nanos - y.nanos));
    throw new OttlError(`time.Duration must be subtracted from time.Duration; found ${goFormatValue(y)} instead`);
  }
  throw new OttlError(TIME_OPS_ONLY);
}

/** `x op y` under OTTL's arithmetic rules; throws an OttlError for unsupported operands. */
export function applyMath(x: Value, op: MathOp, y: Value): Value {
  if (typeof x === 'bigint') {
    if (typeof y === 'bigint') return intOp(x, y, op);
    if (typeof y === 'number') return floatOp(Number(x), y, op);
    throw new OttlError(`${goFormatValue(y)} must be int64 or float64`);
  }
  if (typeof x === 'number') {
    if (typeof y === 'number') return floatOp(x, y, op);
    if (typeof y === 'bigint') return floatOp(x, Number(y), op);
    throw new OttlError(`${goFormatValue(y)} must be int64 or float64`);
  }
  if (x instanceof OttlTime) return timeOp(x, y, op);
  if (x instanceof OttlDuration) return durationOp(x, y, op);
  throw new OttlError(`${goFormatValue(x)} must be int64, float64, time.Time or time.Duration`);
}

/** Unary minus: ints wrap (`-MinInt64` stays MinInt64), floats negate; anything else is an error. */
export function negateValue(x: Value): Value {
  if (typeof x === 'bigint') return BigInt.asIntN(64, -x);
  if (typeof x === 'number') return -x;
  throw new OttlError(`unsupported unary minus operation on type ${goFmtType(x)}`);
}
