import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '../../types/convert.js';
import { digestConverter } from '../internal/digest.js';

export const definition = digestConverter('SHA1', 'The SHA-1 digest of a string, as lowercase hex.', (data) => bytesToHex(sha1(data)), [
  { code: 'SHA1("hello world")', result: '2aae6c35c94fcfb415dbe95f408b9ce91ee846ed' },
]);
