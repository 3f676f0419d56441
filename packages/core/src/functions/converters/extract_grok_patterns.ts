import { PMap } from '@ottl/pdata';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlCreateError } from '../../types/values.js';
import { compileGrok, type CompiledGrok } from '../internal/grok.js';

/** Upstream quotes at most 20 characters of a malformed definition. */
function shorten(s: string): string {
  return s.length > 20 ? s.slice(0, 17) + '...' : s;
}

function parseDefinitions(list: readonly string[]): Map<string, string> {
  const definitions = new Map<string, string>();
  list.forEach((entry, i) => {
    const eq = entry.indexOf('=');
    if (eq < 0) {
      throw new OttlCreateError(
        `pattern ${JSON.stringify(shorten(entry))} supplied to ExtractGrokPatterns at index ${i} has incorrect format, expecting PATTERNNAME=pattern definition`,
      );
    }
    const name = entry.slice(0, eq);
    if (name.includes(':')) throw new OttlCreateError(`pattern ID ${JSON.stringify(name)} should not contain ':'`);
    definitions.set(name, entry.slice(eq + 1));
  });
  return definitions;
}

/** `ExtractGrokPatterns(target, pattern, Optional[namedCapturesOnly], Optional[patternDefinitions])` (ottlfuncs/func_extract_grok_patterns.go). */
export const definition: FunctionDef = {
  name: 'ExtractGrokPatterns',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'the string to parse' },
    { name: 'pattern', kind: { kind: 'getter', type: 'string' }, description: 'a grok expression (RE2 with `%{NAME:id:type}` references); a literal is compiled when the statement is, an expression on every call' },
    {
      name: 'namedCapturesOnly',
      kind: { kind: 'literal', type: 'bool' },
      optional: true,
      default: 'false',
      description: 'return only captures given an id (`%{NAME:id}`) or named explicitly',
    },
    {
      name: 'patternDefinitions',
      kind: { kind: 'literalList', type: 'string' },
      optional: true,
      description: 'extra patterns as `NAME=definition`, usable in `pattern` and in each other',
    },
  ],
  returns: 'map',
  doc: {
    category: 'parsing',
    summary: 'Parses a string with a grok expression into a map of its captures.',
    description:
      'The complete elastic/go-grok pattern library is available (`WORD`, `NUMBER`, `IPORHOST`, `URI`, ' +
      '`TIMESTAMP_ISO8601`, `DATESTAMP`, `LOGLEVEL`, `HTTPD_COMMONLOG`, `ELB_URI`…). `%{SYNTAX:id:type}` ' +
      'converts the capture: `int`/`long` to int, `float`/`double` to float, `bool`/`boolean` to bool. ' +
      'Without `namedCapturesOnly`, every reference — nested ones too — is reported under its pattern ' +
      'name. Empty captures are left out; no match gives an empty map.',
    returns: 'map',
    failures: [
      'an unknown pattern, invalid RE2, or a malformed definition (when the statement is parsed)',
      'namedCapturesOnly is true and the expression names no capture',
      'a typed capture cannot be converted',
      'target is not a string',
    ],
    examples: [
      {
        code: 'ExtractGrokPatterns("2024-06-18 12:34:56 UTC johndoe 67890", "%{DATESTAMP:timestamp} %{TZ:tz} %{DATA:user} %{POSINT:pid:int}", true)',
        result: { timestamp: '24-06-18 12:34:56', tz: 'UTC', user: 'johndoe', pid: 67890 },
      },
      {
        code: 'ExtractGrokPatterns("smith:pass123:1001", "%{USERNAME:user.name}:%{PASSWORD:user.password}:%{GREEDYDATA}", true, ["PASSWORD=%{WORD}"])',
        result: { 'user.name': 'smith', 'user.password': 'pass123' },
      },
      { code: 'ExtractGrokPatterns("x", "%{NOPE}")', error: 'pattern definition "NOPE" unknown' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const pattern = args[1] as Getter<string>;
    const namedCapturesOnly = (args[2] as boolean | undefined) ?? false;
    const definitions = parseDefinitions((args[3] as readonly string[] | undefined) ?? []);
    const compile = (text: string): CompiledGrok => {
      let grok: CompiledGrok;
      try {
        grok = compileGrok(text, namedCapturesOnly, definitions);
      } catch (e) {
        throw new OttlCreateError(`the pattern supplied to ExtractGrokPatterns is not a valid pattern: ${(e as Error).message}`, 'invalid-regex');
      }
      if (namedCapturesOnly && !grok.hasNamedCaptures) {
        throw new OttlCreateError('at least 1 named capture group must be supplied in the given regex');
      }
      return grok;
    };
    const fixed = pattern.literal !== undefined ? compile(pattern.literal.value) : undefined;
    // A computed pattern is compiled on every call, except when it repeats the previous one.
    let lastText: string | undefined;
    let last: CompiledGrok | undefined;
    return (ctx) => {
      let grok = fixed;
      if (grok === undefined) {
        const text = pattern.get(ctx);
        if (text !== lastText || last === undefined) {
          last = compile(text);
          lastText = text;
        }
        grok = last;
      }
      const out = new PMap();
      for (const [k, v] of grok.parse(target.get(ctx))) out.set(k, v as never);
      return out;
    };
  },
};
