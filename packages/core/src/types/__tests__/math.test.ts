import { describe, expect, it } from 'vitest';
import type { MathOp } from '../../language/ast.js';
import { applyMath, negateValue } from '../math.js';
import { OttlDuration, OttlTime, type Value } from '../values.js';

function run(x: Value, op: MathOp, y: Value): Value | { error: string } {
  try {
    return applyMath(x, op, y);
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('applyMath', () => {
  it('wraps int64 and truncates division like Go', () => {
    expect(run(9223372036854775807n, '+', 9223372036854775807n)).toBe(-2n);
    expect(run(-7n, '/', 2n)).toBe(-3n);
    expect(run(-9223372036854775808n, '/', -1n)).toBe(-9223372036854775808n);
    expect(run(3n, '*', 4n)).toBe(12n);
  });
  it('promotes mixed int/float to float64', () => {
    expect(run(1n, '+', 2.5)).toBe(3.5);
    expect(run(5.0, '/', 2n)).toBe(2.5);
    expect(run(1.7976931348623157e308, '*', 10n)).toBe(Infinity);
  });
  it('rejects division by zero for ints and floats', () => {
    expect(run(1n, '/', 0n)).toEqual({ error: 'attempted to divide by 0' });
    expect(run(1.0, '/', 0.0)).toEqual({ error: 'attempted to divide by 0' });
  });
  it('does time and duration arithmetic', () => {
    const t = new OttlTime(10_000n, 'UTC');
    const d = new OttlDuration(500n);
    expect(run(t, '-', new OttlTime(4_000n))).toEqual(new OttlDuration(6_000n));
    expect(run(t, '+', d)).toEqual(new OttlTime(10_500n, 'UTC'));
    expect(run(t, '-', d)).toEqual(new OttlTime(9_500n, 'UTC'));
    expect(run(d, '+', t)).toEqual(new OttlTime(10_500n, 'UTC'));
    expect(run(d, '-', new OttlDuration(800n))).toEqual(new OttlDuration(-300n));
    expect(run(d, '*', d)).toEqual({ error: 'only addition and subtraction supported for time.Time and time.Duration' });
    expect(run(t, '+', t)).toEqual({ error: 'time.Time must be added to time.Duration; found 1970-01-01T00:00:00.00001Z instead' });
  });
  it('names bad operands like upstream', () => {
    expect(run('a', '+', 1n)).toEqual({ error: 'a must be int64, float64, time.Time or time.Duration' });
    expect(run(1n, '+', null)).toEqual({ error: '<nil> must be int64 or float64' });
    expect(run(1.5, '-', 'x')).toEqual({ error: 'x must be int64 or float64' });
  });
  it('negates numbers only', () => {
    expect(negateValue(-9223372036854775808n)).toBe(-9223372036854775808n);
    expect(negateValue(2.5)).toBe(-2.5);
    expect(() => negateValue('x')).toThrow('unsupported unary minus operation on type string');
  });
});
