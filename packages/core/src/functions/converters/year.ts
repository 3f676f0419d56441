/**
 * `Year(time)` (upstream `ottlfuncs/func_year.go`): the year of the time in its zone, as Go's
 * `Time.Year()`.
 */
import { civil } from '../internal/goTime.js';
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlTime } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlTime>({
  name: 'Year',
  type: 'time',
  paramName: 'time',
  description: 'A time.',
  returns: 'int',
  apply: (t) => BigInt(civil(t).year),
  doc: {
    category: 'time',
    summary: "Returns the year of the time in its zone.",
    returns: 'int',
    failures: ['`time` is not a time (`expected time but got …`).'],
    examples: [{ code: 'Year(Time("2023-05-26 12:34:56", "%Y-%m-%d %H:%M:%S", "UTC"))', result: 2023 }],
  },
});
