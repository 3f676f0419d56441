/**
 * `TruncateTime(time, duration)` (upstream `ottlfuncs/func_truncate_time.go`): Go's
 * `Time.Truncate`, the time rounded down to a multiple of the duration since Go's zero time
 * (January 1, year 1, UTC), keeping its zone. A duration ≤ 0 returns the time unchanged.
 */
import { truncateTime } from '../internal/goTime.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import type { OttlDuration, OttlTime } from '../../types/values.js';

export const definition: FunctionDef = {
  name: 'TruncateTime',
  params: [
    { name: 'time', kind: { kind: 'getter', type: 'time' }, description: 'The time to round down.' },
    { name: 'duration', kind: { kind: 'getter', type: 'duration' }, description: 'The rounding step.' },
  ],
  returns: 'time',
  doc: {
    category: 'time',
    summary: 'Rounds a time down to a multiple of a duration (Go `Time.Truncate`).',
    description:
      'Multiples are counted from Go\'s zero time (January 1, year 1, UTC), so whole hours, minutes ' +
      'and seconds line up with UTC clock boundaries. A duration of zero or less leaves the time unchanged.',
    returns: 'time',
    failures: ['`time` is not a time or `duration` is not a duration (`expected time but got …`).'],
    examples: [
      {
        code: 'TruncateTime(Time("2023-05-26 12:34:56", "%Y-%m-%d %H:%M:%S", "UTC"), Duration("1h"))',
        result: { $time: '2023-05-26T12:00:00Z' },
      },
    ],
  },
  create(args) {
    const time = args[0] as Getter<OttlTime>;
    const duration = args[1] as Getter<OttlDuration>;
    return (ctx) => {
      const t = time.get(ctx);
      return truncateTime(t, duration.get(ctx).nanos);
    };
  },
};
