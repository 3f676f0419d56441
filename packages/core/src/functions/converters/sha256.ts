import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../../types/convert.js';
import { digestConverter } from '../internal/digest.js';

export const definition = digestConverter('SHA256', 'The SHA-256 digest of a string, as lowercase hex.', (data) => bytesToHex(sha256(data)), [
  { code: 'SHA256("hello world")', result: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9' },
]);
