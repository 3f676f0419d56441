import { describe, expect, it } from 'vitest';
import { murmur3_128, murmur3_32 } from '../internal/murmur3.js';
import { xxh3_128, xxh3_64 } from '../internal/xxh3.js';

/** ASCII input of length n: 'a' + (7i mod 26), the generator the reference vectors were made with. */
function input(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => 97 + ((i * 7) % 26));
}

const hex64 = (v: bigint) => v.toString(16).padStart(16, '0');
const utf8 = (s: string) => new TextEncoder().encode(s);

// [length, XXH3-64, XXH3-128] computed with the reference xxHash library (python-xxhash 3.2).
const XXH_VECTORS: [number, string, string][] = [[0, "2d06800538d394c2", "99aa06d3014798d86001c324468d497f"], [1, "e6c632b61e964e1f", "a96faf705af16834e6c632b61e964e1f"], [2, "3a6dd033830eea1e", "dda0e5ae435b650a3a6dd033830eea1e"], [3, "7ea47a004f34273c", "6fef1ddc63a184e27ea47a004f34273c"], [4, "a02b1fe01d5e8c68", "f13f29119a324e7481e3a1c4ca643bc2"], [5, "6ed62fa163828e19", "8ce9a8f5ef621b69d2a63934678b28df"], [8, "ae512ee33cb829a3", "bab47c44b78c316e6836506688b00420"], [9, "8a413b4d39e87b1d", "067b3ac77abec85c4a85c041be8966d6"], [15, "031f5db6fd896e67", "fdce21903fd05b0621daa86ebffecee6"], [16, "dfd4b837b7921abf", "1601ce126aecd5d8282de1accaf34f85"], [17, "93e37276a1b3d25e", "cd1485e2dcbb82169f633a7238944073"], [31, "f68c9afc3cb35f14", "cf46cecfe85087d6fc2842f787a447c9"], [32, "9e944f124f567af0", "499bbc336b26b78f4404bad9e23e8c6c"], [33, "1b937113ce5b010a", "4dfc632b8ed032e159743983a7aad49a"], [63, "9700be1822c62231", "658d9ba151b04bdf4a1b8e1aa0f2d8b7"], [64, "bef582cbcf46a82a", "5e3d814e1ef93682677ba08fb87afd3e"], [65, "f6d01768d1a2a2f3", "b867f787abc993e865992f1f7c0f62f7"], [95, "4443d8462371bacb", "305d42c0c811aef9c128f513f323599b"], [96, "46fba7132d002366", "3702ff73b05f66facd7ff22d121366c4"], [97, "74a9cee537f1842b", "d071c6078729fe19d33b609ef0b67bd5"], [127, "fec9d8446e0a6165", "219630b61bd1451f91067c40017a73d9"], [128, "b2750a05a86bd144", "b35c73dba7d268cea0dc3a4cb362a8ee"], [129, "7944327491a28ad0", "ed2ce0a9e0b3487fcf37b6dc0e24647c"], [150, "3c120cb9f0413f5f", "eb975037ed9fb640867923762268c7d8"], [239, "6fde6bd17317fcdb", "8a416b7518542e88523a99bf66e6bff8"], [240, "42b550f096408b23", "6e6bedfc56d268dc9ba7bf264df74315"], [241, "58129d823c648ff5", "124293e87aa968dd58129d823c648ff5"], [255, "0d36eeabee8768a9", "45e83d0f4e682a060d36eeabee8768a9"], [256, "3a45d5b3ffb636be", "14a43bcbd39fc6a93a45d5b3ffb636be"], [511, "f29e4656744422bf", "e40f3ee36f871c45f29e4656744422bf"], [1023, "29c0e0f87507c435", "e964e4114daa56ae29c0e0f87507c435"], [1024, "62efeb73eb589676", "c4977235c811415662efeb73eb589676"], [1025, "8328e4d7340701c7", "a1b767dc4249f6298328e4d7340701c7"], [1088, "5ab86c1e2cdf67ef", "13d01ec8b9704eef5ab86c1e2cdf67ef"], [2047, "54cfca9febe24ac1", "ff5981799d8f082b54cfca9febe24ac1"], [2048, "65892e418030a631", "e36c1b335a76621e65892e418030a631"], [2049, "a1e8b29a3d1dccd7", "2d4a26bb4e530132a1e8b29a3d1dccd7"], [5000, "32c29ee8f3d2bd52", "d803ec380bdd98eb32c29ee8f3d2bd52"]];

describe('xxh3', () => {
  it.each(XXH_VECTORS)('length %i', (n, want64, want128) => {
    const data = input(n);
    expect(hex64(xxh3_64(data))).toBe(want64);
    const [hi, lo] = xxh3_128(data);
    expect(hex64(hi) + hex64(lo)).toBe(want128);
  });
});

// MurmurHash3_x86_32 of the same inputs, computed with Digest::MurmurHash3::PurePerl.
const MURMUR32_VECTORS: [number, string][] = [[0,"00000000"],[1,"3c2569b2"],[2,"872fb2e1"],[3,"141e59b3"],[4,"85be7cd6"],[5,"cda02bd3"],[7,"8e521da4"],[8,"77e11d89"],[15,"9ef461aa"],[16,"e7d2362b"],[17,"45055086"],[33,"15115874"]];

describe('murmur3', () => {
  it.each(MURMUR32_VECTORS)('x86_32 length %i', (n, want) => {
    expect(murmur3_32(input(n)).toString(16).padStart(8, '0')).toBe(want);
  });

  it('x86_32 of "Hello World"', () => {
    expect(murmur3_32(utf8('Hello World'))).toBe(0x197683ce);
  });

  it.each([
    ['', '00000000000000000000000000000000'],
    // upstream func_murmur3_hash128_test.go (h1, h2 little-endian)
    ['Hello World', 'dbc2a0c1ab26631a27b4c09fcf1fe683'],
    // the canonical MurmurHash3_x64_128 test sentence (two blocks and an 11-byte tail)
    ['The quick brown fox jumps over the lazy dog', '6c1b07bc7bbc4be347939ac4a93c437a'],
  ])('x64_128 of %j', (s, want) => {
    const [h1, h2] = murmur3_128(utf8(s));
    const le = (v: bigint) => hex64(v).match(/../g)!.reverse().join('');
    expect(le(h1) + le(h2)).toBe(want);
  });
});
