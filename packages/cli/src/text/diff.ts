/**
 * Line diffs (Myers' O(ND) algorithm) and their unified rendering with `-`/`+` lines and
 * `@@ -a,b +c,d @@` hunks, coloured red/green when the style says so. Used by `run --diff` and by
 * `test` to show expected versus actual output.
 */
import type { Style } from '@ottl/core';

export type DiffOp = { readonly op: ' ' | '-' | '+'; readonly line: string };

/** The shortest edit script turning `a` into `b`, as kept, removed and added lines in order. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  // Common prefix and suffix first: most diffs here are small changes in long texts.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const middle = myers(A, B);
  return [...a.slice(0, pre).map((line) => ({ op: ' ' as const, line })), ...middle, ...a.slice(a.length - suf).map((line) => ({ op: ' ' as const, line }))];
}

function myers(a: readonly string[], b: readonly string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v);
  // Walk back through the saved frontiers.
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ op: ' ', line: a[--x]! }) && y--;
    if (d > 0) {
      if (x === prevX) ops.push({ op: '+', line: b[--y]! });
      else ops.push({ op: '-', line: a[--x]! });
    }
  }
  while (x > 0 && y > 0) ops.push({ op: ' ', line: a[--x]! }) && y--;
  return ops.reverse();
}

export interface UnifiedOptions {
  readonly from: string;
  readonly to: string;
  readonly context?: number;
  readonly style?: Style;
}

/** `--- from` / `+++ to` and the hunks; empty when the texts are equal. */
export function unifiedDiff(a: string, b: string, options: UnifiedOptions): string {
  if (a === b) return '';
  const ops = diffLines(a.split('\n'), b.split('\n'));
  const context = options.context ?? 3;
  const style = options.style;
  const red = (s: string) => (style ? style.red(s) : s);
  const green = (s: string) => (style ? style.green(s) : s);
  const cyan = (s: string) => (style ? style.cyan(s) : s);
  const out = [style ? style.bold(`--- ${options.from}`) : `--- ${options.from}`, style ? style.bold(`+++ ${options.to}`) : `+++ ${options.to}`];
  // Positions (1-based) of each op in a and b.
  const pos: { a: number; b: number }[] = [];
  let ia = 1;
  let ib = 1;
  for (const o of ops) {
    pos.push({ a: ia, b: ib });
    if (o.op !== '+') ia++;
    if (o.op !== '-') ib++;
  }
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.op === ' ') {
      i++;
      continue;
    }
    // A hunk: changes joined when fewer than 2×context unchanged lines separate them.
    const start = Math.max(0, i - context);
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end]!.op !== ' ') end++;
      let gap = end;
      while (gap < ops.length && ops[gap]!.op === ' ') gap++;
      if (gap < ops.length && gap - end <= 2 * context) end = gap;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    const slice = ops.slice(start, end);
    const aLen = slice.filter((o) => o.op !== '+').length;
    const bLen = slice.filter((o) => o.op !== '-').length;
    const aStart = aLen === 0 ? pos[start]!.a - 1 : pos[start]!.a;
    const bStart = bLen === 0 ? pos[start]!.b - 1 : pos[start]!.b;
    out.push(cyan(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`));
    for (const o of slice) out.push(o.op === '-' ? red(`-${o.line}`) : o.op === '+' ? green(`+${o.line}`) : ` ${o.line}`);
    i = end;
  }
  return out.join('\n') + '\n';
}
