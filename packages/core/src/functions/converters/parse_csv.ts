import { PMap } from '@ottl/pdata';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlCreateError, OttlError } from '../../types/values.js';

interface CsvRecord {
  readonly fields: string[];
  readonly error?: string;
}

/**
 * Reads records the way Go's `encoding/csv` Reader does (RFC 4180 quoting, `""` inside quotes,
 * CRLF as LF, blank lines skipped, a quoted field may span lines). A record that fails to parse
 * keeps the fields read before the error, as Go returns them.
 */
function readRecords(input: string, comma: string, lazyQuotes: boolean): CsvRecord[] {
  const lines = input.split('\n');
  // Each line but the last had a '\n'; Go hands lines over with it (normalising "\r\n").
  const withNl = lines.map((l, i) => {
    if (i < lines.length - 1) return (l.endsWith('\r') ? l.slice(0, -1) : l) + '\n';
    return l.endsWith('\r') ? l.slice(0, -1) : l;
  });
  if (withNl[withNl.length - 1] === '') withNl.pop();
  const records: CsvRecord[] = [];
  let li = 0;
  let lineNo = 0;
  const nlLen = (s: string): number => (s.endsWith('\n') ? 1 : 0);
  while (li < withNl.length) {
    let line = withNl[li++]!;
    lineNo++;
    if (line === '\n') continue;
    const recLine = lineNo;
    const fields: string[] = [];
    let error: string | undefined;
    let col = 1;
    fields: for (;;) {
      if (line.length === 0 || line[0] !== '"') {
        const i = line.indexOf(comma);
        const field = i >= 0 ? line.slice(0, i) : line.slice(0, line.length - nlLen(line));
        if (!lazyQuotes) {
          const j = field.indexOf('"');
          if (j >= 0) {
            error = parseError(recLine, lineNo, col + j, 'bare " in non-quoted-field');
            break fields;
          }
        }
        fields.push(field);
        if (i >= 0) {
          line = line.slice(i + comma.length);
          col += i + comma.length;
          continue fields;
        }
        break fields;
      }
      // Quoted field.
      let field = '';
      line = line.slice(1);
      col += 1;
      for (;;) {
        const i = line.indexOf('"');
        if (i >= 0) {
          field += line.slice(0, i);
          line = line.slice(i + 1);
          col += i + 1;
          if (line.startsWith('"')) {
            field += '"';
            line = line.slice(1);
            col += 1;
          } else if (line.startsWith(comma)) {
            line = line.slice(comma.length);
            col += comma.length;
            fields.push(field);
            continue fields;
          } else if (line.length === nlLen(line)) {
            fields.push(field);
            break fields;
          } else if (lazyQuotes) {
            field += '"';
          } else {
            error = parseError(recLine, lineNo, col - 1, 'extraneous or missing " in quoted-field');
            break fields;
          }
        } else if (line.length > 0) {
          field += line;
          if (li >= withNl.length) {
            line = '';
            continue;
          }
          line = withNl[li++]!;
          lineNo++;
          col = 1;
        } else {
          if (!lazyQuotes) {
            error = parseError(recLine, lineNo, col, 'extraneous or missing " in quoted-field');
            break fields;
          }
          fields.push(field);
          break fields;
        }
      }
    }
    records.push(error === undefined ? { fields } : { fields, error });
  }
  return records;
}

function parseError(startLine: number, line: number, column: number, why: string): string {
  return startLine === line
    ? `parse error on line ${line}, column ${column}: ${why}`
    : `record on line ${startLine}; parse error on line ${line}, column ${column}: ${why}`;
}

/**
 * One CSV row that may hold newlines outside quotes: each record after the first continues the
 * last field of the one before (upstream `parseutils.ReadCSVRow`).
 */
function readRow(row: string, comma: string, lazyQuotes: boolean): string[] {
  const records = readRecords(row, comma, lazyQuotes);
  const joined: string[] = [];
  for (const record of records) {
    if (record.error !== undefined && record.fields.length === 0) throw new OttlError(`read csv line: ${record.error}`);
    if (joined.length === 0) {
      joined.push(...record.fields);
      continue;
    }
    joined[joined.length - 1] += '\n' + record.fields[0]!;
    joined.push(...record.fields.slice(1));
  }
  if (records.length === 0) throw new OttlError('no csv lines found');
  return joined;
}

function singleCharacter(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && Array.from(value).length !== 1) {
    throw new OttlCreateError(`invalid arguments: ${name} must be a single character`);
  }
  return value;
}

/** `ParseCSV(target, headers, Optional[delimiter], Optional[headerDelimiter], Optional[mode])` (ottlfuncs/func_parse_csv.go). */
export const definition: FunctionDef = {
  name: 'ParseCSV',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'one CSV row' },
    { name: 'headers', kind: { kind: 'getter', type: 'string' }, description: 'the header row naming the fields' },
    { name: 'delimiter', kind: { kind: 'literal', type: 'string' }, optional: true, default: '","', description: 'one character between fields' },
    {
      name: 'headerDelimiter',
      kind: { kind: 'literal', type: 'string' },
      optional: true,
      default: 'the delimiter',
      description: 'one character between header names',
    },
    {
      name: 'mode',
      kind: { kind: 'literal', type: 'string' },
      optional: true,
      default: '"strict"',
      description: '`strict`, `lazyQuotes` (quotes may appear inside unquoted fields) or `ignoreQuotes` (plain split)',
    },
  ],
  returns: 'map',
  doc: {
    category: 'parsing',
    summary: 'Parses one CSV row into a map from header names to field values.',
    description:
      'Leading and trailing newlines are ignored; a newline elsewhere belongs to the field it is in. ' +
      'Headers are split on `headerDelimiter` without quoting rules. A header repeated keeps the last value.',
    returns: 'map of strings',
    failures: [
      'a delimiter that is not one character, or an unknown mode (when the statement is parsed)',
      'empty headers, a malformed row, or a field count that differs from the header count',
    ],
    examples: [
      { code: 'ParseCSV("999-999-9999,Joe Smith,joe.smith@example.com", "phone,name,email")', result: { phone: '999-999-9999', name: 'Joe Smith', email: 'joe.smith@example.com' } },
      { code: 'ParseCSV("a|\\"b|c\\"", "x,y", delimiter="|", headerDelimiter=",")', result: { x: 'a', y: 'b|c' } },
      { code: 'ParseCSV("a,\\"b", "x,y", mode="ignoreQuotes")', result: { x: 'a', y: '"b' } },
      { code: 'ParseCSV("1,2,3", "a,b")', error: 'wrong number of fields: expected 2, found 3' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const headers = args[1] as Getter<string>;
    const delimiter = singleCharacter('delimiter', args[2] as string | undefined) ?? ',';
    const headerDelimiter = singleCharacter('header_delimiter', args[3] as string | undefined) ?? delimiter;
    const mode = (args[4] as string | undefined) ?? 'strict';
    if (mode !== 'strict' && mode !== 'lazyQuotes' && mode !== 'ignoreQuotes') {
      throw new OttlCreateError(`unknown mode: ${mode}`);
    }
    const parseRow =
      mode === 'ignoreQuotes'
        ? (row: string) => row.split(delimiter)
        : (row: string) => readRow(row, delimiter, mode === 'lazyQuotes');
    return (ctx) => {
      const row = target.get(ctx);
      const headerText = headers.get(ctx);
      if (headerText === '') throw new OttlError('headers must not be an empty string');
      const names = headerText.split(headerDelimiter);
      const fields = parseRow(row);
      if (fields.length !== names.length) {
        throw new OttlError(`map csv headers: wrong number of fields: expected ${names.length}, found ${fields.length}`);
      }
      const out = new PMap();
      names.forEach((name, i) => out.set(name, fields[i]!));
      return out;
    };
  },
};
