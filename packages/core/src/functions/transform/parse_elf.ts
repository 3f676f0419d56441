/**
 * `ParseELF(target)` (upstream transform processor `internal/logparsingfuncs/func_parse_elf.go`,
 * log context): parses a W3C Extended Log Format block (directives and data lines) into
 * `{version, software?, date?, start_date?, end_date?, remark?, fields, entries}`; each entry maps
 * the field names in force for its line to its values (`-` for missing trailing values).
 */
import { PMap } from '@ottl/pdata';
import { isUnicodeSpace } from '../internal/logParsing.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';

/** Splits a data line on whitespace; `"…"` quotes a value, `""` inside is a quote. */
function dataValues(line: string): string[] {
  const chars = [...line];
  const values: string[] = [];
  let i = 0;
  while (i < chars.length) {
    while (i < chars.length && isUnicodeSpace(chars[i]!)) i++;
    if (i >= chars.length) break;
    if (chars[i] === '"') {
      i++;
      let value = '';
      let closed = false;
      while (i < chars.length) {
        if (chars[i] === '"') {
          if (chars[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        value += chars[i++];
      }
      if (!closed) throw new OttlError(`invalid ELF: unterminated quoted value in data line: ${JSON.stringify(line)}`);
      values.push(value);
    } else {
      let value = '';
      while (i < chars.length && !isUnicodeSpace(chars[i]!)) value += chars[i++];
      values.push(value);
    }
  }
  return values;
}

const META: Readonly<Record<string, string>> = {
  version: 'version',
  software: 'software',
  date: 'date',
  'start-date': 'start_date',
  'end-date': 'end_date',
  remark: 'remark',
};

/** Parses an ELF block; throws OttlError with upstream's wording. */
function parseElf(input: string): PMap {
  const meta = new Map<string, string>();
  let current: string[] = [];
  let last: string[] = [];
  const entries: [string[], string[]][] = [];
  for (const raw of input.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const colon = line.indexOf(':');
      if (colon < 0) {
        if (line.slice(1).trim().startsWith('Fields')) {
          throw new OttlError(
            `invalid ELF: malformed #Fields directive ${JSON.stringify(line)}: directive ${JSON.stringify(line)} has no colon separator`,
          );
        }
        continue;
      }
      const key = line.slice(1, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === 'fields') {
        current = value.split(/\s+/).filter((f) => f !== '');
        last = current;
      } else if (META[key] !== undefined) meta.set(META[key]!, value);
      continue;
    }
    if (current.length === 0) throw new OttlError('invalid ELF: data entry found before #Fields directive');
    entries.push([current, dataValues(line)]);
  }
  if (!meta.get('version')) throw new OttlError('invalid ELF: missing #Version directive');
  const out = new PMap();
  for (const key of ['version', 'software', 'date', 'start_date', 'end_date', 'remark']) {
    const v = meta.get(key);
    if (v !== undefined && v !== '') out.set(key, v);
  }
  out.putEmptySlice('fields').append(...last);
  const list = out.putEmptySlice('entries');
  for (const [fields, values] of entries) {
    const m = list.appendEmptyMap();
    fields.forEach((f, i) => m.set(f, values[i] ?? '-'));
  }
  return out;
}

export const definition: FunctionDef = {
  name: 'ParseELF',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'A W3C Extended Log Format block.' }],
  returns: 'map',
  contexts: ['log'],
  doc: {
    category: 'context',
    summary: 'Parses a W3C Extended Log Format block into directives, field names and entries (transform processor, log context).',
    description:
      '`#Version` is required and `#Fields` must come before data lines; several `#Fields` directives apply to the ' +
      'lines after them. Values are strings; quoted values may contain spaces.',
    returns: 'map',
    failures: ['Empty input, a missing `#Version`, data before `#Fields`, a malformed `#Fields` or an unterminated quote.'],
    examples: [
      {
        code: 'set(log.attributes["elf"], ParseELF(log.body)) where IsString(log.body)',
        note: 'log context; "#Version: 1.0\\n#Fields: date cs-method\\n2024-01-01 GET" gives entries [{date: "2024-01-01", cs-method: "GET"}]',
      },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    return (ctx) => {
      const text = target.get(ctx);
      if (text === '') throw new OttlError('cannot parse empty ELF message');
      return parseElf(text);
    };
  },
};
