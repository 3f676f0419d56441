/**
 * `Nanoseconds(duration)` (upstream `ottlfuncs/func_nanoseconds.go`): the duration as a number of
 * nanoseconds (Go's `Duration.Nanoseconds()`).
 */
import { unaryConverter } from '../internal/unaryConverter.js';
import type { FunctionDef } from '../../types/signature.js';
import type { OttlDuration } from '../../types/values.js';

export const definition: FunctionDef = unaryConverter<OttlDuration>({
  name: 'Nanoseconds',
  type: 'duration',
  paramName: 'duration',
  description: 'A duration.',
  returns: 'int',
  apply: (d) => d.nanos,
  doc: {
    category: 'time',
    summary: "Returns the duration as a number of nanoseconds (Go's `Duration.Nanoseconds()`).",
    returns: 'int',
    failures: ['`duration` is not a duration (`expected duration but got …`).'],
    examples: [{ code: 'Nanoseconds(Duration("1.5us"))', result: 1500 }],
  },
});
