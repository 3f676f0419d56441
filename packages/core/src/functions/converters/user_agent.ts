import { PMap } from '@ottl/pdata';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { compileRegex, type OttlRegex } from '../internal/regex.js';
import { OS_PARSERS, USER_AGENT_PARSERS } from '../generated/uapRegexes.js';

interface Parsed {
  readonly name: string;
  readonly version: string;
  readonly osName: string;
  readonly osVersion: string;
}

type Compiled = readonly [OttlRegex, ...string[]];
let compiled: { ua: Compiled[]; os: Compiled[] } | undefined;

/** The uap-core parsers, compiled on first use (several hundred RE2 programs). */
function parsers(): { ua: Compiled[]; os: Compiled[] } {
  compiled ??= {
    ua: USER_AGENT_PARSERS.map(([re, ...templates]) => [compileRegex(re), ...templates] as const),
    os: OS_PARSERS.map(([re, ...templates]) => [compileRegex(re), ...templates] as const),
  };
  return compiled;
}

/**
 * uap-go's lookup: the first parser whose expanded family is non-empty wins; fields expanded by
 * earlier parsers that matched with an empty family stay set (as uap-go leaves them); no match is
 * family `Other`.
 */
function lookup(list: readonly Compiled[], s: string): string[] {
  let fields: string[] = [];
  for (const [re, ...templates] of list) {
    const m = re.firstMatch(s);
    if (m === null) continue;
    fields = templates.map((t) => re.expand(t, s, m));
    if (fields[0] !== '') return fields;
  }
  return ['Other', ...fields.slice(1)];
}

/** Go's `ToVersionString`: the non-empty parts joined by dots. */
function versionString(parts: readonly (string | undefined)[]): string {
  let v = parts[0] ?? '';
  for (const p of parts.slice(1)) if (p) v += '.' + p;
  return v;
}

const CACHE_SIZE = 1024;
const cache = new Map<string, Parsed>();

function parse(s: string): Parsed {
  const hit = cache.get(s);
  if (hit) return hit;
  const { ua, os } = parsers();
  const [name, ...uaVersion] = lookup(ua, s);
  const [osName, ...osVersion] = lookup(os, s);
  const parsed = { name: name!, version: versionString(uaVersion), osName: osName!, osVersion: versionString(osVersion) };
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(s, parsed);
  return parsed;
}

/** `UserAgent(value)` (ottlfuncs/func_useragent.go). */
export const definition: FunctionDef = {
  name: 'UserAgent',
  params: [{ name: 'value', kind: { kind: 'getter', type: 'string' }, description: 'a User-Agent header value' }],
  returns: 'map',
  doc: {
    category: 'parsing',
    summary: 'Parses a User-Agent string into `user_agent.*` and `os.*` attributes.',
    description:
      'Uses the uap-core regular expressions (as upstream\'s uap-go does): `user_agent.name` (`Other` ' +
      'when unknown), `user_agent.version` (major.minor.patch, `""` when unknown), ' +
      '`user_agent.original`, `os.name` and `os.version` (left out when empty).',
    returns: 'map',
    failures: ['value is not a string'],
    examples: [
      {
        code: 'UserAgent("curl/7.81.0")',
        result: { 'user_agent.name': 'curl', 'user_agent.original': 'curl/7.81.0', 'user_agent.version': '7.81.0', 'os.name': 'Other' },
      },
      {
        code: 'UserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36 Edg/91.0.864.59")',
        result: {
          'user_agent.name': 'Edge',
          'user_agent.original':
            'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36 Edg/91.0.864.59',
          'user_agent.version': '91.0.864',
          'os.name': 'Windows',
          'os.version': '10',
        },
      },
    ],
  },
  create(args) {
    const value = args[0] as Getter<string>;
    return (ctx) => {
      const s = value.get(ctx);
      const p = parse(s);
      const out = new PMap();
      out.set('user_agent.name', p.name);
      out.set('user_agent.original', s);
      out.set('user_agent.version', p.version);
      if (p.osName !== '') out.set('os.name', p.osName);
      if (p.osVersion !== '') out.set('os.version', p.osVersion);
      return out;
    };
  },
};
