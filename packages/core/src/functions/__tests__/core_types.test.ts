import { describe, expect, it } from 'vitest';
import { evaluate } from './core_harness.js';

const ok = (value: unknown) => ({ value });
const fails = (text: string) => ({ error: expect.stringContaining(text) });

describe('conversions', () => {
  it.each([
    ['Bool("true")', ok(true)],
    ['Bool("F")', ok(false)],
    ['Bool("FaLsE")', fails('strconv.ParseBool: parsing "FaLsE": invalid syntax')],
    ['Bool("")', fails('invalid syntax')],
    ['Bool(5)', ok(true)],
    ['Bool(0.0)', ok(false)],
    ['Bool(nil)', ok(null)],
    ['Bool([true])', fails('unsupported type')],
    ['Double("50")', ok({ $double: 50 })],
    ['Double("1e3")', ok({ $double: 1000 })],
    ['Double("test")', fails('strconv.ParseFloat: parsing "test": invalid syntax')],
    ['Double(3)', ok({ $double: 3 })],
    ['Double(false)', ok({ $double: 0 })],
    ['Double(nil)', ok(null)],
    ['Int("50")', ok(50)],
    ['Int("")', ok(null)],
    ['Int("2.0")', ok(null)],
    ['Int(-2.7)', ok(-2)],
    ['Int(true)', ok(1)],
    ['Int(9223372036854775807)', ok({ $int: '9223372036854775807' })],
    ['Int({})', fails('unsupported type')],
    ['String("test")', ok('test')],
    ['String(true)', ok('true')],
    ['String(1.5)', ok('1.5')],
    ['String(0x7b)', ok('7b')],
    ['String([1, 2, 3])', ok('[1,2,3]')],
    ['String({"b": 1, "a": "x"})', ok('{"a":"x","b":1}')],
    ['String(nil)', ok(null)],
  ])('%s', (text, outcome) => {
    expect(evaluate(text)).toEqual(outcome);
  });
});

describe('type tests', () => {
  it.each([
    ['IsBool(true)', true],
    ['IsBool("true")', false],
    ['IsBool(nil)', false],
    ['IsDouble(55.0)', true],
    ['IsDouble(333)', false],
    ['IsInt(0)', true],
    ['IsInt("0")', false],
    ['IsInt(1.0)', false],
    ['IsString("a")', true],
    ['IsString(1)', false],
    ['IsString([])', false],
    ['IsMap({})', true],
    ['IsMap("not a map")', false],
    ['IsMap([])', false],
    ['IsList([])', true],
    ['IsList(["a"])', true],
    ['IsList({})', false],
    ['IsList(nil)', false],
    ['IsEmpty(nil)', true],
    ['IsEmpty("")', true],
    ['IsEmpty("x")', false],
    ['IsEmpty(0)', true],
    ['IsEmpty(0.0)', true],
    ['IsEmpty(1.5)', false],
    ['IsEmpty(false)', true],
    ['IsEmpty({})', true],
    ['IsEmpty({"k": "v"})', false],
    ['IsEmpty([])', true],
    ['IsEmpty(["v"])', false],
    ['IsEmpty(TraceID(0x00000000000000000000000000000000))', true],
    ['IsEmpty(TraceID(0x0102030405060708090a0b0c0d0e0f10))', false],
    ['IsEmpty(SpanID(0x0000000000000000))', true],
    ['IsEmpty(Duration("0s"))', true],
  ])('%s', (text, result) => {
    expect(evaluate(text)).toEqual(ok(result));
  });

  it('reads attributes: an Empty attribute is nil', () => {
    expect(evaluate('IsEmpty(attributes["e"])', { e: { $empty: true } })).toEqual(ok(true));
    expect(evaluate('IsString(attributes["s"])', { s: 'x' })).toEqual(ok(true));
    expect(evaluate('IsMap(attributes["m"])', { m: { a: 1 } })).toEqual(ok(true));
  });

  it('propagates errors other than type errors', () => {
    expect(evaluate('IsString(attributes["l"][5])', { l: ['a'] })).toEqual(fails('index 5 out of bounds'));
  });
});

describe('ParseInt', () => {
  it.each([
    ['ParseInt("123456789", 10)', ok(123456789)],
    ['ParseInt("01010101", 2)', ok(85)],
    ['ParseInt("AF", 16)', ok(175)],
    ['ParseInt("0XAF", 0)', ok(175)],
    ['ParseInt("0o17", 0)', ok(15)],
    ['ParseInt("017", 0)', ok(15)],
    ['ParseInt("0", 0)', ok(0)],
    ['ParseInt("1_000", 0)', ok(1000)],
    ['ParseInt("-z", 36)', ok(-35)],
    ['ParseInt("-9223372036854775808", 10)', ok({ $int: '-9223372036854775808' })],
    ['ParseInt("9223372036854775808", 10)', fails('strconv.ParseInt: parsing "9223372036854775808": value out of range')],
    ['ParseInt("1_000", 10)', fails('invalid syntax')],
    ['ParseInt("1__0", 0)', fails('invalid syntax')],
    ['ParseInt("test", 10)', fails('strconv.ParseInt: parsing "test": invalid syntax')],
    ['ParseInt("", 10)', fails('invalid target value for ParseInt function, target cannot be empty')],
    ['ParseInt("1", -1)', fails('invalid base value: -1 for ParseInt function, base cannot be negative')],
    ['ParseInt("1", 1)', fails('invalid base 1')],
    ['ParseInt("1", 37)', fails('invalid base 37')],
    ['ParseInt("1", 100)', fails('strconv.ParseInt: parsing "1": invalid base 100')],
    ['ParseInt(1, 10)', fails('expected string but got int64')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text)).toEqual(outcome);
  });
});

describe('Log', () => {
  it.each([
    ['Log(1)', ok({ $double: 0 })],
    ['Log(2.718281828459045)', ok({ $double: 1 })],
    ['Log("50")', ok({ $double: Math.log(50) })],
    ['Log(true)', ok({ $double: 0 })],
    ['Log(false)', fails('invalid input: expected number greater than zero but got 0')],
    ['Log(-30.3)', fails('invalid input: expected number greater than zero but got -30.3')],
    ['Log(nil)', fails('invalid input: <nil>')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text)).toEqual(outcome);
  });
});
