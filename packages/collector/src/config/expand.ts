/**
 * The Collector's expansion of configuration strings, keeping track of positions: `$$` is a
 * literal `$`, `${env:NAME}`, `${env:NAME:-default}` and `${NAME}` are replaced by the variable's
 * value (unset: empty, or the default). Other `${scheme:…}` references are not supported and are
 * reported. Each character of the result knows the characters of the input it came from, and
 * (through {@link expandScalar}) the place in the YAML file it was written.
 */
import type { Scalar } from 'yaml';
import { composeOrigin, fileOffsets, sliceOrigin, type TextOrigin } from './origin.js';
import { scalarOrigin } from './scalar.js';

/** Reads environment variables for `${env:NAME}`. */
export type EnvLookup = (name: string) => string | undefined;

export interface Expansion {
  readonly text: string;
  /** `[starts[i], ends[i])`: the input characters that produced character `i`. */
  readonly starts: number[];
  readonly ends: number[];
  /** True when at least one `${…}` reference was replaced. */
  readonly substituted: boolean;
  readonly problems: { readonly message: string; readonly hint?: string; readonly from: number; readonly to: number }[];
}

const REF = /\$\$|\$\{([^}]*)\}/g;

export function expandConfigText(value: string, env: EnvLookup): Expansion {
  const starts: number[] = [];
  const ends: number[] = [];
  const problems: Expansion['problems'][number][] = [];
  let text = '';
  let last = 0;
  let substituted = false;
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      starts.push(i);
      ends.push(i + 1);
    }
    text += value.slice(from, to);
  };
  for (const m of value.matchAll(REF)) {
    const at = m.index;
    copy(last, at);
    last = at + m[0].length;
    let replacement: string;
    if (m[0] === '$$') replacement = '$';
    else {
      substituted = true;
      replacement = resolve(m[1]!, at, last, env, problems);
    }
    for (let k = 0; k < replacement.length; k++) {
      starts.push(at);
      ends.push(last);
    }
    text += replacement;
  }
  copy(last, value.length);
  return { text, starts, ends, substituted, problems };
}

function resolve(body: string, from: number, to: number, env: EnvLookup, problems: Expansion['problems'][number][]): string {
  let rest = body;
  const colon = body.indexOf(':');
  if (colon >= 0 && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(body.slice(0, colon))) {
    const scheme = body.slice(0, colon);
    if (scheme !== 'env') {
      problems.push({ message: `unsupported config provider scheme "${scheme}" in \${${body}}`, hint: 'only ${env:NAME} and ${env:NAME:-default} references are supported', from, to });
      return '';
    }
    rest = body.slice(colon + 1);
  }
  const dflt = rest.indexOf(':-');
  const name = dflt >= 0 ? rest.slice(0, dflt) : rest;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    problems.push({ message: `invalid environment variable name "${name}" in \${${body}}`, from, to });
    return '';
  }
  const v = env(name);
  if (v === undefined || (v === '' && dflt >= 0)) return dflt >= 0 ? rest.slice(dflt + 2) : '';
  return v;
}

/** A YAML scalar's value after decoding and expansion, with file offsets for every character. */
export interface ExpandedScalar {
  readonly text: string;
  /** File offsets (in the YAML source) of each character of `text`. */
  readonly origin: TextOrigin;
  /** True when at least one `${…}` reference was replaced: the text is not what the file says. */
  readonly substituted: boolean;
  /** Unsupported or malformed references, as half-open file offsets of the reference. */
  readonly problems: { readonly message: string; readonly hint?: string; readonly from: number; readonly to: number }[];
}

/**
 * Expands the value of scalar `node` of the YAML text `src`. Positions go through the YAML
 * decoding (quotes, escapes, folding, block indentation) and then through the expansion, so a
 * range of the expanded text maps to the exact file range it was written at.
 */
export function expandScalar(src: string, node: Scalar, env: EnvLookup): ExpandedScalar {
  const raw = String(node.value);
  const decoded = typeof node.value === 'string' ? scalarOrigin(src, node) : sliceOrigin(node.range?.[0] ?? 0, raw.length);
  const exp = expandConfigText(raw, env);
  const problems = exp.problems.map((p) => {
    const [from, to] = fileOffsets(decoded, p.from, p.to);
    return { message: p.message, ...(p.hint !== undefined ? { hint: p.hint } : {}), from, to };
  });
  const origin = raw.includes('$') ? composeOrigin(decoded, exp.starts, exp.ends) : decoded;
  return { text: exp.text, origin, substituted: exp.substituted, problems };
}
