/**
 * `Milliseconds(duration)` (upstream `ottlfuncs/func_milliseconds.go`): the duration as a whole
 * number of milliseconds, truncated toward zero (Go's `Duration.Milliseconds()`).
 */
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlDuration } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlDuration>({
  name: 'Milliseconds',
  type: 'duration',
  paramName: 'duration',
  description: 'A duration.',
  returns: 'int',
  apply: (d) => d.nanos / 1_000_000n,
  doc: {
    category: 'time',
    summary: "Returns the duration as a whole number of milliseconds, truncated toward zero (Go's `Duration.Milliseconds()`).",
    returns: 'int',
    failures: ['`duration` is not a duration (`expected duration but got …`).'],
    examples: [{ code: 'Milliseconds(Duration("1.5s"))', result: 1500 }],
  },
});
