/**
 * `Month(time)` (upstream `ottlfuncs/func_month.go`): the month (1 = January … 12 = December) of
 * the time in its zone, as Go's `Time.Month()`.
 */
import { civil } from '../internal/goTime.js';
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlTime } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlTime>({
  name: 'Month',
  type: 'time',
  paramName: 'time',
  description: 'A time.',
  returns: 'int',
  apply: (t) => BigInt(civil(t).month),
  doc: {
    category: 'time',
    summary: "Returns the month (1 = January … 12 = December) of the time in its zone.",
    returns: 'int',
    failures: ['`time` is not a time (`expected time but got …`).'],
    examples: [{ code: 'Month(Time("2023-05-26 12:34:56", "%Y-%m-%d %H:%M:%S", "UTC"))', result: 5 }],
  },
});
