/**
 * `Unix(seconds, nanoseconds?)` (upstream `ottlfuncs/func_unix.go`): Go's `time.Unix`, the time
 * that many seconds and nanoseconds after the Unix epoch, in the host's local zone. Nanoseconds
 * outside [0, 1e9) carry into the seconds.
 */
import { localZone } from '../internal/goTime.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlTime } from '../../types/values.js';

export const definition: FunctionDef = {
  name: 'Unix',
  params: [
    { name: 'seconds', kind: { kind: 'getter', type: 'int' }, description: 'Seconds since the Unix epoch.' },
    {
      name: 'nanoseconds',
      kind: { kind: 'getter', type: 'int' },
      optional: true,
      default: '0',
      description: 'Nanoseconds added to `seconds`.',
    },
  ],
  returns: 'time',
  doc: {
    category: 'time',
    summary: 'Returns the time a number of seconds (and nanoseconds) after the Unix epoch.',
    description: 'The result is shown in the host\'s local zone, as Go\'s `time.Unix` does; the instant does not depend on it.',
    returns: 'time',
    failures: ['`seconds` or `nanoseconds` is not an int (`expected int64 but got …`).'],
    examples: [
      { code: 'UnixNano(Unix(1672527600, 5))', result: { $int: '1672527600000000005' } },
      { code: 'UnixSeconds(Unix(1672527600))', result: 1672527600 },
    ],
  },
  create(args) {
    const seconds = args[0] as Getter<bigint>;
    const nanoseconds = args[1] as Getter<bigint> | undefined;
    return (ctx) => {
      const sec = seconds.get(ctx);
      const nsec = nanoseconds === undefined ? 0n : nanoseconds.get(ctx);
      return new OttlTime(sec * 1_000_000_000n + nsec, localZone());
    };
  },
};
