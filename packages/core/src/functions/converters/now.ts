/**
 * `Now()` (upstream `ottlfuncs/func_now.go`): the current time in the host's local zone, with the
 * millisecond precision of the JavaScript clock.
 */
import { localZone } from '../internal/goTime.js';
import type { FunctionDef } from '../../types/signature.js';
import { OttlTime } from '../../types/values.js';

export const definition: FunctionDef = {
  name: 'Now',
  params: [],
  returns: 'time',
  doc: {
    category: 'time',
    summary: 'Returns the current time.',
    description:
      'Evaluated for every item, in the host\'s local zone. The JavaScript clock has millisecond ' +
      'precision, so the nanoseconds below the millisecond are zero.',
    returns: 'time',
    examples: [
      { code: 'IsInt(UnixSeconds(Now()))', result: true, note: 'the value differs on every run' },
    ],
  },
  create() {
    return () => new OttlTime(BigInt(Date.now()) * 1_000_000n, localZone());
  },
};
