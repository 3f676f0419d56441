/**
 * Go's `encoding/base64` encodings (`StdEncoding`, `RawStdEncoding`, `URLEncoding`,
 * `RawURLEncoding`), by the names OTTL uses for them. Decoding follows Go exactly: `\r` and `\n`
 * are skipped anywhere, padding is required by the padded variants and refused by the raw ones,
 * and a failure is `illegal base64 data at input byte N` with Go's offset N.
 */
import { OttlError } from '../../types/values.js';

export type Base64Variant = 'base64' | 'base64-raw' | 'base64-url' | 'base64-raw-url';

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function decodeTable(alphabet: string): Int8Array {
  const t = new Int8Array(256).fill(-1);
  for (let i = 0; i < 64; i++) t[alphabet.charCodeAt(i)] = i;
  return t;
}

const STD_TABLE = decodeTable(STD);
const URL_TABLE = decodeTable(URL);

/** The variant named by `name`, or undefined for any other name. */
export function base64Variant(name: string): Base64Variant | undefined {
  return name === 'base64' || name === 'base64-raw' || name === 'base64-url' || name === 'base64-raw-url'
    ? name
    : undefined;
}

function isUrl(v: Base64Variant): boolean {
  return v === 'base64-url' || v === 'base64-raw-url';
}

function isPadded(v: Base64Variant): boolean {
  return v === 'base64' || v === 'base64-url';
}

/** `data` encoded in the given variant. */
export function base64Encode(data: Uint8Array, variant: Base64Variant): string {
  const a = isUrl(variant) ? URL : STD;
  let s = '';
  let i = 0;
  for (; i + 2 < data.length; i += 3) {
    const n = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    s += a[n >> 18]! + a[(n >> 12) & 63]! + a[(n >> 6) & 63]! + a[n & 63]!;
  }
  const rest = data.length - i;
  if (rest > 0) {
    const n = (data[i]! << 16) | (rest === 2 ? data[i + 1]! << 8 : 0);
    s += a[n >> 18]! + a[(n >> 12) & 63]!;
    if (rest === 2) s += a[(n >> 6) & 63]!;
    if (isPadded(variant)) s += rest === 2 ? '=' : '==';
  }
  return s;
}

function corrupt(offset: number): OttlError {
  return new OttlError(`illegal base64 data at input byte ${offset}`);
}

const utf8 = new TextEncoder();

/**
 * `src` (a string is taken as its UTF-8 bytes) decoded in the given variant; throws an OttlError
 * with Go's message on malformed input.
 */
export function base64Decode(src: string | Uint8Array, variant: Base64Variant): Uint8Array {
  const table = isUrl(variant) ? URL_TABLE : STD_TABLE;
  const padded = isPadded(variant);
  const bytes = typeof src === 'string' ? utf8.encode(src) : src;
  const len = bytes.length;
  const at = (i: number): number => bytes[i]!;
  const out: number[] = [];
  let si = 0;
  while (si < len) {
    const quantum = [0, 0, 0, 0];
    let j = 0;
    let dlen = 4;
    for (; j < 4; j++) {
      if (si === len) {
        if (j === 0) return Uint8Array.from(out);
        if (j === 1 || padded) throw corrupt(si - j);
        dlen = j;
        break;
      }
      const c = at(si++);
      const d = table[c]!;
      if (d >= 0) {
        quantum[j] = d;
        continue;
      }
      if (c === 0x0a || c === 0x0d) {
        j--;
        continue;
      }
      if (c !== 0x3d || !padded) throw corrupt(si - 1);
      // '=': padding may only follow two or three data characters.
      if (j < 2) throw corrupt(si - 1);
      if (j === 2) {
        while (si < len && (at(si) === 0x0a || at(si) === 0x0d)) si++;
        if (si === len) throw corrupt(len);
        if (at(si) !== 0x3d) throw corrupt(si - 1);
        si++;
      }
      while (si < len && (at(si) === 0x0a || at(si) === 0x0d)) si++;
      if (si < len) throw corrupt(si);
      dlen = j;
      break;
    }
    const n = (quantum[0]! << 18) | (quantum[1]! << 12) | (quantum[2]! << 6) | quantum[3]!;
    if (dlen >= 2) out.push((n >> 16) & 255);
    if (dlen >= 3) out.push((n >> 8) & 255);
    if (dlen >= 4) out.push(n & 255);
    if (dlen < 4) break;
  }
  return Uint8Array.from(out);
}
