/**
 * `Duration(duration)` (upstream `ottlfuncs/func_duration.go`): Go's `time.ParseDuration`, exact
 * to the nanosecond.
 */
import { GoDurationError, parseGoDuration } from '../internal/goDuration.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlDuration, OttlError } from '../../types/values.js';

export const definition: FunctionDef = {
  name: 'Duration',
  params: [
    {
      name: 'duration',
      kind: { kind: 'getter', type: 'string' },
      description: 'A Go duration such as `300ms`, `-1.5h` or `2h45m`.',
    },
  ],
  returns: 'duration',
  doc: {
    category: 'time',
    summary: 'Parses a Go duration string (`300ms`, `1.5h`, `2h45m`) into a duration.',
    description:
      'A sequence of decimal numbers, each with an optional fraction and a unit: `ns`, `us` (or ' +
      '`µs`), `ms`, `s`, `m`, `h`; an optional leading sign. There is no unit for days.',
    returns: 'duration',
    failures: ['Text that is not a duration: `time: invalid duration "…"` (also `missing unit`, `unknown unit`).'],
    examples: [
      { code: 'Duration("2h45m30.5s")', result: { $duration: '9930500000000' } },
      { code: 'Duration("-1.5us")', result: { $duration: '-1500' } },
      { code: 'Duration("one second")', error: 'invalid duration' },
    ],
  },
  create(args) {
    const duration = args[0] as Getter<string>;
    return (ctx) => {
      try {
        return new OttlDuration(parseGoDuration(duration.get(ctx)));
      } catch (e) {
        if (e instanceof GoDurationError) throw new OttlError(e.message);
        throw e;
      }
    };
  },
};
