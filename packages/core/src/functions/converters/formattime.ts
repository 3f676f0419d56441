/**
 * `FormatTime(time, format)` (upstream `ottlfuncs/func_formattime.go`): renders a time with a
 * strptime-like format (the directives of `Time`), in the time's own zone, with English names.
 */
import { formatGoTime } from '../internal/goTime.js';
import { strptimeToGoLayout } from '../internal/strptime.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlCreateError, type OttlTime } from '../../types/values.js';

export const definition: FunctionDef = {
  name: 'FormatTime',
  params: [
    { name: 'time', kind: { kind: 'getter', type: 'time' }, description: 'The time to render.' },
    { name: 'format', kind: { kind: 'literal', type: 'string' }, description: 'A strptime-like format (`%Y-%m-%d`).' },
  ],
  returns: 'string',
  doc: {
    category: 'time',
    summary: 'Formats a time as a string using a strptime-like format.',
    description:
      'Uses the directives of `Time` (translated to a Go layout). The time is shown in its own ' +
      'zone: times read from telemetry are UTC; `Time(…)` results keep the zone they were parsed in.',
    returns: 'string',
    failures: [
      'Empty `format` (`format cannot be nil`) or an unsupported directive fail when the statement is parsed.',
      '`time` is not a time (`expected time but got …`).',
    ],
    examples: [
      {
        code: 'FormatTime(Time("2023-05-01 14:03:04", "%Y-%m-%d %H:%M:%S", "UTC"), "%A, %B %d, %Y %r")',
        result: 'Monday, May 01, 2023 02:03:04 pm',
      },
      {
        code: 'FormatTime(Time("2023-05-26T12:34:56.789+02:00", "%Y-%m-%dT%H:%M:%S.%L%j"), "%d/%m/%Y %H:%M:%S.%L %z")',
        result: '26/05/2023 12:34:56.789 +0200',
      },
    ],
  },
  create(args) {
    const time = args[0] as Getter<OttlTime>;
    const format = args[1] as string;
    if (format === '') throw new OttlCreateError('format cannot be nil');
    let layout: string;
    try {
      layout = strptimeToGoLayout(format);
    } catch (e) {
      throw new OttlCreateError((e as Error).message);
    }
    return (ctx) => formatGoTime(time.get(ctx), layout);
  },
};
