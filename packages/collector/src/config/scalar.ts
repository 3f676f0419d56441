/**
 * Where each character of a YAML scalar's value sits in the YAML source, for plain, single-quoted,
 * double-quoted and block (`|`, `>`) scalars: escapes (`\"`, `\x41`, `''`), line folding, block
 * indentation and chomping are undone the way YAML 1.2 decodes them. The decoding is checked
 * against the value the `yaml` package produced; on a mismatch (a case these rules do not cover)
 * each character is aligned with the next equal source character instead, which keeps positions
 * close without ever leaving the scalar.
 */
import type { Scalar } from 'yaml';
import { tableOrigin, type TextOrigin } from './origin.js';

class Out {
  readonly chars: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  push(text: string, start: number, end: number): void {
    for (let k = 0; k < text.length; k++) {
      this.chars.push(text[k]!);
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  pop(n: number): void {
    this.chars.length -= n;
    this.starts.length -= n;
    this.ends.length -= n;
  }

  get value(): string {
    return this.chars.join('');
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function lineBreakLength(src: string, i: number): number {
  if (src[i] === '\n') return 1;
  if (src[i] === '\r') return src[i + 1] === '\n' ? 2 : 1;
  return 0;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** Plain and quoted scalars between `from` and `to` (quotes excluded). */
function decodeFlow(src: string, from: number, to: number, style: 'plain' | 'single' | 'double'): Out {
  const out = new Out();
  let trailingBlanks = 0;
  let i = from;
  while (i < to) {
    const c = src[i]!;
    const br = lineBreakLength(src, i);
    if (br > 0) {
      // Folding: blanks around the break go; one break is a space, n breaks are n-1 newlines.
      out.pop(trailingBlanks);
      trailingBlanks = 0;
      const breaks: number[] = [];
      let j = i;
      for (;;) {
        const b = lineBreakLength(src, j);
        if (b === 0 || j >= to) break;
        breaks.push(j);
        j += b;
        while (j < to && isBlank(src[j])) j++;
      }
      if (breaks.length === 1) out.push(' ', breaks[0]!, breaks[0]! + 1);
      else for (const b of breaks.slice(1)) out.push('\n', b, b + 1);
      i = j;
      continue;
    }
    if (style === 'double' && c === '\\') {
      const n = src[i + 1] ?? '';
      const nbr = lineBreakLength(src, i + 1);
      if (nbr > 0) {
        // An escaped line break joins the lines without a space.
        let j = i + 1 + nbr;
        while (j < to && isBlank(src[j])) j++;
        i = j;
        trailingBlanks = 0;
        continue;
      }
      const hex = HEX_ESCAPES[n];
      if (hex !== undefined) {
        const cp = parseInt(src.slice(i + 2, i + 2 + hex), 16);
        out.push(String.fromCodePoint(Number.isFinite(cp) ? cp : 0xfffd), i, i + 2 + hex);
        i += 2 + hex;
      } else {
        out.push(SIMPLE_ESCAPES[n] ?? n, i, i + 2);
        i += 2;
      }
      trailingBlanks = 0;
      continue;
    }
    if (style === 'single' && c === "'" && src[i + 1] === "'") {
      out.push("'", i, i + 2);
      i += 2;
      trailingBlanks = 0;
      continue;
    }
    out.push(c, i, i + 1);
    trailingBlanks = isBlank(c) ? trailingBlanks + 1 : 0;
    i++;
  }
  return out;
}

interface BlockLine {
  /** Offset of the first character after the indentation. */
  readonly start: number;
  readonly text: string;
  /** Offset of the line break ending the line, or -1 at the end of the source. */
  readonly breakAt: number;
  readonly empty: boolean;
}

/**
 * Block scalars: `from` is the header indicator (`|` or `>`), `to` the end of the content;
 * `parentIndent` (the CST token's indent) resolves an explicit indentation indicator (`|2`).
 */
function decodeBlock(src: string, from: number, to: number, parentIndent: number | undefined): Out | undefined {
  const folded = src[from] === '>';
  let h = from + 1;
  let chomp: 'clip' | 'strip' | 'keep' = 'clip';
  let explicit: number | undefined;
  while (h < to && /[-+0-9]/.test(src[h]!)) {
    if (src[h] === '-') chomp = 'strip';
    else if (src[h] === '+') chomp = 'keep';
    else if (parentIndent === undefined) return undefined;
    else explicit = parentIndent + Number(src[h]);
    h++;
  }
  const nl = src.indexOf('\n', h);
  if (nl < 0 || nl >= to) return new Out();
  const raw: { start: number; text: string; breakAt: number }[] = [];
  let p = nl + 1;
  while (p < to) {
    const e = src.indexOf('\n', p);
    const end = e < 0 || e >= to ? to : e;
    const text = src.slice(p, end).replace(/\r$/, '');
    raw.push({ start: p, text, breakAt: e < 0 || e >= to ? -1 : e });
    p = end + 1;
  }
  const firstContent = raw.find((l) => /[^ ]/.test(l.text));
  if (!firstContent) {
    // No content: empty, or (keep chomping) only the line breaks.
    const out = new Out();
    if (chomp === 'keep') for (const l of raw) if (l.breakAt >= 0) out.push('\n', l.breakAt, l.breakAt + 1);
    return out;
  }
  const indent = explicit ?? firstContent.text.length - firstContent.text.replace(/^ +/, '').length;
  const lines: BlockLine[] = raw.map((l) => {
    const empty = l.text.length <= indent && /^ *$/.test(l.text);
    return { start: l.start + Math.min(indent, l.text.length), text: l.text.slice(indent), breakAt: l.breakAt, empty };
  });
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.empty) last--;
  const out = new Out();
  const emitLine = (l: BlockLine) => {
    for (let k = 0; k < l.text.length; k++) out.push(l.text[k]!, l.start + k, l.start + k + 1);
  };
  const newline = (l: BlockLine) => out.push('\n', l.breakAt, l.breakAt + 1);
  let prev: BlockLine | undefined;
  let emptiesSincePrev: BlockLine[] = [];
  for (let k = 0; k <= last; k++) {
    const l = lines[k]!;
    if (l.empty) {
      emptiesSincePrev.push(l);
      continue;
    }
    if (prev === undefined) {
      for (const e of emptiesSincePrev) newline(e);
    } else if (folded && !isBlank(prev.text[0]) && !isBlank(l.text[0])) {
      if (emptiesSincePrev.length === 0) out.push(' ', prev.breakAt, prev.breakAt + 1);
      else for (const e of emptiesSincePrev) newline(e);
    } else {
      newline(prev);
      for (const e of emptiesSincePrev) newline(e);
    }
    emitLine(l);
    prev = l;
    emptiesSincePrev = [];
  }
  if (prev && prev.breakAt >= 0 && chomp !== 'strip') {
    newline(prev);
    if (chomp === 'keep') for (const e of lines.slice(last + 1)) if (e.breakAt >= 0) newline(e);
  }
  return out;
}

/** Aligns each character of `value` with the next equal character of the source (fallback). */
function align(value: string, src: string, from: number, to: number): Out {
  const out = new Out();
  let s = from;
  for (const ch of value) {
    let j = s;
    while (j < to && j - s < 16 && src.slice(j, j + ch.length) !== ch) j++;
    const at = j < to && src.slice(j, j + ch.length) === ch ? j : Math.min(s, Math.max(from, to - 1));
    out.push(ch, at, at + ch.length);
    s = Math.min(at + ch.length, to);
  }
  return out;
}

/**
 * Where the characters of a string scalar's value came from in `src` (the whole YAML text):
 * `exact` is false when the decoding rules did not reproduce the value and characters were
 * aligned instead.
 */
export function scalarMap(src: string, node: Scalar): { starts: number[]; ends: number[]; exact: boolean } {
  const value = String(node.value);
  const [from, to] = node.range ?? [0, 0];
  let out: Out | undefined;
  switch (node.type) {
    case 'QUOTE_DOUBLE':
      out = decodeFlow(src, from + 1, to - 1, 'double');
      break;
    case 'QUOTE_SINGLE':
      out = decodeFlow(src, from + 1, to - 1, 'single');
      break;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      out = decodeBlock(src, from, to, (node.srcToken as { indent?: number } | undefined)?.indent);
      break;
    default:
      out = decodeFlow(src, from, to, 'plain');
  }
  if (out && out.value === value) return { starts: out.starts, ends: out.ends, exact: true };
  const aligned = align(value, src, from, to);
  return { starts: aligned.starts, ends: aligned.ends, exact: false };
}

/** The origin of a string scalar's value in `src` (see {@link scalarMap}). */
export function scalarOrigin(src: string, node: Scalar): TextOrigin {
  const m = scalarMap(src, node);
  return tableOrigin(m.starts, m.ends);
}
