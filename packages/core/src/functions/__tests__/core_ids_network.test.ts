import { describe, expect, it } from 'vitest';
import { evaluate } from './core_harness.js';

const ok = (value: unknown) => ({ value });
const fails = (text: string) => ({ error: expect.stringContaining(text) });

describe('ids', () => {
  it.each([
    ['TraceID(0x0102030405060708090a0b0c0d0e0f10)', ok({ $traceId: '0102030405060708090a0b0c0d0e0f10' })],
    ['TraceID("0102030405060708090A0B0C0D0E0F10")', ok({ $traceId: '0102030405060708090a0b0c0d0e0f10' })],
    ['TraceID(0x0102030405060708090a0b0c0d0e0f)', fails('TraceID: could not decode ID: invalid length: expected 16 or 32 bytes, got 15')],
    ['TraceID("ZZ02030405060708090a0b0c0d0e0f10")', fails("TraceID: could not decode ID: invalid hex: encoding/hex: invalid byte: U+005A 'Z'")],
    ['TraceID(attributes["s"])', ok({ $traceId: 'ffffffffffffffffffffffffffffffff' })],
    ['TraceID(attributes["missing"])', fails('expected 16 or 32 bytes, got 0')],
    ['SpanID(0x0102030405060708)', ok({ $spanId: '0102030405060708' })],
    ['SpanID("0102030405060708")', ok({ $spanId: '0102030405060708' })],
    ['SpanID(0x010203040506070809)', fails('SpanID: could not decode ID: invalid length: expected 8 or 16 bytes, got 9')],
    ['ProfileID(0x0102030405060708090a0b0c0d0e0f10)', ok({ $profileId: '0102030405060708090a0b0c0d0e0f10' })],
    ['ProfileID(0x0102)', fails('ProfileID: could not decode ID: invalid length: expected 16 or 32 bytes, got 2')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text, { s: 'ffffffffffffffffffffffffffffffff' })).toEqual(outcome);
  });

  it('rejects a literal of the wrong length when the expression is compiled', () => {
    expect(evaluate('TraceID(0x01)')).toEqual(fails('parse: '));
  });

  it('UUID gives distinct version 4 UUIDs', () => {
    const a = evaluate('UUID()') as { value: string };
    const b = evaluate('UUID()') as { value: string };
    expect(a.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.value).not.toBe(b.value);
  });

  it('UUIDv7 gives distinct, time-ordered version 7 UUIDs', () => {
    const before = Date.now();
    const a = (evaluate('UUIDv7()') as { value: string }).value;
    const b = (evaluate('UUIDv7()') as { value: string }).value;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    const millis = parseInt(a.replace(/-/g, '').slice(0, 12), 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(Date.now());
    expect(b.slice(0, 13) >= a.slice(0, 13)).toBe(true);
  });
});

describe('CommunityID', () => {
  it.each([
    ['CommunityID("1.2.3.4", 12345, "5.6.7.8", 80, "TCP", 0)', ok('1:0by3b/tE95hcOzccyt6d4kjgbZc=')],
    ['CommunityID("5.6.7.8", 80, "1.2.3.4", 12345, "TCP", 0)', ok('1:0by3b/tE95hcOzccyt6d4kjgbZc=')],
    ['CommunityID("1.2.3.4", 12345, "5.6.7.8", 80)', ok('1:0by3b/tE95hcOzccyt6d4kjgbZc=')],
    ['CommunityID("192.168.1.1", 53, "10.10.10.10", 53000, "UDP", 0)', ok('1:gQ05/45srnixHs8V/2ejpkxhBwg=')],
    ['CommunityID("10.10.10.10", 53000, "192.168.1.1", 53, "ICMP", 0)', ok('1:9TGPWejPFuBlKrHuVcM3iaA8hf8=')],
    ['CommunityID("192.168.1.1", 53, "10.10.10.10", 53000, "ICMP6", 0)', ok('1:bchQ2SAoVf2Iq1XdGBXObLJ2i64=')],
    ['CommunityID("192.168.1.1", 53, "10.10.10.10", 53000, "SCTP", 0)', ok('1:zo1kfEyhghMaeU7tQDCE2G+ITQc=')],
    ['CommunityID("192.168.1.1", 12345, "192.168.1.2", 80, "TCP", 1234)', ok('1:v1n8p4IZW9jXIJnFANLbRU2ahdU=')],
    ['CommunityID("127.0.0.1", 8080, "127.0.0.1", 8080, "TCP", 0)', ok('1:sG2vk7rcZ12ZxPg+nnwljgdVEGw=')],
    ['CommunityID("10.1.1.2", 8079, "10.1.1.1", 8080, "TCP", 0)', ok('1:1fjNfFLjLTsO2WE9AY0TbTeSaBs=')],
    ['CommunityID("invalid-ip", 80, "10.0.0.1", 12345, "TCP", 0)', fails('invalid source IP: invalid-ip')],
    ['CommunityID("10.0.0.1", 80, "::zz", 12345)', fails('invalid destination IP: ::zz')],
    ['CommunityID("10.0.0.1", 0, "10.0.0.2", 1)', fails('source port must be between 1 and 65535, got 0')],
    ['CommunityID("10.0.0.1", 1, "10.0.0.2", 65536)', fails('destination port must be between 1 and 65535, got 65536')],
    ['CommunityID("10.0.0.1", 80, "10.0.0.2", 12345, "UNKNOWN", 0)', fails('unsupported protocol: UNKNOWN')],
    ['CommunityID("10.0.0.1", 80, "10.0.0.2", 12345, "TCP", 70000)', fails('seed must be between 0 and 65535, got 70000')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text)).toEqual(outcome);
  });

  it('orders IPv4 before IPv6 endpoints and accepts both', () => {
    const a = evaluate('CommunityID("2001:db8::1", 443, "10.0.0.1", 5000, "TCP", 0)');
    expect(a).toEqual(evaluate('CommunityID("10.0.0.1", 5000, "2001:db8::1", 443, "TCP", 0)'));
    expect((a as { value: string }).value).toMatch(/^1:[A-Za-z0-9+/]{27}=$/);
  });
});

describe('IsInCIDR', () => {
  it.each([
    ['IsInCIDR("192.0.2.1", ["192.0.24.0/24", "192.0.2.0/24"])', ok(true)],
    ['IsInCIDR("195.0.2.1", ["192.0.2.0/24"])', ok(false)],
    ['IsInCIDR("10.1.2.3", ["10.0.0.0/8"])', ok(true)],
    ['IsInCIDR("10.1.2.3", ["0.0.0.0/0"])', ok(true)],
    ['IsInCIDR("10.1.2.3", ["10.1.2.3/32"])', ok(true)],
    ['IsInCIDR("10.1.2.4", ["10.1.2.3/31"])', ok(false)],
    ['IsInCIDR("2001:db8::ff", ["2001:db8::/32"])', ok(true)],
    ['IsInCIDR("2001:db9::1", ["2001:db8::/32"])', ok(false)],
    ['IsInCIDR("::ffff:10.0.0.1", ["10.0.0.0/8"])', ok(true)],
    ['IsInCIDR("10.0.0.1", ["::/0"])', ok(false)],
    ['IsInCIDR("010.0.0.1", ["10.0.0.0/8"])', ok(false)],
    ['IsInCIDR("hello world", ["192.0.2.0/24"])', ok(false)],
    ['IsInCIDR("", ["192.0.2.0/24"])', ok(false)],
    ['IsInCIDR(nil, ["192.0.2.0/24"])', fails('expected string but got nil')],
    ['IsInCIDR("192.0.0.1", ["192.0.2/24"])', fails('parse: ')],
    ['IsInCIDR("192.0.0.1", [Concat(["192.0.2/24"], "")])', fails('invalid CIDR address: 192.0.2/24')],
    ['IsInCIDR("192.0.0.1", [attributes["net"]])', ok(false)],
    ['IsInCIDR("10.9.0.1", [attributes["net"]])', ok(true)],
  ])('%s', (text, outcome) => {
    expect(evaluate(text, { net: '10.0.0.0/8' })).toEqual(outcome);
  });
});

describe('IsValidLuhn', () => {
  it.each([
    ['IsValidLuhn("17893729974")', ok(true)],
    ['IsValidLuhn("1789 3729 974")', ok(true)],
    ['IsValidLuhn("4111 1111 1111 1111")', ok(true)],
    ['IsValidLuhn(17893729974)', ok(true)],
    ['IsValidLuhn("17893729975")', ok(false)],
    ['IsValidLuhn("")', ok(false)],
    ['IsValidLuhn("test")', fails('strconv.Atoi: parsing "t": invalid syntax')],
    ['IsValidLuhn(30.3)', fails('invalid syntax')],
    ['IsValidLuhn(nil)', fails('invalid input: <nil>')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text)).toEqual(outcome);
  });
});

describe('ParseSeverity', () => {
  const mapping =
    '{"error": [{"range": {"min": 400, "max": 499}}], "debug": [{"range": {"min": 100, "max": 199}}], ' +
    '"info": [{"equals": ["inf", "info"]}, {"range": "2xx"}], "warn": [{"range": {"min": 300, "max": 399}}], ' +
    '"fatal": [{"range": {"min": 500, "max": 599}}]}';
  it.each([
    [`ParseSeverity(400, ${mapping})`, ok('error')],
    [`ParseSeverity(100, ${mapping})`, ok('debug')],
    [`ParseSeverity(200, ${mapping})`, ok('info')],
    [`ParseSeverity("inf", ${mapping})`, ok('info')],
    [`ParseSeverity(599, ${mapping})`, ok('fatal')],
    [`ParseSeverity(600, ${mapping})`, fails("could not map log level: no matching log level found for value '600'")],
    ['ParseSeverity("inf", {"error": [{"min": 400, "max": 599}], "info": [{"equals": ["info", "inf"]}]})', ok('info')],
    ['ParseSeverity("foo", {"info": ["info", "inf"]})', fails('severity mapping criteria items must be map[string]any')],
    ['ParseSeverity(400, {"error": "invalid"})', fails('severity mapping criteria must be []any')],
    ['ParseSeverity(400, {"error": [{"range": {"min": "foo", "max": 599}}]})', fails('invalid severity mapping criteria: min must be an int64')],
    ['ParseSeverity(400, {"error": [{"range": {"min": 400, "max": "foo"}}]})', fails('invalid severity mapping criteria: max must be an int64')],
    ['ParseSeverity(400, {"error": [{"range": {"max": 599}}]})', fails('invalid severity mapping criteria: range must have a min value')],
    ['ParseSeverity(400, {"error": [{"range": {"min": 400}}]})', fails('invalid severity mapping criteria: range must have a max value')],
    ['ParseSeverity(400, {"error": [{"range": "6xx"}]})', fails('invalid severity mapping criteria: unknown range placeholder: 6xx')],
    ['ParseSeverity({"foo": "bar"}, {"warn": [{"range": {"min": 400, "max": 499}}]})', fails("could not map log level: could not evaluate log level of value 'map[foo:bar]'")],
    ['ParseSeverity(attributes["code"], attributes["mapping"])', ok('warn')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text, { code: 302, mapping: { warn: [{ range: '3xx' }] } })).toEqual(outcome);
  });
});
