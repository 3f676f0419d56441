/**
 * `ParseCEF(target)` (upstream transform processor `internal/logparsingfuncs/func_parse_cef.go`,
 * log context): parses an ArcSight Common Event Format event (anything before `CEF:`, such as a
 * syslog header, is skipped) into `cef.version`, `cef.device_vendor`, `cef.device_product`,
 * `cef.device_version`, `cef.device_event_class_id`, `cef.name`, `cef.severity` and a
 * `cef.extensions` map of string values, unescaping `\|`, `\\`, `\=`, `\n`, `\r` as CEF defines.
 */
import { PMap } from '@ottl/pdata';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';

const HEADER_FIELDS = 7;

/** The seven header fields (escapes kept) and the extension text, split on unescaped pipes. */
function splitHeader(message: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < message.length; i++) {
    const c = message[i]!;
    if (c === '\\' && (message[i + 1] === '|' || message[i + 1] === '\\')) {
      current += c + message[i + 1];
      i++;
      continue;
    }
    if (c === '|') {
      fields.push(current);
      current = '';
      if (fields.length === HEADER_FIELDS) {
        fields.push(message.slice(i + 1));
        return fields;
      }
      continue;
    }
    current += c;
  }
  fields.push(current);
  if (fields.length < HEADER_FIELDS) {
    throw new OttlError(
      `invalid CEF header: expected at least ${HEADER_FIELDS} pipe-delimited fields (CEF:Version, Device Vendor, ` +
        `Device Product, Device Version, Device Event Class ID, Name, Severity), got ${fields.length}`,
    );
  }
  return fields;
}

function unescapeHeader(s: string): string {
  return s.replace(/\\([|\\])/g, '$1');
}

function unescapeValue(s: string): string {
  return s.replace(/\\([\\=nr])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/** Length of a `key=` token (ASCII letters, digits, `_`) at `i`, or 0. */
function keyLength(ext: string, i: number): number {
  let j = i;
  while (j < ext.length && /[A-Za-z0-9_]/.test(ext[j]!)) j++;
  return j > i && ext[j] === '=' ? j - i : 0;
}

function parseExtensions(ext: string, into: PMap): void {
  let key: string | undefined;
  let valueStart = 0;
  for (let i = 0; i < ext.length; ) {
    if (i === 0 || ext[i - 1] === ' ') {
      const n = keyLength(ext, i);
      if (n > 0) {
        if (key !== undefined) into.set(key, unescapeValue(ext.slice(valueStart, i).replace(/ +$/, '')));
        key = ext.slice(i, i + n);
        valueStart = i + n + 1;
        i = valueStart;
        continue;
      }
    }
    i++;
  }
  if (key !== undefined) into.set(key, unescapeValue(ext.slice(valueStart).replace(/ +$/, '')));
}

/** Parses a CEF message; throws OttlError with upstream's wording. */
function parseCef(message: string): PMap {
  const start = message.indexOf('CEF:');
  if (start < 0) throw new OttlError("invalid CEF message: 'CEF:' not found");
  const fields = splitHeader(message.slice(start));
  const version = fields[0]!.slice(4);
  if (version === '') throw new OttlError('invalid CEF message: missing version');
  const out = new PMap();
  out.set('cef.version', version);
  const names = ['device_vendor', 'device_product', 'device_version', 'device_event_class_id', 'name', 'severity'];
  names.forEach((name, i) => out.set(`cef.${name}`, unescapeHeader(fields[i + 1]!)));
  const extensions = out.putEmptyMap('cef.extensions');
  const ext = fields[HEADER_FIELDS];
  if (ext !== undefined && ext !== '') parseExtensions(ext, extensions);
  return out;
}

export const definition: FunctionDef = {
  name: 'ParseCEF',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'A CEF event.' }],
  returns: 'map',
  contexts: ['log'],
  doc: {
    category: 'context',
    summary: 'Parses an ArcSight Common Event Format (CEF) event into a map (transform processor, log context).',
    description:
      'Header fields become `cef.version`, `cef.device_vendor`, `cef.device_product`, `cef.device_version`, ' +
      '`cef.device_event_class_id`, `cef.name` and `cef.severity`; extensions (`key=value` pairs whose values may ' +
      'hold spaces) go to the `cef.extensions` map as strings.',
    returns: 'map',
    failures: ['Empty input, no `CEF:` marker, a missing version or fewer than seven header fields.'],
    examples: [
      {
        code: 'set(log.attributes["cef"], ParseCEF(log.body)) where IsString(log.body)',
        note: 'log context; "CEF:0|Vendor|Product|1.0|100|Event|5|src=1.2.3.4 msg=a b" gives cef.extensions {src: "1.2.3.4", msg: "a b"}',
      },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    return (ctx) => {
      const text = target.get(ctx);
      if (text === '') throw new OttlError('cannot parse empty CEF message');
      return parseCef(text);
    };
  },
};
