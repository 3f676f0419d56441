import { SpanId } from '@ottl/pdata';
import { idConverter } from '../internal/ids.js';

export const definition = idConverter('SpanID', 8, (b) => SpanId.fromBytes(b), [
  { code: 'SpanID(0x0102030405060708)', result: { $spanId: '0102030405060708' } },
  { code: 'SpanID("0102030405060708")', result: { $spanId: '0102030405060708' } },
]);
