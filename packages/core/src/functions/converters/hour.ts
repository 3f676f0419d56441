/**
 * `Hour(time)` (upstream `ottlfuncs/func_hour.go`): the hour (0–23) of the time in its zone, as
 * Go's `Time.Hour()`.
 */
import { civil } from '../internal/goTime.js';
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlTime } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlTime>({
  name: 'Hour',
  type: 'time',
  paramName: 'time',
  description: 'A time.',
  returns: 'int',
  apply: (t) => BigInt(civil(t).hour),
  doc: {
    category: 'time',
    summary: "Returns the hour (0–23) of the time in its zone.",
    returns: 'int',
    failures: ['`time` is not a time (`expected time but got …`).'],
    examples: [{ code: 'Hour(Time("2023-05-26 12:34:56", "%Y-%m-%d %H:%M:%S", "UTC"))', result: 12 }],
  },
});
