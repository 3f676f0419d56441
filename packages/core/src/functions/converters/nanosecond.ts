/**
 * `Nanosecond(time)` (upstream `ottlfuncs/func_nanosecond.go`): the nanosecond within the second
 * (0–999999999) of the time, as Go's `Time.Nanosecond()`.
 */
import { civil } from '../internal/goTime.js';
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlTime } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlTime>({
  name: 'Nanosecond',
  type: 'time',
  paramName: 'time',
  description: 'A time.',
  returns: 'int',
  apply: (t) => BigInt(civil(t).nanosecond),
  doc: {
    category: 'time',
    summary: "Returns the nanosecond within the second (0–999999999) of the time.",
    returns: 'int',
    failures: ['`time` is not a time (`expected time but got …`).'],
    examples: [{ code: 'Nanosecond(Time("2023-05-26 12:34:56.123456789", "%Y-%m-%d %H:%M:%S.%s", "UTC"))', result: 123456789 }],
  },
});
