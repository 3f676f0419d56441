/**
 * `Minutes(duration)` (upstream `ottlfuncs/func_minutes.go`): the duration as a floating-point number
 * of minutes (Go's `Duration.Minutes()`).
 */
import { fractional } from '../internal/goTime.js';
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlDuration } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlDuration>({
  name: 'Minutes',
  type: 'duration',
  paramName: 'duration',
  description: 'A duration.',
  returns: 'float',
  apply: (d) => fractional(d.nanos, 60_000_000_000n),
  doc: {
    category: 'time',
    summary: "Returns the duration as a floating-point number of minutes (Go's `Duration.Minutes()`).",
    returns: 'float',
    failures: ['`duration` is not a duration (`expected duration but got …`).'],
    examples: [{ code: 'Minutes(Duration("1h30m"))', result: { $double: 90 } }],
  },
});
