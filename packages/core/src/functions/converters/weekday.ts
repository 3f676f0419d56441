/**
 * `Weekday(time)` (upstream `ottlfuncs/func_weekday.go`): the day of the week of the time in its
 * zone: 0 = Sunday … 6 = Saturday, as Go's `Time.Weekday()`.
 */
import { civil } from '../internal/goTime.js';
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlTime } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlTime>({
  name: 'Weekday',
  type: 'time',
  paramName: 'time',
  description: 'A time.',
  returns: 'int',
  apply: (t) => BigInt(civil(t).weekday),
  doc: {
    category: 'time',
    summary: "Returns the day of the week of the time in its zone: 0 = Sunday … 6 = Saturday.",
    returns: 'int',
    failures: ['`time` is not a time (`expected time but got …`).'],
    examples: [{ code: 'Weekday(Time("2023-05-26 12:34:56", "%Y-%m-%d %H:%M:%S", "UTC"))', result: 5 }],
  },
});
