/**
 * The configuration as a located tree: every value remembers the file and range it came from, so
 * that a bad value found anywhere later (decoding, OTTL compilation, pipeline checks) can be quoted
 * with its YAML path and line:column. Loading = YAML parse → `${…}` expansion → merge of files.
 */
import { isMap, isScalar, isSeq, isAlias, parseDocument, type Node as YamlNode } from 'yaml';
import { LineIndex } from '@ottl/core';
import { ConfigIssues, type ConfigSource, type Location } from './diagnostics.js';
import { expandScalar, type EnvLookup } from './expand.js';
import type { TextOrigin } from './origin.js';

export type Scalar = string | number | boolean | null;

export interface CfgScalar {
  readonly kind: 'scalar';
  readonly value: Scalar;
  readonly loc?: Location;
  /** String values read from YAML: where each character of `value` was written in the file. */
  readonly origin?: TextOrigin;
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

export type { EnvLookup };

/** Reads environment variables from `process.env` where it exists (the default {@link EnvLookup}). */
export const processEnv: EnvLookup = (name) => (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[name];

/** Parses one YAML source into a located tree (an empty document is an empty map). */
export function parseYamlSource(source: ConfigSource, issues: ConfigIssues, env: EnvLookup = processEnv): CfgMap {
  const lines = new LineIndex(source.text);
  const locOf = (from: number, to: number): Location => ({ source, range: lines.range(from, to) });
  // Source tokens give block scalars' indentation, for exact positions inside them.
  const doc = parseDocument(source.text, { uniqueKeys: true, prettyErrors: false, merge: true, keepSourceTokens: true });
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
      if (typeof v === 'string') {
        const exp = expandScalar(source.text, node, env);
        for (const p of exp.problems) issues.add('config-error', path, locOf(p.from, p.to), p.message, { label: 'unsupported reference', ...(p.hint !== undefined ? { hint: p.hint } : {}) });
        // A plain scalar that is exactly one reference takes the type its text has as a YAML
        // scalar (`${env:PORT}` with PORT=4317 is a number), like the Collector.
        const value = plain && WHOLE_REF.test(v) ? typedScalar(exp.text) : exp.text;
        return { kind: 'scalar', value, ...(loc ? { loc } : {}), ...(typeof value === 'string' ? { origin: exp.origin } : {}) };
      }
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

const WHOLE_REF = /^\$\{[^}]*\}$/;

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
