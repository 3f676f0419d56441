/**
 * `Hours(duration)` (upstream `ottlfuncs/func_hours.go`): the duration as a floating-point number of
 * hours (Go's `Duration.Hours()`).
 */
import { fractional } from '../internal/goTime.js';
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlDuration } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlDuration>({
  name: 'Hours',
  type: 'duration',
  paramName: 'duration',
  description: 'A duration.',
  returns: 'float',
  apply: (d) => fractional(d.nanos, 3_600_000_000_000n),
  doc: {
    category: 'time',
    summary: "Returns the duration as a floating-point number of hours (Go's `Duration.Hours()`).",
    returns: 'float',
    failures: ['`duration` is not a duration (`expected duration but got …`).'],
    examples: [{ code: 'Hours(Duration("1h30m"))', result: { $double: 1.5 } }],
  },
});
