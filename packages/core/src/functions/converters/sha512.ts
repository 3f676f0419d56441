import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../../types/convert.js';
import { digestConverter } from '../internal/digest.js';

export const definition = digestConverter('SHA512', 'The SHA-512 digest of a string, as lowercase hex.', (data) => bytesToHex(sha512(data)), [
  { code: 'SHA512("foo bar")', result: '65019286222ace418f742556366f9b9da5aaf6797527d2f0cba5bfe6b2f8ed24746542a0f2be1da8d63c2477f688b608eb53628993afa624f378b03f10090ce7' },
]);
