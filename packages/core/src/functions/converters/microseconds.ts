/**
 * `Microseconds(duration)` (upstream `ottlfuncs/func_microseconds.go`): the duration as a whole
 * number of microseconds, truncated toward zero (Go's `Duration.Microseconds()`).
 */
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlDuration } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlDuration>({
  name: 'Microseconds',
  type: 'duration',
  paramName: 'duration',
  description: 'A duration.',
  returns: 'int',
  apply: (d) => d.nanos / 1_000n,
  doc: {
    category: 'time',
    summary: "Returns the duration as a whole number of microseconds, truncated toward zero (Go's `Duration.Microseconds()`).",
    returns: 'int',
    failures: ['`duration` is not a duration (`expected duration but got …`).'],
    examples: [{ code: 'Microseconds(Duration("1.5ms"))', result: 1500 }],
  },
});
