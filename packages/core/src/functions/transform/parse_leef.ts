/**
 * `ParseLEEF(target)` (upstream transform processor `internal/logparsingfuncs/func_parse_leef.go`,
 * log context): parses an IBM LEEF 1.0 or 2.0 event (anything before `LEEF:`, such as a syslog
 * header, is skipped) into `{version, vendor, product_name, product_version, event_id,
 * attributes}`. Attribute values stay strings.
 */
import { PMap } from '@ottl/pdata';
import { splitN } from '../internal/logParsing.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';

function delimiterOf(spec: string): string {
  if (spec === '') return '\t';
  if (/^0x/i.test(spec)) {
    const hex = spec.slice(2);
    if (hex === '') throw new OttlError('invalid LEEF 2.0 delimiter: empty hex value');
    if (!/^([0-9a-fA-F]{2})+$/.test(hex)) throw new OttlError(`invalid LEEF 2.0 delimiter: invalid hex delimiter "${spec}"`);
    if (hex.length !== 2) {
      throw new OttlError(`invalid LEEF 2.0 delimiter: hex delimiter must decode to a single byte, got ${hex.length / 2} bytes`);
    }
    return String.fromCharCode(parseInt(hex, 16));
  }
  return spec;
}

/** Parses a LEEF message; throws OttlError with upstream's wording. */
function parseLeef(message: string): PMap {
  const start = message.indexOf('LEEF:');
  if (start < 0) throw new OttlError("invalid LEEF message: 'LEEF:' not found");
  const leef = message.slice(start);
  const pipe = leef.indexOf('|');
  if (pipe < 0) throw new OttlError('invalid LEEF message: missing pipe delimiter in header');
  const version = leef.slice(5, pipe);
  if (version !== '1.0' && version !== '2.0') {
    throw new OttlError(`unsupported LEEF version: ${version} (supported: 1.0, 2.0)`);
  }
  const rest = leef.slice(pipe + 1);
  const v2 = version === '2.0';
  const parts = splitN(rest, '|', v2 ? 6 : 5);
  const minimum = v2 ? 5 : 4;
  if (parts.length < minimum) {
    throw new OttlError(
      v2
        ? `invalid LEEF 2.0 header: expected at least 5 fields (vendor, product, version, eventID, delimiter), got ${parts.length}`
        : `invalid LEEF 1.0 header: expected at least 4 fields (vendor, product, version, eventID), got ${parts.length}`,
    );
  }
  const delimiter = v2 ? delimiterOf(parts[4]!) : '\t';
  const attributes = parts[v2 ? 5 : 4] ?? '';
  const out = new PMap();
  out.set('version', version);
  out.set('vendor', parts[0]!);
  out.set('product_name', parts[1]!);
  out.set('product_version', parts[2]!);
  out.set('event_id', parts[3]!);
  const attrs = out.putEmptyMap('attributes');
  if (attributes !== '') {
    for (const raw of attributes.split(delimiter)) {
      const pair = raw.trim();
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      attrs.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  return out;
}

export const definition: FunctionDef = {
  name: 'ParseLEEF',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'A LEEF event.' }],
  returns: 'map',
  contexts: ['log'],
  doc: {
    category: 'context',
    summary: 'Parses an IBM LEEF 1.0/2.0 event into a map (transform processor, log context).',
    description:
      'Keys: `version`, `vendor`, `product_name`, `product_version`, `event_id`, `attributes`. LEEF 1.0 ' +
      'separates attributes with tabs; LEEF 2.0 names its delimiter (a character or `0x` hex byte; tab when empty).',
    returns: 'map',
    failures: ['Empty input, no `LEEF:` marker, an unsupported version or a short header.'],
    examples: [
      {
        code: 'set(log.attributes["leef"], ParseLEEF(log.body)) where IsString(log.body)',
        note: 'log context; "LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^sev=5" gives {version: "2.0", vendor: "Lancope", …, attributes: {src: "10.0.1.8", sev: "5"}}',
      },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    return (ctx) => {
      const text = target.get(ctx);
      if (text === '') throw new OttlError('cannot parse empty LEEF message');
      return parseLeef(text);
    };
  },
};
