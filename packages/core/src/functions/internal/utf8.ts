/**
 * Go strings are UTF-8 bytes; JS strings are UTF-16. These helpers give byte-based answers for
 * JS strings, so byte offsets and lengths match upstream.
 */
// TextEncoder / TextDecoder are globals in browsers and Node; the ES lib we compile against omits them.
const codecs = globalThis as unknown as {
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new () => { decode(b: Uint8Array): string };
};
const encoder = new codecs.TextEncoder();
const decoder = new codecs.TextDecoder();

/** The UTF-8 bytes of `s` (lone surrogates become U+FFFD). */
export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/** `b` decoded as UTF-8; invalid sequences become U+FFFD. */
export function utf8Decode(b: Uint8Array): string {
  return decoder.decode(b);
}

/** Is every code unit ASCII (so UTF-16 indices equal UTF-8 byte offsets)? */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** The UTF-8 length of `s` in bytes (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  if (isAscii(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The UTF-8 byte offset of UTF-16 index `index` in `s`. */
export function utf8Offset(s: string, index: number): number {
  return utf8Length(s.slice(0, index));
}

/**
 * Bytes `[start, end)` of the UTF-8 encoding of `s`, decoded again. A cut through a multi-byte
 * character leaves U+FFFD in its place (JS strings cannot hold broken UTF-8).
 */
export function utf8Slice(s: string, start: number, end: number): string {
  if (isAscii(s)) return s.slice(start, end);
  return utf8Decode(utf8Encode(s).subarray(start, end));
}
