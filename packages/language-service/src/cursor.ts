/**
 * What the text before a cursor expects next. The text there is usually incomplete, so this reads
 * tokens, not the AST: a forward scan of the entry up to the cursor keeps a stack of open calls,
 * groups, lists, maps and keys, and the last token decides (after `(` or `,` of a call: an
 * argument; after `.`: a path segment; after `where`/`and`/`or`/`not`: a condition…).
 */
import { startsWithEditor, type DocumentModel } from './document.js';
import { isWord, lexTokens, type Token, type TokenKind } from './tokens.js';

/** The call whose parentheses hold the cursor, and where in its arguments the cursor is. */
export interface CallSite {
  readonly name: string;
  /** File offset of the function name. */
  readonly nameStart: number;
  /** 0-based index of the argument the cursor is in. */
  readonly argIndex: number;
  /** The argument's name when it is written `name = …`. */
  readonly argName?: string;
  /** Names of the named arguments before the cursor. */
  readonly named: readonly string[];
}

export type Expectation =
  /**
   * The start of a statement: editors; `keywords` may continue the previous statement instead;
   * `orValue`: a condition or value may start here too (`mixed` documents).
   */
  | { readonly kind: 'statement'; readonly keywords: readonly string[]; readonly firstInFile: boolean; readonly orValue: boolean }
  /**
   * A value. `bool`: a condition may start here (`not`). `argument`: the value is an argument of
   * that call. `compareTo`: the path names on the left of a comparison.
   */
  | { readonly kind: 'value'; readonly bool: boolean; readonly argument?: CallSite; readonly compareTo?: readonly string[] }
  /** The segment after `names.`. */
  | { readonly kind: 'segment'; readonly names: readonly string[] }
  /** A key after `names[`; `names` is absent when the keyed thing is no plain path. */
  | { readonly kind: 'key'; readonly names?: readonly string[] }
  /** Only these keywords fit (after a complete value). */
  | { readonly kind: 'keywords'; readonly keywords: readonly string[] }
  /** The name in a `context:` declaration. */
  | { readonly kind: 'context-name' }
  | { readonly kind: 'none' };

export interface CursorContext {
  readonly expect: Expectation;
  /** The text completion replaces: `[from, to)`, the word (or open string) being typed. */
  readonly from: number;
  readonly to: number;
  /** The innermost call around the cursor (for signature help), wherever in its arguments. */
  readonly call?: CallSite;
}

type MutableSite = { -readonly [K in keyof CallSite]: CallSite[K] } & { named: string[] };

type Frame =
  | { readonly kind: 'call'; readonly site: MutableSite }
  | { readonly kind: 'group'; readonly bool: boolean }
  | { readonly kind: 'list' }
  | { readonly kind: 'map' }
  | { readonly kind: 'key' };

interface ScanState {
  readonly frames: Frame[];
  readonly whereSeen: boolean;
  readonly editorClosed: boolean;
}

const CONTINUATION: ReadonlySet<TokenKind> = new Set(['and', 'or', 'not', 'comparison', 'math', '=', ',', '.', ':', 'arrow', '(', '[', '{']);
const IDENT = /[A-Za-z0-9_]/;

/** `conditions`: the entry is a condition (a boolean expression starts at its first token). */
function scan(tokens: readonly Token[], conditions: boolean): ScanState {
  const frames: Frame[] = [];
  let whereSeen = false;
  let editorClosed = false;
  const boolAt = (i: number): boolean => {
    const p = tokens[i - 1];
    if (p === undefined) return conditions;
    if (p.kind === 'and' || p.kind === 'or' || p.kind === 'not' || (isWord(p, 'where') && frames.length === 0)) return true;
    const top = frames[frames.length - 1];
    return p.kind === '(' && top?.kind === 'group' && top.bool;
  };
  tokens.forEach((t, i) => {
    const p = tokens[i - 1];
    const top = frames[frames.length - 1];
    switch (t.kind) {
      case '(':
        if (p?.kind === 'name' && !isWord(p, 'where')) {
          frames.push({ kind: 'call', site: { name: p.text, nameStart: p.start, argIndex: 0, named: [] } });
        } else {
          frames.push({ kind: 'group', bool: boolAt(i) });
        }
        return;
      case '[':
        frames.push(p !== undefined && (p.kind === 'name' || p.kind === ']' || p.kind === ')') ? { kind: 'key' } : { kind: 'list' });
        return;
      case '{':
        frames.push({ kind: 'map' });
        return;
      case ')':
      case ']':
      case '}': {
        const closed = frames.pop();
        if (closed?.kind === 'call' && frames.length === 0 && !whereSeen) editorClosed = true;
        return;
      }
      case ',':
        if (top?.kind === 'call') {
          top.site.argIndex++;
          delete top.site.argName;
        }
        return;
      case '=':
        if (top?.kind === 'call' && p?.kind === 'name') {
          top.site.argName = p.text;
          top.site.named.push(p.text);
        }
        return;
      case 'name':
        if (t.text === 'where' && frames.length === 0) whereSeen = true;
        return;
      default:
        return;
    }
  });
  return { frames, whereSeen, editorClosed };
}

/**
 * The path names ending at token `i` (`resource.attributes` → `["resource", "attributes"]`);
 * `keyed` when a segment carries keys. Undefined when the tokens there are no path.
 */
function chainEndingAt(tokens: readonly Token[], i: number): { names: string[]; keyed: boolean } | undefined {
  const names: string[] = [];
  let keyed = false;
  let j = i;
  for (;;) {
    let t = tokens[j];
    while (t?.kind === ']') {
      keyed = true;
      let depth = 0;
      for (; j >= 0; j--) {
        const k = tokens[j]!.kind;
        if (k === ']') depth++;
        else if (k === '[' && --depth === 0) break;
      }
      t = tokens[--j];
    }
    if (t?.kind !== 'name' || !/^[a-z_]/.test(t.text)) return undefined;
    names.unshift(t.text);
    if (tokens[j - 1]?.kind !== '.') break;
    j -= 2;
  }
  return { names, keyed };
}

/** The offset where the entry holding the cursor starts (see the kinds' line rules). */
function entryStart(model: DocumentModel, from: number): number {
  if (model.kind === 'statements') {
    let start = from;
    for (const e of model.entries) if (e.start <= from) start = e.start;
    return start;
  }
  const lineStart = model.code.lastIndexOf('\n', from - 1) + 1;
  if (!/[ \t]/.test(model.code.charAt(lineStart))) return lineStart;
  let start = lineStart;
  for (const e of model.entries) if (e.start < lineStart) start = e.start;
  return start;
}

function innermostCall(frames: readonly Frame[]): CallSite | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i]!;
    if (f.kind === 'call') return { ...f.site, named: [...f.site.named] };
  }
  return undefined;
}

/** What the cursor at `offset` expects, and the text a completion there replaces. */
export function cursorContext(model: DocumentModel, offset: number): CursorContext {
  const code = model.code;
  let from = offset;
  while (from > 0 && IDENT.test(code.charAt(from - 1))) from--;
  const at = (expect: Expectation, extra: Partial<CursorContext> = {}): CursorContext => ({ expect, from, to: offset, ...extra });
  if (from < offset && /[0-9]/.test(code.charAt(from))) return at({ kind: 'none' });

  const lineStart = code.lastIndexOf('\n', offset - 1) + 1;
  const start = entryStart(model, from);
  if (model.kind === 'statements' && /^\s*context\s*:\s*[a-z_]*$/.test(code.slice(lineStart, offset)) && !model.entries.some((e) => e.start < lineStart)) {
    return at({ kind: 'context-name' });
  }

  const tokens = lexTokens(code.slice(start, offset), start);
  const isStatement = model.kind === 'statements' || (model.kind === 'mixed' && startsWithEditor(code.slice(start, offset)));
  const isCondition = model.kind === 'conditions' || (model.kind === 'mixed' && !isStatement);
  const lastToken = tokens[tokens.length - 1];
  if (lastToken?.kind === 'string' && lastToken.open && lastToken.end === offset) {
    // Inside a string: only a key after `[` completes (with its quote).
    const before = tokens.slice(0, -1);
    const state = scan(before, isCondition);
    const top = state.frames[state.frames.length - 1];
    const call = innermostCall(state.frames);
    const ctx = (expect: Expectation): CursorContext => ({ expect, from: lastToken.start, to: offset, ...(call ? { call } : {}) });
    if (top?.kind !== 'key' || before[before.length - 1]?.kind !== '[') return ctx({ kind: 'none' });
    const chain = chainEndingAt(before, before.length - 2);
    return ctx(chain && !chain.keyed ? { kind: 'key', names: chain.names } : { kind: 'key' });
  }

  const before = tokens.filter((t) => t.end <= from);
  const state = scan(before, isCondition);
  const call = innermostCall(state.frames);
  const withCall = call ? { call } : {};
  const i = before.length - 1;
  const prev = before[i];
  const top = state.frames[state.frames.length - 1];
  const inBool = top?.kind === 'group' ? top.bool : state.frames.length === 0 && (state.whereSeen || isCondition);
  const afterValue: string[] =
    state.frames.length === 0 && isStatement && state.editorClosed && !state.whereSeen ? ['where'] : inBool ? ['and', 'or'] : [];

  if (prev === undefined) {
    if (model.kind === 'statements' || model.kind === 'mixed') {
      const firstInFile = model.kind === 'statements' && !model.entries.some((e) => e.start < from);
      return at({ kind: 'statement', keywords: [], firstInFile, orValue: model.kind === 'mixed' }, withCall);
    }
    return at({ kind: 'value', bool: isCondition }, withCall);
  }
  // A line that starts in column 1 starts a new statement unless the previous line asks for more.
  const newLine = code.slice(prev.end, from).includes('\n');
  if (model.kind === 'statements' && newLine && from === lineStart && !CONTINUATION.has(prev.kind) && !isWord(prev, 'where')) {
    return at({ kind: 'statement', keywords: afterValue, firstInFile: false, orValue: false });
  }

  const argument = top?.kind === 'call' ? { ...top.site, named: [...top.site.named] } : undefined;
  const value = (extra: { bool?: boolean; argument?: CallSite; compareTo?: readonly string[] } = {}): CursorContext =>
    at({ kind: 'value', bool: extra.bool ?? false, ...(extra.argument ? { argument: extra.argument } : {}), ...(extra.compareTo ? { compareTo: extra.compareTo } : {}) }, withCall);

  switch (prev.kind) {
    case '.': {
      const chain = chainEndingAt(before, i - 1);
      return at(chain && !chain.keyed ? { kind: 'segment', names: chain.names } : { kind: 'none' }, withCall);
    }
    case '[': {
      if (top?.kind !== 'key') return value();
      const chain = chainEndingAt(before, i - 1);
      return at(chain && !chain.keyed ? { kind: 'key', names: chain.names } : { kind: 'key' }, withCall);
    }
    case '(':
      if (argument) return value({ argument });
      return value({ bool: top?.kind === 'group' && top.bool });
    case ',':
      if (argument) return value({ argument });
      return top?.kind === 'list' ? value() : at({ kind: 'none' }, withCall);
    case '=':
      return argument ? value({ argument }) : value();
    case ':':
    case 'math':
    case 'arrow':
      return value();
    case 'and':
    case 'or':
    case 'not':
      return value({ bool: true });
    case 'comparison': {
      const chain = chainEndingAt(before, i - 1);
      return value(chain && !chain.keyed ? { compareTo: chain.names } : {});
    }
    case '{':
      return at({ kind: 'none' }, withCall);
    case 'name':
      if (isWord(prev, 'where') && state.frames.length === 0) return value({ bool: true });
      break;
    default:
      break;
  }
  return at({ kind: 'keywords', keywords: afterValue }, withCall);
}
