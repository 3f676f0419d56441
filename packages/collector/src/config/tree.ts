/**
 * The configuration as a located tree: every value remembers the file and range it came from, so
 * that a bad value found anywhere later (decoding, OTTL compilation, pipeline checks) can be quoted
 * with its YAML path and line:column. Loading = YAML parse → `${…}` expansion → merge of files.
 */
import { isMap, isScalar, isSeq, isAlias, parseDocument, type Node as YamlNode } from 'yaml';
import { ConfigIssues, lineStartsOf, positionAt, type ConfigSource, type Location } from './diagnostics.js';

export type Scalar = string | number | boolean | null;

export interface CfgScalar {
  readonly kind: 'scalar';
  readonly value: Scalar;
  readonly loc?: Location;
}
export interface CfgSeq {
  readonly kind: 'seq';
  readonly items: CfgNode[];
  readonly loc?: Location;
}
export interface CfgEntry {
  readonly key: string;
  readonly keyLoc?: Location;
  readonly node: CfgNode;
}
export interface CfgMap {
  readonly kind: 'map';
  readonly entries: Map<string, CfgEntry>;
  readonly loc?: Location;
}
export type CfgNode = CfgScalar | CfgSeq | CfgMap;

/** Reads environment variables for `${env:NAME}`; defaults to `process.env` where it exists. */
export type EnvLookup = (name: string) => string | undefined;

export const processEnv: EnvLookup = (name) => (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[name];

/** Parses one YAML source into a located tree (an empty document is an empty map). */
export function parseYamlSource(source: ConfigSource, issues: ConfigIssues, env: EnvLookup = processEnv): CfgMap {
  const starts = lineStartsOf(source.text);
  const locOf = (from: number, to: number): Location => ({
    source,
    range: { start: positionAt(source.text, from, starts), end: positionAt(source.text, to, starts) },
  });
  const doc = parseDocument(source.text, { uniqueKeys: true, prettyErrors: false, merge: true });
  for (const e of doc.errors) {
    issues.add('invalid-yaml', '', locOf(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)), e.message.split('\n')[0]!, { label: 'here' });
  }
  if (doc.errors.length > 0) return { kind: 'map', entries: new Map() };
  const convert = (n: unknown, path: string): CfgNode => {
    const node = n as YamlNode | null | undefined;
    const range = node?.range;
    const loc = range ? locOf(range[0], range[1]) : undefined;
    if (node === null || node === undefined) return { kind: 'scalar', value: null, ...(loc ? { loc } : {}) };
    if (isAlias(node)) return convert(node.resolve(doc), path);
    if (isMap(node)) {
      const entries = new Map<string, CfgEntry>();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const keyLoc = keyNode?.range ? locOf(keyNode.range[0], keyNode.range[1]) : undefined;
        const child = convert(pair.value, joinPath(path, key));
        // `key:` with nothing after it is located at the key.
        const located = child.loc ? child : { ...child, ...(keyLoc ? { loc: keyLoc } : {}) };
        entries.set(key, { key, ...(keyLoc ? { keyLoc } : {}), node: located });
      }
      return { kind: 'map', entries, ...(loc ? { loc } : {}) };
    }
    if (isSeq(node)) {
      return { kind: 'seq', items: node.items.map((it, i) => convert(it, `${path}[${i}]`)), ...(loc ? { loc } : {}) };
    }
    if (isScalar(node)) {
      const v = node.value;
      const plain = node.type === 'PLAIN';
      if (typeof v === 'string') return { kind: 'scalar', value: expand(v, plain, loc, path, issues, env), ...(loc ? { loc } : {}) };
      if (typeof v === 'bigint') return { kind: 'scalar', value: Number(v), ...(loc ? { loc } : {}) };
      if (v === null || typeof v === 'number' || typeof v === 'boolean') return { kind: 'scalar', value: v, ...(loc ? { loc } : {}) };
      return { kind: 'scalar', value: String(v), ...(loc ? { loc } : {}) };
    }
    return { kind: 'scalar', value: null, ...(loc ? { loc } : {}) };
  };
  const root = convert(doc.contents, '');
  if (root.kind === 'scalar' && root.value === null) return { kind: 'map', entries: new Map(), ...(root.loc ? { loc: root.loc } : {}) };
  if (root.kind !== 'map') {
    issues.add('config-error', '', root.loc, 'a collector configuration must be a mapping with receivers, processors, exporters and service');
    return { kind: 'map', entries: new Map() };
  }
  return root;
}

export function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

const REF = /\$\$|\$\{([^}]*)\}/g;

/**
 * Expands `${env:NAME}`, `${env:NAME:-default}` and `${NAME}` (the env scheme is the default) and
 * turns `$$` into `$`. A plain (unquoted) scalar that is exactly one reference takes the type the
 * variable's text has as a YAML scalar (`${env:PORT}` with PORT=4317 is a number), like the
 * Collector; anything else stays a string. Unset variables expand to the empty string.
 */
function expand(text: string, plain: boolean, loc: Location | undefined, path: string, issues: ConfigIssues, env: EnvLookup): Scalar {
  if (!text.includes('$')) return text;
  let whole: string | undefined;
  const out = text.replace(REF, (match, body: string | undefined, offset: number) => {
    if (match === '$$') return '$';
    const value = resolveRef(body!, loc, path, issues, env);
    if (offset === 0 && match.length === text.length) whole = value;
    return value;
  });
  if (whole !== undefined && plain) return typedScalar(whole);
  return out;
}

function resolveRef(body: string, loc: Location | undefined, path: string, issues: ConfigIssues, env: EnvLookup): string {
  let scheme = 'env';
  let rest = body;
  const colon = body.indexOf(':');
  if (colon >= 0 && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(body.slice(0, colon))) {
    scheme = body.slice(0, colon);
    rest = body.slice(colon + 1);
  }
  if (scheme !== 'env') {
    issues.add('config-error', path, loc, `unsupported config provider scheme "${scheme}" in \${${body}}`, {
      hint: 'only ${env:NAME} and ${env:NAME:-default} references are supported',
    });
    return '';
  }
  const dflt = rest.indexOf(':-');
  const name = dflt >= 0 ? rest.slice(0, dflt) : rest;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    issues.add('config-error', path, loc, `invalid environment variable name "${name}" in \${${body}}`);
    return '';
  }
  const value = env(name);
  if (value === undefined || (value === '' && dflt >= 0)) return dflt >= 0 ? rest.slice(dflt + 2) : '';
  return value;
}

function typedScalar(text: string): Scalar {
  if (text === '') return '';
  const doc = parseDocument(text);
  if (doc.errors.length === 0 && isScalar(doc.contents)) {
    const v = doc.contents.value;
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  }
  return text;
}

/**
 * Deep-merges configurations in order: maps merge key by key, later scalars and lists replace
 * earlier ones (the Collector's rule for several `--config` files).
 */
export function mergeTrees(trees: readonly CfgMap[]): CfgMap {
  const [first, ...rest] = trees;
  if (!first) return { kind: 'map', entries: new Map() };
  return rest.reduce(mergeMaps, first);
}

function mergeMaps(a: CfgMap, b: CfgMap): CfgMap {
  const entries = new Map(a.entries);
  for (const [k, eb] of b.entries) {
    const ea = entries.get(k);
    if (ea && ea.node.kind === 'map' && eb.node.kind === 'map') entries.set(k, { ...eb, node: mergeMaps(ea.node, eb.node) });
    else entries.set(k, eb);
  }
  return { kind: 'map', entries, ...(b.loc ?? a.loc ? { loc: (b.loc ?? a.loc)! } : {}) };
}

/** A tree without locations from plain JS (configs built in code); `undefined` entries are skipped. */
export function treeFromObject(value: unknown): CfgNode {
  if (Array.isArray(value)) return { kind: 'seq', items: value.map(treeFromObject) };
  if (value !== null && typeof value === 'object') {
    const entries = new Map<string, CfgEntry>();
    for (const [key, v] of Object.entries(value)) if (v !== undefined) entries.set(key, { key, node: treeFromObject(v) });
    return { kind: 'map', entries };
  }
  if (typeof value === 'bigint') return { kind: 'scalar', value: Number(value) };
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'scalar', value: value ?? null };
  }
  return { kind: 'scalar', value: String(value) };
}

/** The plain JS value of a tree (maps as objects). */
export function treeToObject(node: CfgNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(treeToObject);
  return Object.fromEntries([...node.entries.values()].map((e) => [e.key, treeToObject(e.node)]));
}

/** Loads and merges YAML sources; problems are added to `issues`. */
export function loadSources(sources: readonly ConfigSource[], issues: ConfigIssues, env: EnvLookup = processEnv): CfgMap {
  return mergeTrees(sources.map((s) => parseYamlSource(s, issues, env)));
}
