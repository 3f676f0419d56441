import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '../../types/convert.js';
import { digestConverter } from '../internal/digest.js';

export const definition = digestConverter('MD5', 'The MD5 digest of a string, as lowercase hex.', (data) => bytesToHex(md5(data)), [
  { code: 'MD5("hello world")', result: '5eb63bbbe01eeed093cb22bb8f5acdc3' },
]);
