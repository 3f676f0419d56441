/**
 * Path rendering for accessors and messages: the canonical OTTL text (`log.attributes["k"][0]`)
 * and upstream's message form (`log.attributes[k][0]`: string keys unquoted, as upstream's
 * `buildOriginalText` prints them so messages match upstream's).
 */
import type { KeyNode, PathNode, PathSegmentNode, ValueNode } from '../language/ast.js';

function keyValueText(v: ValueNode, upstream: boolean): string {
  switch (v.kind) {
    case 'Literal':
      if (upstream && v.type === 'string') return v.value as string;
      if (upstream && v.type === 'float') return (v.value as number).toFixed(10);
      return v.raw;
    case 'Path':
      return upstream ? upstreamPathText(v) : canonicalPathText(v.context, v.segments);
    case 'Enum':
      return v.name;
    case 'Call':
      return upstream ? '' : `${v.name}(…)`;
    default:
      return upstream ? '' : '…';
  }
}

function segmentsText(segments: readonly PathSegmentNode[], upstream: boolean): string {
  let out = '';
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (i > 0) out += '.';
    out += s.name;
    for (const k of s.keys) out += '[' + keyValueText(k.value, upstream) + ']';
  }
  return out;
}

/** Upstream's text of a path in messages: string keys unquoted, expression keys mostly blank. */
export function upstreamPathText(path: PathNode): string {
  const rest = segmentsText(path.segments, true);
  return path.context ? (rest ? path.context + '.' + rest : path.context) : rest;
}

/** The canonical OTTL text of `prefix.segments` (keys as written; complex key expressions elided). */
export function canonicalPathText(prefix: string | undefined, segments: readonly PathSegmentNode[]): string {
  const rest = segmentsText(segments, false);
  return prefix ? (rest ? prefix + '.' + rest : prefix) : rest;
}

/** The literal value of a string or int literal key, else undefined. */
export function literalKeyValue(k: KeyNode): string | bigint | undefined {
  const v = k.value;
  if (v.kind === 'Literal' && (v.type === 'string' || v.type === 'int')) return v.value as string | bigint;
  return undefined;
}
