import { ProfileId } from '@ottl/pdata';
import { idConverter } from '../internal/ids.js';

export const definition = idConverter('ProfileID', 16, (b) => ProfileId.fromBytes(b), [
  { code: 'ProfileID(0x0102030405060708090a0b0c0d0e0f10)', result: { $profileId: '0102030405060708090a0b0c0d0e0f10' } },
]);
