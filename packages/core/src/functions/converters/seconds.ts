/**
 * `Seconds(duration)` (upstream `ottlfuncs/func_seconds.go`): the duration as a floating-point number
 * of seconds (Go's `Duration.Seconds()`).
 */
import { fractional } from '../internal/goTime.js';
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlDuration } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlDuration>({
  name: 'Seconds',
  type: 'duration',
  paramName: 'duration',
  description: 'A duration.',
  returns: 'float',
  apply: (d) => fractional(d.nanos, 1_000_000_000n),
  doc: {
    category: 'time',
    summary: "Returns the duration as a floating-point number of seconds (Go's `Duration.Seconds()`).",
    returns: 'float',
    failures: ['`duration` is not a duration (`expected duration but got …`).'],
    examples: [{ code: 'Seconds(Duration("1m30.5s"))', result: { $double: 90.5 } }],
  },
});
