/**
 * `UnixMicro(time)` (upstream `ottlfuncs/func_unix_micro.go`): the number of whole microseconds
 * elapsed since the Unix epoch (Go's `Time.UnixMicro()`).
 */
import { floorDivBig } from '../internal/goTime.js';
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlTime } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlTime>({
  name: 'UnixMicro',
  type: 'time',
  paramName: 'time',
  description: 'A time.',
  returns: 'int',
  apply: (t) => floorDivBig(t.epochNanos, 1_000n),
  doc: {
    category: 'time',
    summary: "Returns the number of whole microseconds elapsed since the Unix epoch (Go's `Time.UnixMicro()`).",
    returns: 'int',
    failures: ['`time` is not a time (`expected time but got …`).'],
    examples: [
      { code: 'UnixMicro(Time("2023-05-26 12:34:56", "%Y-%m-%d %H:%M:%S", "UTC"))', result: 1685104496000000 },
    ],
  },
});
