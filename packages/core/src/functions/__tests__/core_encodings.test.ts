import { describe, expect, it } from 'vitest';
import { evaluate } from './core_harness.js';

const ok = (value: unknown) => ({ value });
const fails = (text: string) => ({ error: expect.stringContaining(text) });

describe('hashes', () => {
  it.each([
    ['MD5("hello world")', ok('5eb63bbbe01eeed093cb22bb8f5acdc3')],
    ['MD5("")', ok('d41d8cd98f00b204e9800998ecf8427e')],
    ['SHA1("")', ok('da39a3ee5e6b4b0d3255bfef95601890afd80709')],
    ['SHA256("")', ok('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')],
    ['SHA512("foo bar")', ok('65019286222ace418f742556366f9b9da5aaf6797527d2f0cba5bfe6b2f8ed24746542a0f2be1da8d63c2477f688b608eb53628993afa624f378b03f10090ce7')],
    ['SHA256("héllo")', ok('3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179')],
    ['FNV("hello world")', ok({ $int: '8618312879776256743' })],
    ['FNV("")', ok({ $int: '-3750763034362895579' })],
    ['Murmur3Hash("Hello World")', ok('ce837619')],
    ['Murmur3Hash("")', ok('00000000')],
    ['Murmur3Hash128("Hello World")', ok('dbc2a0c1ab26631a27b4c09fcf1fe683')],
    ['Murmur3Hash128("")', ok('00000000000000000000000000000000')],
    ['XXH3("hello world")', ok('d447b1ea40e6988b')],
    ['XXH3("")', ok('2d06800538d394c2')],
    ['XXH128("hello world")', ok('df8d09e93f874900a99b8775cc15b6c7')],
    ['XXH128("")', ok('99aa06d3014798d86001c324468d497f')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text)).toEqual(outcome);
  });

  it.each(['MD5', 'SHA1', 'SHA256', 'SHA512', 'FNV', 'Murmur3Hash', 'Murmur3Hash128', 'XXH3', 'XXH128'])(
    '%s takes strings only',
    (name) => {
      expect(evaluate(`${name}(10)`)).toEqual(fails('expected string but got int64'));
      expect(evaluate(`${name}(nil)`)).toEqual(fails('expected string but got nil'));
    },
  );
});

describe('base64', () => {
  it.each([
    ['Base64Encode("test string")', ok('dGVzdCBzdHJpbmc=')],
    ['Base64Encode("data+values/items", "base64")', ok('ZGF0YSt2YWx1ZXMvaXRlbXM=')],
    ['Base64Encode("data+values/items", "base64-raw")', ok('ZGF0YSt2YWx1ZXMvaXRlbXM')],
    ['Base64Encode("\u00ff\u00fe?", "base64-url")', ok('w7_Dvj8=')],
    ['Base64Encode("\u00ff\u00fe?", "base64-raw-url")', ok('w7_Dvj8')],
    ['Base64Encode("")', ok('')],
    ['Base64Encode(10)', fails('expected string but got int64')],
    ['Base64Encode("x", "invalid-variant")', fails('unsupported base64 variant: invalid-variant')],
    ['Base64Decode("aGVsbG8gd29ybGQ=")', ok('hello world')],
    ['Base64Decode("aGVsbG8gd29ybGQ")', fails('illegal base64 data at input byte 12')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text)).toEqual(outcome);
  });
});

describe('Decode', () => {
  it.each([
    ['Decode("aGVsbG8gd29ybGQ=", "base64")', ok('hello world')],
    ['Decode(" aGVsbG8gd29ybGQ=\\n", "base64")', ok('hello world')],
    ['Decode("aGVsbG8g\\nd29ybGQ=", "base64")', ok('hello world')],
    ['Decode(0x6147567362473867643239796247513d, "base64")', ok('hello world')],
    ['Decode("R28/L1p+eA==", "base64")', ok('Go?/Z~x')],
    ['Decode("R28/L1p+eA", "base64-raw")', ok('Go?/Z~x')],
    ['Decode("R28_L1p-eA==", "base64-url")', ok('Go?/Z~x')],
    ['Decode("R28_L1p-eA", "base64-raw-url")', ok('Go?/Z~x')],
    ['Decode("!@#$%^&*()_+", "base64")', fails('could not decode: illegal base64 data at input byte 0')],
    ['Decode("cmVtb3ZlZCBwYWRkaW5nCg", "base64")', fails('illegal base64 data at input byte 20')],
    ['Decode("YQ==YQ==", "base64")', fails('illegal base64 data at input byte 4')],
    ['Decode("YQ=", "base64")', fails('illegal base64 data at input byte 3')],
    ['Decode("YQ==", "base64-raw")', fails('illegal base64 data at input byte 2')],
    ['Decode("test string", "us-ascii")', ok('test string')],
    ['Decode("test string", "UTF-8")', ok('test string')],
    ['Decode("test string", "ISO-8859-1")', ok('test string')],
    ['Decode(0xe9e8, "latin1")', ok('éè')],
    ['Decode(0x80, "WINDOWS-1252")', ok('€')],
    ['Decode(0x7400650073007400, "UTF-16")', ok('test')],
    ['Decode(0x7400650073007400, "utf16")', ok('test')],
    ['Decode(0x00740065, "UTF-16BE")', ok('te')],
    ['Decode(0xc1e1e1, "koi8-r")', ok('аАА')],
    ['Decode("test string", "GB2312")', fails("no charmap defined for encoding 'GB2312'")],
    ['Decode("test string", "no-such-charset")', fails("unsupported encoding 'no-such-charset'")],
    ['Decode(10, "base64")', fails('unsupported type provided to Decode function: int64')],
    ['Decode(nil, "base64")', fails('unsupported type provided to Decode function: <nil>')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text)).toEqual(outcome);
  });

  it('resolves a dynamic encoding when it runs', () => {
    expect(evaluate('Decode("aGk=", attributes["enc"])', { enc: 'base64' })).toEqual(ok('hi'));
    expect(evaluate('Decode("aGk=", attributes["enc"])', { enc: 'nope' })).toEqual(fails("unsupported encoding 'nope'"));
  });
});

describe('Hex', () => {
  it.each([
    ['Hex(12)', ok('000000000000000c')],
    ['Hex(-1)', ok('ffffffffffffffff')],
    ['Hex(1.1)', ok('3ff199999999999a')],
    ['Hex(true)', ok('01')],
    ['Hex("1")', ok('31')],
    ['Hex(0x0aff)', ok('0aff')],
    ['Hex(nil)', ok('')],
    ['Hex({"hi": "hi"})', fails('unsupported type: pcommon.Map')],
  ])('%s', (text, outcome) => {
    expect(evaluate(text)).toEqual(outcome);
  });
});
