/**
 * `UnixNano(time)` (upstream `ottlfuncs/func_unix_nano.go`): the number of nanoseconds elapsed
 * since the Unix epoch (Go's `Time.UnixNano()`).
 */
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlTime } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlTime>({
  name: 'UnixNano',
  type: 'time',
  paramName: 'time',
  description: 'A time.',
  returns: 'int',
  apply: (t) => t.epochNanos,
  doc: {
    category: 'time',
    summary: "Returns the number of nanoseconds elapsed since the Unix epoch (Go's `Time.UnixNano()`).",
    returns: 'int',
    failures: ['`time` is not a time (`expected time but got …`).'],
    examples: [
      { code: 'UnixNano(Time("2023-05-26 12:34:56", "%Y-%m-%d %H:%M:%S", "UTC"))', result: { $int: "1685104496000000000" } },
    ],
  },
});
