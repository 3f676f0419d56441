/**
 * Splits a stream of OTLP/JSON text into pieces small enough to process one at a time: the input
 * is a sequence of requests (one document, JSON lines, or documents one after another), and each
 * element of a request's `resourceLogs` / `resourceSpans` / `resourceMetrics` array is handed out
 * as soon as it is complete. Only the element being read is held in memory, never the request.
 * A profiles request (whose resources share one `dictionary`) is handed out whole.
 *
 * The splitter only finds element boundaries (strings, escapes, nesting); the elements are
 * decoded and validated by pdata.
 */
import type { Signal } from '@ottl/collector';

export type JsonPiece =
  /** A request starts (`index` counts requests from 0 across the whole input). */
  | { readonly type: 'start'; readonly index: number }
  /** One element of the request's resource array: a JSON object text. */
  | { readonly type: 'resource'; readonly signal: Signal; readonly text: string }
  /** A request that is handed out whole (profiles). */
  | { readonly type: 'whole'; readonly signal: Signal; readonly text: string }
  | { readonly type: 'end' };

const RESOURCE_KEYS: Readonly<Record<string, Signal>> = {
  resourceLogs: 'logs',
  resource_logs: 'logs',
  resourceSpans: 'traces',
  resource_spans: 'traces',
  resourceMetrics: 'metrics',
  resource_metrics: 'metrics',
  resourceProfiles: 'profiles',
  resource_profiles: 'profiles',
};

export class JsonSplitError extends Error {
  override readonly name = 'JsonSplitError';
}

const QUOTE = 34;
const BACKSLASH = 92;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const COLON = 58;
const COMMA = 44;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export class JsonSplitter {
  private buf = '';
  /** Scan position in `buf`. */
  private pos = 0;
  /** Containers open (0 between requests). */
  private depth = 0;
  private inString = false;
  /** Inside the request object: the next string is a key. */
  private expectKey = false;
  private key: string | undefined;
  private keyStart = -1;
  /** The value being read at depth 1 belongs to this signal's resource array. */
  private arraySignal: Signal | undefined;
  private elementStart = -1;
  private requestStart = -1;
  private whole: Signal | undefined;
  private signal: Signal | undefined;
  private requests = 0;
  /** Bytes of text consumed before `buf` (for error positions). */
  private consumed = 0;

  /** Feeds text; returns the pieces completed by it. */
  push(text: string): JsonPiece[] {
    this.buf += text;
    const out: JsonPiece[] = [];
    this.scan(out);
    // Keep only what a piece still in progress needs.
    let keep = this.pos;
    if (this.whole !== undefined || (this.depth > 0 && this.signal === undefined && this.elementStart < 0)) keep = Math.min(keep, this.requestStart);
    if (this.elementStart >= 0) keep = Math.min(keep, this.elementStart);
    if (this.keyStart >= 0) keep = Math.min(keep, this.keyStart);
    if (keep > 0) {
      this.buf = this.buf.slice(keep);
      this.consumed += keep;
      this.pos -= keep;
      if (this.elementStart >= 0) this.elementStart -= keep;
      if (this.keyStart >= 0) this.keyStart -= keep;
      this.requestStart -= keep;
    }
    return out;
  }

  /** Ends the input; throws when a request is unfinished. */
  end(): JsonPiece[] {
    if (this.depth > 0 || this.inString) throw new JsonSplitError(`unexpected end of input inside request ${this.requests} (the JSON is truncated)`);
    return [];
  }

  private fail(message: string, at: number): never {
    throw new JsonSplitError(`${message} at character ${this.consumed + at}`);
  }

  private scan(out: JsonPiece[]): void {
    const s = this.buf;
    const n = s.length;
    let i = this.pos;
    while (i < n) {
      if (this.inString) {
        // Jump to the next quote that is not escaped.
        let q = s.indexOf('"', i);
        while (q >= 0) {
          let b = q - 1;
          while (b >= i - 1 && b >= 0 && s.charCodeAt(b) === BACKSLASH) b--;
          if ((q - 1 - b) % 2 === 0) break;
          q = s.indexOf('"', q + 1);
        }
        if (q < 0) {
          // Keep a trailing run of backslashes unscanned: the escape may end in the next chunk.
          let b = n - 1;
          while (b >= i && s.charCodeAt(b) === BACKSLASH) b--;
          i = b + 1;
          break;
        }
        this.inString = false;
        i = q + 1;
        if (this.keyStart >= 0) {
          this.key = JSON.parse(s.slice(this.keyStart, i)) as string;
          this.keyStart = -1;
        }
        continue;
      }
      const c = s.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (this.depth === 0) {
        if (c !== LBRACE) this.fail('expected an OTLP/JSON request (an object starting with {)', i);
        this.requestStart = i;
        this.depth = 1;
        this.expectKey = true;
        this.signal = undefined;
        this.whole = undefined;
        out.push({ type: 'start', index: this.requests });
        i++;
        continue;
      }
      if (c === QUOTE) {
        if (this.depth === 1 && this.expectKey) this.keyStart = i;
        this.inString = true;
        i++;
        continue;
      }
      if (this.depth === 1) {
        if (c === COLON) {
          this.expectKey = false;
          i++;
          continue;
        }
        if (c === COMMA) {
          this.expectKey = true;
          this.key = undefined;
          i++;
          continue;
        }
        if (c === RBRACE) {
          this.depth = 0;
          this.finishRequest(out, i);
          i++;
          continue;
        }
        if (c === LBRACKET && this.key !== undefined && RESOURCE_KEYS[this.key] !== undefined) {
          const sig = RESOURCE_KEYS[this.key]!;
          if (this.signal !== undefined && this.signal !== sig) this.fail(`request ${this.requests} mixes ${this.signal} and ${sig}`, i);
          this.signal = sig;
          if (sig === 'profiles') this.whole = sig;
          else this.arraySignal = sig;
        } else if (this.key === 'dictionary') {
          this.whole = 'profiles';
        }
      }
      if (c === LBRACE || c === LBRACKET) {
        if (this.depth === 2 && this.arraySignal !== undefined && this.whole === undefined && c === LBRACE) this.elementStart = i;
        this.depth++;
      } else if (c === RBRACE || c === RBRACKET) {
        this.depth--;
        if (this.depth === 2 && this.elementStart >= 0) {
          out.push({ type: 'resource', signal: this.arraySignal!, text: s.slice(this.elementStart, i + 1) });
          this.elementStart = -1;
        } else if (this.depth === 1) this.arraySignal = undefined;
      }
      i++;
    }
    this.pos = i;
  }

  private finishRequest(out: JsonPiece[], closeAt: number): void {
    if (this.whole !== undefined) out.push({ type: 'whole', signal: this.whole, text: this.buf.slice(this.requestStart, closeAt + 1) });
    out.push({ type: 'end' });
    this.requests++;
    this.arraySignal = undefined;
    this.key = undefined;
  }
}
