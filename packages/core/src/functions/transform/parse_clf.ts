/**
 * `ParseCLF(target, format?)` (upstream transform processor
 * `internal/logparsingfuncs/func_parse_clf.go`, log context): parses an access log line in the
 * Common Log Format (`clf`, default) or the NCSA Combined format (`combined`) into a map.
 */
import { PMap } from '@ottl/pdata';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlCreateError, OttlError } from '../../types/values.js';
import { parseGoInt } from '../../types/convert.js';

const NS = '[^\\t\\n\\f\\r ]+';
const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';
const CLF = new RegExp(`^(${NS}) (${NS}) (${NS}) \\[([^\\]]+)\\] ${QUOTED} (${NS}) (${NS})$`);
const COMBINED = new RegExp(`^(${NS}) (${NS}) (${NS}) \\[([^\\]]+)\\] ${QUOTED} (${NS}) (${NS}) ${QUOTED} ${QUOTED}$`);

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v' };

/** Reverses Apache mod_log_config escaping (`\"`, `\\`, `\n`…, `\xhh`); unknown escapes stay. */
function unescape(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|.)/g, (m, e: string) => {
    if (e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ESCAPES[e] ?? m;
  });
}

function intField(what: string, text: string): bigint {
  const n = parseGoInt(text);
  if (n === null) {
    const reason = /^[+-]?[0-9]+$/.test(text) ? 'value out of range' : 'invalid syntax';
    throw new OttlError(`invalid ${what} ${JSON.stringify(text)}: strconv.ParseInt: parsing ${JSON.stringify(text)}: ${reason}`);
  }
  return n;
}

/** Parses one CLF or combined line; throws OttlError with upstream's wording. */
function parseClf(message: string, format: 'clf' | 'combined'): PMap {
  const m = (format === 'combined' ? COMBINED : CLF).exec(message.trim());
  if (m === null) throw new OttlError(`invalid CLF message: does not match expected "${format}" format`);
  const out = new PMap();
  out.set('remote_host', m[1]!);
  out.set('rfc931', m[2]!);
  out.set('authuser', m[3]!);
  out.set('timestamp', m[4]!);
  const request = unescape(m[5]!);
  out.set('request', request);
  const parts = request.split(' ');
  if (parts.length >= 3) {
    out.set('method', parts[0]!);
    out.set('request_uri', parts[1]!);
    out.set('protocol', parts.slice(2).join(' '));
  }
  out.set('status', intField('status code', m[6]!));
  if (m[7] !== '-') out.set('bytes', intField('bytes value', m[7]!));
  if (format === 'combined') {
    out.set('referer', unescape(m[8]!));
    out.set('user_agent', unescape(m[9]!));
  }
  return out;
}

export const definition: FunctionDef = {
  name: 'ParseCLF',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'An access log line.' },
    {
      name: 'format',
      kind: { kind: 'literal', type: 'string' },
      optional: true,
      default: '`clf`',
      description: '`clf` (Common Log Format) or `combined` (NCSA Combined).',
    },
  ],
  returns: 'map',
  contexts: ['log'],
  doc: {
    category: 'context',
    summary: 'Parses a Common Log Format or NCSA Combined access log line into a map (transform processor, log context).',
    description:
      'Keys: `remote_host`, `rfc931`, `authuser`, `timestamp`, `request` (with `method`, `request_uri` and ' +
      '`protocol` when it has three parts), `status` (int), `bytes` (int, absent for `-`) and, for `combined`, ' +
      '`referer` and `user_agent`. Quoted fields are unescaped as Apache writes them.',
    returns: 'map',
    failures: [
      'A `format` other than `clf` or `combined` fails when the statement is parsed.',
      'Empty input or a line that does not match: `invalid CLF message: does not match expected "clf" format`.',
    ],
    examples: [
      {
        code: 'set(log.attributes["http"], ParseCLF(log.body, "combined")) where IsString(log.body)',
        note: 'log context; `127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 42` with format `clf` gives method "GET", status 200, bytes 42',
      },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const format = (args[1] as string | undefined) ?? 'clf';
    if (format !== 'clf' && format !== 'combined') {
      throw new OttlCreateError(`invalid format "${format}": must be "clf" or "combined"`);
    }
    return (ctx) => {
      const text = target.get(ctx);
      if (text === '') throw new OttlError('cannot parse empty CLF message');
      return parseClf(text, format);
    };
  },
};
