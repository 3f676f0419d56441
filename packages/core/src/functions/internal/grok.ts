/**
 * Grok expressions as elastic/go-grok compiles them: `%{SYNTAX}`, `%{SYNTAX:ID}` and
 * `%{SYNTAX:ID:TYPE}` references are expanded (recursively) into RE2 groups, then matched with
 * the linear-time RE2 engine.
 *
 * Callers may rely on:
 * - every reference becoming a named capture `ID` (or `SYNTAX` when there is no ID), except
 *   ID-less references when `namedCapturesOnly` is set, which become plain groups;
 * - a name used more than once keeping its last non-empty capture (Go's behaviour with duplicate
 *   group names); empty captures being left out;
 * - TYPE `int`/`long` giving ints, `float`/`double` floats, `bool`/`boolean` bools, `string` strings.
 */
import { OttlError, type Value } from '../../types/values.js';
import { parseGoBool, parseGoFloat, parseGoInt } from '../../types/convert.js';
import { compileRegex, type OttlRegex } from './regex.js';
import { GROK_PATTERNS } from './grokPatterns.js';

const REFERENCE = /%\{(\w+(?::[\w+.]+(?::\w+)?)?)\}/g;
const MAX_EXPANSION_ROUNDS = 1000;

export class GrokError extends Error {
  override readonly name = 'GrokError';
}

export interface CompiledGrok {
  /** Does the expression have at least one named capture? */
  readonly hasNamedCaptures: boolean;
  /** The named, non-empty captures of the leftmost match, typed by their hints; `{}` when none. */
  parse(text: string): Map<string, Value>;
}

/**
 * Compiles a grok expression. `definitions` add or override named patterns. Throws GrokError
 * for an unknown pattern or an expansion that is not valid RE2.
 */
export function compileGrok(
  pattern: string,
  namedCapturesOnly: boolean,
  definitions: ReadonlyMap<string, string> = new Map(),
): CompiledGrok {
  const lookup = (id: string): string | undefined =>
    definitions.get(id) ?? (Object.hasOwn(GROK_PATTERNS, id) ? GROK_PATTERNS[id] : undefined);
  // Generated group name → the capture name it reports.
  const captureNames = new Map<string, string>();
  const hints = new Map<string, string>();
  let expanded = pattern;
  for (let round = 0; round < MAX_EXPANSION_ROUNDS; round++) {
    let replaced = false;
    expanded = expanded.replace(REFERENCE, (_whole, inner: string) => {
      replaced = true;
      const parts = inner.split(':');
      const id = parts[0]!;
      const target = parts[1] ?? id;
      if (parts.length === 3) hints.set(target, parts[2]!);
      const definition = lookup(id);
      if (definition === undefined) throw new GrokError(`pattern definition ${JSON.stringify(id)} unknown: parsing failed`);
      if (namedCapturesOnly && parts.length === 1) return '(' + definition + ')';
      const group = `grok__${captureNames.size}`;
      captureNames.set(group, target);
      return `(?P<${group}>` + definition + ')';
    });
    if (!replaced) break;
  }
  let regex: OttlRegex;
  try {
    regex = compileRegex(expanded);
  } catch (e) {
    throw new GrokError((e as Error).message);
  }
  const names = regex.groupNames.map((n) => (n === '' ? '' : (captureNames.get(n) ?? n)));
  return {
    hasNamedCaptures: names.some((n) => n !== ''),
    parse(text) {
      const out = new Map<string, Value>();
      const m = regex.firstMatch(text);
      if (m === null) return out;
      for (let g = 1; g < names.length; g++) {
        const name = names[g]!;
        if (name === '' || m[2 * g]! < 0 || m[2 * g] === m[2 * g + 1]) continue;
        out.set(name, convert(text.slice(m[2 * g], m[2 * g + 1]), name, hints.get(name)));
      }
      return out;
    },
  };
}

function convert(text: string, name: string, hint: string | undefined): Value {
  switch (hint) {
    case undefined:
    case 'string':
      return text;
    case 'int':
    case 'long': {
      const n = parseGoInt(text);
      if (n === null) throw new OttlError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
      return n;
    }
    case 'float':
    case 'double':
      return parseGoFloat(text);
    case 'bool':
    case 'boolean':
      return parseGoBool(text);
    default:
      throw new OttlError(`invalid type for ${name}: type not specified`);
  }
}
