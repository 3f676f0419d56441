/**
 * Splits a stream of OTLP/JSON text into pieces small enough to process one at a time: the input
 * is a sequence of requests (one document, JSON lines, or documents one after another), and each
 * element of a request's `resourceLogs` / `resourceSpans` / `resourceMetrics` array is handed out
 * as soon as it is complete. Only the element being read is held in memory, never the request.
 * A profiles request (whose resources share one `dictionary`) is handed out whole.
 *
 * Each chunk is scanned once (work is linear in the input, whatever the chunk sizes); the splitter
 * only finds element boundaries (strings, escapes, nesting), and pdata decodes and validates.
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

/** Text being captured across chunks: earlier chunks' parts plus a start in the current one. */
class Capture {
  parts: string[] = [];
  start = -1;

  get active(): boolean {
    return this.start >= 0 || this.parts.length > 0;
  }

  begin(at: number): void {
    this.parts = [];
    this.start = at;
  }

  /** At the end of a chunk: keep the captured part of it. */
  carry(chunk: string): void {
    if (this.start >= 0) {
      this.parts.push(chunk.slice(this.start));
      this.start = 0;
    }
  }

  take(chunk: string, end: number): string {
    const text = this.parts.join('') + chunk.slice(Math.max(0, this.start), end);
    this.parts = [];
    this.start = -1;
    return text;
  }

  clear(): void {
    this.parts = [];
    this.start = -1;
  }
}

export class JsonSplitter {
  /** Containers open (0 between requests). */
  private depth = 0;
  private inString = false;
  /** Backslashes at the end of the previous chunk inside a string. */
  private pendingBackslashes = 0;
  /** Inside the request object: the next string is a key. */
  private expectKey = false;
  private key: string | undefined;
  private readonly keyText = new Capture();
  /** The array being read at depth 2 is this signal's resource array. */
  private arraySignal: Signal | undefined;
  private readonly element = new Capture();
  /** The request text, kept while it may have to be handed out whole. */
  private readonly request = new Capture();
  private whole = false;
  private signal: Signal | undefined;
  private requests = 0;
  /** Characters consumed in earlier chunks (for error positions). */
  private consumed = 0;

  /** Feeds text; returns the pieces completed by it. */
  push(chunk: string): JsonPiece[] {
    const out: JsonPiece[] = [];
    this.scan(chunk, out);
    this.keyText.carry(chunk);
    this.element.carry(chunk);
    this.request.carry(chunk);
    this.consumed += chunk.length;
    return out;
  }

  /** Ends the input; throws when a request is unfinished. */
  end(): void {
    if (this.depth > 0 || this.inString) throw new JsonSplitError(`unexpected end of input inside request ${this.requests + 1} (the JSON is truncated)`);
  }

  private fail(message: string, at: number): never {
    throw new JsonSplitError(`${message} (at character ${this.consumed + at})`);
  }

  /** Counts the backslashes right before `q`, back to `from` (and into the previous chunk when `from` is 0). */
  private escaped(s: string, from: number, q: number): boolean {
    let k = 0;
    let b = q - 1;
    while (b >= from && s.charCodeAt(b) === BACKSLASH) {
      k++;
      b--;
    }
    if (b < from && from === 0) k += this.pendingBackslashes;
    return k % 2 === 1;
  }

  private scan(s: string, out: JsonPiece[]): void {
    const n = s.length;
    let i = 0;
    let segment = 0;
    while (i < n) {
      if (this.inString) {
        let q = s.indexOf('"', i);
        while (q >= 0 && this.escaped(s, segment, q)) q = s.indexOf('"', q + 1);
        if (q < 0) {
          let b = n - 1;
          while (b >= segment && s.charCodeAt(b) === BACKSLASH) b--;
          const trailing = n - 1 - b;
          this.pendingBackslashes = b < segment && segment === 0 ? this.pendingBackslashes + trailing : trailing;
          return;
        }
        this.inString = false;
        this.pendingBackslashes = 0;
        i = q + 1;
        if (this.keyText.active) this.key = JSON.parse(this.keyText.take(s, i)) as string;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        i++;
        continue;
      }
      if (c === QUOTE) {
        if (this.depth === 1 && this.expectKey) this.keyText.begin(i);
        this.inString = true;
        this.pendingBackslashes = 0;
        segment = i + 1;
        i++;
        continue;
      }
      if (this.depth === 0) {
        if (c !== LBRACE) this.fail('expected an OTLP/JSON request (an object starting with {)', i);
        this.depth = 1;
        this.expectKey = true;
        this.key = undefined;
        this.signal = undefined;
        this.whole = false;
        this.request.begin(i);
        out.push({ type: 'start', index: this.requests });
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
          if (this.whole) out.push({ type: 'whole', signal: 'profiles', text: this.request.take(s, i + 1) });
          else this.request.clear();
          out.push({ type: 'end' });
          this.requests++;
          i++;
          continue;
        }
        const sig = this.key === undefined ? undefined : RESOURCE_KEYS[this.key];
        if (sig !== undefined || this.key === 'dictionary') {
          if (sig !== undefined && this.signal !== undefined && this.signal !== sig) this.fail(`request ${this.requests + 1} mixes ${this.signal} and ${sig}`, i);
          if (sig !== undefined) this.signal = sig;
          if (sig === 'profiles' || this.key === 'dictionary') {
            if (!this.request.active) this.fail('a profiles request must not follow resources of another signal', i);
            this.whole = true;
          } else if (c === LBRACKET) {
            this.arraySignal = sig;
            // The request's other text is not needed once its resources are streamed.
            this.request.clear();
          }
        }
      }
      if (c === LBRACE || c === LBRACKET) {
        if (this.depth === 2 && c === LBRACE && this.arraySignal !== undefined) this.element.begin(i);
        this.depth++;
      } else if (c === RBRACE || c === RBRACKET) {
        this.depth--;
        if (this.depth === 2 && this.element.active) out.push({ type: 'resource', signal: this.arraySignal!, text: this.element.take(s, i + 1) });
        else if (this.depth === 1) this.arraySignal = undefined;
      }
      i++;
    }
  }
}
