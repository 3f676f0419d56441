/** RFC 9562 UUID text from 16 random bytes with the version and variant bits set. */
import { bytesToHex } from '../../types/convert.js';

/** Sets the version nibble and the RFC 4122 variant bits of `b` (16 bytes) and renders it 8-4-4-4-12. */
export function formatUuid(b: Uint8Array, version: number): string {
  b[6] = (b[6]! & 0x0f) | (version << 4);
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = bytesToHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** 16 bytes from the platform's cryptographic random source (`crypto.getRandomValues`). */
export function randomBytes16(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(16));
}
