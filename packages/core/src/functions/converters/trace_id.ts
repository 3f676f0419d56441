import { TraceId } from '@ottl/pdata';
import { idConverter } from '../internal/ids.js';

export const definition = idConverter('TraceID', 16, (b) => TraceId.fromBytes(b), [
  { code: 'TraceID(0x0102030405060708090a0b0c0d0e0f10)', result: { $traceId: '0102030405060708090a0b0c0d0e0f10' } },
  { code: 'TraceID("0102030405060708090a0b0c0d0e0f10")', result: { $traceId: '0102030405060708090a0b0c0d0e0f10' } },
  { code: 'TraceID(0x0102)', error: 'invalid length' },
]);
